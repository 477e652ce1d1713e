import { type Kysely, sql } from 'kysely';

/**
 * Sign-in attempts counted per key (an e-mail, a client address), in windows
 * measured by the database clock, so every server process shares them. The
 * key is a hash: no e-mail or address is kept here.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table sign_in_attempts (
      key text primary key,
      attempts integer not null check (attempts >= 0),
      window_started_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sign_in_attempts_window on sign_in_attempts(window_started_at)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table sign_in_attempts`.execute(db);
}
