import { type Expression, type SqlBool, sql } from 'kysely';
import type { EligibilitySubject, Size } from '../../../engines/eligibility/eligibility';
import type { Executor } from '../../db/connection';

/** ESS relance's SQL: measures, the facts eligibility reads, obstacles and their timeline. */

export interface MeasureRow {
  id: string;
  name: string;
  description: string;
  operator_organisation_id: string;
  operator_name: string;
  component: string;
  budget_eur: number | string | null;
  opens_on: string | null;
  closes_on: string | null;
  window_kind: string;
  url: string | null;
  themes: string[];
  rules: unknown;
  opening_notified_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const measureSelect = (db: Executor) =>
  db
    .selectFrom('recovery_measures as m')
    .innerJoin('organisations as o', 'o.id', 'm.operator_organisation_id')
    .select([
      'm.id',
      'm.name',
      'm.description',
      'm.operator_organisation_id',
      'o.name as operator_name',
      'm.component',
      'm.budget_eur',
      sql<string | null>`to_char(m.opens_on, 'YYYY-MM-DD')`.as('opens_on'),
      sql<string | null>`to_char(m.closes_on, 'YYYY-MM-DD')`.as('closes_on'),
      'm.window_kind',
      'm.url',
      'm.themes',
      'm.rules',
      'm.opening_notified_at',
      'm.created_at',
      'm.updated_at',
    ]);

/** The window of a measure on a day, as SQL (open, upcoming, closed). */
const windowSql = (today: string) =>
  sql<string>`case when m.opens_on is not null and m.opens_on > ${today}::date then 'upcoming' when m.closes_on is not null and m.closes_on < ${today}::date then 'closed' else 'open' end`;

export interface MeasureFilter {
  q?: string;
  operator?: string;
  themes?: string[];
  /** `region:84`…: measures whose perimeter holds that territory or its région, and national ones. */
  territory?: { kind: string; code: string; regionCode: string | null; departementCode: string | null };
  component?: string;
  window?: string;
  today: string;
}

function measureWhere(f: MeasureFilter) {
  const parts: Expression<SqlBool>[] = [];
  if (f.q) parts.push(sql<SqlBool>`(m.name ilike ${`%${f.q}%`} or m.description ilike ${`%${f.q}%`})`);
  if (f.operator) parts.push(sql<SqlBool>`m.operator_organisation_id = ${f.operator}`);
  if (f.themes?.length) parts.push(sql<SqlBool>`m.themes && ${f.themes}::text[]`);
  if (f.component) parts.push(sql<SqlBool>`m.component = ${f.component}`);
  if (f.window && f.window !== 'all') parts.push(sql<SqlBool>`${windowSql(f.today)} = ${f.window}`);
  if (f.territory) {
    const keys = [`${f.territory.kind}:${f.territory.code}`];
    if (f.territory.regionCode) keys.push(`region:${f.territory.regionCode}`);
    if (f.territory.departementCode) keys.push(`departement:${f.territory.departementCode}`);
    parts.push(sql<SqlBool>`(jsonb_array_length(m.rules->'territories') = 0 or m.rules->'territories' ?| ${keys}::text[])`);
  }
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` and `)}` : sql<SqlBool>`true`;
}

export async function listMeasures(db: Executor, f: MeasureFilter, page: { limit: number; offset: number }) {
  const where = measureWhere(f);
  const [rows, count] = await Promise.all([
    measureSelect(db)
      .where(where)
      .orderBy(sql`${windowSql(f.today)} = 'open'`, 'desc')
      .orderBy('m.closes_on', (ob) => ob.desc().nullsFirst())
      .orderBy('m.name')
      .orderBy('m.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute() as Promise<MeasureRow[]>,
    db.selectFrom('recovery_measures as m').select(sql<string>`count(*)`.as('n')).where(where).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function getMeasures(db: Executor, ids?: readonly string[]): Promise<MeasureRow[]> {
  if (ids && ids.length === 0) return [];
  let q = measureSelect(db);
  if (ids) q = q.where('m.id', 'in', ids);
  return (await q.orderBy('m.name').orderBy('m.id').execute()) as MeasureRow[];
}

export interface MeasureValues {
  name: string;
  description: string;
  operator_organisation_id: string;
  component: string;
  budget_eur: number | null;
  opens_on: string | null;
  closes_on: string | null;
  window_kind: string;
  url: string | null;
  themes: string[];
  rules: string;
}

export async function insertMeasure(db: Executor, v: MeasureValues, id?: string): Promise<string> {
  const row = await db
    .insertInto('recovery_measures')
    .values({ ...v, ...(id ? { id } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeasure(db: Executor, id: string, v: Partial<MeasureValues>) {
  await db
    .updateTable('recovery_measures')
    .set({ ...v, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteMeasure(db: Executor, id: string) {
  await db.deleteFrom('recovery_measures').where('id', '=', id).execute();
}

export async function markOpeningNotified(db: Executor, id: string) {
  await db.updateTable('recovery_measures').set({ opening_notified_at: sql`now()` }).where('id', '=', id).execute();
}

/** Measures open today whose opening nobody was told of yet. */
export async function measuresOpenedUnnotified(db: Executor, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('recovery_measures as m')
    .select('m.id')
    .where('m.opening_notified_at', 'is', null)
    .where(sql<SqlBool>`${windowSql(today)} = 'open'`)
    .execute();
  return rows.map((r) => r.id);
}

export async function organisationExists(db: Executor, id: string) {
  return !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst());
}

/** The names of territories by key (`region:84` → Auvergne-Rhône-Alpes), for the engine's sentences. */
export async function territoryNames(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  const by = (kind: string) => keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  const out = new Map<string, string>();
  for (const [kind, table] of [
    ['region', 'regions'],
    ['departement', 'departements'],
    ['epci', 'epcis'],
    ['commune', 'communes'],
  ] as const) {
    const codes = by(kind);
    if (!codes.length) continue;
    const rows = await db.selectFrom(table).select(['code', 'name']).where('code', 'in', codes).execute();
    for (const r of rows) out.set(`${kind}:${r.code}`, r.name);
  }
  return out;
}

export async function territoryOf(db: Executor, kind: string, code: string) {
  if (kind === 'region') return { regionCode: code, departementCode: null };
  if (kind === 'departement') {
    const r = await db.selectFrom('departements').select('region_code').where('code', '=', code).executeTakeFirst();
    return { regionCode: r?.region_code ?? null, departementCode: code };
  }
  if (kind === 'commune') {
    const r = await db.selectFrom('communes').select(['region_code', 'departement_code']).where('code', '=', code).executeTakeFirst();
    return { regionCode: r?.region_code ?? null, departementCode: r?.departement_code ?? null };
  }
  return { regionCode: null, departementCode: null };
}

/** A project (or a structure) as the engine reads it, with what the pages show of it. */
export interface SubjectRow extends EligibilitySubject {
  id: string;
  title: string;
  organisationId: string | null;
  organisationName: string | null;
  collectiveId: string | null;
  themes: string[];
}

interface RawSubject {
  id: string;
  title: string;
  organisation_id: string | null;
  organisation_name: string | null;
  collective_id: string | null;
  legal_category: string | null;
  kind: string | null;
  ess: boolean | null;
  esus: boolean | null;
  region_code: string | null;
  departement_code: string | null;
  epci_code: string | null;
  commune_code: string | null;
  founded_on: string | null;
  size: string | null;
  stage: string | null;
  funding_need_eur: number | string | null;
  themes: string[] | null;
}

const toSubject = (r: RawSubject): SubjectRow => ({
  id: r.id,
  title: r.title,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  collectiveId: r.collective_id,
  themes: r.themes ?? [],
  legalCategory: r.legal_category,
  kind: r.kind,
  ess: r.ess,
  esus: r.esus,
  regionCode: r.region_code,
  departementCode: r.departement_code,
  epciCode: r.epci_code,
  communeCode: r.commune_code,
  foundedOn: r.founded_on,
  size: r.size as Size | null,
  stage: r.stage,
  fundingNeedEur: r.funding_need_eur == null ? null : Number(r.funding_need_eur),
});

export interface SubjectFilter {
  ids?: readonly string[];
  q?: string;
  themes?: string[];
  territory?: { kind: string; code: string };
  /** Paused, completed and abandoned projects too (active ones only by default). */
  anyStatus?: boolean;
  /** Leave the themes out (verdicts do not read them). */
  withoutThemes?: boolean;
}

/**
 * Projects as eligibility subjects: the lead structure's legal facts, the
 * project's place (or else its structure's), stage and need. Active projects only.
 */
export async function projectSubjects(db: Executor, f: SubjectFilter = {}): Promise<SubjectRow[]> {
  if (f.ids && f.ids.length === 0) return [];
  const parts: Expression<SqlBool>[] = f.anyStatus ? [sql<SqlBool>`true`] : [sql<SqlBool>`p.status = 'active'`];
  if (f.ids) parts.push(sql<SqlBool>`p.id = any(${f.ids}::uuid[])`);
  if (f.q) parts.push(sql<SqlBool>`(p.title ilike ${`%${f.q}%`} or o.name ilike ${`%${f.q}%`})`);
  if (f.themes?.length)
    parts.push(sql<SqlBool>`exists (select 1 from project_themes pt where pt.project_id = p.id and pt.theme_code = any(${f.themes}::text[]))`);
  if (f.territory) parts.push(sql<SqlBool>`coalesce(p.${sql.raw(`${f.territory.kind}_code`)}, o.${sql.raw(`${f.territory.kind}_code`)}) = ${f.territory.code}`);
  const rows = await sql<RawSubject>`
    select p.id, p.title, o.id as organisation_id, o.name as organisation_name, p.collective_id,
      o.legal_category, o.kind, o.ess, o.esus,
      coalesce(p.region_code, o.region_code) as region_code,
      coalesce(p.departement_code, o.departement_code) as departement_code,
      coalesce(p.epci_code, o.epci_code) as epci_code,
      coalesce(p.commune_code, o.commune_code) as commune_code,
      to_char(f.founded_on, 'YYYY-MM-DD') as founded_on, f.size, p.stage, p.funding_need_eur,
      ${f.withoutThemes ? sql`null::text[]` : sql`(select array_agg(pt.theme_code order by pt.theme_code) from project_themes pt where pt.project_id = p.id)`} as themes
    from projects p
    left join organisations o on o.id = p.lead_organisation_id
    left join organisation_relance_facts f on f.organisation_id = o.id
    where ${sql.join(parts, sql` and `)}
    order by p.title, p.id`.execute(db);
  return rows.rows.map(toSubject);
}

/** A structure as an eligibility subject (no stage, no need: a structure's criteria on those stay unknown). */
export async function organisationSubject(db: Executor, id: string): Promise<SubjectRow | undefined> {
  const rows = await sql<RawSubject>`
    select o.id, o.name as title, o.id as organisation_id, o.name as organisation_name, null::uuid as collective_id,
      o.legal_category, o.kind, o.ess, o.esus, o.region_code, o.departement_code, o.epci_code, o.commune_code,
      to_char(f.founded_on, 'YYYY-MM-DD') as founded_on, f.size, null::text as stage, null::bigint as funding_need_eur,
      (select array_agg(t.theme_code order by t.theme_code) from organisation_themes t where t.organisation_id = o.id) as themes
    from organisations o left join organisation_relance_facts f on f.organisation_id = o.id
    where o.id = ${id}`.execute(db);
  return rows.rows[0] ? toSubject(rows.rows[0]) : undefined;
}

export async function setRelanceFacts(db: Executor, rows: Array<{ organisation_id: string; founded_on: string | null; size: string | null }>) {
  if (!rows.length) return;
  await db
    .insertInto('organisation_relance_facts')
    .values(rows)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet((eb) => ({ founded_on: eb.ref('excluded.founded_on'), size: eb.ref('excluded.size') })))
    .execute();
}

/** Accounts that act for a project: its lead structure's holders and its collective's coordinators (roles are JSON on the account). */
export async function projectPeopleAccounts(db: Executor, projects: ReadonlyArray<{ organisationId: string | null; collectiveId: string | null }>) {
  const orgs = [...new Set(projects.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  const collectives = [...new Set(projects.flatMap((p) => (p.collectiveId ? [p.collectiveId] : [])))];
  if (!orgs.length && !collectives.length) return [];
  const rows = await sql<{ id: string }>`
    select distinct a.id from accounts a, jsonb_array_elements(a.roles) r
    where (r->>'role' = 'holder' and r->'scope' ?| ${orgs}::text[])
       or (r->>'role' = 'coordinator' and r->'scope' ?| ${collectives}::text[])`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Accounts of an operator's staff (role `operator` scoped to the structure). */
export async function operatorAccounts(db: Executor, organisationIds: readonly string[]) {
  if (!organisationIds.length) return [];
  const rows = await sql<{ id: string }>`
    select distinct a.id from accounts a, jsonb_array_elements(a.roles) r
    where r->>'role' = 'operator' and r->'scope' ?| ${organisationIds}::text[]`.execute(db);
  return rows.rows.map((r) => r.id);
}
