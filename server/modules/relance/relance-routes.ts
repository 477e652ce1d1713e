import type { FastifyInstance } from 'fastify';
import { relanceRoutes as routes } from '../../../shared/routes/relance.routes';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { implement } from '../../http/route-contract';
import { measureService } from './measure-service';
import { meetingService } from './meeting-service';
import { obstacleService, statsColumns, statsRows } from './obstacle-service';

/** ESS relance: measures and their verdicts, obstacles, their timeline and statistics. */
export function relanceRoutes(app: FastifyInstance, db: Database) {
  const m = measureService(db);
  const o = obstacleService(db);
  const meetings = meetingService(db);
  implement(app, routes.listMeasures, async ({ actor, query }) => m.list(actor, query));
  implement(app, routes.createMeasure, async ({ actor, body }) => m.create(actor, body));
  implement(app, routes.verdicts, async ({ actor, body }) => m.verdicts(actor, body));
  implement(app, routes.getMeasure, async ({ actor, params }) => m.get(actor, params.id));
  implement(app, routes.updateMeasure, async ({ actor, params, body }) => m.update(actor, params.id, body));
  implement(app, routes.deleteMeasure, async ({ actor, params }) => {
    await m.remove(actor, params.id);
  });
  implement(app, routes.eligibleProjects, async ({ actor, params, query }) => m.eligibleProjects(actor, params.id, query));
  implement(app, routes.projectMeasures, async ({ actor, params, query }) => m.projectMeasures(actor, params.id, query.window));
  implement(app, routes.organisationMeasures, async ({ actor, params, query }) => m.organisationMeasures(actor, params.id, query.window));
  implement(app, routes.obstacleStats, async ({ actor, query, reply }) => {
    const stats = await o.stats(actor, query);
    if (!query.format || query.format === 'json') return stats;
    return sendExport(reply, 'freins-statistiques', query.format, statsRows(stats), statsColumns);
  });
  implement(app, routes.listObstacles, async ({ actor, query }) => o.list(actor, query));
  implement(app, routes.createObstacle, async ({ actor, body }) => o.create(actor, body));
  implement(app, routes.getObstacle, async ({ actor, params }) => o.get(actor, params.id));
  implement(app, routes.updateObstacle, async ({ actor, params, body }) => o.update(actor, params.id, body));
  implement(app, routes.obstacleActions, async ({ actor, params }) => o.actions(actor, params.id));
  implement(app, routes.addObstacleAction, async ({ actor, params, body }) => o.addAction(actor, params.id, body));
  implement(app, routes.meetingAgenda, async ({ actor, params }) => meetings.agenda(actor, params.id));
  implement(app, routes.setMeetingAgenda, async ({ actor, params, body }) => meetings.setAgenda(actor, params.id, body));
  implement(app, routes.setMeetingMinutes, async ({ actor, params, body }) => meetings.setMinutes(actor, params.id, body));
}
