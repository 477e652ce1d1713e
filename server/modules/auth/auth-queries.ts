import { sql } from 'kysely';
import type { Role } from '../../../shared/schemas/auth';
import type { Executor } from '../../db/connection';

const parseRoles = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Role[];

/** The account fields a signed-in request needs. */
const signedIn = (r: { id: string; email: string; person_id: string | null; roles: unknown }) => ({
  id: r.id,
  email: r.email,
  personId: r.person_id,
  roles: parseRoles(r.roles),
});

export async function insertSession(
  db: Executor,
  s: { tokenHash: string; accountId: string; csrfToken: string; expiresAt: Date; idToken?: string | undefined },
) {
  await db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, account_id: s.accountId, csrf_token: s.csrfToken, expires_at: s.expiresAt, id_token: s.idToken ?? null })
    .execute();
}

/** End a session; its provider ID token, when it came through OpenID Connect. */
export async function deleteSession(db: Executor, tokenHash: string) {
  const r = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('id_token').executeTakeFirst();
  return r?.id_token ?? null;
}

/** The account behind a live session, with the session's CSRF token. */
export async function sessionAccount(db: Executor, tokenHash: string, now: Date) {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.email', 'a.person_id', 'a.roles', 's.csrf_token'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  return r && { ...signedIn(r), csrfToken: r.csrf_token };
}

/** The account behind an unrevoked API token (and the token's use is noted). */
export async function tokenAccount(db: Executor, tokenHash: string, now: Date) {
  // Noting the use is what finds the token: one statement, and a revoked token is never touched.
  const used = await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .returning('account_id')
    .executeTakeFirst();
  if (!used) return undefined;
  const r = await db.selectFrom('accounts').select(['id', 'email', 'person_id', 'roles']).where('id', '=', used.account_id).executeTakeFirst();
  return r && signedIn(r);
}

export async function insertToken(db: Executor, t: { accountId: string; name: string; tokenHash: string }) {
  return db
    .insertInto('api_tokens')
    .values({ account_id: t.accountId, name: t.name, token_hash: t.tokenHash })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listTokens(db: Executor, accountId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revoke one of an account's tokens; false when it has no such token. */
export async function revokeToken(db: Executor, accountId: string, id: string, now: Date) {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertMagicLink(db: Executor, l: { tokenHash: string; accountId: string; expiresAt: Date }) {
  await db.insertInto('magic_links').values({ token_hash: l.tokenHash, account_id: l.accountId, expires_at: l.expiresAt }).execute();
}

/** How many links were made for an account since a moment (stored, so every server process agrees). */
export async function magicLinksSince(db: Executor, accountId: string, since: Date) {
  const r = await db
    .selectFrom('magic_links')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('account_id', '=', accountId)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  return r?.n ?? 0;
}

/** Use a link once: the account it signs in, or undefined when unknown, used or expired. */
export async function consumeMagicLink(db: Executor, tokenHash: string, now: Date) {
  const r = await db
    .updateTable('magic_links')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('account_id')
    .executeTakeFirst();
  return r?.account_id;
}
