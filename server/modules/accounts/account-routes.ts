import type { FastifyInstance } from 'fastify';
import { accountRoutes as routes } from '../../../shared/routes/accounts.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { accountService } from './account-service';

/** The national team's view of accounts: who has which role, and granting them. */
export function accountRoutes(app: FastifyInstance, db: Database) {
  const s = accountService(db);
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.id));
  implement(app, routes.setRoles, async ({ actor, params, body }) => s.setRoles(actor, params.id, body));
}
