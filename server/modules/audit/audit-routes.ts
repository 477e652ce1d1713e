import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntry, auditPageQuery, historyQuery } from '../../../shared/schemas/audit';
import { errorResponse, idParams, listResponse } from '../../../shared/schemas/common';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { directoryResources } from '../registry';
import { pageAudit } from './audit-service';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };

/** The audit trail (national team only): filtered, and per record as its history. */
export function auditRoutes(app: FastifyInstance, db: Database) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Audit'],
        summary: "Journal d'audit, filtré par entité, enregistrement, acteur, action et dates, paginé",
        querystring: auditPageQuery,
        response: { 200: listResponse(auditEntry), ...errors },
      },
    },
    async (req) => pageAudit(db, actorOf(req), req.query),
  );
  for (const resource of directoryResources)
    r.get(
      `/api/${resource.path}/:id/history`,
      {
        config: { access: 'admin' },
        schema: {
          tags: ['Audit'],
          summary: `Historique d'un enregistrement (${resource.tag}), paginé`,
          params: idParams,
          querystring: historyQuery,
          response: { 200: listResponse(auditEntry), ...errors },
        },
      },
      async (req) => pageAudit(db, actorOf(req), { entity: resource.path, record: req.params.id, ...req.query }),
    );
}
