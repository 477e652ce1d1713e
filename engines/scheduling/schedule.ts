import { upperBound } from './bounds';
import { balanceClasses, bipartiteSides, colourBipartite, colourMisraGries, maxDegree } from './colouring';
import { type HighsSolver, solveExact } from './exact';
import { finish } from './finish';
import { runHeuristic } from './heuristic';
import { buildModel, type Model } from './model';
import type { ScheduleOptions, ScheduleOutput } from './types';

export type { ScheduleInput, ScheduleOutput, ScheduleOptions } from './types';

/** mulberry32: the engine's only source of randomness, seeded by the caller. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function feasibleSlots(model: Model) {
  const { M, S, ma, mb, avail, tables } = model;
  const out: number[][] = new Array(M);
  for (let m = 0; m < M; m++) {
    const a = (ma[m] as number) * S;
    const b = (mb[m] as number) * S;
    const list: number[] = [];
    for (let s = 0; s < S; s++) if (avail[a + s] && avail[b + s] && (tables[s] as number) > 0) list.push(s);
    out[m] = list;
  }
  return out;
}

/**
 * Schedule bilateral meetings in slots and at tables.
 *
 * Unconstrained bipartite instances (no availability, caps, locks or published
 * schedule; tables enough) are edge-coloured in exactly Δ slots (König), then
 * balanced; simple non-bipartite ones in Δ + 1 (Misra–Gries). Everything else
 * goes to the heuristic, with a proven upper bound reported next to the result.
 *
 * @example
 * schedule({ slots: [{ id: 's1' }, { id: 's2' }],
 *            participants: [{ id: 'p' }, { id: 'f1' }, { id: 'f2' }],
 *            meetings: [{ id: 'm1', a: 'p', b: 'f1' }, { id: 'm2', a: 'p', b: 'f2' }] }, { now: () => 0 })
 * // → m1 and m2 in different slots, stats.slotsUsed = 2 = stats.maxDegree
 */
export function schedule(input: unknown, options: ScheduleOptions = {}): ScheduleOutput {
  const now = options.now ?? (() => 0);
  const started = now();
  const model = buildModel(input);
  const delta = maxDegree(model.incident);
  const sides = bipartiteSides(model.P, model.ma, model.mb, model.incident);
  // Slot lists (M × S) and the bound are only built when the heuristic needs them.
  let feasible: number[][] | undefined;
  const feasibleAll = () => (feasible ??= feasibleSlots(model));
  const out = (slotOf: Int32Array, method: ScheduleOutput['stats']['method'], bound: number) =>
    finish(model, (m) => feasibleAll()[m] as number[], slotOf, { upperBound: bound, maxDegree: delta, elapsedMs: now() - started, method });
  const totalWeight = () => model.w.reduce((x, y) => x + y, 0);

  const unconstrained = model.locked.length === 0 && model.previous.size === 0 && model.limited.every((l) => !l) && model.cap.every((c) => !Number.isFinite(c));
  if (unconstrained && model.M > 0) {
    // The fewest slots (from the first) that hold every meeting.
    let K = Math.max(delta, 1);
    let room = 0;
    for (let s = 0; s < K && s < model.S; s++) room += model.tables[s] as number;
    while (room < model.M && K < model.S) room += model.tables[K++] as number;
    if (sides && K <= model.S && room >= model.M) {
      const order = Int32Array.from({ length: model.M }, (_, i) => i);
      const { colour, at } = colourBipartite(model.P, model.ma, model.mb, order, K);
      const sizes = balanceClasses(model.P, model.ma, model.mb, colour, at, K, model.tables.slice(0, K));
      // Everything is scheduled: the total weight is the (tight) bound.
      if (sizes.every((n, s) => n <= (model.tables[s] as number))) return out(colour, 'edge-colouring', totalWeight());
      return heuristic(colour);
    }
    if (!sides && delta + 1 <= model.S && model.tables.every((t) => !Number.isFinite(t))) {
      const colour = colourMisraGries(model.P, model.ma, model.mb, model.incident, delta + 1);
      if (colour) return out(colour, 'edge-colouring', totalWeight());
    }
  }
  return heuristic(undefined);

  function heuristic(initial: Int32Array | undefined) {
    let bound = upperBound(model, feasibleAll(), sides, { bMatching: false });
    let refined = false;
    const refineBound = () => {
      if (!refined) bound = Math.min(bound, upperBound(model, feasibleAll(), sides));
      refined = true;
      return bound;
    };
    const deadline = started + (options.timeLimitMs ?? 2000);
    const run = (i: number) =>
      runHeuristic(model, feasibleAll(), {
        random: seededRandom((options.seed ?? 1) + i * 7919),
        now,
        deadline,
        initial,
        upperBound: bound,
        refineBound,
        onProgress: options.onProgress,
        noise: i === 0 ? 0 : 0.6,
      }).state;
    const movedOf = (slotOf: Int32Array) => [...model.previous].filter(([m, p]) => slotOf[m] !== p.s).length;
    // Restarts with a perturbed order (GRASP) while the bound is not reached: cheap on
    // conference-sized instances, where one greedy order can miss the optimum.
    let best = run(0);
    const restarts = model.M <= 2000 ? 6 : 0;
    for (let i = 1; i <= restarts && best.weight < bound - 1e-9 && now() < deadline; i++) {
      const next = run(i);
      if (next.weight > best.weight + 1e-9 || (Math.abs(next.weight - best.weight) <= 1e-9 && movedOf(next.slotOf) < movedOf(best.slotOf))) best = next;
    }
    return out(best.slotOf, 'heuristic', bound);
  }
}

/** The same input solved to optimality by HiGHS (small instances; tests and `--exact`). */
export function scheduleExact(input: unknown, highs: HighsSolver, options: ScheduleOptions = {}): ScheduleOutput & { optimal: boolean } {
  const now = options.now ?? (() => 0);
  const started = now();
  const model = buildModel(input);
  const feasible = feasibleSlots(model);
  const sides = bipartiteSides(model.P, model.ma, model.mb, model.incident);
  const bound = upperBound(model, feasible, sides);
  const { slotOf, optimal } = solveExact(model, feasible, highs, options.timeLimitMs);
  const result = finish(model, (m) => feasible[m] as number[], slotOf, {
    upperBound: bound,
    maxDegree: maxDegree(model.incident),
    elapsedMs: now() - started,
    method: 'exact',
  });
  return { ...result, optimal };
}
