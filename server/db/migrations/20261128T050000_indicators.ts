import { type Kysely, sql } from 'kysely';

/**
 * Indicators over time (issue 17). A figure for a past year is computed from
 * history, not from today's state, so the records carry the dates the
 * indicators need: a project's start, a fund's label, the day a person became
 * an advisor or a public sponsor, the year a champion joined a Pionnier, the
 * day a structure joined the network. A null date falls back to the record's
 * creation. Snapshots freeze every indicator of a year with the records
 * behind each value (their ids and values), so that a published review does
 * not move when a record is edited later.
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table projects add column started_on date`.execute(db);
  await sql`alter table funds add column labelled_on date`.execute(db);
  await sql`alter table people add column advisor_since date, add column sponsor_since date`.execute(db);
  await sql`alter table pioneer_champions add column since_year smallint check (since_year between 1900 and 2200)`.execute(db);
  await sql`alter table organisations add column joined_on date`.execute(db);
  // The départements breakdown of the largest stock (structures) reads its date with its territory.
  await sql`create index organisations_kind_joined on organisations(kind, departement_code) include (joined_on, created_at)`.execute(db);
  await sql`
    create table indicator_snapshots (
      year smallint primary key check (year between 2000 and 2100),
      taken_at timestamptz not null default now(),
      taken_by uuid references accounts(id) on delete set null
    )`.execute(db);
  await sql`
    create table indicator_snapshot_values (
      year smallint not null references indicator_snapshots(year) on delete cascade,
      code text not null,
      value float8,
      computation_version smallint not null,
      computed_at timestamptz not null,
      period_from date not null,
      period_to date not null,
      records jsonb not null,
      primary key (year, code)
    )`.execute(db);
  // The annual review's PDF, made by a job and kept until its source (the year's snapshot, or the live data's version) changes.
  await sql`
    create table annual_reports (
      year smallint not null check (year between 2000 and 2100),
      source text not null,
      status text not null default 'pending' check (status in ('pending', 'ready')),
      job_id uuid,
      pdf bytea,
      created_at timestamptz not null default now(),
      primary key (year, source)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table annual_reports`.execute(db);
  await sql`drop table indicator_snapshot_values`.execute(db);
  await sql`drop table indicator_snapshots`.execute(db);
  await sql`drop index organisations_kind_joined`.execute(db);
  await sql`alter table organisations drop column joined_on`.execute(db);
  await sql`alter table pioneer_champions drop column since_year`.execute(db);
  await sql`alter table people drop column advisor_since, drop column sponsor_since`.execute(db);
  await sql`alter table funds drop column labelled_on`.execute(db);
  await sql`alter table projects drop column started_on`.execute(db);
}
