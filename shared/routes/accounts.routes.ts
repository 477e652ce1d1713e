import { z } from 'zod';
import { account, accountListQuery, accountRolesInput } from '../schemas/account';
import { idParams } from '../schemas/common';
import { route } from './contract';

const tag = 'Comptes';

/** The national team's view of accounts (who has which role, and granting them), and each person's own space. */
export const accountRoutes = {
  list: route({
    method: 'GET',
    path: '/api/accounts',
    access: 'admin',
    tag,
    summary: 'Les comptes, leurs rôles et leurs identités ProConnect (équipe nationale)',
    query: accountListQuery,
    response: z.object({ items: z.array(account), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  }),
  get: route({ method: 'GET', path: '/api/accounts/:id', access: 'admin', tag, summary: 'Un compte', params: idParams, response: account }),
  setRoles: route({
    method: 'PUT',
    path: '/api/accounts/:id/roles',
    access: 'admin',
    tag,
    summary: 'Remplacer les rôles d’un compte (avec leurs périmètres)',
    params: idParams,
    body: accountRolesInput,
    response: account,
  }),
};
