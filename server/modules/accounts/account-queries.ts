import { sql } from 'kysely';
import type { AccountListQuery } from '../../../shared/schemas/account';
import type { Role } from '../../../shared/schemas/auth';
import type { Executor } from '../directory/directory-service';

const parseRoles = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Role[];

/** Accounts with their person's name and provider identities, e-mail order. */
export async function listAccounts(db: Executor, f: AccountListQuery & { id?: string }) {
  let q = db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.email', 'a.person_id', 'a.roles', 'a.created_at', 'p.first_name', 'p.last_name']);
  if (f.id) q = q.where('a.id', '=', f.id);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(a.email)`, 'like', like), eb(sql`lower(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))`, 'like', like)]));
  }
  // jsonb containment: any role entry with this name.
  if (f.role) q = q.where(sql<boolean>`a.roles @> ${JSON.stringify([{ role: f.role }])}::jsonb`);
  const total = (await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirst())?.n ?? 0;
  const rows = await q
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
      name: r.first_name ? `${r.first_name} ${r.last_name}` : null,
      personId: r.person_id,
      roles: parseRoles(r.roles),
      identities: identities.filter((i) => i.account_id === r.id).map((i) => ({ issuer: i.issuer, siret: i.siret, lastLoginAt: i.last_login_at.toISOString() })),
      createdAt: r.created_at.toISOString(),
    })),
  };
}

export async function setRoles(db: Executor, id: string, roles: Role[]) {
  await db.updateTable('accounts').set({ roles: JSON.stringify(roles), updated_at: new Date() }).where('id', '=', id).execute();
}
