import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts).
const rolesBefore = ['project', 'investor', 'advisor', 'attendee', 'speaker'];
const roles = [...rolesBefore, 'judge'];
const sectors = ['public', 'associative', 'business', 'student', 'other'];
const followUpStatuses = ['active', 'paused', 'stopped', 'scaled'];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Hackathons (issue 16): a registration may be a judge's, and says its
 * participant's sector; a hackathon has challenges posed by partners, teams
 * of registrations, one submission per team, a rubric, declared conflicts of
 * interest, the judges' assignments, reviews and pairwise comparisons, and
 * its results' publication. Winners become innovations, followed up at 3, 6
 * and 12 months.
 */
export async function up(db: Kysely<unknown>) {
  await sql`alter table registrations drop constraint registrations_role_check`.execute(db);
  await sql`alter table registrations add constraint registrations_role_check check (role in (${list(roles)}))`.execute(db);
  await sql`alter table registrations add column sector text check (sector in (${list(sectors)}))`.execute(db);

  await sql`
    create table hackathon_settings (
      event_id uuid primary key references events(id) on delete cascade,
      -- [{ id, label, weight }], each score on 1–5.
      rubric jsonb not null default '[]',
      submission_deadline timestamptz,
      results_published_at timestamptz
    )`.execute(db);
  await sql`
    create table hackathon_challenges (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      title text not null check (length(btrim(title)) between 1 and 300),
      description text not null default '',
      partner_organisation_id uuid references organisations(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hackathon_challenges_event on hackathon_challenges(event_id)`.execute(db);
  await sql`
    create table hackathon_teams (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      name text not null check (length(btrim(name)) between 1 and 200),
      challenge_id uuid references hackathon_challenges(id) on delete set null,
      mentor_registration_id uuid references registrations(id) on delete set null,
      created_at timestamptz not null default now(),
      unique (event_id, name)
    )`.execute(db);
  await sql`
    create table hackathon_team_members (
      team_id uuid not null references hackathon_teams(id) on delete cascade,
      -- One team per registration (a registration belongs to one event).
      registration_id uuid primary key references registrations(id) on delete cascade
    )`.execute(db);
  await sql`create index hackathon_team_members_team on hackathon_team_members(team_id)`.execute(db);
  await sql`
    create table hackathon_submissions (
      team_id uuid primary key references hackathon_teams(id) on delete cascade,
      title text not null check (length(btrim(title)) between 1 and 300),
      pitch text not null check (length(pitch) <= 5000),
      links text[] not null default '{}',
      submitted_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table hackathon_conflicts (
      judge_registration_id uuid not null references registrations(id) on delete cascade,
      team_id uuid not null references hackathon_teams(id) on delete cascade,
      primary key (judge_registration_id, team_id)
    )`.execute(db);
  await sql`
    create table hackathon_assignments (
      judge_registration_id uuid not null references registrations(id) on delete cascade,
      team_id uuid not null references hackathon_teams(id) on delete cascade,
      primary key (judge_registration_id, team_id)
    )`.execute(db);
  await sql`create index hackathon_assignments_team on hackathon_assignments(team_id)`.execute(db);
  await sql`
    create table hackathon_reviews (
      judge_registration_id uuid not null,
      team_id uuid not null,
      -- { criterionId: 1–5 }
      scores jsonb not null,
      comment text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (judge_registration_id, team_id),
      foreign key (judge_registration_id, team_id) references hackathon_assignments(judge_registration_id, team_id) on delete cascade
    )`.execute(db);
  await sql`
    create table hackathon_comparisons (
      id uuid primary key default gen_random_uuid(),
      judge_registration_id uuid not null references registrations(id) on delete cascade,
      winner_team_id uuid not null references hackathon_teams(id) on delete cascade,
      loser_team_id uuid not null references hackathon_teams(id) on delete cascade,
      created_at timestamptz not null default now(),
      check (winner_team_id <> loser_team_id)
    )`.execute(db);
  await sql`create index hackathon_comparisons_judge on hackathon_comparisons(judge_registration_id)`.execute(db);

  await sql`
    create table innovations (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete restrict,
      team_id uuid not null unique references hackathon_teams(id) on delete restrict,
      challenge_id uuid references hackathon_challenges(id) on delete set null,
      title text not null check (length(btrim(title)) between 1 and 300),
      summary text not null default '',
      -- The structure that carries it on.
      carrier_organisation_id uuid references organisations(id) on delete set null,
      -- The project of a collective it became (one click, linked).
      project_id uuid unique references projects(id) on delete set null,
      -- The day it was propelled, from which follow-ups are due.
      propelled_on date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table innovation_follow_ups (
      innovation_id uuid not null references innovations(id) on delete cascade,
      month smallint not null check (month = 3 or month = 6 or month = 12),
      due_on date not null,
      requested_at timestamptz,
      recorded_at timestamptz,
      status text check (status in (${list(followUpStatuses)})),
      next_step text not null default '',
      funding_found_eur bigint check (funding_found_eur >= 0),
      people_reached integer check (people_reached >= 0),
      primary key (innovation_id, month),
      check ((recorded_at is null) = (status is null))
    )`.execute(db);
  await sql`create index innovation_follow_ups_due on innovation_follow_ups(due_on) where requested_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const t of [
    'innovation_follow_ups',
    'innovations',
    'hackathon_comparisons',
    'hackathon_reviews',
    'hackathon_assignments',
    'hackathon_conflicts',
    'hackathon_submissions',
    'hackathon_team_members',
    'hackathon_teams',
    'hackathon_challenges',
    'hackathon_settings',
  ])
    await sql`drop table ${sql.table(t)}`.execute(db);
  await sql`alter table registrations drop column sector`.execute(db);
  await sql`delete from registrations where role = 'judge'`.execute(db);
  await sql`alter table registrations drop constraint registrations_role_check`.execute(db);
  await sql`alter table registrations add constraint registrations_role_check check (role in (${list(rolesBefore)}))`.execute(db);
}
