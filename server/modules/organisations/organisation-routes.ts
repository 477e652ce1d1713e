import type { FastifyInstance } from 'fastify';
import {
  type Organisation,
  organisation,
  organisationInput,
  organisationListQuery,
  organisationPatch,
} from '../../../shared/schemas/organisation';
import type { Database } from '../../db/connection';
import { registerDirectoryRoutes } from '../../http/directory-routes';
import { organisationColumns } from './organisation-columns';
import { organisationService } from './organisation-service';

export function organisationRoutes(app: FastifyInstance, db: Database) {
  registerDirectoryRoutes<Organisation, ReturnType<typeof organisationListQuery.parse>>(app, {
    path: 'organisations',
    tag: 'Structures',
    item: organisation,
    create: organisationInput,
    patch: organisationPatch,
    listQuery: organisationListQuery,
    csv: organisationColumns.map((c) => ({ header: c.header, value: c.format })),
    service: organisationService(db),
  });
}
