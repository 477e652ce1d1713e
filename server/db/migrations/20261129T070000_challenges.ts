import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts compares them with shared/vocabulary.ts).
const organisationKinds = [
  'ess_structure',
  'siae',
  'large_company',
  'fund_manager',
  'administration',
  'public_operator',
  'local_authority',
  'support_organisation',
];
const siaeKinds = ['ACI', 'AI', 'EI', 'ETTI', 'EITI'];
const sources = ['self', 'national', 'import', 'filter'];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Challenges (issue 16): a campaign with partners, a target population,
 * ordered steps each with a measure and a target; the structures enrolled
 * and their progress records. Each enrolment carries what the dashboard
 * counts (the steps done as a bit mask, since when its stage has not moved,
 * its last activity), recomputed from the records at each write, so that the
 * dashboard reads one row per structure and never the records themselves.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table challenges (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 300),
      description text not null default '',
      target_kind text not null check (target_kind in (${list(organisationKinds)})),
      target_siae_kinds text[] not null default '{}' check (target_siae_kinds <@ array[${list(siaeKinds)}]::text[]),
      starts_on date not null,
      ends_on date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (starts_on <= ends_on)
    )`.execute(db);
  await sql`
    create table challenge_partners (
      challenge_id uuid not null references challenges(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      primary key (challenge_id, organisation_id)
    )`.execute(db);
  await sql`create index challenge_partners_organisation on challenge_partners(organisation_id)`.execute(db);
  await sql`
    create table challenge_steps (
      id uuid primary key default gen_random_uuid(),
      challenge_id uuid not null references challenges(id) on delete cascade,
      position smallint not null check (position between 0 and 29),
      label text not null check (length(btrim(label)) between 1 and 200),
      measure text not null check (length(btrim(measure)) between 1 and 200),
      target integer not null check (target between 1 and 1000000),
      unique (challenge_id, position)
    )`.execute(db);
  await sql`
    create table challenge_enrolments (
      challenge_id uuid not null references challenges(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      enrolled_on date not null,
      source text not null check (source in (${list(sources)})),
      done_mask integer not null default 0,
      stage_since date not null,
      last_progress_on date,
      primary key (challenge_id, organisation_id)
    )`.execute(db);
  await sql`create index challenge_enrolments_organisation on challenge_enrolments(organisation_id)`.execute(db);
  await sql`
    create table challenge_progress (
      id uuid primary key default gen_random_uuid(),
      challenge_id uuid not null,
      organisation_id uuid not null,
      step_id uuid not null references challenge_steps(id) on delete cascade,
      value integer not null check (value between 0 and 1000000),
      recorded_on date not null,
      evidence_url text check (evidence_url ~ '^https?://'),
      account_id uuid references accounts(id) on delete set null,
      created_at timestamptz not null default now(),
      foreign key (challenge_id, organisation_id) references challenge_enrolments(challenge_id, organisation_id) on delete cascade
    )`.execute(db);
  await sql`create index challenge_progress_structure on challenge_progress(challenge_id, organisation_id, step_id, recorded_on)`.execute(db);
  // Records per week, kept by each write: the trend never reads the records.
  await sql`
    create table challenge_weeks (
      challenge_id uuid not null references challenges(id) on delete cascade,
      week date not null,
      records integer not null check (records >= 0),
      primary key (challenge_id, week)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const t of ['challenge_weeks', 'challenge_progress', 'challenge_enrolments', 'challenge_steps', 'challenge_partners', 'challenges'])
    await sql`drop table ${sql.table(t)}`.execute(db);
}
