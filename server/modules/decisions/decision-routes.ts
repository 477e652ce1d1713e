import type { FastifyInstance } from 'fastify';
import { decisionRoutes as routes } from '../../../shared/routes/decisions.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { decisionService } from './decision-service';

/** Collective decisions: polls, votes, results, follow-up, and the members who vote. */
export function decisionRoutes(app: FastifyInstance, db: Database) {
  const s = decisionService(db);
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.id));
  implement(app, routes.create, async ({ actor, body }) => s.create(actor, body));
  implement(app, routes.update, async ({ actor, params, body }) => s.update(actor, params.id, body));
  implement(app, routes.vote, async ({ actor, params, body }) => s.vote(actor, params.id, body));
  implement(app, routes.close, async ({ actor, params }) => s.close(actor, params.id));
  implement(app, routes.addAction, async ({ actor, params, body }) => s.addAction(actor, params.id, body));
  implement(app, routes.updateAction, async ({ actor, params, body }) => s.updateAction(actor, params.id, params.actionId, body));
  implement(app, routes.members, async ({ actor, params }) => s.members(actor, params.id));
  implement(app, routes.addMember, async ({ actor, params, body }) => s.addMember(actor, params.id, body.email));
  implement(app, routes.removeMember, async ({ actor, params }) => {
    await s.removeMember(actor, params.id, params.accountId);
  });
}
