import { type RawBuilder, sql } from 'kysely';
import type { IndicatorDefinition } from '../../../shared/schemas/indicators';
import type { Executor } from '../../db/connection';
import type { IndicatorCode } from './indicator-registry';

/** A period, both ends included (ISO dates). */
export interface Period {
  from: string;
  to: string;
}

/**
 * The records behind each indicator, one row per record with the same
 * columns: `id`, `label`, `on_date` (the date the indicator places it at),
 * `value` (1 for a count, the amount for a sum, the numerator for a ratio),
 * `denominator` (a ratio's), `region_code`, `departement_code` and `category`
 * (the indicator's own disaggregation). The value, the breakdown and the list
 * of records are all read from this one query, so that they cannot disagree.
 */
const recordQueries: Record<IndicatorCode, (p: Period) => RawBuilder<unknown>> = {
  collectives: () => sql`
    select c.id::text as id, c.name as label, coalesce(c.label_date, c.created_at::date) as on_date, 1::float8 as value, null::float8 as denominator,
      seat.region_code, seat.departement_code, null::text as category
    from collectives c
    left join lateral (
      select m.region_code, m.departement_code from collective_perimeter p
      join communes m on m.code = p.commune_code or m.epci_code = p.epci_code or m.departement_code = p.departement_code or m.region_code = p.region_code
      where p.collective_id = c.id order by m.population desc nulls last, m.code limit 1
    ) seat on true`,
  projects: () => sql`
    select p.id::text as id, p.title as label, coalesce(p.started_on, p.created_at::date) as on_date, 1::float8 as value, null::float8 as denominator,
      p.region_code, p.departement_code, p.stage as category
    from projects p`,
  sectorProgrammes: () => sql`
    select id::text as id, name as label, coalesce(started_on, created_at::date) as on_date, 1::float8 as value, null::float8 as denominator,
      null::text as region_code, null::text as departement_code, null::text as category
    from sector_programmes`,
  pioneers: () => sql`
    select p.id::text as id, o.name as label, make_date(p.label_year, 1, 1) as on_date, 1::float8 as value, null::float8 as denominator,
      o.region_code, o.departement_code, null::text as category
    from pioneers p join organisations o on o.id = p.organisation_id`,
  champions: () => sql`
    select o.id::text as id, o.name as label, make_date(min(coalesce(c.since_year, p.label_year))::int, 1, 1) as on_date, 1::float8 as value,
      null::float8 as denominator, o.region_code, o.departement_code, null::text as category
    from pioneer_champions c join pioneers p on p.id = c.pioneer_id join organisations o on o.id = c.organisation_id
    group by o.id`,
  pioneerBeneficiaries: () => sql`
    select b.pioneer_id::text || ':' || b.year as id, o.name as label, make_date(b.year, 1, 1) as on_date, b.count::float8 as value,
      null::float8 as denominator, o.region_code, o.departement_code, null::text as category
    from pioneer_beneficiaries b join pioneers p on p.id = b.pioneer_id join organisations o on o.id = p.organisation_id`,
  pioneerBeneficiariesGrowth: () => sql`
    select b.pioneer_id::text || ':' || b.year as id, o.name as label, make_date(b.year, 1, 1) as on_date, b.count::float8 as value,
      prev.count::float8 as denominator, o.region_code, o.departement_code, null::text as category
    from pioneer_beneficiaries b
    join pioneer_beneficiaries prev on prev.pioneer_id = b.pioneer_id and prev.year = b.year - 1
    join pioneers p on p.id = b.pioneer_id join organisations o on o.id = p.organisation_id`,
  funds: () => fundRecords(sql`1::float8`),
  fundsMobilisableEur: () => fundRecords(sql`f.amount_mobilisable_eur::float8`),
  advisors: () => sql`
    select p.id::text as id, p.first_name || ' ' || p.last_name as label, coalesce(p.advisor_since, p.created_at::date) as on_date, 1::float8 as value,
      null::float8 as denominator, o.region_code, o.departement_code, null::text as category
    from people p left join organisations o on o.id = p.organisation_id where p.is_advisor`,
  meetingsHeld: () => sql`
    select m.id::text as id, e.title as label, (s.starts_at at time zone 'Europe/Paris')::date as on_date, 1::float8 as value, null::float8 as denominator,
      e.region_code, e.departement_code, null::text as category
    from meetings m join conference_slots s on s.id = m.slot_id join events e on e.id = m.event_id where m.status = 'held'`,
  investedEur: () => sql`
    select l.id::text as id, pr.title || ' — ' || f.name as label, l.invested_on::date as on_date, coalesce(l.amount_eur, 0)::float8 as value,
      null::float8 as denominator, pr.region_code, pr.departement_code, null::text as category
    from investment_leads l join projects pr on pr.id = l.project_id join funds f on f.id = l.fund_id
    where l.stage = 'invested' and l.invested_on is not null`,
  publicSponsors: () => sql`
    select p.id::text as id, p.first_name || ' ' || p.last_name as label, coalesce(p.sponsor_since, p.created_at::date) as on_date, 1::float8 as value,
      null::float8 as denominator, o.region_code, o.departement_code, a.name as category
    from people p left join organisations o on o.id = p.organisation_id left join organisations a on a.id = p.administration_id
    where p.is_public_sponsor`,
  administrations: () => sql`
    select a.id::text as id, a.name as label, min(coalesce(p.sponsor_since, p.created_at::date)) as on_date, 1::float8 as value,
      null::float8 as denominator, a.region_code, a.departement_code, null::text as category
    from people p join organisations a on a.id = p.administration_id where p.is_public_sponsor group by a.id`,
  sponsorshipsActive: (p) => sql`
    select s.id::text as id, o.name as label, (s.started_at at time zone 'Europe/Paris')::date as on_date, 1::float8 as value, null::float8 as denominator,
      o.region_code, o.departement_code, null::text as category
    from sponsorships s join sponsorship_needs n on n.id = s.need_id join organisations o on o.id = n.organisation_id
    where s.status in ('active', 'closed') and s.started_at is not null
      and (s.closed_at is null or (s.closed_at at time zone 'Europe/Paris')::date > ${p.to}::date)`,
  siae: () => sql`
    select o.id::text as id, o.name as label, coalesce(o.joined_on, o.created_at::date) as on_date, 1::float8 as value, null::float8 as denominator,
      o.region_code, o.departement_code, o.siae_kind as category
    from organisations o where o.kind = 'siae'`,
  challengeStructures: () => sql`
    select o.id::text as id, o.name as label, min(e.enrolled_on) as on_date, 1::float8 as value, null::float8 as denominator,
      o.region_code, o.departement_code, o.siae_kind as category
    from challenge_enrolments e join organisations o on o.id = e.organisation_id group by o.id`,
  hackathons: () => eventRecords(sql`e.kind = 'hackathon'`),
  hackathonParticipants: () => sql`
    select r.id::text as id, e.title as label, (e.starts_at at time zone 'Europe/Paris')::date as on_date, 1::float8 as value, null::float8 as denominator,
      e.region_code, e.departement_code, null::text as category
    from registrations r join events e on e.id = r.event_id where e.kind = 'hackathon' and r.status in ('registered', 'attended')`,
  innovations: () => sql`
    select i.id::text as id, i.title as label, i.propelled_on as on_date, 1::float8 as value, null::float8 as denominator,
      e.region_code, e.departement_code, null::text as category
    from innovations i join events e on e.id = i.event_id`,
  innovationFundingEur: () => sql`
    select i.id::text || '-' || f.month as id, i.title || ' (' || f.month || ' mois)' as label, f.due_on as on_date, f.funding_found_eur::float8 as value,
      null::float8 as denominator, e.region_code, e.departement_code, null::text as category
    from innovation_follow_ups f join innovations i on i.id = f.innovation_id join events e on e.id = i.event_id
    where f.recorded_at is not null and f.funding_found_eur is not null`,
  relanceMeetings: () => eventRecords(sql`e.programme = 'ess-relance'`),
  transfers: () => sql`
    select t.id::text as id, t.topic as label, t.ended_on as on_date, 1::float8 as value, null::float8 as denominator,
      seat.region_code, seat.departement_code, null::text as category
    from knowledge_transfers t
    left join lateral (
      select m.region_code, m.departement_code from collective_perimeter p
      join communes m on m.code = p.commune_code or m.epci_code = p.epci_code or m.departement_code = p.departement_code or m.region_code = p.region_code
      where p.collective_id = t.to_collective_id order by m.population desc nulls last, m.code limit 1
    ) seat on true
    where t.status = 'done' and t.ended_on is not null`,
  replications: () => sql`
    select r.replica_project_id::text as id, p.title as label, r.created_at::date as on_date, 1::float8 as value, null::float8 as denominator,
      p.region_code, p.departement_code, null::text as category
    from project_replications r join projects p on p.id = r.replica_project_id`,
  workshops: () => eventRecords(sql`e.kind = 'workshop' and e.programme = 'cooperation'`),
  organisations: () => sql`
    select o.id::text as id, o.name as label, coalesce(o.joined_on, o.created_at::date) as on_date, 1::float8 as value, null::float8 as denominator,
      o.region_code, o.departement_code, o.kind as category
    from organisations o`,
};

function fundRecords(value: RawBuilder<unknown>) {
  return sql`
    select f.id::text as id, f.name as label, coalesce(f.labelled_on, f.created_at::date) as on_date, ${value} as value, null::float8 as denominator,
      o.region_code, o.departement_code, null::text as category
    from funds f left join organisations o on o.id = f.manager_id where f.french_impact`;
}

function eventRecords(where: RawBuilder<unknown>) {
  return sql`
    select e.id::text as id, e.title as label, (e.starts_at at time zone 'Europe/Paris')::date as on_date, 1::float8 as value, null::float8 as denominator,
      e.region_code, e.departement_code, null::text as category
    from events e where ${where}`;
}

type Definition = Pick<IndicatorDefinition, 'code' | 'temporality'>;

/** The records of an indicator within the period: a stock keeps every record dated up to its end, a flow those dated within it. */
function within(def: Definition, p: Period) {
  const records = recordQueries[def.code as IndicatorCode](p);
  const when = def.temporality === 'stock' ? sql`r.on_date <= ${p.to}::date` : sql`r.on_date between ${p.from}::date and ${p.to}::date`;
  return sql`(select r.* from (${records}) r where ${when})`;
}

export interface Totals {
  records: number;
  numerator: number;
  denominator: number | null;
}

/** How many records, the sum of their values and of their denominators, for the period. */
export async function indicatorTotals(db: Executor, def: Definition, p: Period): Promise<Totals> {
  const r = await sql<Totals>`select count(*)::int as records, coalesce(sum(value), 0)::float8 as numerator, sum(denominator)::float8 as denominator
    from ${within(def, p)} w`.execute(db);
  return r.rows[0] as Totals;
}

const keyColumn = { region: 'region_code', departement: 'departement_code' } as const;

/** The same totals per région, département or the indicator's own category (null: not known). */
export async function indicatorParts(db: Executor, def: Definition, p: Period, by: 'region' | 'departement' | 'category') {
  const key = sql.ref(by === 'category' ? 'category' : keyColumn[by]);
  const names = by === 'region' ? sql`regions` : by === 'departement' ? sql`departements` : null;
  const r = await sql<Totals & { key: string | null; name: string | null }>`
    select w.key, ${names ? sql`t.name` : sql`w.key`} as name, w.records, w.numerator, w.denominator from (
      select ${key} as key, count(*)::int as records, coalesce(sum(value), 0)::float8 as numerator, sum(denominator)::float8 as denominator
      from ${within(def, p)} r group by 1
    ) w ${names ? sql`left join ${names} t on t.code = w.key` : sql``}
    order by w.key nulls last`.execute(db);
  return r.rows;
}

export interface RecordRow {
  id: string;
  label: string;
  on_date: string | null;
  value: number;
  denominator: number | null;
  region_code: string | null;
  departement_code: string | null;
  category: string | null;
}

/** One page of the records behind an indicator, oldest first, with their total. */
export async function indicatorRecordPage(db: Executor, def: Definition, p: Period, page: number, pageSize: number) {
  const r = await sql<RecordRow & { total: number }>`
    select r.id, r.label, to_char(r.on_date, 'YYYY-MM-DD') as on_date, r.value, r.denominator, r.region_code, r.departement_code, r.category,
      count(*) over ()::int as total
    from ${within(def, p)} r order by r.on_date, r.label, r.id limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  return r.rows;
}

/** Every record behind an indicator: its id and value (what a snapshot keeps as provenance). */
export async function indicatorRecordValues(db: Executor, def: Definition, p: Period) {
  const r = await sql<{ id: string; value: number; denominator: number | null }>`
    select r.id, r.value, r.denominator from ${within(def, p)} r order by r.id`.execute(db);
  return r.rows;
}

export interface SnapshotValueRow {
  code: string;
  value: number | null;
  computationVersion: number;
  computedAt: Date;
  from: string;
  to: string;
  records: Array<[string, number, number | null]>;
}

/** Freeze a year's values (replacing an earlier snapshot of that year), in one transaction of the caller. */
export async function replaceSnapshot(db: Executor, year: number, takenBy: string | null, values: SnapshotValueRow[]) {
  await sql`delete from indicator_snapshots where year = ${year}`.execute(db);
  await sql`insert into indicator_snapshots (year, taken_by) values (${year}, ${takenBy})`.execute(db);
  for (const v of values)
    await sql`insert into indicator_snapshot_values (year, code, value, computation_version, computed_at, period_from, period_to, records)
      values (${year}, ${v.code}, ${v.value}, ${v.computationVersion}, ${v.computedAt}, ${v.from}, ${v.to}, ${JSON.stringify(v.records)}::jsonb)`.execute(db);
}

export async function findSnapshot(db: Executor, year: number, withRecords: boolean) {
  const head = await sql<{ year: number; taken_at: Date; taken_by: string | null }>`
    select year, taken_at, taken_by from indicator_snapshots where year = ${year}`.execute(db);
  const s = head.rows[0];
  if (!s) return null;
  const values = await sql<{
    code: string;
    value: number | null;
    computation_version: number;
    computed_at: Date;
    period_from: string;
    period_to: string;
    records: Array<[string, number, number | null]> | null;
    record_count: number;
  }>`select code, value, computation_version, computed_at, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to,
      ${withRecords ? sql`records` : sql`null::jsonb`} as records, jsonb_array_length(records)::int as record_count
    from indicator_snapshot_values where year = ${year} order by code`.execute(db);
  return { year: s.year, takenAt: s.taken_at, takenBy: s.taken_by, values: values.rows };
}

/**
 * An indicator's records per département for the period, or (with `ids`) only
 * those records, placed where they are today: a frozen year's map counts the
 * snapshot's records, not what was added since.
 */
export async function indicatorRecordsByDepartement(db: Executor, def: Definition, p: Period, ids: string[] | null) {
  const from = ids ? sql`(select r.* from (${recordQueries[def.code as IndicatorCode](p)}) r where r.id = any(${ids}::text[]))` : within(def, p);
  const r = await sql<{ code: string; name: string; records: number }>`
    select w.code, coalesce(d.name, w.code) as name, w.records from (
      select r.departement_code as code, count(*)::int as records from ${from} r where r.departement_code is not null group by 1
    ) w left join departements d on d.code = w.code order by w.code`.execute(db);
  return r.rows;
}

/** The ids of the records a snapshot froze for an indicator (null when the snapshot has no such indicator). */
export async function snapshotRecordIds(db: Executor, year: number, code: string) {
  const r = await sql<{ ids: string[] | null }>`
    select array(select jsonb_array_elements(records)->>0) as ids from indicator_snapshot_values where year = ${year} and code = ${code}`.execute(db);
  return r.rows[0]?.ids ?? null;
}

/** Every year frozen, newest first, with who froze it. */
export async function listSnapshots(db: Executor) {
  const r = await sql<{ year: number; taken_at: Date; taken_by_name: string | null }>`
    select s.year, s.taken_at, nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') as taken_by_name
    from indicator_snapshots s left join accounts a on a.id = s.taken_by left join people p on p.id = a.person_id
    order by s.year desc`.execute(db);
  return r.rows;
}
