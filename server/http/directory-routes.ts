import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorResponse, idParams, listResponse } from '../../shared/schemas/common';
import type { Database } from '../db/connection';
import type { DirectoryResource } from '../modules/directory/directory-resource';
import type { ListQuery } from '../modules/directory/directory-service';
import { sendExport } from './export';
import { actorOf } from './request-actor';

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/**
 * The five routes of a directory resource, each a thin call to its service:
 * `GET /api/x` (list, or export with `?format=csv|json`), `GET /api/x/:id`,
 * `POST /api/x`, `PATCH /api/x/:id`, `DELETE /api/x/:id`.
 */
export function registerDirectoryRoutes<Out extends { id: string }, Q extends ListQuery>(
  app: FastifyInstance,
  db: Database,
  resource: DirectoryResource<Out, Q>,
) {
  const o = { ...resource, service: resource.service(db) };
  // Generic over the entity, so the handlers read the already-validated input
  // through casts; the schemas still validate and document every route.
  const r = app;
  const base = `/api/${o.path}`;
  const tags = [o.tag];

  r.get(
    base,
    {
      schema: {
        tags,
        summary: `Lister (ou exporter avec format=csv|xlsx|json)`,
        querystring: o.listQuery,
        response: { 200: listResponse(o.item), 400: errorResponse },
      },
    },
    async (req, reply) => {
      const q = req.query as Q & { format?: 'json' | 'csv' | 'xlsx' };
      if (!q.format) return o.service.list(actorOf(req), q);
      return sendExport(reply, o.path, q.format, await o.service.exportAll(actorOf(req), q), o.csv);
    },
  );

  r.get(`${base}/:id`, { schema: { tags, summary: 'Lire', params: idParams, response: { 200: o.item, ...errors } } }, async (req) =>
    o.service.get(actorOf(req), (req.params as { id: string }).id),
  );

  r.post(base, { config: { access: 'writer' }, schema: { tags, summary: 'Créer', body: o.create, response: { 201: o.item, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await o.service.create(actorOf(req), req.body)),
  );

  r.patch(
    `${base}/:id`,
    {
      config: { access: 'writer' },
      schema: { tags, summary: 'Modifier (champs partiels)', params: idParams, body: o.patch, response: { 200: o.item, ...errors } },
    },
    async (req) => o.service.update(actorOf(req), (req.params as { id: string }).id, req.body as Record<string, unknown>),
  );

  r.delete(
    `${base}/:id`,
    { config: { access: 'writer' }, schema: { tags, summary: 'Supprimer', params: idParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await o.service.remove(actorOf(req), (req.params as { id: string }).id);
      return reply.code(204).send(null);
    },
  );
}
