import type { FastifyInstance } from 'fastify';
import { directoryRoutesByResource } from '../../../shared/routes/directory.routes';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { implement } from '../../http/route-contract';
import type { DirectoryResource } from './directory-resource';
import type { ListQuery } from './directory-service';

/**
 * The routes of a directory resource (shared/routes/directory.routes.ts), each
 * a thin call to its service; `?format=csv|xlsx|json` turns the list into a file.
 */
export function registerDirectoryRoutes<Out extends { id: string }, Q extends ListQuery>(
  app: FastifyInstance,
  db: Database,
  resource: DirectoryResource<Out, Q>,
) {
  const routes = directoryRoutesByResource[resource.path];
  const s = resource.service(db);
  // Generic over the entity: the contract's schemas validated each part, the service's types take them from here.
  implement(app, routes.list, async ({ actor, query, reply }) => {
    const q = query as unknown as Q & { format?: 'json' | 'csv' | 'xlsx' };
    if (!q.format) return (await s.list(actor, q)) as never;
    return sendExport(reply, resource.path, q.format, await s.exportAll(actor, q), resource.csv);
  });
  implement(app, routes.get, async ({ actor, params }) => (await s.get(actor, params.id)) as never);
  implement(app, routes.create, async ({ actor, body }) => (await s.create(actor, body)) as never);
  implement(app, routes.update, async ({ actor, params, body }) => (await s.update(actor, params.id, body as Record<string, unknown>)) as never);
  implement(app, routes.remove, async ({ actor, params }) => {
    await s.remove(actor, params.id);
  });
}
