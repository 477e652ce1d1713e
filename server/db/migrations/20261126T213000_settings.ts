import { type Kysely, sql } from 'kysely';

/** Instance-wide facts, such as whether the first start already loaded the demo. */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table essaim_settings (
      key text primary key check (key ~ '^[a-z_.]+$'),
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table essaim_settings`.execute(db);
}
