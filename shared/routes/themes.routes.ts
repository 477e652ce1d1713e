import { listResponse } from '../schemas/common';
import { theme, themeInput, themeListQuery, themeParams, themePatch } from '../schemas/reference';
import { route } from './contract';

const tag = 'Thèmes';

/** The themes (thématiques) projects and funds are classified by; the national team keeps the list. */
export const themeRoutes = {
  list: route({
    method: 'GET',
    path: '/api/themes',
    access: 'open',
    tag,
    summary: 'Lister (format=csv|xlsx|json : exporter)',
    query: themeListQuery,
    response: listResponse(theme),
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
  get: route({ method: 'GET', path: '/api/themes/:code', access: 'open', tag, summary: 'Lire', params: themeParams, response: theme }),
  create: route({ method: 'POST', path: '/api/themes', access: 'admin', tag, summary: 'Créer', body: themeInput, response: theme, status: 201 }),
  update: route({
    method: 'PATCH',
    path: '/api/themes/:code',
    access: 'admin',
    tag,
    summary: 'Modifier',
    params: themeParams,
    body: themePatch,
    response: theme,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/themes/:code',
    access: 'admin',
    tag,
    summary: 'Supprimer (s’il n’est plus utilisé)',
    params: themeParams,
    status: 204,
  }),
};
