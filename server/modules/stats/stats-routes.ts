import type { FastifyInstance } from 'fastify';
import { statsRoutes as routes } from '../../../shared/routes/stats.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { getStats, getTerritoryStats } from './stats-service';

export function statsRoutes(app: FastifyInstance, db: Database) {
  implement(app, routes.get, async ({ actor, query }) => getStats(db, actor, new Date(), query.year ?? null));
  implement(app, routes.territories, async ({ actor, query }) => getTerritoryStats(db, actor, query.level, query.covered ?? false));
}
