import { type Kysely, sql } from 'kysely';

/**
 * A provider sign-in started from a signed-in account to link its identity
 * (the confirmation an account gives before a ProConnect identity joins it).
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table oidc_logins add column link_account_id uuid references accounts(id) on delete cascade`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table oidc_logins drop column link_account_id`.execute(db);
}
