import { roleNames } from '../vocabulary';
import { line, timestamps, z } from './common';

export { roleLabels, roleNames, roleScope, type RoleName } from '../vocabulary';

/** A role, optionally scoped to records (the collectives a coordinator runs, the funds an investor manages…). */
export const role = z.object({ role: z.enum(roleNames), scope: z.array(z.string()).optional() });
export type Role = z.output<typeof role>;

export const loginInput = z.strictObject({
  email: line().trim().toLowerCase().max(320),
  password: line().max(1000),
});

export const magicLinkInput = z.strictObject({
  email: line().trim().toLowerCase().max(320),
  /** The page to open once signed in (a path of this site). */
  returnTo: line().max(500).optional(),
});

export const me = z.object({
  id: z.string(),
  email: z.string(),
  /** The directory person's name, for the header; null when the account has none. */
  name: z.string().nullable(),
  personId: z.string().nullable(),
  roles: z.array(role),
  csrfToken: z.string().nullable(),
  /** Directory resources (API names) this account may create records in. */
  creatable: z.array(z.string()),
  /** May import files into the directory. */
  canImport: z.boolean(),
  /** May filter and sort projects on their funding needs (the national team, investors). */
  canSearchFunding: z.boolean(),
});

export const tokenInput = z.strictObject({ name: line().trim().min(1).max(100) });
export const tokenCreated = z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() });
export const tokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  actions: timestamps.actions,
});
