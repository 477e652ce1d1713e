import type { FastifyInstance } from 'fastify';
import { themeRoutes as routes } from '../../../shared/routes/themes.routes';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { implement } from '../../http/route-contract';
import { themeService } from './theme-service';

export function themeRoutes(app: FastifyInstance, db: Database) {
  const s = themeService(db);
  implement(app, routes.list, async ({ actor, query, reply }) => {
    const list = await s.list(actor);
    if (!query.format) return list;
    return sendExport(reply, 'themes', query.format, list.items, [
      { header: 'Code', value: (t) => t.code },
      { header: 'Libellé', value: (t) => t.label },
      { header: 'Utilisations', value: (t) => t.usage },
    ]);
  });
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.code));
  implement(app, routes.create, async ({ actor, body }) => s.create(actor, body));
  implement(app, routes.update, async ({ actor, params, body }) => s.update(actor, params.code, body));
  implement(app, routes.remove, async ({ actor, params }) => {
    await s.remove(actor, params.code);
  });
}
