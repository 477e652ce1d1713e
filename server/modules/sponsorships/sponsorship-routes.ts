import type { FastifyInstance } from 'fastify';
import { sponsorshipRoutes as routes } from '../../../shared/routes/sponsorships.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { sponsorshipService } from './sponsorship-service';
import { sponsorshipCategories, sponsorshipCategoryLabels } from '../../../shared/vocabulary';

/** Hackers Publics: needs, sponsors' profiles, proposals, answers, sessions, closing, dashboard. */
export function sponsorshipRoutes(app: FastifyInstance, db: Database) {
  const s = sponsorshipService(db);
  implement(app, routes.categories, async () => sponsorshipCategories.map((code) => ({ code, label: sponsorshipCategoryLabels[code] })));
  implement(app, routes.listNeeds, async ({ actor, query }) => s.listNeeds(actor, query));
  implement(app, routes.createNeed, async ({ actor, body }) => s.createNeed(actor, body));
  implement(app, routes.getNeed, async ({ actor, params }) => s.getNeed(actor, params.id));
  implement(app, routes.updateNeed, async ({ actor, params, body }) => s.updateNeed(actor, params.id, body));
  implement(app, routes.deleteNeed, async ({ actor, params }) => s.deleteNeed(actor, params.id));
  implement(app, routes.candidates, async ({ actor, params }) => s.candidates(actor, params.id));
  implement(app, routes.getSponsor, async ({ actor, params }) => s.getSponsor(actor, params.id));
  implement(app, routes.setSponsor, async ({ actor, params, body }) => s.setSponsor(actor, params.id, body));
  implement(app, routes.propose, async ({ actor, body }) => s.propose(actor, body));
  implement(app, routes.dashboard, async ({ actor, query }) => s.dashboard(actor, query));
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.id));
  implement(app, routes.update, async ({ actor, params, body }) => s.update(actor, params.id, body));
  implement(app, routes.send, async ({ actor, params }) => s.send(actor, params.id));
  implement(app, routes.accept, async ({ actor, params }) => s.accept(actor, params.id));
  implement(app, routes.decline, async ({ actor, params, body }) => s.decline(actor, params.id, body));
  implement(app, routes.close, async ({ actor, params, body }) => s.close(actor, params.id, body));
  implement(app, routes.sessions, async ({ actor, params }) => s.sessions(actor, params.id));
  implement(app, routes.addSession, async ({ actor, params, body }) => s.addSession(actor, params.id, body));
}
