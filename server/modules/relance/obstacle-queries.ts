import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/connection';

/** Obstacles (« freins et blocages ») and their timeline: the only SQL about them. */

/** Who sees which obstacles: everything, or those linked to the caller's structures, collectives, operators or account. */
export interface ObstacleVisibility {
  all: boolean;
  accountId: string | null;
  holderOrganisationIds: string[];
  collectiveIds: string[];
  operatorIds: string[];
}

export interface ObstacleRow {
  id: string;
  title: string;
  description: string;
  event_id: string | null;
  event_title: string | null;
  measure_id: string | null;
  measure_name: string | null;
  measure_operator_id: string | null;
  operator_organisation_id: string | null;
  operator_name: string | null;
  project_id: string | null;
  project_title: string | null;
  project_organisation_id: string | null;
  project_collective_id: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  category: string;
  severity: number;
  owner_account_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  status: string;
  resolution: string | null;
  lifted_at: Date | null;
  raised_by_account_id: string | null;
  raised_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

const accountName = (alias: string) =>
  sql.raw(`(select coalesce(pp.first_name || ' ' || pp.last_name, a.email) from accounts a left join people pp on pp.id = a.person_id where a.id = ${alias})`);

function visibleWhere(v: ObstacleVisibility): Expression<SqlBool> {
  if (v.all) return sql<SqlBool>`true`;
  const parts: Expression<SqlBool>[] = [];
  if (v.accountId) parts.push(sql<SqlBool>`(b.owner_account_id = ${v.accountId} or b.raised_by_account_id = ${v.accountId})`);
  if (v.holderOrganisationIds.length)
    parts.push(sql<SqlBool>`(p.lead_organisation_id = any(${v.holderOrganisationIds}::uuid[]) or b.organisation_id = any(${v.holderOrganisationIds}::uuid[]))`);
  if (v.collectiveIds.length) parts.push(sql<SqlBool>`p.collective_id = any(${v.collectiveIds}::uuid[])`);
  if (v.operatorIds.length)
    parts.push(
      sql<SqlBool>`(b.operator_organisation_id = any(${v.operatorIds}::uuid[]) or m.operator_organisation_id = any(${v.operatorIds}::uuid[]) or b.organisation_id = any(${v.operatorIds}::uuid[]))`,
    );
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

export interface ObstacleFilter {
  q?: string;
  status?: string[];
  category?: string[];
  measure?: string;
  operator?: string;
  project?: string;
  organisation?: string;
  event?: string;
  ownerAccountId?: string;
  ids?: readonly string[];
}

function filterWhere(f: ObstacleFilter): Expression<SqlBool>[] {
  const parts: Expression<SqlBool>[] = [];
  if (f.ids) parts.push(sql<SqlBool>`b.id = any(${f.ids}::uuid[])`);
  if (f.q) parts.push(sql<SqlBool>`(b.title ilike ${`%${f.q}%`} or b.description ilike ${`%${f.q}%`})`);
  if (f.status?.length) parts.push(sql<SqlBool>`b.status = any(${f.status}::text[])`);
  if (f.category?.length) parts.push(sql<SqlBool>`b.category = any(${f.category}::text[])`);
  if (f.measure) parts.push(sql<SqlBool>`b.measure_id = ${f.measure}`);
  if (f.operator) parts.push(sql<SqlBool>`coalesce(b.operator_organisation_id, m.operator_organisation_id) = ${f.operator}`);
  if (f.project) parts.push(sql<SqlBool>`b.project_id = ${f.project}`);
  if (f.organisation) parts.push(sql<SqlBool>`b.organisation_id = ${f.organisation}`);
  if (f.event) parts.push(sql<SqlBool>`b.event_id = ${f.event}`);
  if (f.ownerAccountId) parts.push(sql<SqlBool>`b.owner_account_id = ${f.ownerAccountId}`);
  return parts;
}

const FROM = sql`obstacles b
  left join recovery_measures m on m.id = b.measure_id
  left join projects p on p.id = b.project_id`;

export async function listObstacles(db: Executor, v: ObstacleVisibility, f: ObstacleFilter, page?: { limit: number; offset: number }) {
  const where = sql.join([visibleWhere(v), ...filterWhere(f)], sql` and `);
  const rows = await sql<ObstacleRow>`
    select b.id, b.title, b.description, b.event_id, e.title as event_title, b.measure_id, m.name as measure_name,
      m.operator_organisation_id as measure_operator_id,
      coalesce(b.operator_organisation_id, m.operator_organisation_id) as operator_organisation_id, op.name as operator_name,
      b.project_id, p.title as project_title, p.lead_organisation_id as project_organisation_id, p.collective_id as project_collective_id,
      b.organisation_id, o.name as organisation_name, b.category, b.severity,
      b.owner_account_id, ${accountName('b.owner_account_id')} as owner_name,
      to_char(b.due_on, 'YYYY-MM-DD') as due_on, b.status, b.resolution, b.lifted_at,
      b.raised_by_account_id, ${accountName('b.raised_by_account_id')} as raised_by_name, b.created_at, b.updated_at
    from ${FROM}
      left join events e on e.id = b.event_id
      left join organisations op on op.id = coalesce(b.operator_organisation_id, m.operator_organisation_id)
      left join organisations o on o.id = b.organisation_id
    where ${where}
    order by b.created_at desc, b.id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`.execute(db);
  const total = page ? Number((await sql<{ n: string }>`select count(*) as n from ${FROM} where ${where}`.execute(db)).rows[0]?.n ?? 0) : rows.rows.length;
  return { rows: rows.rows, total };
}

export async function getObstacle(db: Executor, id: string): Promise<ObstacleRow | undefined> {
  return (await listObstacles(db, { all: true, accountId: null, holderOrganisationIds: [], collectiveIds: [], operatorIds: [] }, { ids: [id] })).rows[0];
}

export interface ObstacleValues {
  title: string;
  description: string;
  event_id: string | null;
  measure_id: string | null;
  operator_organisation_id: string | null;
  project_id: string | null;
  organisation_id: string | null;
  category: string;
  severity: number;
  owner_account_id: string | null;
  due_on: string | null;
  raised_by_account_id: string | null;
}

export async function insertObstacle(
  db: Executor,
  v: ObstacleValues & { status?: string; created_at?: Date; lifted_at?: Date | null; resolution?: string | null },
  id?: string,
) {
  const row = await db
    .insertInto('obstacles')
    .values({ ...v, ...(id ? { id } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateObstacle(
  db: Executor,
  id: string,
  v: Partial<ObstacleValues> & { status?: string; resolution?: string | null; lifted_at?: Date | null },
) {
  await db
    .updateTable('obstacles')
    .set({ ...v, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export interface ActionRow {
  id: string;
  obstacle_id: string;
  kind: string;
  comment: string | null;
  status: string | null;
  reason: string | null;
  resolution: string | null;
  owner_account_id: string | null;
  owner_name: string | null;
  account_id: string | null;
  account_name: string | null;
  created_at: Date;
}

export async function listActions(db: Executor, obstacleId: string, id?: string): Promise<ActionRow[]> {
  const rows = await sql<ActionRow>`
    select x.id, x.obstacle_id, x.kind, x.comment, x.status, x.reason, x.resolution,
      x.owner_account_id, ${accountName('x.owner_account_id')} as owner_name, x.account_id, ${accountName('x.account_id')} as account_name, x.created_at
    from obstacle_actions x
    where x.obstacle_id = ${obstacleId} ${id ? sql`and x.id = ${id}` : sql``}
    order by x.created_at, x.id`.execute(db);
  return rows.rows;
}

export interface ActionValues {
  obstacle_id: string;
  kind: string;
  comment?: string | null;
  status?: string | null;
  reason?: string | null;
  resolution?: string | null;
  owner_account_id?: string | null;
  account_id: string | null;
  created_at?: Date;
}

export async function insertActions(db: Executor, rows: ActionValues[]): Promise<string[]> {
  if (!rows.length) return [];
  const out = await db.insertInto('obstacle_actions').values(rows).returning('id').execute();
  return out.map((r) => r.id);
}

export async function accountExists(db: Executor, id: string) {
  return !!(await db.selectFrom('accounts').select('id').where('id', '=', id).executeTakeFirst());
}

/** Which of these references exist (an unknown id is a 400, not a foreign-key 500). */
export async function missingReferences(db: Executor, refs: { table: 'events' | 'recovery_measures' | 'organisations' | 'projects'; id: string }[]) {
  const missing: typeof refs = [];
  for (const r of refs) if (!(await db.selectFrom(r.table).select('id').where('id', '=', r.id).executeTakeFirst())) missing.push(r);
  return missing;
}

export interface StatsFilter {
  from?: string;
  to?: string;
  measure?: string;
  operator?: string;
  now: Date;
}

/** Figures of the obstacles visible to the caller, computed in the database. */
export async function obstacleStats(db: Executor, v: ObstacleVisibility, f: StatsFilter) {
  const parts = [visibleWhere(v), ...filterWhere({ measure: f.measure, operator: f.operator })];
  if (f.from) parts.push(sql<SqlBool>`b.created_at >= (${f.from}::date at time zone 'Europe/Paris')`);
  if (f.to) parts.push(sql<SqlBool>`b.created_at < ((${f.to}::date + 1) at time zone 'Europe/Paris')`);
  const where = sql.join(parts, sql` and `);
  // One statement, one scan: the visible rows are materialised once and every figure is read from them
  // (projects are joined only when the caller's visibility needs them).
  const from = v.all ? sql`obstacles b left join recovery_measures m on m.id = b.measure_id` : FROM;
  const row = (
    await sql<{
      summary: { total: number; median: number | null; p90: number | null; open_over_30: number };
      by_status: Array<{ key: string; n: number }> | null;
      by_category: Array<{ key: string; n: number }> | null;
      by_measure: Array<{ id: string | null; name: string | null; n: number; lifted: number }> | null;
      by_operator: Array<{ id: string | null; name: string | null; n: number; lifted: number }> | null;
      per_month: Array<{ month: string; raised: number; lifted: number }> | null;
    }>`
    with s as materialized (
      select b.status, b.category, b.measure_id, coalesce(b.operator_organisation_id, m.operator_organisation_id) as op_id, b.created_at, b.lifted_at
      from ${from} where ${where}
    )
    select
      (select json_build_object(
        'total', count(*),
        'median', percentile_cont(0.5) within group (order by extract(epoch from lifted_at - created_at) / 86400) filter (where lifted_at is not null),
        'p90', percentile_cont(0.9) within group (order by extract(epoch from lifted_at - created_at) / 86400) filter (where lifted_at is not null),
        'open_over_30', count(*) filter (where status in ('open', 'in_progress') and created_at < ${f.now}::timestamptz - interval '30 days')) from s) as summary,
      (select json_agg(x) from (select status as key, count(*) as n from s group by status) x) as by_status,
      (select json_agg(x) from (select category as key, count(*) as n from s group by category) x) as by_category,
      (select json_agg(x order by x.n desc, x.name) from (
        select s.measure_id as id, rm.name, count(*) as n, count(*) filter (where s.status = 'lifted') as lifted
        from s left join recovery_measures rm on rm.id = s.measure_id group by s.measure_id, rm.name) x) as by_measure,
      (select json_agg(x order by x.n desc, x.name) from (
        select s.op_id as id, o.name, count(*) as n, count(*) filter (where s.status = 'lifted') as lifted
        from s left join organisations o on o.id = s.op_id group by s.op_id, o.name) x) as by_operator,
      (select json_agg(x order by x.month) from (
        select month, sum(raised) as raised, sum(lifted) as lifted from (
          select to_char(created_at at time zone 'Europe/Paris', 'YYYY-MM') as month, 1 as raised, 0 as lifted from s
          union all
          select to_char(lifted_at at time zone 'Europe/Paris', 'YYYY-MM'), 0, 1 from s where lifted_at is not null
        ) u group by month) x) as per_month`.execute(db)
  ).rows[0];
  const parse = <T>(v: T | string | null | undefined): T | null => (v == null ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const summary = parse(row?.summary);
  return {
    summary: summary ? { total: String(summary.total), median: summary.median, p90: summary.p90, open_over_30: String(summary.open_over_30) } : undefined,
    byStatus: (parse(row?.by_status) ?? []).map((x) => ({ key: x.key, n: String(x.n) })),
    byCategory: (parse(row?.by_category) ?? []).map((x) => ({ key: x.key, n: String(x.n) })),
    byMeasure: (parse(row?.by_measure) ?? []).map((x) => ({ ...x, n: String(x.n), lifted: String(x.lifted) })),
    byOperator: (parse(row?.by_operator) ?? []).map((x) => ({ ...x, n: String(x.n), lifted: String(x.lifted) })),
    perMonth: (parse(row?.per_month) ?? []).map((x) => ({ month: x.month, raised: String(x.raised), lifted: String(x.lifted) })),
  };
}

/** Obstacles still open with a due date in [from, to] (YYYY-MM-DD), and the kind of reminder not yet sent for that date. */
export async function dueObstacles(db: Executor, kind: 'due_soon' | 'overdue', from: string, to: string) {
  const rows = await sql<{
    id: string;
    title: string;
    due_on: string;
    owner_account_id: string | null;
    raised_by_account_id: string | null;
    op_id: string | null;
  }>`
    select b.id, b.title, to_char(b.due_on, 'YYYY-MM-DD') as due_on, b.owner_account_id, b.raised_by_account_id,
      coalesce(b.operator_organisation_id, m.operator_organisation_id) as op_id
    from obstacles b left join recovery_measures m on m.id = b.measure_id
    where b.status in ('open', 'in_progress') and b.due_on between ${from}::date and ${to}::date
      and not exists (select 1 from obstacle_reminders r where r.obstacle_id = b.id and r.kind = ${kind} and r.due_on = b.due_on)
    order by b.due_on, b.id`.execute(db);
  return rows.rows;
}

export async function markReminded(db: Executor, rows: Array<{ obstacle_id: string; kind: string; due_on: string }>) {
  if (!rows.length) return;
  await db
    .insertInto('obstacle_reminders')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}
