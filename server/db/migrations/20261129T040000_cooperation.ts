import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts).
const transferStatuses = ['requested', 'accepted', 'in_progress', 'done', 'declined'];
const cooperationStatuses = ['planned', 'active', 'completed', 'stopped'];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Cooperation between collectives (issue 15): know-how transfers, replication
 * of projects from one territory to another, workshops' own fields (theme,
 * summary, materials, the collective a registration comes for) and
 * cooperations between large groups and social innovators with their results.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table knowledge_transfers (
      id uuid primary key default gen_random_uuid(),
      from_collective_id uuid references collectives(id) on delete cascade,
      from_organisation_id uuid references organisations(id) on delete cascade,
      to_collective_id uuid not null references collectives(id) on delete cascade,
      -- Which side asked: the other one answers (the requester never accepts its own request).
      requested_by text not null check (requested_by in ('giver', 'receiver')),
      requested_by_account_id uuid references accounts(id) on delete set null,
      topic text not null check (length(btrim(topic)) between 1 and 300),
      themes text[] not null default '{}',
      project_id uuid references projects(id) on delete set null,
      status text not null default 'requested' check (status in (${list(transferStatuses)})),
      message text not null default '' check (length(message) <= 5000),
      requested_on date not null,
      answered_on date,
      started_on date,
      ended_on date,
      sessions_held smallint not null default 0 check (sessions_held between 0 and 1000),
      outcome text not null default '' check (length(outcome) <= 5000),
      testimonial_quote text check (length(btrim(testimonial_quote)) between 1 and 2000),
      testimonial_author text check (length(btrim(testimonial_author)) between 1 and 200),
      testimonial_consent boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- One giving side at most; none only while the national team looks for one.
      check (num_nonnulls(from_collective_id, from_organisation_id) = 1 or (num_nonnulls(from_collective_id, from_organisation_id) = 0 and (status = 'requested' or status = 'declined'))),
      check (from_collective_id is distinct from to_collective_id),
      check (ended_on is null or started_on is null or ended_on >= started_on),
      check (not testimonial_consent or testimonial_quote is not null)
    )`.execute(db);
  await sql`create index knowledge_transfers_from_collective on knowledge_transfers(from_collective_id)`.execute(db);
  await sql`create index knowledge_transfers_from_organisation on knowledge_transfers(from_organisation_id)`.execute(db);
  await sql`create index knowledge_transfers_to on knowledge_transfers(to_collective_id)`.execute(db);

  await sql`
    create table project_replications (
      replica_project_id uuid primary key references projects(id) on delete cascade,
      source_project_id uuid not null references projects(id) on delete cascade,
      recorded_by_account_id uuid references accounts(id) on delete set null,
      created_at timestamptz not null default now(),
      check (replica_project_id <> source_project_id)
    )`.execute(db);
  await sql`create index project_replications_source on project_replications(source_project_id)`.execute(db);
  await sql`
    create table replication_intentions (
      collective_id uuid not null references collectives(id) on delete cascade,
      source_project_id uuid not null references projects(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (collective_id, source_project_id)
    )`.execute(db);

  await sql`
    create table workshop_details (
      event_id uuid primary key references events(id) on delete cascade,
      theme_code text references themes(code) on update cascade on delete set null,
      summary text not null default '' check (length(summary) <= 20000),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table workshop_materials (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      label text not null check (length(btrim(label)) between 1 and 300),
      url text check (url ~ '^https?://'),
      file_name text check (length(file_name) between 1 and 200),
      content_type text,
      content bytea check (octet_length(content) <= 5242880),
      created_at timestamptz not null default now(),
      check ((url is null) <> (content is null)),
      check ((content is null) = (file_name is null))
    )`.execute(db);
  await sql`create index workshop_materials_event on workshop_materials(event_id, created_at)`.execute(db);
  await sql`alter table registrations add column collective_id uuid references collectives(id) on delete set null`.execute(db);
  await sql`create index registrations_collective on registrations(collective_id)`.execute(db);

  await sql`
    create table cooperations (
      id uuid primary key default gen_random_uuid(),
      large_group_id uuid not null references organisations(id) on delete cascade,
      social_innovator_id uuid not null references organisations(id) on delete cascade,
      sector_programme_id uuid references sector_programmes(id) on delete set null,
      subject text not null check (length(btrim(subject)) between 1 and 300),
      description text not null default '' check (length(description) <= 5000),
      status text not null default 'planned' check (status in (${list(cooperationStatuses)})),
      started_on date,
      ended_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (large_group_id <> social_innovator_id),
      check (ended_on is null or started_on is null or ended_on >= started_on)
    )`.execute(db);
  await sql`create index cooperations_programme on cooperations(sector_programme_id)`.execute(db);
  await sql`
    create table cooperation_results (
      cooperation_id uuid not null references cooperations(id) on delete cascade,
      position smallint not null,
      label text not null check (length(btrim(label)) between 1 and 200),
      value numeric not null check (value >= 0),
      unit text not null check (length(btrim(unit)) between 1 and 50),
      primary key (cooperation_id, position)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table cooperation_results`.execute(db);
  await sql`drop table cooperations`.execute(db);
  await sql`drop index registrations_collective`.execute(db);
  await sql`alter table registrations drop column collective_id`.execute(db);
  await sql`drop table workshop_materials`.execute(db);
  await sql`drop table workshop_details`.execute(db);
  await sql`drop table replication_intentions`.execute(db);
  await sql`drop table project_replications`.execute(db);
  await sql`drop table knowledge_transfers`.execute(db);
}
