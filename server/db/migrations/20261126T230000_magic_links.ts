import { type Kysely, sql } from 'kysely';

/** One-time sign-in links sent by e-mail, stored hashed. */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table magic_links (
      token_hash text primary key,
      account_id uuid not null references accounts(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index magic_links_account on magic_links(account_id)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table magic_links`.execute(db);
}
