import type { FastifyInstance } from 'fastify';
import { hackathonRoutes as routes } from '../../../shared/routes/hackathons.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { hackathonService } from './hackathon-service';
import { innovationService } from './innovation-service';

/** Hackathons: challenges, teams, submissions, jury, results; innovations and their follow-up. */
export function hackathonRoutes(app: FastifyInstance, db: Database) {
  const h = hackathonService(db);
  const i = innovationService(db);
  implement(app, routes.overview, async ({ actor, params }) => h.overview(actor, params.id));
  implement(app, routes.challenges, async ({ actor, params }) => h.challenges(actor, params.id));
  implement(app, routes.addChallenge, async ({ actor, params, body }) => h.addChallenge(actor, params.id, body));
  implement(app, routes.teams, async ({ actor, params }) => h.teams(actor, params.id));
  implement(app, routes.createTeam, async ({ actor, params, body }) => h.createTeam(actor, params.id, body));
  implement(app, routes.submit, async ({ actor, params, body }) => h.submit(actor, params.id, params.teamId, body));
  implement(app, routes.rubric, async ({ actor, params, body }) => h.rubric(actor, params.id, body));
  implement(app, routes.conflicts, async ({ actor, params }) => h.conflicts(actor, params.id));
  implement(app, routes.declareConflict, async ({ actor, params, body }) => h.declareConflict(actor, params.id, body));
  implement(app, routes.assignments, async ({ actor, params }) => h.assignments(actor, params.id));
  implement(app, routes.assign, async ({ actor, params, body }) => h.assign(actor, params.id, body));
  implement(app, routes.reviews, async ({ actor, params }) => h.reviews(actor, params.id));
  implement(app, routes.review, async ({ actor, params, body }) => h.review(actor, params.id, body));
  implement(app, routes.compare, async ({ actor, params, body }) => {
    await h.compare(actor, params.id, body);
  });
  implement(app, routes.results, async ({ actor, params }) => h.results(actor, params.id));
  implement(app, routes.publish, async ({ actor, params }) => h.publish(actor, params.id));
  implement(app, routes.innovations, async ({ actor, query }) => i.list(actor, query));
  implement(app, routes.innovation, async ({ actor, params }) => i.get(actor, params.id));
  implement(app, routes.createInnovation, async ({ actor, body }) => i.create(actor, body));
  implement(app, routes.recordFollowUp, async ({ actor, params, body }) => i.recordFollowUp(actor, params.id, params.month, body));
  implement(app, routes.makeProject, async ({ actor, params, body }) => i.makeProject(actor, params.id, body));
}
