import { type Kysely, sql } from 'kysely';

// Frozen here: later categories and deliveries come with their own migration.
const categories = ['roles', 'imports', 'events', 'meetings', 'sponsorships', 'recovery', 'cooperation', 'mobilisation'];
const deliveries = ['immediately', 'daily', 'never'];

/**
 * E-mail delivery of notifications and the job queue's own records:
 * - `notifications.emailed_at`: when the notification left by e-mail (alone or
 *   in a digest), so a retried e-mail job or the next digest never sends it twice;
 * - `notification_preferences`: per account and category, by e-mail at once, in
 *   the daily digest, or never (no row: at once);
 * - `job_reports`: who started a job, the progress it reports, and the result it
 *   committed with its work (a job run again after a crash finds it there and
 *   does not do the work twice). pg-boss keeps the queue itself in its own schema.
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table notifications add column emailed_at timestamptz`.execute(db);
  await sql`
    create table notification_preferences (
      account_id uuid not null references accounts(id) on delete cascade,
      category text not null check (category in (${sql.join(categories.map((c) => sql.lit(c)))})),
      delivery text not null check (delivery in (${sql.join(deliveries.map((c) => sql.lit(c)))})),
      primary key (account_id, category)
    )`.execute(db);
  await sql`
    create table job_reports (
      job_id uuid primary key,
      queue text not null,
      account_id uuid references accounts(id) on delete set null,
      phase text not null default '',
      done integer not null default 0 check (done >= 0),
      total integer not null default 0 check (total >= 0),
      result jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index job_reports_account on job_reports(account_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table job_reports`.execute(db);
  await sql`drop table notification_preferences`.execute(db);
  await sql`alter table notifications drop column emailed_at`.execute(db);
}
