import type { FastifyInstance } from 'fastify';
import { notificationRoutes as routes } from '../../../shared/routes/notifications.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { notificationService } from './notification-service';

export function notificationRoutes(app: FastifyInstance, db: Database) {
  const s = notificationService(db);
  // RFC 8058: the mail client posts `List-Unsubscribe=One-Click` as a form; its content is not needed.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));
  implement(app, routes.list, async ({ actor, query }) => s.list(actor, query));
  implement(app, routes.read, async ({ actor, params }) => s.read(actor, params.id));
  implement(app, routes.readAll, async ({ actor }) => s.readAll(actor));
  implement(app, routes.preferences, async ({ actor }) => s.preferences(actor));
  implement(app, routes.setPreferences, async ({ actor, body }) => s.setPreferences(actor, body));
  implement(app, routes.unsubscribe, async ({ query }) => s.unsubscribe(query.token));
}
