import type { FastifyInstance } from 'fastify';
import { indicatorRoutes as routes } from '../../../shared/routes/indicators.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { diffSnapshot, indicatorRecords, indicatorSeries, listIndicators, readIndicator, readSnapshot, snapshots, takeSnapshot } from './indicator-service';

export function indicatorRoutes(app: FastifyInstance, db: Database) {
  implement(app, routes.list, async ({ actor }) => listIndicators(actor));
  implement(app, routes.takeSnapshot, async ({ actor, body }) => takeSnapshot(db, actor, body.year, new Date()));
  implement(app, routes.snapshots, async ({ actor }) => snapshots(db, actor));
  implement(app, routes.snapshot, async ({ actor, params }) => readSnapshot(db, actor, params.year));
  implement(app, routes.snapshotDiff, async ({ actor, params }) => diffSnapshot(db, actor, params.year, new Date()));
  implement(app, routes.get, async ({ actor, params, query }) => readIndicator(db, actor, params.code, query, new Date()));
  implement(app, routes.series, async ({ actor, params, query }) => indicatorSeries(db, actor, params.code, query));
  implement(app, routes.records, async ({ actor, params, query }) => indicatorRecords(db, actor, params.code, query, new Date()));
}
