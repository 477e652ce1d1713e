import { listQueryBase, timestamps, uuid, z } from './common';
import { role, roleNames } from './auth';

export const accountListQuery = z.strictObject({
  q: listQueryBase.q,
  role: z.enum(roleNames).optional(),
  page: listQueryBase.page,
  pageSize: listQueryBase.pageSize,
});
export type AccountListQuery = z.output<typeof accountListQuery>;

export const account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  personId: z.string().nullable(),
  roles: z.array(role),
  /** Provider identities (ProConnect) linked to the account, with the SIRET they came with. */
  identities: z.array(z.object({ issuer: z.string(), siret: z.string().nullable(), lastLoginAt: z.string() })),
  createdAt: z.string(),
  /** What the caller may do with it (`update`: its roles). */
  actions: timestamps.actions,
});
export type Account = z.output<typeof account>;

/** The roles granted, each scope naming records (collectives, organisations…). */
export const accountRolesInput = z.strictObject({
  roles: z.array(z.strictObject({ role: z.enum(roleNames), scope: z.array(uuid).max(200).optional() })).max(20),
});
export type AccountRolesInput = z.output<typeof accountRolesInput>;
