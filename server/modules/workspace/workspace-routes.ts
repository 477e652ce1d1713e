import type { FastifyInstance } from 'fastify';
import { workspaceRoutes as routes } from '../../../shared/routes/workspace.routes';
import type { Database } from '../../db/connection';
import { implement } from '../../http/route-contract';
import { getWorkspace } from './workspace-service';

/** « Mon espace »: what the signed-in person looks after, by their roles. */
export function workspaceRoutes(app: FastifyInstance, db: Database) {
  implement(app, routes.get, async ({ actor }) => getWorkspace(db, actor));
}
