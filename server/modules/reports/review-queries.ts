import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export interface ExampleRow {
  id: string;
  programme: string;
  record_kind: string;
  record_id: string;
  title: string;
  place: string | null;
  summary: string;
}

/** The records featured in a year's review, with their current name and place, in their order. */
export async function featuredExamples(db: Executor, year: number) {
  const r = await sql<ExampleRow>`
    select f.id, f.programme, f.record_kind, f.record_id::text as record_id, f.summary,
      coalesce(p.title, o.name, c.name, '') as title,
      coalesce(pm.name, om.name, c.territory_label) as place
    from review_featured f
    left join projects p on f.record_kind = 'project' and p.id = f.record_id
    left join communes pm on pm.code = p.commune_code
    left join organisations o on f.record_kind = 'organisation' and o.id = f.record_id
    left join communes om on om.code = o.commune_code
    left join collectives c on f.record_kind = 'collective' and c.id = f.record_id
    where f.year = ${year}
    order by f.position, f.created_at, f.id`.execute(db);
  return r.rows;
}

/** Whether the featured record exists. */
export async function featuredRecordExists(db: Executor, kind: string, id: string) {
  const table = kind === 'project' ? sql`projects` : kind === 'organisation' ? sql`organisations` : sql`collectives`;
  const r = await sql<{ n: number }>`select count(*)::int as n from ${table} where id = ${id}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function insertFeatured(
  db: Executor,
  f: { year: number; programme: string; recordKind: string; recordId: string; summary: string; position: number },
) {
  const r = await db
    .insertInto('review_featured')
    .values({ year: f.year, programme: f.programme, record_kind: f.recordKind, record_id: f.recordId, summary: f.summary, position: f.position })
    .onConflict((oc) => oc.columns(['year', 'record_kind', 'record_id']).doUpdateSet({ programme: f.programme, summary: f.summary, position: f.position }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteFeatured(db: Executor, year: number, id: string) {
  const r = await db.deleteFrom('review_featured').where('year', '=', year).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface TestimonialRow {
  id: string;
  quote: string;
  author_name: string;
  author_role: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  project_id: string | null;
  project_title: string | null;
  collective_id: string | null;
  collective_name: string | null;
  programme: string;
  year: number;
  consent_given_on: string | null;
  featured: boolean;
}

/** Testimonials, newest year first; `published` keeps only those featured with their author's consent. */
export async function listTestimonials(db: Executor, q: { year?: number | undefined; published: boolean }) {
  const r = await sql<TestimonialRow>`
    select t.id, t.quote, t.author_name, t.author_role, t.organisation_id::text as organisation_id, o.name as organisation_name,
      t.project_id::text as project_id, p.title as project_title, t.collective_id::text as collective_id, c.name as collective_name,
      t.programme, t.year, to_char(t.consent_given_on, 'YYYY-MM-DD') as consent_given_on, t.featured
    from testimonials t
    left join organisations o on o.id = t.organisation_id
    left join projects p on p.id = t.project_id
    left join collectives c on c.id = t.collective_id
    where true ${q.year !== undefined ? sql`and t.year = ${q.year}` : sql``}
      ${q.published ? sql`and t.featured and t.consent_given_on is not null` : sql``}
    order by t.year desc, t.created_at, t.id`.execute(db);
  return r.rows;
}

export async function insertTestimonial(
  db: Executor,
  t: {
    quote: string;
    authorName: string;
    authorRole: string | null;
    personId: string | null;
    organisationId: string | null;
    projectId: string | null;
    collectiveId: string | null;
    programme: string;
    year: number;
    consentGivenOn: string | null;
    consentNote: string | null;
    featured: boolean;
  },
) {
  const r = await db
    .insertInto('testimonials')
    .values({
      quote: t.quote,
      author_name: t.authorName,
      author_role: t.authorRole,
      person_id: t.personId,
      organisation_id: t.organisationId,
      project_id: t.projectId,
      collective_id: t.collectiveId,
      programme: t.programme,
      year: t.year,
      consent_given_on: t.consentGivenOn,
      consent_note: t.consentNote,
      featured: t.featured,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findTestimonialConsent(db: Executor, id: string) {
  return db.selectFrom('testimonials').select(['id', 'featured', 'consent_given_on']).where('id', '=', id).executeTakeFirst();
}

export async function updateTestimonial(
  db: Executor,
  id: string,
  patch: { featured?: boolean | undefined; consentGivenOn?: string | null | undefined; consentNote?: string | null | undefined },
) {
  await db
    .updateTable('testimonials')
    .set({
      ...(patch.featured !== undefined ? { featured: patch.featured } : {}),
      ...(patch.consentGivenOn !== undefined ? { consent_given_on: patch.consentGivenOn } : {}),
      ...(patch.consentNote !== undefined ? { consent_note: patch.consentNote } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function findPerspectives(db: Executor, year: number) {
  const r = await db.selectFrom('review_perspectives').select(['body', 'updated_at']).where('year', '=', year).executeTakeFirst();
  return r ?? null;
}

export async function upsertPerspectives(db: Executor, year: number, body: string, by: string | null) {
  await db
    .insertInto('review_perspectives')
    .values({ year, body, updated_by: by })
    .onConflict((oc) => oc.column('year').doUpdateSet({ body, updated_by: by, updated_at: sql`now()` }))
    .execute();
}

/**
 * When the review's own content (examples, testimonials, perspectives) of a
 * year last changed: part of the PDF's source, so that an edit makes it again.
 */
export async function reviewContentVersion(db: Executor, year: number) {
  const r = await sql<{ v: string }>`select concat_ws(':',
      (select count(*) || '-' || coalesce(max(created_at)::text, '') from review_featured where year = ${year}),
      (select count(*) || '-' || coalesce(max(updated_at)::text, '') from testimonials where year = ${year}),
      (select coalesce(max(updated_at)::text, '') from review_perspectives where year = ${year})) as v`.execute(db);
  return r.rows[0]?.v ?? '';
}
