import { organisationFields, organisationInput } from '../../../shared/schemas/organisation';
import type { Database } from '../../db/connection';
import { directoryService } from '../directory/directory-service';
import { organisationStore } from './organisation-store';

export const organisationService = (db: Database) =>
  directoryService(db, organisationStore, { input: organisationInput, fields: organisationFields });
