import type { FastifyInstance } from 'fastify';
import { openDataRoutes as routes } from '../../../shared/routes/open-data.routes';
import type { Database } from '../../db/connection';
import { sendExport } from '../../http/export';
import { implement } from '../../http/route-contract';
import { catalogue, datasetRows, parseFile, tableSchemaOf } from './open-data-service';

/** Open data: the catalogue, each dataset's dictionary, and each dataset as a file. */
export function openDataRoutes(app: FastifyInstance, db: Database) {
  implement(app, routes.catalogue, async () => catalogue());
  implement(app, routes.schema, async ({ params }) => tableSchemaOf(params.dataset));
  implement(app, routes.file, async ({ params, reply }) => {
    const { dataset, format } = parseFile(params.file);
    const { rows, columns } = await datasetRows(db, dataset);
    return sendExport(reply, dataset, format, rows, columns);
  });
}
