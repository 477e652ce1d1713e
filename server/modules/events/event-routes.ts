import type { FastifyInstance } from 'fastify';
import { eventRoutes as routes } from '../../../shared/routes/events.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { eventService } from './event-service';

export function eventRoutes(app: FastifyInstance, db: Database, opts: { publicUrl?: string } = {}) {
  const s = eventService(db, opts);
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.id));
  implement(app, routes.create, async ({ actor, body }) => s.create(actor, body));
  implement(app, routes.update, async ({ actor, params, body }) => s.update(actor, params.id, body));
  implement(app, routes.remove, async ({ actor, params }) => s.remove(actor, params.id));
  implement(app, routes.calendar, async ({ actor, params, reply }) => {
    const { filename, body } = await s.calendar(actor, params.id);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(body);
  });
  implement(app, routes.registrations, async ({ actor, params, query }) => s.registrations(actor, params.id, query));
  implement(app, routes.register, async ({ actor, params, body }) => s.register(actor, params.id, body));
  implement(app, routes.updateRegistration, async ({ actor, params, body }) => s.updateRegistration(actor, params.id, params.rid, body));
}
