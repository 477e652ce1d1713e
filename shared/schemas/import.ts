import { z } from './common';

export const importEntity = z.enum(['organisations', 'projects', 'collectives', 'people', 'funds']);
export const importParams = z.strictObject({ entity: importEntity });
export const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
export const importResult = z.object({
  entity: importEntity,
  dryRun: z.boolean(),
  /** Data rows read from the file. */
  rows: z.number().int(),
  /** Rows without an `Identifiant`: records created (or that would be, on a dry run). */
  created: z.number().int(),
  /** Rows whose `Identifiant` names a record they change. */
  updated: z.number().int(),
  /** Rows whose `Identifiant` names a record they leave as it is. */
  unchanged: z.number().int(),
  /** Records written: created + updated (0 on a dry run). */
  imported: z.number().int(),
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
});
