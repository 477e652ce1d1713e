import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/schemas/common';
import { workspace } from '../../../shared/schemas/workspace';
import type { Database } from '../../db/connection';
import { actorOf } from '../../http/request-actor';
import { getWorkspace } from './workspace-service';

/** « Mon espace » (signed-in): the person's collectives, projects, organisation, funds, sponsored structures or the network's latest changes. */
export function workspaceRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/me/workspace',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Mon espace\u202f: ce dont la personne connectée s’occupe, selon ses rôles',
        response: { 200: workspace, 401: errorResponse, 403: errorResponse },
      },
    },
    async (req) => getWorkspace(db, actorOf(req)),
  );
}
