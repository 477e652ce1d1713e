import { listResponse } from '../schemas/common';
import { territory, territoryDetail, territoryListQuery, territoryParams } from '../schemas/reference';
import { route } from './contract';
import { exportTypes } from './directory.routes';

const tag = 'Territoires';

export const territoryRoutes = {
  list: route({
    method: 'GET',
    path: '/api/territories',
    access: 'open',
    tag,
    summary: 'Chercher une commune, un EPCI, un département ou une région par nom, code INSEE ou code postal (format=csv|json : tout exporter)',
    query: territoryListQuery,
    response: listResponse(territory),
    produces: exportTypes,
  }),
  get: route({
    method: 'GET',
    path: '/api/territories/:kind/:code',
    access: 'open',
    tag,
    summary: 'Lire un territoire et ses parents',
    params: territoryParams,
    response: territoryDetail,
  }),
};
