import { type Kysely, sql } from 'kysely';

// The value lists as they were when this migration was written, frozen: a
// migration never reads the live vocabulary, or adding a value to it would
// change what an old migration creates. A later change to a list is a new
// migration (server/db/vocabulary-checks.test.ts compares the database with
// shared/vocabulary.ts).
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
const projectStages = ['idea', 'launch', 'development', 'scale_up'];
const instruments = ['grant', 'loan', 'equity', 'quasi_equity'];
const projectStatuses = ['active', 'paused', 'completed', 'abandoned'];
const sectorMemberRoles = ['large_group', 'social_innovator', 'partner'];

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const territoryRef = (table: string, owner: string, ownerTable: string) => sql`
  create table ${sql.raw(table)} (
    ${sql.raw(owner)} uuid not null references ${sql.raw(ownerTable)}(id) on delete cascade,
    commune_code text references communes(code),
    epci_code text references epcis(code),
    departement_code text references departements(code),
    region_code text references regions(code),
    check (num_nonnulls(commune_code, epci_code, departement_code, region_code) = 1),
    unique nulls not distinct (${sql.raw(owner)}, commune_code, epci_code, departement_code, region_code)
  )`;

// Filter indexes carry the row id so that counts over a territory or a theme
// are index-only scans (after VACUUM), not visits of every matching row.
export async function up(db: Kysely<unknown>) {
  await sql`
    create table regions (
      code text primary key check (code ~ '^[0-9]{2,3}$'),
      name text not null,
      name_folded text not null,
      zone text not null
    )`.execute(db);
  await sql`
    create table departements (
      code text primary key check (code ~ '^([0-9]{2}|2A|2B|9[78][0-9])$'),
      name text not null,
      name_folded text not null,
      region_code text not null references regions(code),
      zone text not null
    )`.execute(db);
  await sql`create index departements_region on departements(region_code)`.execute(db);
  await sql`
    create table epcis (
      code text primary key check (code ~ '^[0-9]{9}$'),
      name text not null,
      name_folded text not null,
      kind text not null,
      population integer
    )`.execute(db);
  await sql`
    create table communes (
      code text primary key check (code ~ '^[0-9][0-9AB][0-9]{3}$'),
      name text not null,
      name_folded text not null,
      departement_code text not null references departements(code),
      region_code text not null references regions(code),
      epci_code text references epcis(code),
      population integer,
      postal_codes text[] not null default '{}'
    )`.execute(db);
  await sql`create index communes_departement on communes(departement_code)`.execute(db);
  await sql`create index communes_region on communes(region_code)`.execute(db);
  await sql`create index communes_epci on communes(epci_code)`.execute(db);
  for (const t of ['regions', 'departements', 'epcis', 'communes']) {
    await sql`create index ${sql.raw(`${t}_name_folded`)} on ${sql.raw(t)} (name_folded text_pattern_ops)`.execute(db);
  }

  await sql`
    create table themes (
      code text primary key check (code ~ '^[a-z0-9-]+$'),
      label text not null unique,
      position integer not null default 0
    )`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(btrim(name)) between 1 and 300),
      siret text unique check (siret ~ '^[0-9]{14}$'),
      siren text check (siren ~ '^[0-9]{9}$'),
      legal_category text check (legal_category ~ '^[0-9]{4}$'),
      kind text not null check (kind in (${list(organisationKinds)})),
      siae_kind text check (siae_kind in (${list(siaeKinds)})),
      ess boolean not null default false,
      esus boolean not null default false,
      naf_code text check (naf_code ~ '^[0-9]{2}\\.[0-9]{2}[A-Z]$'),
      commune_code text references communes(code),
      -- The commune's EPCI, département and région, copied at write time so that
      -- territory filters are index-only scans (the INSEE reference is fixed).
      epci_code text references epcis(code),
      departement_code text references departements(code),
      region_code text references regions(code),
      website text check (website ~ '^https?://'),
      description text not null default '',
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (siret is null or siren is null or left(siret, 9) = siren),
      check ((kind = 'siae') = (siae_kind is not null)),
      check (not esus or ess)
    )`.execute(db);
  await sql`create index organisations_search on organisations using gin(search)`.execute(db);
  await sql`create index organisations_siren on organisations(siren)`.execute(db);
  await sql`create index organisations_kind on organisations(kind)`.execute(db);
  for (const level of ['commune', 'epci', 'departement', 'region'])
    await sql`create index ${sql.raw(`organisations_${level}`)} on organisations (${sql.raw(`${level}_code`)}, id)`.execute(db);
  await sql`create index organisations_name on organisations(lower(name), id)`.execute(db);
  await sql`
    create table organisation_themes (
      organisation_id uuid not null references organisations(id) on delete cascade,
      theme_code text not null references themes(code),
      primary key (organisation_id, theme_code)
    )`.execute(db);
  await sql`create index organisation_themes_theme on organisation_themes(theme_code, organisation_id)`.execute(db);

  await sql`
    create table people (
      id uuid primary key default gen_random_uuid(),
      first_name text not null check (length(btrim(first_name)) between 1 and 100),
      last_name text not null check (length(btrim(last_name)) between 1 and 100),
      email text check (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
      phone text,
      organisation_id uuid references organisations(id) on delete set null,
      titles text[] not null default '{}',
      is_advisor boolean not null default false,
      is_public_sponsor boolean not null default false,
      administration_id uuid references organisations(id) on delete restrict,
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (is_public_sponsor = (administration_id is not null))
    )`.execute(db);
  await sql`create unique index people_email on people(lower(email))`.execute(db);
  await sql`create index people_search on people using gin(search)`.execute(db);
  await sql`create index people_organisation on people(organisation_id)`.execute(db);
  await sql`create index people_administration on people(administration_id)`.execute(db);
  await sql`create index people_name on people(lower(last_name), lower(first_name), id)`.execute(db);

  await sql`
    create table collectives (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (length(btrim(name)) between 1 and 200),
      territory_label text not null default '',
      label_date date,
      wave smallint check (wave between 1 and 20),
      coordinator_id uuid references people(id) on delete set null,
      description text not null default '',
      website text check (website ~ '^https?://'),
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index collectives_search on collectives using gin(search)`.execute(db);
  await territoryRef('collective_perimeter', 'collective_id', 'collectives').execute(db);
  await sql`
    create table collective_members (
      collective_id uuid not null references collectives(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      primary key (collective_id, organisation_id)
    )`.execute(db);
  await sql`create index collective_members_organisation on collective_members(organisation_id)`.execute(db);

  await sql`
    create table projects (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 300),
      summary text not null default '',
      description text not null default '',
      collective_id uuid references collectives(id) on delete restrict,
      lead_organisation_id uuid references organisations(id) on delete restrict,
      stage text not null check (stage in (${list(projectStages)})),
      funding_need_eur bigint check (funding_need_eur >= 0 and funding_need_eur <= 10000000000),
      instruments text[] not null default '{}' check (instruments <@ array[${list(instruments)}]::text[]),
      commune_code text references communes(code),
      -- The commune's EPCI, département and région, copied at write time so that
      -- territory filters are index-only scans (the INSEE reference is fixed).
      epci_code text references epcis(code),
      departement_code text references departements(code),
      region_code text references regions(code),
      status text not null default 'active' check (status in (${list(projectStatuses)})),
      beneficiaries integer check (beneficiaries >= 0),
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index projects_search on projects using gin(search)`.execute(db);
  await sql`create index projects_collective on projects(collective_id)`.execute(db);
  await sql`create index projects_lead on projects(lead_organisation_id)`.execute(db);
  for (const level of ['commune', 'epci', 'departement', 'region'])
    await sql`create index ${sql.raw(`projects_${level}`)} on projects (${sql.raw(`${level}_code`)}, id)`.execute(db);
  await sql`create index projects_stage on projects(stage)`.execute(db);
  await sql`create index projects_created on projects(created_at desc, id)`.execute(db);
  await sql`create index projects_title on projects(lower(title), id)`.execute(db);
  await sql`
    create table project_themes (
      project_id uuid not null references projects(id) on delete cascade,
      theme_code text not null references themes(code),
      primary key (project_id, theme_code)
    )`.execute(db);
  await sql`create index project_themes_theme on project_themes(theme_code, project_id)`.execute(db);
  await sql`
    create table project_partners (
      project_id uuid not null references projects(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      primary key (project_id, organisation_id)
    )`.execute(db);
  await sql`create index project_partners_organisation on project_partners(organisation_id)`.execute(db);

  await sql`
    create table funds (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (length(btrim(name)) between 1 and 200),
      manager_id uuid references organisations(id) on delete restrict,
      french_impact boolean not null default true,
      amount_mobilisable_eur bigint not null check (amount_mobilisable_eur >= 0),
      stages text[] not null default '{}' check (stages <@ array[${list(projectStages)}]::text[]),
      instruments text[] not null default '{}' check (instruments <@ array[${list(instruments)}]::text[]),
      ticket_min_eur bigint check (ticket_min_eur >= 0),
      ticket_max_eur bigint check (ticket_max_eur >= 0),
      description text not null default '',
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ticket_min_eur is null or ticket_max_eur is null or ticket_min_eur <= ticket_max_eur)
    )`.execute(db);
  await sql`create index funds_search on funds using gin(search)`.execute(db);
  await sql`create index funds_manager on funds(manager_id)`.execute(db);
  await sql`
    create table fund_themes (
      fund_id uuid not null references funds(id) on delete cascade,
      theme_code text not null references themes(code),
      primary key (fund_id, theme_code)
    )`.execute(db);
  await territoryRef('fund_territories', 'fund_id', 'funds').execute(db);

  await sql`
    create table pioneers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null unique references organisations(id) on delete restrict,
      label_year smallint not null check (label_year between 2000 and 2100),
      sponsor_id uuid references people(id) on delete set null,
      description text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table pioneer_beneficiaries (
      pioneer_id uuid not null references pioneers(id) on delete cascade,
      year smallint not null check (year between 2000 and 2100),
      count integer not null check (count >= 0),
      primary key (pioneer_id, year)
    )`.execute(db);
  await sql`
    create table pioneer_champions (
      pioneer_id uuid not null references pioneers(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      primary key (pioneer_id, organisation_id)
    )`.execute(db);
  await sql`create index pioneer_champions_organisation on pioneer_champions(organisation_id)`.execute(db);

  await sql`
    create table sector_programmes (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (length(btrim(name)) between 1 and 200),
      theme_code text references themes(code),
      started_on date,
      description text not null default '',
      search tsvector not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table sector_programme_members (
      programme_id uuid not null references sector_programmes(id) on delete cascade,
      organisation_id uuid not null references organisations(id) on delete cascade,
      role text not null check (role in (${list(sectorMemberRoles)})),
      primary key (programme_id, organisation_id)
    )`.execute(db);
  await sql`
    create table sector_programme_projects (
      programme_id uuid not null references sector_programmes(id) on delete cascade,
      project_id uuid not null references projects(id) on delete cascade,
      primary key (programme_id, project_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  for (const t of [
    'sector_programme_projects',
    'sector_programme_members',
    'sector_programmes',
    'pioneer_champions',
    'pioneer_beneficiaries',
    'pioneers',
    'fund_territories',
    'fund_themes',
    'funds',
    'project_partners',
    'project_themes',
    'projects',
    'collective_members',
    'collective_perimeter',
    'collectives',
    'people',
    'organisation_themes',
    'organisations',
    'themes',
    'communes',
    'epcis',
    'departements',
    'regions',
  ]) {
    await sql`drop table if exists ${sql.raw(t)}`.execute(db);
  }
}
