import { line, listQueryBase, optionalText, queryBoolean, timestamps, trimmed, uuid, z } from './common';
import { sponsorProfile } from './sponsorship';

export const personFields = z.strictObject({
  firstName: trimmed(100),
  lastName: trimmed(100),
  email: line().trim().toLowerCase().pipe(z.email()).nullable().optional(),
  phone: line()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, 'Indiquez un numéro de téléphone en chiffres (6 à 20), par exemple 01 23 45 67 89.')
    .nullable()
    .optional(),
  organisationId: uuid.nullable().optional(),
  titles: z.array(optionalText(200)).max(10).optional(),
  isAdvisor: z.boolean().optional(),
  isPublicSponsor: z.boolean().optional(),
  administrationId: uuid.nullable().optional(),
});

export const personInput = personFields.superRefine((p, ctx) => {
  if (p.isPublicSponsor && !p.administrationId)
    ctx.addIssue({ code: 'custom', path: ['administrationId'], message: 'Un hacker public est rattaché à son administration : choisissez-la.' });
  if (!p.isPublicSponsor && p.administrationId)
    ctx.addIssue({
      code: 'custom',
      path: ['administrationId'],
      message: 'Seul un hacker public a une administration de rattachement : videz ce champ ou cochez « Hacker public ».',
    });
});
export type PersonInput = z.output<typeof personInput>;
export const personPatch = personFields.partial();

export const person = z.object({
  id: uuid,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  titles: z.array(z.string()),
  isAdvisor: z.boolean(),
  isPublicSponsor: z.boolean(),
  administrationId: z.string().nullable(),
  administrationName: z.string().nullable(),
  /** A public sponsor's profile (Hackers Publics), edited through PUT /api/people/{id}/sponsor; null for anyone else. */
  sponsor: sponsorProfile.nullable(),
  ...timestamps,
});
export type Person = z.output<typeof person>;

export const personListQuery = z.strictObject({
  ...listQueryBase,
  organisation: uuid.optional(),
  administration: uuid.optional(),
  advisor: queryBoolean.optional(),
  publicSponsor: queryBoolean.optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'relevance']).optional(),
});
export type PersonListQuery = z.output<typeof personListQuery>;
