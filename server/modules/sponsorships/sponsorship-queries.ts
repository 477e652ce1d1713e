import { type SqlBool, sql } from 'kysely';
import type { NeedListQuery, SponsorshipListQuery } from '../../../shared/schemas/sponsorship';
import type { Executor } from '../../db/connection';

/** Live statuses: a sponsorship that holds its sponsor's capacity (a draft, a proposal awaiting an answer, one under way). */
export const HOLDING = ['draft', 'proposed', 'active'] as const;

/** Who may see which needs and sponsorships, as SQL: the national team all, others their structures', collectives' or own. */
export interface Visibility {
  all: boolean;
  organisationIds: readonly string[];
  collectiveIds: readonly string[];
  personId: string | null;
}

const orgOfCollectives = (collectiveIds: readonly string[]) =>
  sql`(select m.organisation_id from collective_members m where m.collective_id = any(${collectiveIds as string[]}::uuid[]))`;

function visibleNeed(v: Visibility) {
  if (v.all) return sql<SqlBool>`true`;
  const parts = [sql`n.organisation_id = any(${v.organisationIds as string[]}::uuid[])`, sql`n.organisation_id in ${orgOfCollectives(v.collectiveIds)}`];
  if (v.personId)
    parts.push(sql`exists (select 1 from sponsorships s2 where s2.need_id = n.id and s2.sponsor_person_id = ${v.personId} and s2.status <> 'draft')`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

export interface NeedRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  categories: string[];
  description: string;
  urgency: string;
  administration_ids: string[];
  administration_names: string[];
  territory: string | null;
  status: string;
  matched_at: Date | null;
  created_at: Date;
  updated_at: Date;
  sponsorship_id: string | null;
  /** Whether that sponsorship is still a draft the national team reviews. */
  sponsorship_draft: boolean;
  collective_ids: string[];
  sponsor_person_ids: string[];
}

const needColumns = sql`n.id, n.organisation_id, o.name as organisation_name, n.categories, n.description, n.urgency, n.administration_ids,
  coalesce((select array_agg(a.name order by a.name) from organisations a where a.id = any(n.administration_ids)), '{}') as administration_names,
  n.territory, n.status, n.matched_at, n.created_at, n.updated_at,
  (select s.id from sponsorships s where s.need_id = n.id and s.status in ('draft', 'proposed', 'active') limit 1) as sponsorship_id,
  exists (select 1 from sponsorships s where s.need_id = n.id and s.status = 'draft') as sponsorship_draft,
  coalesce((select array_agg(m.collective_id) from collective_members m where m.organisation_id = n.organisation_id), '{}') as collective_ids,
  coalesce((select array_agg(distinct s.sponsor_person_id) from sponsorships s where s.need_id = n.id and s.status <> 'draft'), '{}') as sponsor_person_ids`;

export async function listNeeds(db: Executor, v: Visibility, f: NeedListQuery) {
  const where = [visibleNeed(v)];
  if (f.status) where.push(sql<SqlBool>`n.status = ${f.status}`);
  if (f.category) where.push(sql<SqlBool>`${f.category} = any(n.categories)`);
  if (f.urgency) where.push(sql<SqlBool>`n.urgency = ${f.urgency}`);
  if (f.organisation) where.push(sql<SqlBool>`n.organisation_id = ${f.organisation}`);
  if (f.administration) where.push(sql<SqlBool>`${f.administration}::uuid = any(n.administration_ids)`);
  if (f.q) where.push(sql<SqlBool>`(o.name ilike ${`%${f.q}%`} or n.description ilike ${`%${f.q}%`})`);
  const cond = sql.join(where, sql` and `);
  const total = await sql<{
    n: number;
  }>`select count(*)::int as n from sponsorship_needs n join organisations o on o.id = n.organisation_id where ${cond}`.execute(db);
  const rows = await sql<NeedRow>`select ${needColumns} from sponsorship_needs n join organisations o on o.id = n.organisation_id where ${cond}
    order by case n.status when 'open' then 0 when 'proposed' then 1 when 'matched' then 2 else 3 end,
      case n.urgency when 'high' then 0 when 'normal' then 1 else 2 end, n.created_at desc, n.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function getNeeds(db: Executor, ids: readonly string[]): Promise<NeedRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<NeedRow>`select ${needColumns} from sponsorship_needs n join organisations o on o.id = n.organisation_id
    where n.id = any(${ids as string[]}::uuid[])`.execute(db);
  return r.rows;
}

export async function collectivesOfOrganisation(db: Executor, organisationId: string) {
  const rows = await db.selectFrom('collective_members').select('collective_id').where('organisation_id', '=', organisationId).execute();
  return rows.map((r) => r.collective_id);
}

export async function organisationInfo(db: Executor, id: string) {
  return db.selectFrom('organisations').select(['id', 'kind', 'departement_code']).where('id', '=', id).executeTakeFirst();
}

export async function organisationKinds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('id', 'in', ids as string[])
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}

export async function insertNeed(
  db: Executor,
  n: { organisationId: string; categories: string[]; description: string; urgency: string; administrationIds: string[]; territory: string | null },
) {
  const r = await db
    .insertInto('sponsorship_needs')
    .values({
      organisation_id: n.organisationId,
      categories: n.categories,
      description: n.description,
      urgency: n.urgency,
      administration_ids: n.administrationIds,
      territory: n.territory,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateNeed(
  db: Executor,
  id: string,
  p: Partial<{ categories: string[]; description: string; urgency: string; administration_ids: string[]; territory: string | null; status: string }>,
) {
  await db
    .updateTable('sponsorship_needs')
    .set({ ...p, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function setNeedStatus(db: Executor, id: string, status: string, matchedAt?: Date) {
  await db
    .updateTable('sponsorship_needs')
    .set({ status, updated_at: sql`now()`, ...(matchedAt ? { matched_at: matchedAt } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function deleteNeed(db: Executor, id: string) {
  await db.deleteFrom('sponsorship_needs').where('id', '=', id).execute();
}

export async function hasSponsorships(db: Executor, needId: string) {
  const r = await db.selectFrom('sponsorships').select('id').where('need_id', '=', needId).limit(1).executeTakeFirst();
  return Boolean(r);
}

/** Territory names of `kind:code` references. */
export async function territoryNames(db: Executor, refs: readonly string[]) {
  const out = new Map<string, string>();
  const by = (kind: string) => [...new Set(refs.filter((r) => r.startsWith(`${kind}:`)).map((r) => r.slice(kind.length + 1)))];
  for (const [kind, table] of [
    ['region', 'regions'],
    ['departement', 'departements'],
    ['epci', 'epcis'],
    ['commune', 'communes'],
  ] as const) {
    const codes = by(kind);
    if (codes.length === 0) continue;
    const rows = await db.selectFrom(table).select(['code', 'name']).where('code', 'in', codes).execute();
    for (const r of rows) out.set(`${kind}:${r.code}`, r.name);
  }
  return out;
}

/** Whether a `kind:code` territory exists. */
export async function territoryExists(db: Executor, ref: string) {
  return (await territoryNames(db, [ref])).has(ref);
}

/** A territory and every territory containing it (a commune's EPCI, département and région…). */
export async function territoryAncestors(db: Executor, refs: readonly string[]) {
  const out = new Map<string, string[]>();
  for (const ref of new Set(refs)) {
    const [kind, code] = ref.split(':') as [string, string];
    let rows: Array<{ epci_code?: string | null; departement_code?: string | null; region_code?: string | null }> = [];
    if (kind === 'commune') rows = await db.selectFrom('communes').select(['epci_code', 'departement_code', 'region_code']).where('code', '=', code).execute();
    else if (kind === 'epci')
      rows = await db.selectFrom('communes').select(['departement_code', 'region_code']).distinct().where('epci_code', '=', code).execute();
    else if (kind === 'departement') rows = await db.selectFrom('departements').select(['region_code']).where('code', '=', code).execute();
    const set = new Set([ref]);
    for (const r of rows) {
      if (r.epci_code) set.add(`epci:${r.epci_code}`);
      if (r.departement_code) set.add(`departement:${r.departement_code}`);
      if (r.region_code) set.add(`region:${r.region_code}`);
    }
    out.set(ref, [...set]);
  }
  return out;
}

export interface SponsorRow {
  person_id: string;
  name: string;
  administration_id: string | null;
  administration_name: string | null;
  grade: string;
  expertise: string[];
  territories: string[];
  capacity: number;
  paused_until: string | null;
  load: number;
  active: number;
  account_ids: string[];
}

/** Public sponsors with their profile (defaults when none yet) and what they hold now. */
export async function sponsors(db: Executor, personIds?: readonly string[]) {
  const r = await sql<SponsorRow>`
    select p.id as person_id, p.first_name || ' ' || p.last_name as name, p.administration_id, a.name as administration_name,
      coalesce(sp.grade, '') as grade, coalesce(sp.expertise, '{}') as expertise, coalesce(sp.territories, '{}') as territories,
      coalesce(sp.capacity, 1)::int as capacity, sp.paused_until,
      (select count(*)::int from sponsorships s where s.sponsor_person_id = p.id and s.status in ('draft', 'proposed', 'active')) as load,
      (select count(*)::int from sponsorships s where s.sponsor_person_id = p.id and s.status = 'active') as active,
      coalesce((select array_agg(ac.id) from accounts ac where ac.person_id = p.id), '{}') as account_ids
    from people p
    left join sponsor_profiles sp on sp.person_id = p.id
    left join organisations a on a.id = p.administration_id
    where p.is_public_sponsor ${personIds ? sql`and p.id = any(${personIds as string[]}::uuid[])` : sql``}
    order by p.last_name, p.first_name, p.id`.execute(db);
  return r.rows;
}

export async function personIsSponsor(db: Executor, personId: string) {
  const r = await db.selectFrom('people').select(['id', 'is_public_sponsor', 'administration_id']).where('id', '=', personId).executeTakeFirst();
  return r;
}

export async function saveSponsorProfile(
  db: Executor,
  personId: string,
  p: { administrationId: string; grade: string; expertise: string[]; territories: string[]; capacity: number; pausedUntil: string | null },
) {
  await db
    .updateTable('people')
    .set({ administration_id: p.administrationId, is_public_sponsor: true, updated_at: sql`now()` })
    .where('id', '=', personId)
    .execute();
  await db
    .insertInto('sponsor_profiles')
    .values({
      person_id: personId,
      grade: p.grade,
      expertise: p.expertise,
      territories: p.territories,
      capacity: p.capacity,
      paused_until: p.pausedUntil,
    })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        grade: p.grade,
        expertise: p.expertise,
        territories: p.territories,
        capacity: p.capacity,
        paused_until: p.pausedUntil,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The open needs (all, or these), each with the sponsors it must not be proposed to again. */
export async function openNeeds(db: Executor, ids?: readonly string[]) {
  const r = await sql<{
    id: string;
    organisation_id: string;
    organisation_name: string;
    categories: string[];
    administration_ids: string[];
    territory: string | null;
    excluded: string[];
  }>`select n.id, n.organisation_id, o.name as organisation_name, n.categories, n.administration_ids, n.territory,
      coalesce((select array_agg(s.sponsor_person_id) from sponsorships s where s.need_id = n.id and s.status in ('declined', 'expired')), '{}') as excluded
    from sponsorship_needs n join organisations o on o.id = n.organisation_id
    where n.status = 'open' ${ids ? sql`and n.id = any(${ids as string[]}::uuid[])` : sql``}
      and not exists (select 1 from sponsorships s where s.need_id = n.id and s.status in ('draft', 'proposed', 'active'))
    order by n.created_at, n.id
    for update of n`.execute(db);
  return r.rows;
}

/** Many proposals at once (ids chosen by the caller), and their needs marked proposed. */
export async function insertProposals(
  db: Executor,
  rows: Array<{
    id: string;
    needId: string;
    sponsorPersonId: string;
    status: 'draft' | 'proposed';
    score: number;
    reasons: unknown;
    proposedAt: Date | null;
    deadline: Date | null;
  }>,
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db
      .insertInto('sponsorships')
      .values(
        chunk.map((s) => ({
          id: s.id,
          need_id: s.needId,
          sponsor_person_id: s.sponsorPersonId,
          status: s.status,
          score: s.score,
          reasons: JSON.stringify(s.reasons),
          proposed_at: s.proposedAt,
          deadline: s.deadline,
        })),
      )
      .execute();
    await db
      .updateTable('sponsorship_needs')
      .set({ status: 'proposed', updated_at: sql`now()` })
      .where(
        'id',
        'in',
        chunk.map((s) => s.needId),
      )
      .execute();
  }
}

export async function insertSponsorship(
  db: Executor,
  s: { needId: string; sponsorPersonId: string; status: 'draft' | 'proposed'; score: number; reasons: unknown; proposedAt: Date | null; deadline: Date | null },
) {
  const r = await db
    .insertInto('sponsorships')
    .values({
      need_id: s.needId,
      sponsor_person_id: s.sponsorPersonId,
      status: s.status,
      score: s.score,
      reasons: JSON.stringify(s.reasons),
      proposed_at: s.proposedAt,
      deadline: s.deadline,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface SponsorshipRow {
  id: string;
  need_id: string;
  organisation_id: string;
  organisation_name: string;
  categories: string[];
  sponsor_person_id: string;
  sponsor_name: string;
  administration_id: string | null;
  administration_name: string | null;
  status: string;
  score: number;
  reasons: unknown;
  proposed_at: Date | null;
  deadline: Date | null;
  answered_at: Date | null;
  decline_reason: string | null;
  started_at: Date | null;
  closed_at: Date | null;
  closing_summary: string;
  sponsor_rating: number | null;
  sponsor_again: boolean | null;
  structure_rating: number | null;
  structure_again: boolean | null;
  created_at: Date;
  updated_at: Date;
  objectives: Array<{ id: string; label: string; outcome: string | null }> | string;
  collective_ids: string[];
}

const sponsorshipColumns = sql`s.*, n.organisation_id, o.name as organisation_name, n.categories,
  p.first_name || ' ' || p.last_name as sponsor_name, p.administration_id, a.name as administration_name,
  coalesce((select json_agg(json_build_object('id', ob.id, 'label', ob.label, 'outcome', ob.outcome) order by ob.position, ob.id)
    from sponsorship_objectives ob where ob.sponsorship_id = s.id), '[]'::json) as objectives,
  coalesce((select array_agg(m.collective_id) from collective_members m where m.organisation_id = n.organisation_id), '{}') as collective_ids`;
const sponsorshipFrom = sql`sponsorships s join sponsorship_needs n on n.id = s.need_id join organisations o on o.id = n.organisation_id
  join people p on p.id = s.sponsor_person_id left join organisations a on a.id = p.administration_id`;

function visibleSponsorship(v: Visibility) {
  if (v.all) return sql<SqlBool>`true`;
  const parts = [sql`n.organisation_id = any(${v.organisationIds as string[]}::uuid[])`, sql`n.organisation_id in ${orgOfCollectives(v.collectiveIds)}`];
  if (v.personId) parts.push(sql`s.sponsor_person_id = ${v.personId}`);
  // A draft is the national team's until sent.
  return sql<SqlBool>`(s.status <> 'draft' and (${sql.join(parts, sql` or `)}))`;
}

export async function listSponsorships(db: Executor, v: Visibility, f: SponsorshipListQuery) {
  const where = [visibleSponsorship(v)];
  if (f.status) where.push(sql<SqlBool>`s.status = ${f.status}`);
  if (f.need) where.push(sql<SqlBool>`s.need_id = ${f.need}`);
  if (f.sponsor) where.push(sql<SqlBool>`s.sponsor_person_id = ${f.sponsor}`);
  if (f.organisation) where.push(sql<SqlBool>`n.organisation_id = ${f.organisation}`);
  if (f.administration) where.push(sql<SqlBool>`p.administration_id = ${f.administration}`);
  if (f.mine) where.push(v.personId ? sql<SqlBool>`s.sponsor_person_id = ${v.personId}` : sql<SqlBool>`false`);
  const cond = sql.join(where, sql` and `);
  const total = await sql<{ n: number }>`select count(*)::int as n from ${sponsorshipFrom} where ${cond}`.execute(db);
  const rows = await sql<SponsorshipRow>`select ${sponsorshipColumns} from ${sponsorshipFrom} where ${cond}
    order by case s.status when 'proposed' then 0 when 'draft' then 1 when 'active' then 2 else 3 end, s.created_at desc, s.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function getSponsorships(db: Executor, ids: readonly string[], lock = false): Promise<SponsorshipRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<SponsorshipRow>`select ${sponsorshipColumns} from ${sponsorshipFrom} where s.id = any(${ids as string[]}::uuid[])
    ${lock ? sql`for update of s` : sql``}`.execute(db);
  return r.rows;
}

export async function updateSponsorship(
  db: Executor,
  id: string,
  p: Partial<{
    status: string;
    sponsor_person_id: string;
    score: number;
    reasons: string;
    proposed_at: Date | null;
    deadline: Date | null;
    answered_at: Date | null;
    decline_reason: string | null;
    started_at: Date | null;
    closed_at: Date | null;
    closing_summary: string;
    sponsor_rating: number;
    sponsor_again: boolean;
    structure_rating: number;
    structure_again: boolean;
  }>,
) {
  await db
    .updateTable('sponsorships')
    .set({ ...p, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Replace a sponsorship's objectives: those given with an id are kept (and changed), the others go, new ones are added. */
export async function saveObjectives(
  db: Executor,
  sponsorshipId: string,
  items: Array<{ id?: string | undefined; label: string; outcome?: string | null | undefined }>,
) {
  const kept = items.flatMap((i) => (i.id ? [i.id] : []));
  let q = db.deleteFrom('sponsorship_objectives').where('sponsorship_id', '=', sponsorshipId);
  if (kept.length) q = q.where('id', 'not in', kept);
  await q.execute();
  for (const [position, i] of items.entries()) {
    if (i.id)
      await db
        .updateTable('sponsorship_objectives')
        .set({ position, label: i.label, ...(i.outcome !== undefined ? { outcome: i.outcome } : {}) })
        .where('id', '=', i.id)
        .where('sponsorship_id', '=', sponsorshipId)
        .execute();
    else
      await db
        .insertInto('sponsorship_objectives')
        .values({ sponsorship_id: sponsorshipId, position, label: i.label, outcome: i.outcome ?? null })
        .execute();
  }
}

export async function objectiveIds(db: Executor, sponsorshipId: string) {
  const rows = await db.selectFrom('sponsorship_objectives').select('id').where('sponsorship_id', '=', sponsorshipId).execute();
  return new Set(rows.map((r) => r.id));
}

export async function setOutcome(db: Executor, sponsorshipId: string, objectiveId: string, outcome: string) {
  await db.updateTable('sponsorship_objectives').set({ outcome }).where('id', '=', objectiveId).where('sponsorship_id', '=', sponsorshipId).execute();
}

export async function listSessions(db: Executor, sponsorshipId: string) {
  return db
    .selectFrom('sponsorship_sessions')
    .selectAll()
    .where('sponsorship_id', '=', sponsorshipId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertSession(
  db: Executor,
  s: { sponsorshipId: string; date: string; durationMinutes: number; format: string; topics: string[]; notes: string },
) {
  return db
    .insertInto('sponsorship_sessions')
    .values({ sponsorship_id: s.sponsorshipId, date: s.date, duration_minutes: s.durationMinutes, format: s.format, topics: s.topics, notes: s.notes })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Proposals whose deadline passed without an answer. */
export async function dueProposals(db: Executor, now: Date) {
  const rows = await db
    .selectFrom('sponsorships')
    .select(['id', 'need_id'])
    .where('status', '=', 'proposed')
    .where('deadline', '<', now)
    .orderBy('deadline')
    .execute();
  return rows;
}

/** The accounts of the national team, of a structure's holders, of a person. */
export async function nationalTeamAccounts(db: Executor) {
  const r = await sql<{ id: string }>`select id from accounts where roles @> ${JSON.stringify([{ role: 'admin' }])}::jsonb`.execute(db);
  return r.rows.map((x) => x.id);
}
export async function structureAccounts(db: Executor, organisationId: string) {
  const r = await sql<{ id: string }>`select a.id from accounts a, jsonb_array_elements(a.roles) r
    where r->>'role' = 'holder' and (r->'scope') ? ${organisationId}`.execute(db);
  return [...new Set(r.rows.map((x) => x.id))];
}
export async function personAccounts(db: Executor, personId: string) {
  const rows = await db.selectFrom('accounts').select('id').where('person_id', '=', personId).execute();
  return rows.map((r) => r.id);
}

export interface DashboardRow {
  administration_id: string | null;
  active: number;
  open_needs: number;
  needs: number;
  old_needs: number;
  matched_30: number;
  median_days_match: number | null;
  median_days_accept: number | null;
  objectives: number;
  achieved: number;
  satisfaction: number | null;
  ratings: number;
}

/**
 * The programme's figures, nationally (administration null) or for one
 * administration: its sponsors' sponsorships, and the needs that wished it.
 */
export async function dashboardFigures(db: Executor, now: Date, administrationId: string | null) {
  const sp = administrationId ? sql`p.administration_id = ${administrationId}` : sql`true`;
  const nd = administrationId
    ? sql`(${administrationId}::uuid = any(n.administration_ids) or exists (select 1 from sponsorships s join people p on p.id = s.sponsor_person_id where s.need_id = n.id and p.administration_id = ${administrationId}))`
    : sql`true`;
  const r = await sql<DashboardRow>`
    with ss as (select s.* from sponsorships s join people p on p.id = s.sponsor_person_id where ${sp}),
    nn as (select n.* from sponsorship_needs n where ${nd}),
    firsts as (select n.id, n.created_at, min(s.answered_at) filter (where s.status in ('active', 'closed')) as accepted
      from nn n left join sponsorships s on s.need_id = n.id group by n.id, n.created_at)
    select ${administrationId}::uuid as administration_id,
      (select count(*)::int from ss where status = 'active') as active,
      (select count(*)::int from nn where status = 'open') as open_needs,
      (select count(*)::int from nn) as needs,
      (select count(*)::int from firsts where created_at <= ${now}::timestamptz - interval '30 days') as old_needs,
      (select count(*)::int from firsts where created_at <= ${now}::timestamptz - interval '30 days' and accepted <= created_at + interval '30 days') as matched_30,
      (select percentile_cont(0.5) within group (order by extract(epoch from accepted - created_at) / 86400) from firsts where accepted is not null)::float8 as median_days_match,
      (select percentile_cont(0.5) within group (order by extract(epoch from answered_at - proposed_at) / 86400) from ss
        where status in ('active', 'closed') and answered_at is not null and proposed_at is not null)::float8 as median_days_accept,
      (select count(*)::int from sponsorship_objectives ob join ss on ss.id = ob.sponsorship_id where ob.outcome is not null) as objectives,
      (select count(*)::int from sponsorship_objectives ob join ss on ss.id = ob.sponsorship_id where ob.outcome = 'achieved') as achieved,
      (select avg(x)::float8 from (select sponsor_rating as x from ss where sponsor_rating is not null union all select structure_rating from ss where structure_rating is not null) r) as satisfaction,
      (select count(*)::int from (select sponsor_rating as x from ss where sponsor_rating is not null union all select structure_rating from ss where structure_rating is not null) r) as ratings`.execute(
    db,
  );
  return r.rows[0] as DashboardRow;
}

export async function sponsorAdministrations(db: Executor) {
  const r = await sql<{ id: string; name: string; sponsors: number }>`select a.id, a.name, count(*)::int as sponsors
    from people p join organisations a on a.id = p.administration_id where p.is_public_sponsor group by a.id, a.name order by a.name`.execute(db);
  return r.rows;
}

export async function activeSponsorshipCount(db: Executor) {
  const r = await sql<{ n: number }>`select count(*)::int as n from sponsorships where status = 'active'`.execute(db);
  return r.rows[0]?.n ?? 0;
}
