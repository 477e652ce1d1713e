import { type Kysely, sql } from 'kysely';

/**
 * The annual review's own content (issue 17), beside the figures: the records
 * the national team features as examples in a year's review, testimonials
 * (any programme's: a quote, its author, the organisation, project or
 * collective it speaks of, and the author's consent, without which it is never
 * published), and the perspectives for the next year.
 */
export async function up(db: Kysely<unknown>) {
  await sql`
    create table review_featured (
      id uuid primary key default gen_random_uuid(),
      year smallint not null check (year between 2000 and 2100),
      programme text not null,
      record_kind text not null check (record_kind in ('project', 'organisation', 'collective')),
      record_id uuid not null,
      summary text not null check (length(summary) between 1 and 2000),
      position smallint not null default 0,
      created_at timestamptz not null default now(),
      unique (year, record_kind, record_id)
    )`.execute(db);
  await sql`
    create table testimonials (
      id uuid primary key default gen_random_uuid(),
      quote text not null check (length(quote) between 1 and 4000),
      author_name text not null check (length(author_name) between 1 and 200),
      author_role text,
      person_id uuid references people(id) on delete set null,
      organisation_id uuid references organisations(id) on delete set null,
      project_id uuid references projects(id) on delete set null,
      collective_id uuid references collectives(id) on delete set null,
      programme text not null,
      year smallint not null check (year between 2000 and 2100),
      consent_given_on date,
      consent_note text,
      featured boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (not featured or consent_given_on is not null)
    )`.execute(db);
  await sql`create index testimonials_year on testimonials(year) where featured`.execute(db);
  await sql`
    create table review_perspectives (
      year smallint primary key check (year between 2000 and 2100),
      body text not null check (length(body) <= 20000),
      updated_at timestamptz not null default now(),
      updated_by uuid references accounts(id) on delete set null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>) {
  await sql`drop table review_perspectives`.execute(db);
  await sql`drop table testimonials`.execute(db);
  await sql`drop table review_featured`.execute(db);
}
