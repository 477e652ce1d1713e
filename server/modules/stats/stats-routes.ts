import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/schemas/common';
import { stats, territoryStats, territoryStatsQuery } from '../../../shared/schemas/reference';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { getStats, getTerritoryStats } from './stats-service';

export function statsRoutes(app: FastifyInstance, db: Database) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/stats', { schema: { tags: ['Chiffres clés'], summary: 'Chiffres clés calculés en direct', response: { 200: stats } } }, async (req) =>
      getStats(db, actorOf(req), new Date()),
    )
    .get(
      '/api/stats/territories',
      {
        schema: {
          tags: ['Chiffres clés'],
          summary: 'Collectifs et projets par département ou par région (carte) ; covered=true : seulement ceux qui ont un projet',
          querystring: territoryStatsQuery,
          response: { 200: territoryStats, 400: errorResponse },
        },
      },
      async (req) => getTerritoryStats(db, actorOf(req), req.query.level, req.query.covered ?? false),
    );
}
