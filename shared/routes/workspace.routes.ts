import { workspace } from '../schemas/workspace';
import { route } from './contract';

/** « Mon espace »: the person's collectives, projects, organisation, funds, sponsored structures or the network's latest changes. */
export const workspaceRoutes = {
  get: route({
    method: 'GET',
    path: '/api/me/workspace',
    access: 'signed-in',
    tag: 'Comptes',
    summary: 'Mon espace\u202f: ce dont la personne connectée s’occupe, selon ses rôles',
    response: workspace,
  }),
};
