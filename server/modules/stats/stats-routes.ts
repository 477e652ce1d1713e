import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stats } from '../../../shared/schemas/reference';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { getStats } from './stats-service';

export function statsRoutes(app: FastifyInstance, db: Database) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/api/stats', { schema: { tags: ['Chiffres clés'], summary: 'Chiffres clés calculés en direct', response: { 200: stats } } }, async (req) =>
      getStats(db, actorOf(req), new Date()),
    );
}
