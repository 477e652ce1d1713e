import { sql } from 'kysely';
import type { Role } from '../../../shared/schemas/auth';
import type { Executor } from '../../db/connection';

/** Everything the base holds about an account and its person. */
export async function personalData(db: Executor, accountId: string) {
  const account = await db.selectFrom('accounts').select(['id', 'email', 'person_id', 'roles', 'created_at']).where('id', '=', accountId).executeTakeFirst();
  if (!account) return undefined;
  const person = account.person_id ? await db.selectFrom('people').selectAll().where('id', '=', account.person_id).executeTakeFirst() : undefined;
  const tokens = await db.selectFrom('api_tokens').select(['name', 'created_at', 'last_used_at', 'revoked_at']).where('account_id', '=', accountId).execute();
  const sessions = await db.selectFrom('sessions').select(['created_at', 'expires_at']).where('account_id', '=', accountId).execute();
  const actions = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'entity', 'record_id'])
    .where('actor_kind', '=', 'account')
    .where('actor_id', '=', accountId)
    .orderBy('at', 'desc')
    .execute();
  const { search: _search, ...personFields } = (person ?? {}) as Record<string, unknown>;
  return { account, person: person ? personFields : null, tokens, sessions, actions };
}

const ANONYMOUS = { first_name: 'Personne', last_name: 'anonymisée' };

/** What an erased person's details become wherever the trail holds them (the keys present only). */
const ERASED: Record<string, unknown> = {
  firstName: ANONYMOUS.first_name,
  lastName: ANONYMOUS.last_name,
  first_name: ANONYMOUS.first_name,
  last_name: ANONYMOUS.last_name,
  email: null,
  phone: null,
  titles: [],
  name: null,
};

/**
 * A trail entry without the person: their fields blanked at any depth, and any
 * text that still quotes one of their e-mail addresses replaced. Pure.
 */
export function scrubbed(value: unknown, emails: string[]): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return emails.some((e) => lower.includes(e)) ? '[effacé]' : value;
  }
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, emails));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k in ERASED ? ERASED[k] : scrubbed(v, emails)]));
  }
  return value;
}

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * Erase a person, in the caller's transaction: their record keeps its links
 * (counts and history stay true) but loses every personal detail, here and in
 * every trail entry about them or their accounts. Their accounts (tied to the
 * record, or bearing its e-mail) lose every way to sign in — password,
 * sessions, API tokens, pending magic links, provider identities and links
 * in progress — and their roles. Undefined when there is no such person; else the accounts erased,
 * with the roles they had.
 */
export async function anonymisePerson(db: Executor, personId: string) {
  const person = await db.selectFrom('people').select('email').where('id', '=', personId).forUpdate().executeTakeFirst();
  if (!person) return undefined;
  let accountsOf = db.selectFrom('accounts').select(['id', 'email', 'roles']).where('person_id', '=', personId);
  if (person.email)
    accountsOf = db
      .selectFrom('accounts')
      .select(['id', 'email', 'roles'])
      .where((eb) => eb.or([eb('person_id', '=', personId), eb(sql`lower(email)`, '=', person.email?.toLowerCase())]));
  const accounts = await accountsOf.execute();
  const ids = accounts.map((a) => a.id);

  await db
    .updateTable('people')
    .set({ ...ANONYMOUS, email: null, phone: null, titles: [], search: sql`to_tsvector('french', '')`, updated_at: sql`now()` })
    .where('id', '=', personId)
    .execute();
  if (ids.length) {
    await db
      .updateTable('accounts')
      .set({ email: sql`'anonyme-' || id || '@essaim.invalid'`, password_hash: null, roles: '[]', updated_at: sql`now()` })
      .where('id', 'in', ids)
      .execute();
    await db.deleteFrom('sessions').where('account_id', 'in', ids).execute();
    await db.deleteFrom('magic_links').where('account_id', 'in', ids).execute();
    await db.deleteFrom('account_identities').where('account_id', 'in', ids).execute();
    // A provider link started before the erasure would otherwise land in the account.
    await db.deleteFrom('oidc_logins').where('link_account_id', 'in', ids).execute();
    await db.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('account_id', 'in', ids).where('revoked_at', 'is', null).execute();
  }

  const emails = [person.email, ...accounts.map((a) => a.email)].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase());
  const entries = await db
    .selectFrom('audit_log')
    .select(['id', 'before', 'after'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'people'), eb('record_id', '=', personId)]),
        ...(ids.length ? [eb.and([eb('entity', '=', 'account'), eb('record_id', 'in', ids)])] : []),
      ]),
    )
    .execute();
  for (const e of entries) {
    const [before, after] = [json(e.before), json(e.after)];
    await db
      .updateTable('audit_log')
      .set({
        before: before === null ? null : JSON.stringify(scrubbed(before, emails)),
        after: after === null ? null : JSON.stringify(scrubbed(after, emails)),
      })
      .where('id', '=', e.id)
      .execute();
  }
  const parseRoles = (v: unknown) => json(v) as Role[];
  return accounts.map((a) => ({ id: a.id, roles: parseRoles(a.roles) }));
}
