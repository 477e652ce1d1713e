import type { FastifyInstance } from 'fastify';
import { auditRoutes as routes } from '../../../shared/routes/audit.routes';
import { directoryRoutesByResource } from '../../../shared/routes/directory.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { pageAudit } from './audit-service';

/** The audit trail (national team only): filtered, and per record as its history. */
export function auditRoutes(app: FastifyInstance, db: Database) {
  implement(app, routes.list, async ({ actor, query }) => pageAudit(db, actor, query));
  for (const [entity, history] of Object.entries(directoryRoutesByResource).map(([e, r]) => [e, r.history] as const))
    implement(app, history, async ({ actor, params, query }) => pageAudit(db, actor, { entity, record: params.id, ...query }));
}
