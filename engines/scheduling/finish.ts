import type { Model } from './model';
import type { Assignment, ScheduleOutput, UnscheduledReason } from './types';

/**
 * Turn a slot per meeting into the output: table numbers (locks first, then
 * published tables, then the lowest free), the most specific reason for each
 * unscheduled meeting, and the statistics.
 */
export function finish(
  model: Model,
  feasibleOf: (m: number) => number[],
  slotOf: Int32Array,
  extra: { upperBound: number; maxDegree: number; elapsedMs: number; method: ScheduleOutput['stats']['method'] },
): ScheduleOutput {
  const { M, S, P, ma, mb, w } = model;
  const tableOf = new Int32Array(M);
  const taken: Array<Set<number>> = Array.from({ length: S }, () => new Set());
  const lockTable = new Map(model.locked.map((l) => [l.m, l.table]));
  for (const [m, t] of lockTable)
    if (t !== undefined) {
      tableOf[m] = t;
      taken[slotOf[m] as number]?.add(t);
    }
  for (const [m, p] of model.previous) {
    const s = slotOf[m] as number;
    if (s === p.s && p.table !== undefined && !tableOf[m] && !taken[s]?.has(p.table) && p.table <= (model.tables[s] as number)) {
      tableOf[m] = p.table;
      taken[s]?.add(p.table);
    }
  }
  const next = new Int32Array(S).fill(1);
  const assignments: Assignment[] = [];
  let weight = 0;
  const used = new Set<number>();
  for (let m = 0; m < M; m++) {
    const s = slotOf[m] as number;
    if (s < 0) continue;
    if (!tableOf[m]) {
      let t = next[s] as number;
      while (taken[s]?.has(t)) t++;
      tableOf[m] = t;
      taken[s]?.add(t);
      next[s] = t + 1;
    }
    used.add(s);
    weight += w[m] as number;
    assignments.push({ meeting: model.meetingIds[m] as string, slot: model.slotIds[s] as string, table: tableOf[m] as number });
  }

  // Reasons, most specific first.
  const count = new Int32Array(P);
  const load = new Int32Array(S);
  const busy = new Uint8Array(P * S);
  for (let m = 0; m < M; m++) {
    const s = slotOf[m] as number;
    if (s < 0) continue;
    const a = ma[m] as number;
    const b = mb[m] as number;
    count[a] = (count[a] as number) + 1;
    count[b] = (count[b] as number) + 1;
    load[s] = (load[s] as number) + 1;
    busy[a * S + s] = 1;
    busy[b * S + s] = 1;
  }
  const unscheduled: Array<{ meeting: string; reason: UnscheduledReason }> = [];
  for (let m = 0; m < M; m++) {
    if ((slotOf[m] as number) >= 0) continue;
    const a = ma[m] as number;
    const b = mb[m] as number;
    let reason: UnscheduledReason = 'conflict';
    if (feasibleOf(m).length === 0) reason = 'no-common-slot';
    else if ((count[a] as number) >= (model.cap[a] as number) || (count[b] as number) >= (model.cap[b] as number)) reason = 'max-meetings';
    else if (feasibleOf(m).some((s) => !busy[a * S + s] && !busy[b * S + s])) reason = 'table-capacity';
    unscheduled.push({ meeting: model.meetingIds[m] as string, reason });
  }

  let moved = 0;
  for (const [m, p] of model.previous) if (slotOf[m] !== p.s || (p.table !== undefined && tableOf[m] !== p.table)) moved++;

  // Fairness (Jain) over participants with requests, and idle gaps.
  const requested = model.incident.map((l) => l.length);
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  let gaps = 0;
  for (let p = 0; p < P; p++) {
    if (!requested[p]) continue;
    const x = (count[p] as number) / (requested[p] as number);
    sum += x;
    sumSq += x * x;
    n++;
    let first = -1;
    let last = -1;
    let inside = 0;
    for (let s = 0; s < S; s++)
      if (busy[p * S + s]) {
        if (first < 0) first = s;
        last = s;
        inside++;
      }
    if (first >= 0) gaps += last - first + 1 - inside;
  }
  return {
    assignments,
    unscheduled,
    stats: {
      scheduled: assignments.length,
      weight,
      upperBound: Math.max(extra.upperBound, weight),
      slotsUsed: used.size,
      maxDegree: extra.maxDegree,
      moved,
      elapsedMs: Math.round(extra.elapsedMs * 10) / 10,
      fairness: n === 0 || sumSq === 0 ? 1 : (sum * sum) / (n * sumSq),
      idleGaps: gaps,
      method: extra.method,
    },
  };
}
