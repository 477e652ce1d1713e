import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts compares them with shared/vocabulary.ts).
const categories = [
  'statuts-gouvernance',
  'utilite-publique',
  'agrements',
  'financements-publics',
  'commande-publique',
  'reglementation',
  'management-rh',
  'numerique',
  'immobilier-foncier',
  'relations-administration',
];
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const TERRITORY = `^(commune|epci|departement|region):[0-9AB]{2,9}$`;

/**
 * Hackers Publics (issue 13): sponsors' profiles, needs, sponsorships with
 * their objectives and sessions. The Pionniers' sponsor (a reference to a
 * person on the pioneer) becomes a sponsorship of the pioneer's structure, and
 * the column goes: a sponsorship is recorded in one place. `down` puts it back
 * from those sponsorships.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table sponsor_profiles (
      person_id uuid primary key references people(id) on delete cascade,
      grade text not null default '' check (length(grade) <= 200),
      expertise text[] not null default '{}' check (expertise <@ array[${list(categories)}]),
      territories text[] not null default '{}',
      capacity smallint not null default 1 check (capacity between 1 and 3),
      paused_until date,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table sponsorship_needs (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations(id) on delete cascade,
      categories text[] not null check (categories <@ array[${list(categories)}]) check (cardinality(categories) >= 1),
      description text not null default '' check (length(description) <= 5000),
      urgency text not null default 'normal' check (urgency in (${list(['low', 'normal', 'high'])})),
      administration_ids uuid[] not null default '{}',
      territory text check (territory ~ ${sql.lit(TERRITORY)}),
      status text not null default 'open' check (status in (${list(['open', 'proposed', 'matched', 'closed', 'withdrawn'])})),
      source text not null default 'request' check (source in (${list(['request', 'pioneer'])})),
      matched_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sponsorship_needs_organisation on sponsorship_needs(organisation_id)`.execute(db);
  await sql`create index sponsorship_needs_status on sponsorship_needs(status)`.execute(db);
  await sql`
    create table sponsorships (
      id uuid primary key default gen_random_uuid(),
      need_id uuid not null references sponsorship_needs(id) on delete cascade,
      sponsor_person_id uuid not null references people(id) on delete cascade,
      status text not null check (status in (${list(['draft', 'proposed', 'declined', 'expired', 'active', 'closed'])})),
      score integer not null default 0 check (score between 0 and 1000),
      reasons jsonb not null default '[]',
      proposed_at timestamptz,
      deadline timestamptz,
      answered_at timestamptz,
      decline_reason text check (length(decline_reason) <= 1000),
      started_at timestamptz,
      closed_at timestamptz,
      closing_summary text not null default '' check (length(closing_summary) <= 5000),
      sponsor_rating smallint check (sponsor_rating between 1 and 5),
      sponsor_again boolean,
      structure_rating smallint check (structure_rating between 1 and 5),
      structure_again boolean,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // A need has at most one sponsorship in the works at a time.
  await sql`create unique index sponsorships_live_need on sponsorships(need_id) where status in ('draft', 'proposed', 'active')`.execute(db);
  await sql`create index sponsorships_sponsor on sponsorships(sponsor_person_id, status)`.execute(db);
  await sql`create index sponsorships_due on sponsorships(deadline) where status = 'proposed'`.execute(db);
  await sql`
    create table sponsorship_objectives (
      id uuid primary key default gen_random_uuid(),
      sponsorship_id uuid not null references sponsorships(id) on delete cascade,
      position smallint not null,
      label text not null check (length(label) between 1 and 300),
      outcome text check (outcome in (${list(['achieved', 'partly', 'not_achieved', 'abandoned'])}))
    )`.execute(db);
  await sql`create index sponsorship_objectives_sponsorship on sponsorship_objectives(sponsorship_id, position)`.execute(db);
  await sql`
    create table sponsorship_sessions (
      id uuid primary key default gen_random_uuid(),
      sponsorship_id uuid not null references sponsorships(id) on delete cascade,
      date date not null,
      duration_minutes smallint not null check (duration_minutes between 5 and 480),
      format text not null check (format in (${list(['visio', 'presentiel', 'telephone'])})),
      topics text[] not null default '{}',
      notes text not null default '' check (length(notes) <= 10000),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sponsorship_sessions_sponsorship on sponsorship_sessions(sponsorship_id, date)`.execute(db);

  // The figures count active sponsorships (stats: sponsorshipsActive): their version moves with them.
  await sql`create trigger sponsorships_counted_changed after insert or delete or truncate on sponsorships
    for each statement execute function essaim_counted_changed()`.execute(db);
  await sql`create trigger sponsorships_counted_column_changed after update on sponsorships
    for each row when (old.status is distinct from new.status) execute function essaim_counted_changed()`.execute(db);

  // Each Pionnier's sponsor becomes a sponsorship of its structure, under way since the pioneer was recorded.
  await sql`
    with pioneer_needs as (
      insert into sponsorship_needs (organisation_id, categories, description, status, source, matched_at, created_at)
      select organisation_id, array['relations-administration'], 'Parrainage du Pionnier French Impact', 'matched', 'pioneer', created_at, created_at
      from pioneers where sponsor_id is not null
      returning id, organisation_id
    )
    insert into sponsorships (need_id, sponsor_person_id, status, proposed_at, answered_at, started_at, created_at)
    select n.id, p.sponsor_id, 'active', p.created_at, p.created_at, p.created_at, p.created_at
    from pioneer_needs n join pioneers p on p.organisation_id = n.organisation_id`.execute(db);
  await sql`alter table pioneers drop column sponsor_id`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`alter table pioneers add column sponsor_id uuid references people(id) on delete set null`.execute(db);
  await sql`
    update pioneers p set sponsor_id = (
      select s.sponsor_person_id from sponsorships s join sponsorship_needs n on n.id = s.need_id
      where n.organisation_id = p.organisation_id and n.source = 'pioneer' and s.status in ('active', 'closed')
      order by s.started_at desc nulls last limit 1)`.execute(db);
  await sql`drop trigger sponsorships_counted_column_changed on sponsorships`.execute(db);
  await sql`drop trigger sponsorships_counted_changed on sponsorships`.execute(db);
  for (const t of ['sponsorship_sessions', 'sponsorship_objectives', 'sponsorships', 'sponsorship_needs', 'sponsor_profiles'])
    await sql`drop table ${sql.table(t)}`.execute(db);
}
