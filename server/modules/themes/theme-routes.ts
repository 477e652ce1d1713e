import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, listResponse } from '../../../shared/schemas/common';
import { theme, themeInput, themeListQuery, themeParams, themePatch } from '../../../shared/schemas/reference';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { actorOf } from '../../http/request-actor';
import { themeService } from './theme-service';

export function themeRoutes(app: FastifyInstance, db: Database) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = themeService(db);
  const tags = ['Thèmes'];
  const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
  r.get(
    '/api/themes',
    { schema: { tags, summary: 'Lister (format=csv|json : exporter)', querystring: themeListQuery, response: { 200: listResponse(theme) } } },
    async (req, reply) => {
      const list = await s.list(actorOf(req));
      if (!req.query.format) return list;
      return sendExport(reply, 'themes', req.query.format, list.items, [
        { header: 'Code', value: (t) => t.code },
        { header: 'Libellé', value: (t) => t.label },
        { header: 'Utilisations', value: (t) => t.usage },
      ]);
    },
  );
  r.get('/api/themes/:code', { schema: { tags, summary: 'Lire', params: themeParams, response: { 200: theme, ...errors } } }, async (req) =>
    s.get(actorOf(req), req.params.code),
  );
  r.post(
    '/api/themes',
    { config: { access: 'admin' }, schema: { tags, summary: 'Créer', body: themeInput, response: { 201: theme, ...errors } } },
    async (req, reply) => reply.code(201).send(await s.create(actorOf(req), req.body)),
  );
  r.patch(
    '/api/themes/:code',
    { config: { access: 'admin' }, schema: { tags, summary: 'Modifier', params: themeParams, body: themePatch, response: { 200: theme, ...errors } } },
    async (req) => s.update(actorOf(req), req.params.code, req.body),
  );
  r.delete(
    '/api/themes/:code',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Supprimer (s’il n’est plus utilisé)', params: themeParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.code);
      return reply.code(204).send(null);
    },
  );
}
