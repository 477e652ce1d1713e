import type { z } from 'zod';
import type { Database } from '../../db/connection';
import type { CsvColumn } from '../../../shared/spreadsheet/csv';
import type { DirectoryService, ListQuery } from './directory-service';
import type { EntityPolicy } from './entity-policy';

/**
 * Everything about a directory resource that the HTTP routes and the command
 * line share: its path, schemas, spreadsheet columns and service.
 */
export interface DirectoryResource<Out extends { id: string }, Q extends ListQuery> {
  /** Plural path under /api and the CLI entity name, e.g. `organisations`. */
  path: string;
  /** French name of the resource for the documentation. */
  tag: string;
  item: z.ZodType<Out>;
  create: z.ZodType;
  patch: z.ZodType;
  listQuery: z.ZodType<Q & { format?: 'json' | 'csv' | 'xlsx' | undefined }>;
  csv: CsvColumn<Out>[];
  service: (db: Database) => DirectoryService<Out, Q>;
  /** Who may do what with its records (the same policy its service applies). */
  policy: EntityPolicy<never, never>;
}

export const defineResource = <Out extends { id: string }, Q extends ListQuery>(r: DirectoryResource<Out, Q>) => r;
