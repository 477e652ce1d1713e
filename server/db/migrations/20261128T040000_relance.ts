import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts compares them with shared/vocabulary.ts).
const components = ['ecologie', 'competitivite', 'cohesion'];
const windowKinds = ['call_for_projects', 'open_window'];
const sizes = ['tpe', 'pme', 'eti', 'ge'];
const categories = ['eligibility', 'delay', 'documents', 'cash_flow', 'regulation', 'information', 'other'];
const statuses = ['open', 'in_progress', 'lifted', 'not_lifted', 'out_of_scope'];
const actionKinds = ['comment', 'status', 'assign'];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * ESS relance (issue 14): recovery-plan measures with their eligibility rules
 * as data, the facts the rules read that the directory does not hold (a
 * structure's founding date and size), obstacles raised with operators and
 * their timeline, and the reminders already sent (so a job never sends twice).
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table recovery_measures (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(btrim(name)) between 1 and 300),
      description text not null default '',
      operator_organisation_id uuid not null references organisations(id) on delete restrict,
      component text not null check (component in (${list(components)})),
      budget_eur bigint check (budget_eur >= 0),
      opens_on date,
      closes_on date,
      window_kind text not null check (window_kind in (${list(windowKinds)})),
      url text check (url ~ '^https?://'),
      themes text[] not null default '{}',
      rules jsonb not null,
      opening_notified_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (opens_on is null or closes_on is null or opens_on <= closes_on)
    )`.execute(db);
  await sql`create index recovery_measures_operator on recovery_measures(operator_organisation_id)`.execute(db);
  await sql`
    create table organisation_relance_facts (
      organisation_id uuid primary key references organisations(id) on delete cascade,
      founded_on date,
      size text check (size in (${list(sizes)}))
    )`.execute(db);
  await sql`
    create table obstacles (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 300),
      description text not null default '',
      event_id uuid references events(id) on delete set null,
      measure_id uuid references recovery_measures(id) on delete set null,
      operator_organisation_id uuid references organisations(id) on delete set null,
      project_id uuid references projects(id) on delete cascade,
      organisation_id uuid references organisations(id) on delete cascade,
      category text not null check (category in (${list(categories)})),
      severity smallint not null check (severity between 1 and 3),
      owner_account_id uuid references accounts(id) on delete set null,
      due_on date,
      status text not null default 'open' check (status in (${list(statuses)})),
      resolution text,
      lifted_at timestamptz,
      raised_by_account_id uuid references accounts(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'lifted') = (lifted_at is not null)),
      check (status <> 'lifted' or length(btrim(resolution)) > 0)
    )`.execute(db);
  for (const c of ['measure_id', 'operator_organisation_id', 'project_id', 'organisation_id', 'event_id', 'owner_account_id'])
    await sql`create index ${sql.raw(`obstacles_${c}`)} on obstacles(${sql.raw(c)})`.execute(db);
  await sql`create index obstacles_created on obstacles(created_at)`.execute(db);
  await sql`
    create table obstacle_actions (
      id uuid primary key default gen_random_uuid(),
      obstacle_id uuid not null references obstacles(id) on delete cascade,
      kind text not null check (kind in (${list(actionKinds)})),
      comment text,
      status text check (status in (${list(statuses)})),
      reason text,
      resolution text,
      owner_account_id uuid references accounts(id) on delete set null,
      account_id uuid references accounts(id) on delete set null,
      created_at timestamptz not null default now(),
      check (kind <> 'status' or status is not null)
    )`.execute(db);
  await sql`create index obstacle_actions_obstacle on obstacle_actions(obstacle_id, created_at)`.execute(db);
  // An #ESSrelance meeting (an event of kind meeting, programme ess-relance): its agenda and minutes.
  await sql`
    create table relance_agenda_items (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      position smallint not null,
      title text not null check (length(btrim(title)) between 1 and 300),
      measure_id uuid references recovery_measures(id) on delete set null,
      project_id uuid references projects(id) on delete set null,
      notes text not null default '',
      unique (event_id, position)
    )`.execute(db);
  await sql`create table relance_minutes (event_id uuid primary key references events(id) on delete cascade, minutes text not null, updated_at timestamptz not null default now())`.execute(
    db,
  );
  await sql`
    create table obstacle_reminders (
      obstacle_id uuid not null references obstacles(id) on delete cascade,
      kind text not null check (kind in ('due_soon', 'overdue')),
      due_on date not null,
      sent_at timestamptz not null default now(),
      primary key (obstacle_id, kind, due_on)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const t of [
    'obstacle_reminders',
    'relance_minutes',
    'relance_agenda_items',
    'obstacle_actions',
    'obstacles',
    'organisation_relance_facts',
    'recovery_measures',
  ])
    await sql`drop table ${sql.raw(t)}`.execute(db);
}
