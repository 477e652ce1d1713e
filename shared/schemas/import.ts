import { z } from './common';

export const importEntity = z.enum(['organisations', 'projects']);
export const importParams = z.strictObject({ entity: importEntity });
export const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
export const importResult = z.object({
  entity: importEntity,
  dryRun: z.boolean(),
  rows: z.number().int(),
  imported: z.number().int(),
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
});
