import { sql } from 'kysely';
import type { Executor } from '../directory/directory-service';

/** Everything the base holds about an account and its person. */
export async function personalData(db: Executor, accountId: string) {
  const account = await db.selectFrom('accounts').select(['id', 'email', 'person_id', 'roles', 'created_at']).where('id', '=', accountId).executeTakeFirst();
  if (!account) return undefined;
  const person = account.person_id ? await db.selectFrom('people').selectAll().where('id', '=', account.person_id).executeTakeFirst() : undefined;
  const tokens = await db.selectFrom('api_tokens').select(['name', 'created_at', 'last_used_at', 'revoked_at']).where('account_id', '=', accountId).execute();
  const sessions = await db.selectFrom('sessions').select(['created_at', 'expires_at']).where('account_id', '=', accountId).execute();
  const actions = await db.selectFrom('audit_log').select(['at', 'action', 'entity', 'record_id']).where('actor_kind', '=', 'account').where('actor_id', '=', accountId).orderBy('at', 'desc').execute();
  const { search: _search, ...personFields } = (person ?? {}) as Record<string, unknown>;
  return { account, person: person ? personFields : null, tokens, sessions, actions };
}

const ANONYMOUS = { first_name: 'Personne', last_name: 'anonymisée' };

/**
 * Erase a person: their record keeps its links (counts and history stay true)
 * but loses every personal detail, here and in the audit trail; their account
 * can no longer sign in.
 */
export async function anonymisePerson(db: Executor, personId: string) {
  const r = await db
    .updateTable('people')
    .set({ ...ANONYMOUS, email: null, phone: null, titles: [], search: sql`to_tsvector('french', '')`, updated_at: sql`now()` })
    .where('id', '=', personId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  const scrub = (column: 'before' | 'after') =>
    sql`case when ${sql.ref(column)} is null then null else ${sql.ref(column)} || ${JSON.stringify({ firstName: ANONYMOUS.first_name, lastName: ANONYMOUS.last_name, email: null, phone: null, titles: [] })}::jsonb end`;
  await db
    .updateTable('audit_log')
    .set({ before: scrub('before'), after: scrub('after') })
    .where('entity', '=', 'people')
    .where('record_id', '=', personId)
    .execute();
  const accounts = await db.selectFrom('accounts').select('id').where('person_id', '=', personId).execute();
  for (const a of accounts) {
    await db.updateTable('accounts').set({ email: `anonyme-${a.id}@essaim.invalid`, password_hash: null, updated_at: sql`now()` }).where('id', '=', a.id).execute();
    await db.deleteFrom('sessions').where('account_id', '=', a.id).execute();
    await db.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('account_id', '=', a.id).where('revoked_at', 'is', null).execute();
  }
  return true;
}
