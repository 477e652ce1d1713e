import { sql } from 'kysely';
import type { Executor } from '../../db/connection';

export type ChallengeRow = {
  id: string;
  title: string;
  description: string;
  target_kind: string;
  target_siae_kinds: string[];
  starts_on: string;
  ends_on: string;
  created_at: Date;
  updated_at: Date;
  enrolled: number;
};
export type StepRow = { id: string; challenge_id: string; position: number; label: string; measure: string; target: number };

const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

function challengeSelect(db: Executor) {
  return db
    .selectFrom('challenges as c')
    .select([
      'c.id',
      'c.title',
      'c.description',
      'c.target_kind',
      'c.target_siae_kinds',
      sql<string>`c.starts_on::text`.as('starts_on'),
      sql<string>`c.ends_on::text`.as('ends_on'),
      'c.created_at',
      'c.updated_at',
      sql<number>`(select count(*)::int from challenge_enrolments e where e.challenge_id = c.id)`.as('enrolled'),
    ]);
}

export async function listChallenges(db: Executor, q: { q?: string | undefined; limit: number; offset: number }) {
  let base = challengeSelect(db);
  if (q.q) base = base.where(sql<boolean>`c.title ilike ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  const rows = (await base.orderBy('c.starts_on', 'desc').orderBy('c.id').limit(q.limit).offset(q.offset).execute()) as ChallengeRow[];
  let count = db.selectFrom('challenges as c').select(sql<number>`count(*)::int`.as('n'));
  if (q.q) count = count.where(sql<boolean>`c.title ilike ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}`);
  return { rows, total: (await count.executeTakeFirstOrThrow()).n };
}

export async function getChallenge(db: Executor, id: string): Promise<ChallengeRow | undefined> {
  return (await challengeSelect(db).where('c.id', '=', id).executeTakeFirst()) as ChallengeRow | undefined;
}

export async function partnersOf(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, Array<{ id: string; name: string }>>();
  const rows = await db
    .selectFrom('challenge_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.challenge_id', 'o.id', 'o.name'])
    .where('p.challenge_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  const out = new Map<string, Array<{ id: string; name: string }>>();
  for (const r of rows) out.set(r.challenge_id, [...(out.get(r.challenge_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

export async function stepsOf(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, StepRow[]>();
  const rows = await db.selectFrom('challenge_steps').selectAll().where('challenge_id', 'in', ids).orderBy('position').execute();
  const out = new Map<string, StepRow[]>();
  for (const r of rows) out.set(r.challenge_id, [...(out.get(r.challenge_id) ?? []), r]);
  return out;
}

export type ChallengeWrite = {
  title?: string;
  description?: string;
  target_kind?: string;
  target_siae_kinds?: string[];
  starts_on?: string;
  ends_on?: string;
};

export async function insertChallenge(db: Executor, row: Required<ChallengeWrite>) {
  return (await db.insertInto('challenges').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateChallenge(db: Executor, id: string, row: ChallengeWrite) {
  await db
    .updateTable('challenges')
    .set({ ...row, updated_at: sql`now()` as never })
    .where('id', '=', id)
    .execute();
}

export async function setPartners(db: Executor, challengeId: string, organisationIds: string[]) {
  await db.deleteFrom('challenge_partners').where('challenge_id', '=', challengeId).execute();
  if (organisationIds.length)
    await db
      .insertInto('challenge_partners')
      .values(organisationIds.map((organisation_id) => ({ challenge_id: challengeId, organisation_id })))
      .execute();
}

/** Steps by position: a position that stays keeps its id (and its records); positions past the new list go, with their records. */
export async function setSteps(db: Executor, challengeId: string, steps: Array<{ label: string; measure: string; target: number }>) {
  await db.deleteFrom('challenge_steps').where('challenge_id', '=', challengeId).where('position', '>=', steps.length).execute();
  if (steps.length)
    await db
      .insertInto('challenge_steps')
      .values(steps.map((s, position) => ({ challenge_id: challengeId, position, ...s })))
      .onConflict((oc) =>
        oc.columns(['challenge_id', 'position']).doUpdateSet({
          label: (eb) => eb.ref('excluded.label'),
          measure: (eb) => eb.ref('excluded.measure'),
          target: (eb) => eb.ref('excluded.target'),
        }),
      )
      .execute();
}

export async function organisationsByIds(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('organisations').select(['id', 'name', 'kind', 'siae_kind', 'siret']).where('id', 'in', ids).execute();
}

/** The directory's structures of the target population within a filter: what a bulk enrolment selects. */
export async function organisationIdsMatching(
  db: Executor,
  target: { kind: string; siaeKinds: string[] },
  filter: { region?: string | undefined; departement?: string | undefined; siaeKind?: string | undefined },
) {
  let q = db.selectFrom('organisations').select('id').where('kind', '=', target.kind);
  if (target.siaeKinds.length) q = q.where('siae_kind', 'in', target.siaeKinds);
  if (filter.region) q = q.where('region_code', '=', filter.region);
  if (filter.departement) q = q.where('departement_code', '=', filter.departement);
  if (filter.siaeKind) q = q.where('siae_kind', '=', filter.siaeKind);
  return (await q.execute()).map((r) => r.id);
}

export async function enrolledAmong(db: Executor, challengeId: string, organisationIds: string[]) {
  const out = new Set<string>();
  for (let i = 0; i < organisationIds.length; i += 5000) {
    const chunk = organisationIds.slice(i, i + 5000);
    const rows = await sql<{ organisation_id: string }>`
      select organisation_id from challenge_enrolments where challenge_id = ${challengeId} and organisation_id = any(${chunk}::uuid[])`.execute(db);
    for (const r of rows.rows) out.add(r.organisation_id);
  }
  return out;
}

/** Enrol these structures (those already enrolled stay as they were); how many were added. */
export async function insertEnrolments(db: Executor, challengeId: string, organisationIds: string[], on: string, source: string) {
  let added = 0;
  for (let i = 0; i < organisationIds.length; i += 5000) {
    const chunk = organisationIds.slice(i, i + 5000);
    const r = await sql<{ n: number }>`
      with added as (
        insert into challenge_enrolments (challenge_id, organisation_id, enrolled_on, source, stage_since, region_code, departement_code, siae_kind)
        select ${challengeId}::uuid, o.id, ${on}::date, ${source}, ${on}::date, o.region_code, o.departement_code, o.siae_kind
        from unnest(${chunk}::uuid[]) as u(id) join organisations o on o.id = u.id
        on conflict do nothing returning 1
      ) select count(*)::int as n from added`.execute(db);
    added += r.rows[0]?.n ?? 0;
  }
  return added;
}

export async function getEnrolment(db: Executor, challengeId: string, organisationId: string) {
  return db
    .selectFrom('challenge_enrolments as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.organisation_id', 'o.name', sql<string>`e.enrolled_on::text`.as('enrolled_on'), 'e.source', 'e.done_mask'])
    .where('e.challenge_id', '=', challengeId)
    .where('e.organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function enrolmentsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('challenge_enrolments as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.challenge_id', 'e.organisation_id', 'o.name', sql<string>`e.enrolled_on::text`.as('enrolled_on'), 'e.source', 'e.done_mask'])
    .where('e.organisation_id', '=', organisationId)
    .execute();
}

export async function progressHistory(db: Executor, challengeId: string, organisationId: string) {
  return db
    .selectFrom('challenge_progress')
    .select(['step_id', 'value', sql<string>`recorded_on::text`.as('recorded_on'), 'evidence_url'])
    .where('challenge_id', '=', challengeId)
    .where('organisation_id', '=', organisationId)
    .orderBy('recorded_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export type ProgressRow = {
  challenge_id: string;
  organisation_id: string;
  step_id: string;
  value: number;
  recorded_on: string;
  evidence_url: string | null;
  account_id: string | null;
};

/** Insert records, and count them in their weeks (what the dashboard's trend reads). */
export async function insertProgress(db: Executor, rows: ProgressRow[]) {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('challenge_progress')
      .values(rows.slice(i, i + 2000))
      .execute();
  const weeks = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.challenge_id}|${mondayOf(r.recorded_on)}`;
    weeks.set(key, (weeks.get(key) ?? 0) + 1);
  }
  const values = [...weeks].map(([key, records]) => {
    const [challenge_id, week] = key.split('|') as [string, string];
    return { challenge_id, week, records };
  });
  for (let i = 0; i < values.length; i += 2000)
    await db
      .insertInto('challenge_weeks')
      .values(values.slice(i, i + 2000))
      .onConflict((oc) => oc.columns(['challenge_id', 'week']).doUpdateSet({ records: sql`challenge_weeks.records + excluded.records` }))
      .execute();
}

/** The Monday of a day's ISO week (AAAA-MM-JJ). */
export function mondayOf(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * Recompute, from the records, what the dashboard counts for these structures:
 * a step is done when its latest value (by date, then by entry) reaches its
 * target, reached on the first day a value did; the stage has not moved
 * since the latest of those days (or the enrolment); the last activity is the
 * latest record.
 */
export async function refreshEnrolments(db: Executor, challengeId: string, organisationIds: string[]) {
  if (!organisationIds.length) return;
  // One statement for all the structures: their ids as a table (joined, not searched
  // in an array row by row), their records read once through the structure index,
  // and a structure left without records (its steps removed) starts again.
  await sql`
    with ids as materialized (
      select distinct id from unnest(${organisationIds}::uuid[]) as u(id)
    ), per_step as materialized (
      select p.organisation_id, s.position, s.target,
        (array_agg(p.value order by p.recorded_on desc, p.created_at desc))[1] as latest,
        min(p.recorded_on) filter (where p.value >= s.target) as reached_on,
        max(p.recorded_on) as last_on
      from ids join challenge_progress p on p.challenge_id = ${challengeId} and p.organisation_id = ids.id
        join challenge_steps s on s.id = p.step_id
      group by p.organisation_id, s.position, s.target
    ), per_structure as materialized (
      select organisation_id,
        coalesce(bit_or(case when latest >= target then 1 << position else 0 end), 0) as mask,
        max(case when latest >= target then reached_on end) as since,
        max(last_on) as last_on
      from per_step group by organisation_id
    )
    update challenge_enrolments e
    set done_mask = coalesce(ps.mask, 0), stage_since = greatest(e.enrolled_on, coalesce(ps.since, e.enrolled_on)), last_progress_on = ps.last_on
    from ids left join per_structure ps on ps.organisation_id = ids.id
    where e.challenge_id = ${challengeId} and e.organisation_id = ids.id`.execute(db);
}

/** The caller's structures (by id) of the target population that are not enrolled yet. */
export async function joinableAmong(db: Executor, challengeId: string, target: { kind: string; siaeKinds: string[] }, ids: string[]) {
  if (!ids.length) return [];
  let q = db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where('o.id', 'in', ids)
    .where('o.kind', '=', target.kind)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('challenge_enrolments as e')
            .select('e.organisation_id')
            .where('e.challenge_id', '=', challengeId)
            .whereRef('e.organisation_id', '=', 'o.id'),
        ),
      ),
    );
  if (target.siaeKinds.length) q = q.where('o.siae_kind', 'in', target.siaeKinds);
  return q.orderBy('o.name').execute();
}

type Counted = { code: string | null; name: string | null; enrolled: number; completed: number };

/**
 * The dashboard's figures, from one row per enrolled structure (its steps
 * done as a bit mask, its stage's date, its last activity, its territory and
 * SIAE kind copied at enrolment): counted at `asOf`, in one scan of the
 * enrolments. They are first grouped into cells (territory, kind, steps done,
 * active, long on its stage), a few thousand at most; the totals, the funnel
 * and the three breakdowns are grouping sets over the cells.
 */
export async function dashboardFigures(db: Executor, challengeId: string, opts: { steps: number; asOf: string; stuckDays: number; stuckItems: number }) {
  const full = (1 << opts.steps) - 1;
  const activeFrom = sql`(${opts.asOf}::date - 30)`;
  const stuckBefore = sql`(${opts.asOf}::date - ${opts.stuckDays}::int)`;
  const positions = Array.from({ length: opts.steps }, (_, k) => k);
  const figures = await sql<Counted & { level: string; active: number; stuck: number } & Record<string, number>>`
    with cells as (
      select region_code, departement_code, siae_kind, done_mask & ${full}::int as mask,
        coalesce(last_progress_on > ${activeFrom} and last_progress_on <= ${opts.asOf}::date, false) as active,
        stage_since < ${stuckBefore} as old,
        count(*) as n
      from challenge_enrolments where challenge_id = ${challengeId}
      group by 1, 2, 3, 4, 5, 6
    )
    select g.*, coalesce(r.name, d.name, g.code) as name from (
      select case when grouping(region_code) = 0 then 'region' when grouping(departement_code) = 0 then 'departement'
          when grouping(siae_kind) = 0 then 'siae' else 'total' end as level,
        coalesce(region_code, departement_code, siae_kind) as code,
        coalesce(sum(n), 0)::int as enrolled,
        coalesce(sum(n) filter (where mask = ${full}::int), 0)::int as completed,
        coalesce(sum(n) filter (where active), 0)::int as active,
        coalesce(sum(n) filter (where mask <> ${full}::int and old), 0)::int as stuck
        ${sql.join(
          positions.map((k) => sql`, coalesce(sum(n) filter (where mask & ${1 << k}::int <> 0), 0)::int as ${sql.ref(`s${k}`)}`),
          sql``,
        )}
      from cells
      group by grouping sets ((), (region_code), (departement_code), (siae_kind))
    ) g
    left join regions r on g.level = 'region' and r.code = g.code
    left join departements d on g.level = 'departement' and d.code = g.code
    order by g.enrolled desc, g.code`.execute(db);
  const level = (l: string) =>
    figures.rows.filter((g) => g.level === l).map((g) => ({ code: g.code, name: g.name, enrolled: g.enrolled, completed: g.completed }));
  const [byRegion, byDepartement, bySiaeKind] = [level('region'), level('departement'), level('siae')];
  const stuck =
    opts.stuckItems > 0
      ? await sql<{ organisation_id: string; name: string; done_mask: number; since: string; days: number }>`
          select e.organisation_id, o.name, e.done_mask, e.stage_since::text as since, (${opts.asOf}::date - e.stage_since)::int as days
          from challenge_enrolments e join organisations o on o.id = e.organisation_id
          where e.challenge_id = ${challengeId} and e.done_mask & ${full}::int <> ${full}::int and e.stage_since < ${stuckBefore}
          order by e.stage_since, o.name limit ${opts.stuckItems}`.execute(db)
      : { rows: [] };
  const perWeek = await sql<{ week: string; records: number }>`
    select week::text as week, records from challenge_weeks where challenge_id = ${challengeId} and week <= ${opts.asOf}::date order by week`.execute(db);
  const s: Record<string, number> = figures.rows.find((g) => g.level === 'total') ?? {};
  return {
    enrolled: s.enrolled ?? 0,
    active: s.active ?? 0,
    completed: s.completed ?? 0,
    stuckTotal: s.stuck ?? 0,
    funnel: positions.map((k) => s[`s${k}`] ?? 0),
    byRegion,
    byDepartement,
    bySiaeKind,
    stuck: stuck.rows.map((r) => ({ ...r, since: dateText(r.since) })),
    perWeek: perWeek.rows,
  };
}
