import type { IndicatorDefinition, IndicatorSnapshot, IndicatorValue, SnapshotDiff } from '../../../shared/schemas/indicators';
import type { Database, Executor } from '../../db/connection';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../../policies/actor';
import { authorize, can } from '../../policies/authorize';
import { type LabelledPeriod, periodOf, previousPeriod, yearPeriod } from './engines/period';
import { indicatorPolicy } from './indicator-policy';
import {
  findSnapshot,
  indicatorParts,
  indicatorRecordPage,
  indicatorRecordValues,
  indicatorTotals,
  listSnapshots,
  replaceSnapshot,
  type SnapshotValueRow,
  type Totals,
} from './indicator-queries';
import { indicatorByCode, indicatorRegistry } from './indicator-registry';

type By = NonNullable<IndicatorValue['by']>;
type PeriodQuery = { year?: number; from?: string; to?: string; by?: By };

export function listIndicators(actor: Actor): { items: IndicatorDefinition[] } {
  authorize(actor, 'read', { policy: indicatorPolicy });
  return { items: [...indicatorRegistry] };
}

function definition(code: string) {
  const def = indicatorByCode.get(code);
  if (!def) throw notFound('Indicateur', code);
  return def;
}

function period(q: PeriodQuery, now: Date): LabelledPeriod {
  const p = periodOf(q, now);
  if ('error' in p) throw invalid(p.error, [], 'invalid_period');
  return p;
}

/** The value an aggregation gives to its totals: the count of records, the sum of their values, or the ratio of the sums. */
export function aggregateValue(aggregation: IndicatorDefinition['aggregation'], t: Totals): number | null {
  if (aggregation === 'count') return t.records;
  if (aggregation === 'sum') return t.numerator;
  return t.denominator ? t.numerator / t.denominator : null;
}

function checkBy(def: IndicatorDefinition, by: By | undefined) {
  if (by && !def.disaggregations.includes(by))
    throw invalid(
      `L’indicateur ${def.code} ne se ventile pas par ${by}${def.disaggregations.length ? ` (possible : ${def.disaggregations.join(', ')})` : ''}.`,
      [{ path: 'by', message: 'Ventilation non disponible pour cet indicateur.' }],
      'unsupported_breakdown',
    );
}

/** An indicator read for a period, with the previous period's value, the change, its target and (on request) its breakdown. */
export async function readIndicator(db: Executor, actor: Actor, code: string, q: PeriodQuery, now: Date): Promise<IndicatorValue> {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const def = definition(code);
  checkBy(def, q.by);
  const p = period(q, now);
  const prev = previousPeriod(p);
  // With a breakdown, the whole is the sum of its parts (one scan fewer); without, one count.
  const parts = q.by ? await indicatorParts(db, def, p, q.by === 'region' || q.by === 'departement' ? q.by : 'category') : null;
  const totals: Totals = parts
    ? {
        records: parts.reduce((n, r) => n + r.records, 0),
        numerator: parts.reduce((n, r) => n + r.numerator, 0),
        denominator: parts.some((r) => r.denominator !== null) ? parts.reduce((n, r) => n + (r.denominator ?? 0), 0) : null,
      }
    : await indicatorTotals(db, def, p);
  const before = await indicatorTotals(db, def, prev);
  const value = aggregateValue(def.aggregation, totals);
  const previous = aggregateValue(def.aggregation, before);
  let breakdown: IndicatorValue['breakdown'] = null;
  if (parts) {
    breakdown = parts.map((r) => ({
      key: r.key,
      label: r.key === null ? 'Non renseigné' : (r.name ?? r.key),
      value: aggregateValue(def.aggregation, r) ?? 0,
      numerator: r.numerator,
      denominator: r.denominator,
      records: r.records,
    }));
  }
  const year = /^\d{4}$/.test(p.label) ? p.label : null;
  return {
    code: def.code,
    label: def.label,
    unit: def.unit,
    aggregation: def.aggregation,
    value,
    numerator: totals.numerator,
    denominator: totals.denominator,
    records: totals.records,
    period: p,
    computedAt: now.toISOString(),
    computationVersion: def.computationVersion,
    target: year ? (def.targets[year] ?? null) : null,
    previous: { period: prev, value: previous },
    change: value !== null && previous !== null ? value - previous : null,
    changeRatio: value !== null && previous ? (value - previous) / previous : null,
    by: q.by ?? null,
    breakdown,
  };
}

/** An indicator's value for each year of a range, live (the charts of its evolution). */
export async function indicatorSeries(db: Executor, actor: Actor, code: string, q: { from: number; to: number }) {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const def = definition(code);
  const points: Array<{ year: number; value: number | null }> = [];
  for (let year = q.from; year <= q.to; year++) points.push({ year, value: aggregateValue(def.aggregation, await indicatorTotals(db, def, yearPeriod(year))) });
  return { code: def.code, label: def.label, unit: def.unit, aggregation: def.aggregation, points };
}

/** The records behind an indicator's value for a period (its provenance), one page at a time. */
export async function indicatorRecords(db: Executor, actor: Actor, code: string, q: PeriodQuery & { page: number; pageSize: number }, now: Date) {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const def = definition(code);
  const p = period(q, now);
  const [rows, totals] = await Promise.all([indicatorRecordPage(db, def, p, q.page, q.pageSize), indicatorTotals(db, def, p)]);
  return {
    code: def.code,
    period: p,
    aggregation: def.aggregation,
    value: aggregateValue(def.aggregation, totals),
    total: totals.records,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      label: r.label,
      date: r.on_date,
      value: r.value,
      denominator: r.denominator,
      regionCode: r.region_code,
      departementCode: r.departement_code,
      category: r.category,
    })),
  };
}

/** Every indicator of a year, computed now with the records behind each value. */
async function computeYear(db: Executor, year: number, now: Date): Promise<SnapshotValueRow[]> {
  const p = yearPeriod(year);
  const out: SnapshotValueRow[] = [];
  for (const def of indicatorRegistry) {
    const records = await indicatorRecordValues(db, def, p);
    const totals: Totals = {
      records: records.length,
      numerator: records.reduce((n, r) => n + r.value, 0),
      denominator: def.aggregation === 'ratio' ? records.reduce((n, r) => n + (r.denominator ?? 0), 0) : null,
    };
    out.push({
      code: def.code,
      value: aggregateValue(def.aggregation, totals),
      computationVersion: def.computationVersion,
      computedAt: now,
      from: p.from,
      to: p.to,
      records: records.map((r) => [r.id, r.value, r.denominator]),
    });
  }
  return out;
}

/** Every indicator's value for a year, live (what the review reads when no snapshot exists). */
export async function yearValues(db: Executor, year: number) {
  const p = yearPeriod(year);
  const values = await Promise.all(
    indicatorRegistry.map(async (def) => [def.code, aggregateValue(def.aggregation, await indicatorTotals(db, def, p))] as const),
  );
  return Object.fromEntries(values) as Record<string, number | null>;
}

function snapshotOut(s: NonNullable<Awaited<ReturnType<typeof findSnapshot>>>): IndicatorSnapshot {
  return {
    year: s.year,
    takenAt: s.takenAt.toISOString(),
    takenBy: s.takenBy,
    values: s.values.map((v) => ({
      code: v.code,
      value: v.value,
      computationVersion: v.computation_version,
      computedAt: new Date(v.computed_at).toISOString(),
      period: { from: v.period_from, to: v.period_to, label: String(s.year) },
      records: v.record_count,
    })),
  };
}

/** Freeze every indicator of a year with its provenance (the national team); a new snapshot of the year replaces the old one. */
export async function takeSnapshot(db: Database, actor: Actor, year: number, now: Date): Promise<IndicatorSnapshot> {
  authorize(actor, 'snapshot', { policy: indicatorPolicy }, { forbidden: 'Seule l’équipe nationale fige les indicateurs d’une année.' });
  const takenBy = actor.kind === 'account' ? actor.accountId : null;
  const s = await db.transaction().execute(async (tx) => {
    await replaceSnapshot(tx, year, takenBy, await computeYear(tx, year, now));
    return findSnapshot(tx, year, false);
  });
  return snapshotOut(s as NonNullable<typeof s>);
}

/** The years frozen so far. */
export async function snapshots(db: Executor, actor: Actor) {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const rows = await listSnapshots(db);
  // Who froze a year is the national team's business: a visitor sees when, not who.
  const team = can(actor, 'snapshot', { policy: indicatorPolicy });
  return { items: rows.map((r) => ({ year: r.year, takenAt: new Date(r.taken_at).toISOString(), takenByName: team ? r.taken_by_name : null })) };
}

export async function readSnapshot(db: Executor, actor: Actor, year: number): Promise<IndicatorSnapshot> {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const s = await findSnapshot(db, year, false);
  if (!s) throw notFound('Instantané des indicateurs', String(year));
  return snapshotOut(s);
}

/** The snapshot of a year against today's recomputation: each indicator whose value, computation or records moved. */
export async function diffSnapshot(db: Executor, actor: Actor, year: number, now: Date): Promise<SnapshotDiff> {
  authorize(actor, 'read', { policy: indicatorPolicy });
  const s = await findSnapshot(db, year, true);
  if (!s) throw notFound('Instantané des indicateurs', String(year));
  const live = await computeYear(db, year, now);
  const frozen = new Map(s.values.map((v) => [v.code, v]));
  const differences: SnapshotDiff['differences'] = [];
  for (const l of live) {
    const f = frozen.get(l.code);
    const before = new Map((f?.records ?? []).map(([id, v, d]) => [id, `${v}/${d}`]));
    const after = new Map(l.records.map(([id, v, d]) => [id, `${v}/${d}`]));
    const added = [...after.keys()].filter((id) => !before.has(id));
    const removed = [...before.keys()].filter((id) => !after.has(id));
    const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id));
    const moved = !f || f.value !== l.value || f.computation_version !== l.computationVersion;
    if (moved || added.length || removed.length || changed.length)
      differences.push({
        code: l.code,
        label: indicatorByCode.get(l.code)?.label ?? l.code,
        frozen: f?.value ?? null,
        live: l.value,
        frozenVersion: f?.computation_version ?? null,
        liveVersion: l.computationVersion,
        added,
        removed,
        changed,
      });
  }
  return { year, takenAt: s.takenAt.toISOString(), comparedAt: now.toISOString(), differences };
}
