import { z } from 'zod';
import { territoryKinds } from '../vocabulary';

z.config(z.locales.fr());

export const uuid = z.uuid({ message: 'Identifiant invalide (UUID attendu)' });
export const idParams = z.strictObject({ id: uuid });

/** `?ids=` style arrays: a query string may carry one value or several. */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

export const queryBoolean = z
  .enum(['true', 'false', '1', '0', 'oui', 'non'])
  .transform((v) => v === 'true' || v === '1' || v === 'oui');

export const territoryFilter = z
  .string()
  .regex(
    new RegExp(`^(${territoryKinds.join('|')}):[0-9AB]{2,9}$`),
    'Territoire attendu sous la forme region:84, departement:73, epci:200069110 ou commune:73065',
  )
  .transform((v) => {
    const [kind, code] = v.split(':') as [(typeof territoryKinds)[number], string];
    return { kind, code };
  });
export type TerritoryFilter = z.output<typeof territoryFilter>;

export const exportFormat = z.enum(['json', 'csv', 'xlsx']);

/** Query parameters every list accepts. */
export const listQueryBase = {
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: exportFormat.optional(),
};
export const themeFilter = oneOrMany(z.string().regex(/^[a-z0-9-]+$/, 'Code de thème invalide')).optional();

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    /** False when the matches exceed the counting cap (10,000): `total` is then that cap. */
    totalExact: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

export const trimmed = (max: number) => z.string().trim().min(1, 'Ce champ est obligatoire').max(max);
export const optionalText = (max: number) => z.string().trim().max(max);
export const url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+\.[^\s]+$/, 'Adresse web attendue (https://…)');
export const communeCode = z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'Code INSEE de commune attendu (5 caractères)');
export const eur = z.number().int('Montant en euros entiers attendu').min(0).max(10_000_000_000);
export const isoDate = z.iso.date({ message: 'Date attendue au format AAAA-MM-JJ' });
export const themeCodes = z
  .array(z.string().regex(/^[a-z0-9-]+$/, 'Code de thème invalide'))
  .max(20)
  .transform((a) => [...new Set(a)]);

export const territoryRef = z.strictObject({ kind: z.enum(territoryKinds), code: z.string().regex(/^[0-9AB]{2,9}$/) });
export type TerritoryRef = z.output<typeof territoryRef>;
export const territoryRefOut = territoryRef.extend({ name: z.string() });

export const timestamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do with this record, so that an interface shows only those buttons. */
  actions: z.array(z.enum(['update', 'delete'])).optional(),
};

export { z };
