import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, listResponse } from '../../../shared/schemas/common';
import { territory, territoryDetail, territoryListQuery, territoryParams } from '../../../shared/schemas/reference';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { actorOf } from '../../http/request-actor';
import { territoryService } from './territory-service';

export function territoryRoutes(app: FastifyInstance, db: Database) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = territoryService(db);
  const tags = ['Territoires'];
  r.get(
    '/api/territories',
    {
      schema: {
        tags,
        summary: 'Chercher une commune, un EPCI, un département ou une région par nom, code INSEE ou code postal (format=csv|json : tout exporter)',
        querystring: territoryListQuery,
        response: { 200: listResponse(territory), 400: errorResponse },
      },
    },
    async (req, reply) => {
      if (!req.query.format) return s.search(actorOf(req), req.query);
      return sendExport(reply, 'territories', req.query.format, await s.exportAll(actorOf(req), req.query), [
        { header: 'Type', value: (t) => t.kind },
        { header: 'Code', value: (t) => t.code },
        { header: 'Nom', value: (t) => t.name },
        { header: 'Population', value: (t) => t.population },
        { header: 'Région', value: (t) => t.regionCode },
        { header: 'Département', value: (t) => t.departementCode },
        { header: 'EPCI', value: (t) => t.epciCode },
      ]);
    },
  );
  r.get(
    '/api/territories/:kind/:code',
    { schema: { tags, summary: 'Lire un territoire et ses parents', params: territoryParams, response: { 200: territoryDetail, 404: errorResponse } } },
    async (req) => s.get(actorOf(req), req.params.kind, req.params.code),
  );
}
