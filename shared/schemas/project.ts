import { instruments, projectStages, projectStatuses } from '../vocabulary';
import { communeCode, eur, listQueryBase, multilineText, territoryFilter, themeCodes, themeFilter, timestamps, trimmed, uuid, z } from './common';

export const projectFields = z.strictObject({
  title: trimmed(300),
  summary: multilineText(1000).optional(),
  description: multilineText(20000).optional(),
  collectiveId: uuid.nullable().optional(),
  leadOrganisationId: uuid.nullable().optional(),
  partnerIds: z.array(uuid).max(200).optional(),
  themes: themeCodes.optional(),
  stage: z.enum(projectStages),
  fundingNeedEur: eur.nullable().optional(),
  instruments: z.array(z.enum(instruments)).max(4).optional(),
  communeCode: communeCode.nullable().optional(),
  status: z.enum(projectStatuses).optional(),
  beneficiaries: z.number().int().min(0).max(100_000_000).nullable().optional(),
});
export const projectInput = projectFields.superRefine((p, ctx) => {
  if (p.leadOrganisationId && p.partnerIds?.includes(p.leadOrganisationId))
    ctx.addIssue({ code: 'custom', path: ['partnerIds'], message: 'La structure porteuse ne peut pas être aussi partenaire : retirez-la des partenaires.' });
  if (p.partnerIds && new Set(p.partnerIds).size !== p.partnerIds.length)
    ctx.addIssue({ code: 'custom', path: ['partnerIds'], message: 'Un partenaire est cité deux fois : retirez le doublon.' });
});
export type ProjectInput = z.output<typeof projectInput>;
export const projectPatch = projectFields.partial();

export const project = z.object({
  id: uuid,
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  collectiveId: z.string().nullable(),
  collectiveName: z.string().nullable(),
  leadOrganisationId: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
  leadOrganisationSiret: z.string().nullable(),
  partnerIds: z.array(z.string()),
  themes: z.array(z.string()),
  stage: z.enum(projectStages),
  fundingNeedEur: z.number().nullable(),
  instruments: z.array(z.enum(instruments)),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departementCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  status: z.enum(projectStatuses),
  beneficiaries: z.number().nullable(),
  ...timestamps,
});
export type Project = z.output<typeof project>;

/** The filters a list of projects and a list of funds share, so that both are searched alike (a fund's stages are those it finances). */
export const projectFitFilters = {
  territory: territoryFilter.optional(),
  theme: themeFilter,
  stage: z.enum(projectStages).optional(),
};

export const projectListQuery = z.strictObject({
  ...listQueryBase,
  ...projectFitFilters,
  status: z.enum(projectStatuses).optional(),
  instrument: z.enum(instruments).optional(),
  collective: uuid.optional(),
  organisation: uuid.optional(),
  minNeed: z.coerce.number().int().min(0).optional(),
  maxNeed: z.coerce.number().int().min(0).optional(),
  sort: z.enum(['title', '-title', 'createdAt', '-createdAt', 'fundingNeed', '-fundingNeed', 'relevance']).optional(),
});
export type ProjectListQuery = z.output<typeof projectListQuery>;
