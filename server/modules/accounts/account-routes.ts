import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { account, accountListQuery, accountRolesInput } from '../../../shared/schemas/account';
import { errorResponse, idParams } from '../../../shared/schemas/common';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { accountService } from './account-service';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** The national team's view of accounts: who has which role, and granting them. */
export function accountRoutes(app: FastifyInstance, db: Database) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = accountService(db);
  const tags = ['Comptes'];
  r.get(
    '/api/accounts',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Les comptes, leurs rôles et leurs identités ProConnect (équipe nationale)',
        querystring: accountListQuery,
        response: { 200: z.object({ items: z.array(account), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), ...errors },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  r.get(
    '/api/accounts/:id',
    { config: { access: 'admin' }, schema: { tags, summary: 'Un compte', params: idParams, response: { 200: account, ...errors } } },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  r.put(
    '/api/accounts/:id/roles',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remplacer les rôles d’un compte (avec leurs périmètres)',
        params: idParams,
        body: accountRolesInput,
        response: { 200: account, ...errors },
      },
    },
    async (req) => s.setRoles(actorOf(req), req.params.id, req.body),
  );
}
