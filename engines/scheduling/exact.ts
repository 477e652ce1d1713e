import type { Model } from './model';

/** The part of the `highs` package the exact mode needs (loaded by the caller). */
export interface HighsSolver {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, { Primal: number }>;
  };
}

/**
 * The schedule as a 0/1 program solved by HiGHS: x(m,s) = 1 when meeting m
 * takes slot s. Maximises weight; among optimal schedules, keeps the most
 * published meetings in place (a bonus worth less than any weight unit when
 * weights are whole numbers). Returns a slot per meeting (-1 unscheduled).
 */
export function solveExact(
  model: Model,
  feasible: number[][],
  highs: HighsSolver,
  timeLimitMs?: number,
): { slotOf: Int32Array; optimal: boolean; objective: number } {
  const { M, S, P, ma, mb, w } = model;
  const keepBonus = model.previous.size ? 1 / (model.previous.size + 1) : 0;
  const v = (m: number, s: number) => `x${m}_${s}`;
  const terms: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const byPartSlot = new Map<number, string[]>();
  const bySlot: string[][] = Array.from({ length: S }, () => []);
  const byPart: string[][] = Array.from({ length: P }, () => []);
  for (let m = 0; m < M; m++) {
    const vars: string[] = [];
    for (const s of feasible[m] as number[]) {
      const name = v(m, s);
      const coef = (w[m] as number) + (model.previous.get(m)?.s === s ? keepBonus : 0);
      terms.push(`${coef} ${name}`);
      binaries.push(name);
      vars.push(name);
      for (const p of [ma[m] as number, mb[m] as number]) {
        const key = p * S + s;
        byPartSlot.set(key, [...(byPartSlot.get(key) ?? []), name]);
        byPart[p]?.push(name);
      }
      bySlot[s]?.push(name);
    }
    if (vars.length > 1) rows.push(`m${m}: ${vars.join(' + ')} <= 1`);
  }
  for (const [key, vars] of byPartSlot) if (vars.length > 1) rows.push(`ps${key}: ${vars.join(' + ')} <= 1`);
  bySlot.forEach((vars, s) => {
    if (Number.isFinite(model.tables[s]) && vars.length > (model.tables[s] as number)) rows.push(`t${s}: ${vars.join(' + ')} <= ${model.tables[s]}`);
  });
  byPart.forEach((vars, p) => {
    if (Number.isFinite(model.cap[p]) && vars.length > (model.cap[p] as number)) rows.push(`c${p}: ${vars.join(' + ')} <= ${model.cap[p]}`);
  });
  const bounds = model.locked.map((l) => `${v(l.m, l.s)} = 1`);
  const lp = [
    'Maximize',
    ` obj: ${terms.length ? terms.join(' + ') : '0 dummy'}`,
    'Subject To',
    ...(rows.length ? rows.map((r) => ` ${r}`) : [' r0: 0 dummy >= 0']),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(terms.length ? [] : [' 0 <= dummy <= 0']),
    'Binary',
    ...(binaries.length ? [` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
  const r = highs.solve(lp, { output_flag: false, ...(timeLimitMs ? { time_limit: timeLimitMs / 1000 } : {}) });
  const slotOf = new Int32Array(M).fill(-1);
  for (let m = 0; m < M; m++) for (const s of feasible[m] as number[]) if ((r.Columns[v(m, s)]?.Primal ?? 0) > 0.5) slotOf[m] = s;
  return { slotOf, optimal: r.Status === 'Optimal', objective: r.ObjectiveValue };
}
