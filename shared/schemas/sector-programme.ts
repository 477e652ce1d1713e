import { sectorMemberRoles } from '../vocabulary';
import { isoDate, listQueryBase, multilineText, timestamps, trimmed, uuid, z } from './common';

export const sectorProgrammeFields = z.strictObject({
  name: trimmed(200),
  themeCode: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'Indiquez la thématique par son code (minuscules, chiffres et tirets).')
    .nullable()
    .optional(),
  startedOn: isoDate.nullable().optional(),
  description: multilineText(10000).optional(),
  members: z
    .array(z.strictObject({ organisationId: uuid, role: z.enum(sectorMemberRoles) }))
    .max(2000)
    .optional(),
  projectIds: z.array(uuid).max(2000).optional(),
});
export const sectorProgrammeInput = sectorProgrammeFields.superRefine((s, ctx) => {
  const ids = (s.members ?? []).map((m) => m.organisationId);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['members'], message: 'Une structure est citée deux fois : retirez le doublon.' });
});
export type SectorProgrammeInput = z.output<typeof sectorProgrammeInput>;
export const sectorProgrammePatch = sectorProgrammeFields.partial();

export const sectorProgramme = z.object({
  id: uuid,
  name: z.string(),
  themeCode: z.string().nullable(),
  startedOn: z.string().nullable(),
  description: z.string(),
  members: z.array(z.object({ organisationId: z.string(), name: z.string(), role: z.enum(sectorMemberRoles) })),
  projectIds: z.array(z.string()),
  ...timestamps,
});
export type SectorProgramme = z.output<typeof sectorProgramme>;

export const sectorProgrammeListQuery = z.strictObject({
  ...listQueryBase,
  theme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  member: uuid.optional(),
  sort: z.enum(['name', '-name', 'relevance']).optional(),
});
export type SectorProgrammeListQuery = z.output<typeof sectorProgrammeListQuery>;
