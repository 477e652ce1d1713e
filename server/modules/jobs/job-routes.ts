import type { FastifyInstance } from 'fastify';
import { jobRoutes as routes } from '../../../shared/routes/jobs.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import type { JobDefinition } from './job-queue';
import { jobService } from './job-service';

export function jobRoutes(app: FastifyInstance, db: Database, definitions: readonly JobDefinition<never>[]) {
  const s = jobService(db, new Map(definitions.map((d) => [d.name, d.label])));
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.id));
}
