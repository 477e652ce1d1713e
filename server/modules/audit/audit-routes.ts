import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { directoryRoutesByResource } from '../../../shared/routes/directory.routes';
import { auditEntry, auditPageQuery } from '../../../shared/schemas/audit';
import { errorResponse, listResponse } from '../../../shared/schemas/common';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { implement } from '../../http/route-contract';
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
  for (const [entity, routes] of Object.entries(directoryRoutesByResource))
    implement(app, routes.history, async ({ actor, params, query }) => pageAudit(db, actor, { entity, record: params.id, ...query }));
}
