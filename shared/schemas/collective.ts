import { isoDate, listQueryBase, multilineText, optionalText, territoryFilter, territoryRefOut, timestamps, trimmed, url, uuid, z } from './common';

/** A territory written as `kind:code` ("epci:200069110"). */
export const territoryString = z
  .string()
  .regex(
    /^(commune|epci|departement|region):[0-9AB]{2,9}$/,
    'Indiquez chaque territoire sous la forme commune:73065, epci:200069110, departement:73 ou region:84.',
  );

export const collectiveFields = z.strictObject({
  name: trimmed(200),
  territoryLabel: optionalText(200).optional(),
  labelDate: isoDate.nullable().optional(),
  wave: z.number().int().min(1).max(20).nullable().optional(),
  coordinatorId: uuid.nullable().optional(),
  description: multilineText(10000).optional(),
  website: url.nullable().optional(),
  perimeter: z.array(territoryString).max(500).optional(),
  memberIds: z.array(uuid).max(5000).optional(),
});
export const collectiveInput = collectiveFields;
export type CollectiveInput = z.output<typeof collectiveInput>;
export const collectivePatch = collectiveFields.partial();

export const collective = z.object({
  id: uuid,
  name: z.string(),
  territoryLabel: z.string(),
  labelDate: z.string().nullable(),
  wave: z.number().nullable(),
  coordinatorId: z.string().nullable(),
  coordinatorName: z.string().nullable(),
  description: z.string(),
  website: z.string().nullable(),
  perimeter: z.array(territoryRefOut),
  memberIds: z.array(z.string()),
  projectCount: z.number().int(),
  ...timestamps,
});
export type Collective = z.output<typeof collective>;

export const collectiveListQuery = z.strictObject({
  ...listQueryBase,
  territory: territoryFilter.optional(),
  wave: z.coerce.number().int().min(1).max(20).optional(),
  member: uuid.optional(),
  sort: z.enum(['name', '-name', 'labelDate', '-labelDate', 'relevance']).optional(),
});
export type CollectiveListQuery = z.output<typeof collectiveListQuery>;
