import { stats, statsQuery, territoryStats, territoryStatsQuery } from '../schemas/reference';
import { route } from './contract';

const tag = 'Chiffres clés';

export const statsRoutes = {
  get: route({
    method: 'GET',
    path: '/api/stats',
    access: 'open',
    tag,
    summary: 'Chiffres clés calculés en direct ; year=2020 : chaque indicateur tel qu’au 31 décembre 2020 (stocks) ou pendant 2020 (flux)',
    query: statsQuery,
    response: stats,
  }),
  territories: route({
    method: 'GET',
    path: '/api/stats/territories',
    access: 'open',
    tag,
    summary: 'Collectifs et projets par département ou par région (carte) ; covered=true : seulement ceux qui ont un projet',
    query: territoryStatsQuery,
    response: territoryStats,
  }),
};
