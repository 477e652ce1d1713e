import { z } from 'zod';
import { territoryKinds } from '../vocabulary';
import { CONTROL_CHARACTER_RULE, frenchMessage } from './messages';

// One error map for every schema: plain French naming the field (messages.ts).
z.config({ ...z.locales.fr(), customError: frenchMessage });

/**
 * Control characters are invisible, never typed on purpose, and PostgreSQL
 * refuses NUL outright (a 500 before this rule): every text a client sends is
 * checked against one of these. Tab, line feed and carriage return are allowed
 * only in multi-line text (descriptions); C1 controls and DEL never.
 */
export function hasControlCharacter(v: string, multiline = false) {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 ? !(multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) : c >= 0x7f && c <= 0x9f) return true;
  }
  return false;
}

/**
 * The base of every text a client sends: one line, no control character.
 * Build text fields from this (or `multilineText`), never from a bare `z.string()`:
 * the fuzz test sends control characters to every field of every route.
 */
export const line = () => z.string().refine((v) => !hasControlCharacter(v), { params: { rule: CONTROL_CHARACTER_RULE }, abort: true });
/** Text that may span lines (descriptions, summaries): tab and line breaks allowed, other controls refused. */
export const multilineText = (max: number) =>
  z
    .string()
    .refine((v) => !hasControlCharacter(v, true), { params: { rule: CONTROL_CHARACTER_RULE }, abort: true })
    .trim()
    .max(max);

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

/** `?ids=` style arrays: a query string may carry one value or several. */
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

export const queryBoolean = z.enum(['true', 'false', '1', '0', 'oui', 'non']).transform((v) => v === 'true' || v === '1' || v === 'oui');

export const territoryFilter = z
  .string()
  .regex(
    new RegExp(`^(${territoryKinds.join('|')}):[0-9AB]{2,9}$`),
    'Indiquez le territoire sous la forme region:84, departement:73, epci:200069110 ou commune:73065.',
  )
  .transform((v) => {
    const [kind, code] = v.split(':') as [(typeof territoryKinds)[number], string];
    return { kind, code };
  });
export type TerritoryFilter = z.output<typeof territoryFilter>;

export const exportFormat = z.enum(['json', 'csv', 'xlsx']);

/** Query parameters every list accepts. */
export const listQueryBase = {
  q: line().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: exportFormat.optional(),
};
const themeCodeMessage = 'Indiquez chaque thématique par son code (minuscules, chiffres et tirets).';
export const themeFilter = oneOrMany(z.string().regex(/^[a-z0-9-]+$/, themeCodeMessage)).optional();

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
    /** The request's id (also in the `X-Request-Id` header and in every server log line of the request): what a person quotes to the support. */
    requestId: z.string(),
  }),
});

/** A required one-line text (a name, a title). */
export const trimmed = (max: number) => line().trim().min(1).max(max);
/** An optional one-line text. */
export const optionalText = (max: number) => line().trim().max(max);
export const url = line()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+\.[^\s]+$/, 'Indiquez une adresse web complète, commençant par https:// (par exemple https://www.exemple.fr).');
export const communeCode = z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'Indiquez la commune par son code INSEE (5 caractères, par exemple 73065).');
export const eur = z.number().int().min(0).max(10_000_000_000);
export const isoDate = z.iso.date();
export const themeCodes = z
  .array(z.string().regex(/^[a-z0-9-]+$/, themeCodeMessage))
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
