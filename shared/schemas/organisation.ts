import { nafLabels, normaliseNaf } from '../naf';
import { isValidSiren, isValidSiret, normaliseSirenSiret } from '../siret';
import { organisationKinds, siaeKinds } from '../vocabulary';
import { communeCode, listQueryBase, multilineText, queryBoolean, territoryFilter, themeCodes, themeFilter, timestamps, trimmed, url, uuid, z } from './common';

const siret = z
  .string()
  .transform(normaliseSirenSiret)
  .refine((v) => /^[0-9]{14}$/.test(v), { message: 'Le SIRET doit comporter 14 chiffres.', abort: true })
  .refine(isValidSiret, 'Le SIRET est erroné (sa clé de contrôle ne correspond pas) : vérifiez-le.');
const siren = z
  .string()
  .transform(normaliseSirenSiret)
  .refine((v) => /^[0-9]{9}$/.test(v), { message: 'Le SIREN doit comporter 9 chiffres.', abort: true })
  .refine(isValidSiren, 'Le SIREN est erroné (sa clé de contrôle ne correspond pas) : vérifiez-le.');
const nafCode = z
  .string()
  .transform(normaliseNaf)
  .refine((v) => nafLabels.has(v), 'Code NAF inconnu : indiquez un code de la nomenclature, par exemple 88.99B.');

/** Fields of an organisation as a client writes them; every one may be patched. */
export const organisationFields = z.strictObject({
  name: trimmed(300),
  siret: siret.nullable().optional(),
  siren: siren.nullable().optional(),
  legalCategory: z
    .string()
    .regex(/^[0-9]{4}$/, 'La catégorie juridique INSEE doit comporter 4 chiffres.')
    .nullable()
    .optional(),
  kind: z.enum(organisationKinds),
  siaeKind: z.enum(siaeKinds).nullable().optional(),
  ess: z.boolean().optional(),
  esus: z.boolean().optional(),
  nafCode: nafCode.nullable().optional(),
  communeCode: communeCode.nullable().optional(),
  website: url.nullable().optional(),
  description: multilineText(5000).optional(),
  themes: themeCodes.optional(),
});

/** Cross-field rules, applied to a whole record (after a patch is merged). */
export const organisationInput = organisationFields.superRefine((o, ctx) => {
  if (o.siret && o.siren && o.siret.slice(0, 9) !== o.siren)
    ctx.addIssue({ code: 'custom', path: ['siren'], message: 'Le SIREN doit être le début du SIRET (ses 9 premiers chiffres).' });
  if (o.kind === 'siae' && !o.siaeKind) ctx.addIssue({ code: 'custom', path: ['siaeKind'], message: 'Précisez le type de SIAE : ACI, AI, EI, ETTI ou EITI.' });
  if (o.kind !== 'siae' && o.siaeKind)
    ctx.addIssue({ code: 'custom', path: ['siaeKind'], message: 'Seule une SIAE a un type de SIAE : videz ce champ ou choisissez le type « SIAE ».' });
  if (o.esus && !o.ess) ctx.addIssue({ code: 'custom', path: ['esus'], message: 'L’agrément ESUS suppose l’appartenance à l’ESS : cochez aussi « ESS ».' });
});
export type OrganisationInput = z.output<typeof organisationInput>;
export const organisationPatch = organisationFields.partial();
export type OrganisationPatch = z.output<typeof organisationPatch>;

export const organisation = z.object({
  id: uuid,
  name: z.string(),
  siret: z.string().nullable(),
  siren: z.string().nullable(),
  legalCategory: z.string().nullable(),
  kind: z.enum(organisationKinds),
  siaeKind: z.enum(siaeKinds).nullable(),
  ess: z.boolean(),
  esus: z.boolean(),
  nafCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string(),
  themes: z.array(z.string()),
  ...timestamps,
});
export type Organisation = z.output<typeof organisation>;

export const organisationListQuery = z.strictObject({
  ...listQueryBase,
  territory: territoryFilter.optional(),
  theme: themeFilter,
  kind: z.enum(organisationKinds).optional(),
  siaeKind: z.enum(siaeKinds).optional(),
  ess: queryBoolean.optional(),
  esus: queryBoolean.optional(),
  siret: z
    .string()
    .regex(/^[0-9]{14}$/, 'Le SIRET doit comporter 14 chiffres.')
    .optional(),
  siren: z
    .string()
    .regex(/^[0-9]{9}$/, 'Le SIREN doit comporter 9 chiffres.')
    .optional(),
  /** Champion companies of a Pionnier (the « entreprises championnes » figure). */
  champion: queryBoolean.optional(),
  /** Administrations where public sponsors serve (the « administrations » figure). */
  sponsorAdministration: queryBoolean.optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'relevance']).optional(),
});
export type OrganisationListQuery = z.output<typeof organisationListQuery>;
