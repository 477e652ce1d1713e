import { listQueryBase, multilineText, territoryFilter, timestamps, uuid, z } from './common';

const year = z.number().int().min(2000).max(2100);

export const pioneerFields = z.strictObject({
  organisationId: uuid,
  labelYear: year,
  description: multilineText(10000).optional(),
  beneficiaries: z
    .array(z.strictObject({ year, count: z.number().int().min(0).max(100_000_000) }))
    .max(50)
    .optional(),
  championIds: z.array(uuid).max(1000).optional(),
});
export const pioneerInput = pioneerFields.superRefine((p, ctx) => {
  const years = (p.beneficiaries ?? []).map((b) => b.year);
  if (new Set(years).size !== years.length)
    ctx.addIssue({ code: 'custom', path: ['beneficiaries'], message: 'Une année de bénéficiaires est donnée deux fois : gardez une seule ligne par année.' });
  if (p.championIds?.includes(p.organisationId))
    ctx.addIssue({
      code: 'custom',
      path: ['championIds'],
      message: 'Le Pionnier ne peut pas s’accompagner lui-même : retirez-le des entreprises championnes.',
    });
});
export type PioneerInput = z.output<typeof pioneerInput>;
export const pioneerPatch = pioneerFields.partial();

export const pioneer = z.object({
  id: uuid,
  organisationId: z.string(),
  organisationName: z.string(),
  communeCode: z.string().nullable(),
  labelYear: z.number(),
  description: z.string(),
  beneficiaries: z.array(z.object({ year: z.number(), count: z.number() })),
  champions: z.array(z.object({ id: z.string(), name: z.string() })),
  ...timestamps,
});
export type Pioneer = z.output<typeof pioneer>;

export const pioneerListQuery = z.strictObject({
  ...listQueryBase,
  territory: territoryFilter.optional(),
  labelYear: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(['name', '-name', 'labelYear', '-labelYear', 'relevance']).optional(),
});
export type PioneerListQuery = z.output<typeof pioneerListQuery>;
