import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts).
const kinds = ['conference', 'workshop', 'hackathon', 'meeting', 'webinar'];
const programmes = ['impact-finance', 'hackers-publics', 'ess-relance', 'cooperation', 'mobilisation'];
const roles = ['project', 'investor', 'advisor', 'attendee', 'speaker'];
const statuses = ['registered', 'cancelled', 'attended', 'no_show'];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * Events, the core every programme builds on (conferences, operator meetings,
 * workshops, hackathons), and their registrations. Instants are stored as
 * timestamptz; the interface shows them in Europe/Paris.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table events (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in (${list(kinds)})),
      programme text not null check (programme in (${list(programmes)})),
      title text not null check (length(btrim(title)) between 1 and 300),
      description text not null default '',
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      address text check (address is null or length(btrim(address)) between 1 and 500),
      commune_code text references communes(code),
      -- The commune's EPCI, département and région, copied at write time (territory filters, as the directory's).
      epci_code text references epcis(code),
      departement_code text references departements(code),
      region_code text references regions(code),
      online_url text check (online_url ~ '^https?://'),
      -- Null: the national team organises it.
      organiser_organisation_id uuid references organisations(id) on delete restrict,
      capacity integer check (capacity > 0),
      registration_open boolean not null default true,
      public boolean not null default true,
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check ((address is null) = (commune_code is null)),
      check (commune_code is not null or online_url is not null)
    )`.execute(db);
  await sql`create index events_starts on events(starts_at, id)`.execute(db);
  await sql`create index events_programme on events(programme, starts_at)`.execute(db);
  await sql`create index events_search on events using gin(search)`.execute(db);
  await sql`create index events_organiser on events(organiser_organisation_id)`.execute(db);
  for (const level of ['commune', 'epci', 'departement', 'region'])
    await sql`create index ${sql.raw(`events_${level}`)} on events (${sql.raw(`${level}_code`)}, id)`.execute(db);

  await sql`
    create table registrations (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references events(id) on delete cascade,
      person_id uuid references people(id) on delete cascade,
      organisation_id uuid references organisations(id) on delete cascade,
      role text not null check (role in (${list(roles)})),
      project_id uuid references projects(id) on delete cascade,
      fund_id uuid references funds(id) on delete cascade,
      status text not null default 'registered' check (status in (${list(statuses)})),
      max_meetings integer check (max_meetings between 1 and 100),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (person_id is not null or organisation_id is not null),
      check ((role = 'project') = (project_id is not null)),
      check ((role = 'investor') = (fund_id is not null))
    )`.execute(db);
  // One live registration per project, fund, or else person (or structure) and role: a cancelled one may be followed by a new one.
  await sql`
    create unique index registrations_unique on registrations (event_id, role, coalesce(project_id, fund_id, person_id, organisation_id))
    where status <> 'cancelled'`.execute(db);
  await sql`create index registrations_event on registrations(event_id, status)`.execute(db);
  await sql`create index registrations_person on registrations(person_id)`.execute(db);
  await sql`create index registrations_organisation on registrations(organisation_id)`.execute(db);
  await sql`create index registrations_project on registrations(project_id)`.execute(db);
  await sql`create index registrations_fund on registrations(fund_id)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table registrations`.execute(db);
  await sql`drop table events`.execute(db);
}
