import type { z } from 'zod';
import type { QueryOf } from '../../../shared/routes/contract';
import type { DirectoryPath, directoryRoutesByResource } from '../../../shared/routes/directory.routes';
import type { Database } from '../../db/connection';
import type { CsvColumn } from '../../../shared/spreadsheet/csv';
import type { DirectoryService, ListQuery } from './directory-service';
import type { EntityPolicy } from './entity-policy';

/**
 * Everything about a directory resource that the HTTP routes and the command
 * line share besides its schemas (those are its routes in the contract,
 * `directoryRoutesByResource[path]`): spreadsheet columns, service, policy.
 */
export interface DirectoryResource<Out extends { id: string }, Q extends ListQuery> {
  /** Plural path under /api and the CLI entity name, e.g. `organisations`; names its routes in the contract. */
  path: DirectoryPath;
  csv: CsvColumn<Out>[];
  service: (db: Database) => DirectoryService<Out, Q>;
  /** Who may do what with its records (the same policy its service applies). */
  policy: EntityPolicy<never, never>;
}

type Routes = typeof directoryRoutesByResource;

/** A resource whose record and list query types are those of its routes in the contract. */
export const defineResource = <P extends DirectoryPath>(
  r: DirectoryResource<z.output<Routes[P]['get']['response']>, QueryOf<Routes[P]['list']>> & { path: P },
) => r;
