import { siteInfo } from '../schemas/reference';
import { route } from './contract';

export const siteRoutes = {
  get: route({
    method: 'GET',
    path: '/api/site',
    access: 'open',
    tag: 'Instance',
    summary: 'Qui exploite cette instance (mentions légales, contact)',
    response: siteInfo,
  }),
};
