import { type Kysely, sql } from 'kysely';

// Frozen here: a later category comes with its own migration.
const categories = ['roles', 'imports', 'events', 'meetings', 'sponsorships', 'recovery', 'cooperation', 'mobilisation'];

/**
 * In-application notifications, one row per recipient account; listed newest
 * first, unread ones counted for the bell.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts(id) on delete cascade,
      category text not null check (category in (${sql.join(categories.map((c) => sql.lit(c)))})),
      title text not null check (length(title) between 1 and 300),
      body text not null default '' check (length(body) <= 4000),
      link text check (link is null or link like '/%'),
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index notifications_account on notifications(account_id, created_at desc)`.execute(db);
  await sql`create index notifications_unread on notifications(account_id) where read_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table notifications`.execute(db);
}
