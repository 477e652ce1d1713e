import type { FastifyInstance } from 'fastify';
import { territoryRoutes as routes } from '../../../shared/routes/territories.routes';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { implement } from '../../http/route-contract';
import { territoryService } from './territory-service';

export function territoryRoutes(app: FastifyInstance, db: Database) {
  const s = territoryService(db);
  implement(app, routes.list, async ({ actor, query, reply }) => {
    if (!query.format) return s.search(actor, query);
    return sendExport(reply, 'territories', query.format, await s.exportAll(actor, query), [
      { header: 'Type', value: (t) => t.kind },
      { header: 'Code', value: (t) => t.code },
      { header: 'Nom', value: (t) => t.name },
      { header: 'Population', value: (t) => t.population },
      { header: 'Région', value: (t) => t.regionCode },
      { header: 'Département', value: (t) => t.departementCode },
      { header: 'EPCI', value: (t) => t.epciCode },
    ]);
  });
  implement(app, routes.get, async ({ actor, params }) => s.get(actor, params.kind, params.code));
}
