import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export async function insertOidcLogin(
  db: Executor,
  l: { stateHash: string; codeVerifier: string; nonce: string; returnTo: string; expiresAt: Date; linkAccountId?: string | undefined },
) {
  // Abandoned sign-ins are forgotten here rather than by a scheduled job.
  await db.deleteFrom('oidc_logins').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  await db
    .insertInto('oidc_logins')
    .values({
      state_hash: l.stateHash,
      code_verifier: l.codeVerifier,
      nonce: l.nonce,
      return_to: l.returnTo,
      expires_at: l.expiresAt,
      link_account_id: l.linkAccountId ?? null,
    })
    .execute();
}

/** Take a sign-in in progress once; undefined when unknown, used or expired. */
export async function takeOidcLogin(db: Executor, stateHash: string, now: Date) {
  const r = await db
    .deleteFrom('oidc_logins')
    .where('state_hash', '=', stateHash)
    .returning(['code_verifier', 'nonce', 'return_to', 'expires_at', 'link_account_id'])
    .executeTakeFirst();
  return r && r.expires_at > now ? { codeVerifier: r.code_verifier, nonce: r.nonce, returnTo: r.return_to, linkAccountId: r.link_account_id } : undefined;
}

/** The account already linked to this provider identity (its SIRET, name and last sign-in refreshed). */
export async function touchIdentity(db: Executor, i: { issuer: string; subject: string; siret: string | null; name: string | null; now: Date }) {
  const r = await db
    .updateTable('account_identities')
    .set({ last_login_at: i.now, siret: i.siret, name: i.name })
    .where('issuer', '=', i.issuer)
    .where('subject', '=', i.subject)
    .returning('account_id')
    .executeTakeFirst();
  return r?.account_id;
}

export async function insertIdentity(db: Executor, i: { issuer: string; subject: string; accountId: string; siret: string | null; name: string | null }) {
  await db.insertInto('account_identities').values({ issuer: i.issuer, subject: i.subject, account_id: i.accountId, siret: i.siret, name: i.name }).execute();
}

/** The account a provider identity is linked to, if any. */
export async function identityAccount(db: Executor, issuer: string, subject: string) {
  const r = await db.selectFrom('account_identities').select('account_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return r?.account_id;
}
