import { type Kysely, sql } from 'kysely';

// Frozen here: a later value comes with its own migration (vocabulary-checks.test.ts).
const statuses = ['active', 'ended'];

/**
 * Advisors trained in impact finance (45 in 2020): their training (cohort,
 * date) and the projects they accompany (since, status). An advisor sees the
 * conferences and investment leads of the projects they accompany.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table advisor_trainings (
      person_id uuid primary key references people(id) on delete cascade,
      cohort text not null check (length(btrim(cohort)) between 1 and 100),
      trained_on date not null
    )`.execute(db);
  await sql`
    create table advisor_projects (
      advisor_id uuid not null references people(id) on delete cascade,
      project_id uuid not null references projects(id) on delete cascade,
      since date not null,
      status text not null default 'active' check (status in (${sql.join(statuses.map((s) => sql.lit(s)))})),
      primary key (advisor_id, project_id)
    )`.execute(db);
  await sql`create index advisor_projects_project on advisor_projects (project_id)`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table advisor_projects`.execute(db);
  await sql`drop table advisor_trainings`.execute(db);
}
