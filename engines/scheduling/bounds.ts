import { assign } from '../matching/assignment';
import type { Model } from './model';

/** Above this many meetings the b-matching bound costs more than it is worth. */
const B_MATCHING_LIMIT = 5000;

/** Sum of the k largest values. */
function topSum(values: number[], k: number) {
  if (k >= values.length) return values.reduce((s, v) => s + v, 0);
  return [...values]
    .sort((x, y) => y - x)
    .slice(0, k)
    .reduce((s, v) => s + v, 0);
}

/**
 * A proven upper bound on the schedulable weight, the smallest of:
 * - the weight of meetings that have at least one common slot;
 * - per participant p, at most k_p = min(cap, free slots) meetings: on a
 *   bipartite graph each meeting has one end on each side, so the sum over one
 *   side of p's k_p heaviest meetings bounds the total; otherwise half the sum
 *   over all participants does;
 * - the capacity: at most Σ_s min(tables_s, ⌊free participants_s / 2⌋)
 *   meetings, so the heaviest that many;
 * - on bipartite instances up to B_MATCHING_LIMIT meetings, the exact
 *   maximum-weight b-matching with those k_p (slots relaxed away), by min-cost flow.
 */
export function upperBound(model: Model, feasible: number[][], side: Int8Array | null, opts: { bMatching?: boolean } = {}): number {
  const { P, S, M, w, incident, avail, cap, tables } = model;
  const usable: number[] = [];
  for (let m = 0; m < M; m++) if ((feasible[m] as number[]).length > 0) usable.push(m);
  const total = usable.reduce((s, m) => s + (w[m] as number), 0);

  const k = new Array<number>(P);
  const perSide = [0, 0];
  let both = 0;
  for (let p = 0; p < P; p++) {
    let free = 0;
    for (let s = 0; s < S; s++) if (avail[p * S + s] && (tables[s] as number) > 0) free++;
    const kp = Math.min(cap[p] as number, free);
    k[p] = Number.isFinite(kp) ? kp : (incident[p] as number[]).length;
    const ws = (incident[p] as number[]).filter((m) => (feasible[m] as number[]).length > 0).map((m) => w[m] as number);
    const t = topSum(ws, k[p] as number);
    both += t;
    if (side) perSide[side[p] as number] = (perSide[side[p] as number] as number) + t;
  }
  const byParticipants = side ? Math.min(perSide[0] as number, perSide[1] as number) : both / 2;

  let capacity = 0;
  for (let s = 0; s < S; s++) {
    let free = 0;
    for (let p = 0; p < P; p++) if (avail[p * S + s]) free++;
    capacity += Math.min(tables[s] as number, Math.floor(free / 2));
  }
  const byCapacity = topSum(
    usable.map((m) => w[m] as number),
    capacity,
  );
  let byMatching = Number.POSITIVE_INFINITY;
  if (opts.bMatching !== false && side && usable.length <= B_MATCHING_LIMIT) {
    const index = new Int32Array(P);
    const counts = [0, 0];
    for (let p = 0; p < P; p++) {
      const sd = side[p] as number;
      index[p] = counts[sd] as number;
      counts[sd] = (counts[sd] as number) + 1;
    }
    const caps: number[][] = [[], []];
    for (let p = 0; p < P; p++) caps[side[p] as number]?.push(k[p] as number);
    const edges = usable.map((m) => {
      const a = model.ma[m] as number;
      const b = model.mb[m] as number;
      const [l, r] = side[a] === 0 ? [a, b] : [b, a];
      return { l: index[l] as number, r: index[r] as number, w: w[m] as number };
    });
    const chosen = assign(counts[0] as number, counts[1] as number, caps[0] as number[], caps[1] as number[], edges);
    byMatching = chosen.reduce((sum, i) => sum + (edges[i] as { w: number }).w, 0);
  }
  return Math.min(total, byParticipants, byCapacity, byMatching);
}
