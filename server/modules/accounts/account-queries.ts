import { sql } from 'kysely';
import type { AccountListQuery } from '../../../shared/schemas/account';
import type { Role } from '../../../shared/schemas/auth';
import type { Executor } from '../../db/connection';

const parseRoles = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Role[];

export interface AccountRow {
  id: string;
  email: string;
  passwordHash: string | null;
  personId: string | null;
  roles: Role[];
}

const toAccountRow = (r: { id: string; email: string; password_hash: string | null; person_id: string | null; roles: unknown }): AccountRow => ({
  id: r.id,
  email: r.email,
  passwordHash: r.password_hash,
  personId: r.person_id,
  roles: parseRoles(r.roles),
});

export async function accountByEmail(db: Executor, email: string): Promise<AccountRow | undefined> {
  const r = await db.selectFrom('accounts').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return r && toAccountRow(r);
}

export async function accountById(db: Executor, id: string): Promise<AccountRow | undefined> {
  const r = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toAccountRow(r);
}

export async function insertAccounts(db: Executor, accounts: Array<{ email: string; passwordHash: string | null; personId?: string | null; roles: Role[] }>) {
  if (!accounts.length) return [];
  const rows = await db
    .insertInto('accounts')
    .values(accounts.map((a) => ({ email: a.email, password_hash: a.passwordHash, person_id: a.personId ?? null, roles: JSON.stringify(a.roles) })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** An account's name: its directory person's, else the one its provider last gave. */
const nameOf = sql<string | null>`coalesce(
  (select p.first_name || ' ' || p.last_name from people p where p.id = a.person_id),
  (select i.name from account_identities i where i.account_id = a.id and i.name is not null order by i.last_login_at desc limit 1))`;

export async function accountName(db: Executor, accountId: string) {
  const r = await db.selectFrom('accounts as a').select(nameOf.as('name')).where('a.id', '=', accountId).executeTakeFirst();
  return r?.name ?? null;
}

/** Accounts with their name and provider identities, e-mail order. */
export async function listAccounts(db: Executor, f: AccountListQuery & { id?: string }) {
  let q = db.selectFrom('accounts as a');
  if (f.id) q = q.where('a.id', '=', f.id);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(a.email)`, 'like', like), eb(sql`lower(coalesce(${nameOf}, ''))`, 'like', like)]));
  }
  // jsonb containment: any role entry with this name.
  if (f.role) q = q.where(sql<boolean>`a.roles @> ${JSON.stringify([{ role: f.role }])}::jsonb`);
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst())?.n ?? 0;
  const rows = await q
    .select(['a.id', 'a.email', 'a.person_id', 'a.roles', 'a.created_at', nameOf.as('name')])
    .orderBy('a.email')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const identities = rows.length
    ? await db
        .selectFrom('account_identities')
        .select(['account_id', 'issuer', 'siret', 'last_login_at'])
        .where(
          'account_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      personId: r.person_id,
      roles: parseRoles(r.roles),
      identities: identities
        .filter((i) => i.account_id === r.id)
        .map((i) => ({ issuer: i.issuer, siret: i.siret, lastLoginAt: i.last_login_at.toISOString() })),
      createdAt: r.created_at.toISOString(),
    })),
  };
}

export async function setRoles(db: Executor, id: string, roles: Role[]) {
  await db
    .updateTable('accounts')
    .set({ roles: JSON.stringify(roles), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** The names of the records a role's scope lists, in the order given. */
export async function scopeNames(db: Executor, table: 'collectives' | 'organisations', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
