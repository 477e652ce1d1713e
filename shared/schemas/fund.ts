import { instruments, projectStages } from '../vocabulary';
import { territoryString } from './collective';
import { projectFitFilters } from './project';
import { eur, listQueryBase, multilineText, queryBoolean, territoryRefOut, themeCodes, timestamps, trimmed, uuid, z } from './common';

export const fundFields = z.strictObject({
  name: trimmed(200),
  managerId: uuid.nullable().optional(),
  frenchImpact: z.boolean().optional(),
  amountMobilisableEur: eur,
  themes: themeCodes.optional(),
  territories: z.array(territoryString).max(200).optional(),
  stages: z.array(z.enum(projectStages)).max(4).optional(),
  instruments: z.array(z.enum(instruments)).max(4).optional(),
  ticketMinEur: eur.nullable().optional(),
  ticketMaxEur: eur.nullable().optional(),
  description: multilineText(10000).optional(),
});
export const fundInput = fundFields.superRefine((f, ctx) => {
  if (f.ticketMinEur != null && f.ticketMaxEur != null && f.ticketMinEur > f.ticketMaxEur)
    ctx.addIssue({
      code: 'custom',
      path: ['ticketMaxEur'],
      message: 'Le ticket maximum est inférieur au ticket minimum : augmentez-le ou baissez le minimum.',
    });
});
export type FundInput = z.output<typeof fundInput>;
export const fundPatch = fundFields.partial();

export const fund = z.object({
  id: uuid,
  name: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  frenchImpact: z.boolean(),
  amountMobilisableEur: z.number(),
  themes: z.array(z.string()),
  territories: z.array(territoryRefOut),
  stages: z.array(z.enum(projectStages)),
  instruments: z.array(z.enum(instruments)),
  ticketMinEur: z.number().nullable(),
  ticketMaxEur: z.number().nullable(),
  description: z.string(),
  ...timestamps,
});
export type Fund = z.output<typeof fund>;

export const fundListQuery = z.strictObject({
  ...listQueryBase,
  ...projectFitFilters,
  instrument: z.enum(instruments).optional(),
  frenchImpact: queryBoolean.optional(),
  manager: uuid.optional(),
  /** Funds whose ticket range covers this amount. */
  amount: z.coerce.number().int().min(0).optional(),
  sort: z.enum(['name', '-name', 'amount', '-amount', 'relevance']).optional(),
});
export type FundListQuery = z.output<typeof fundListQuery>;
