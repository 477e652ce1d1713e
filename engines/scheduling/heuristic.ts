import type { Model } from './model';
import { ScheduleState } from './state';

export interface HeuristicOptions {
  random: () => number;
  deadline: number;
  now: () => number;
  /** A starting slot per meeting (-1: none), e.g. from an edge colouring. */
  initial?: Int32Array | undefined;
  upperBound: number;
  /** A tighter (dearer) bound, computed only if the greedy schedule does not reach the first one. */
  refineBound?: (() => number) | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** 0: heaviest, most constrained first; above: that much randomness in the order (restarts). */
  noise?: number;
}

/**
 * Constrained scheduling: locks, then the published schedule where it still
 * holds, then the rest greedily (heaviest and most constrained first), then
 * augmenting repairs (move up to two blocking meetings to place one more),
 * cap swaps (a heavier meeting takes a lighter one's place), and a seeded
 * ruin-and-recreate local search until the deadline or the upper bound.
 * A published meeting only moves when that schedules strictly more weight.
 */
export function runHeuristic(model: Model, feasible: number[][], opts: HeuristicOptions) {
  const { M, S, w, ma, mb } = model;
  const st = new ScheduleState(model, feasible);
  const fixed = new Uint8Array(M);
  const prevSlot = new Int32Array(M).fill(-1);
  for (const [m, p] of model.previous) prevSlot[m] = p.s;

  for (const l of model.locked) {
    st.place(l.m, l.s);
    fixed[l.m] = 1;
  }
  for (const [m, p] of model.previous) if (!fixed[m] && st.canPlace(m, p.s)) st.place(m, p.s);
  if (opts.initial)
    for (let m = 0; m < M; m++) {
      const s = opts.initial[m] as number;
      if (s >= 0 && st.slotOf[m] === -1 && st.canPlace(m, s)) st.place(m, s);
    }

  // Heaviest first; among equals, the fewest options first; random tie-break.
  const noise = opts.noise ?? 0;
  const jitter = Float64Array.from({ length: M }, () => opts.random());
  const options = Float64Array.from(feasible, (f, m) => f.length * (1 + noise * ((jitter[m] as number) - 0.5)));
  const pending = () => {
    const list: number[] = [];
    for (let m = 0; m < M; m++) if (st.slotOf[m] === -1 && (feasible[m] as number[]).length > 0) list.push(m);
    return list.sort(
      (x, y) => (w[y] as number) - (w[x] as number) || (options[x] as number) - (options[y] as number) || (jitter[x] as number) - (jitter[y] as number),
    );
  };

  const slotScore = (m: number, s: number) => {
    // Fewer idle gaps: a slot next to the participants' other meetings; then balance.
    const a = ma[m] as number;
    const b = mb[m] as number;
    let near = 0;
    for (const p of [a, b]) {
      if (s > 0 && (st.busy[p * S + s - 1] as number) >= 0) near++;
      if (s < S - 1 && (st.busy[p * S + s + 1] as number) >= 0) near++;
    }
    const fill = Number.isFinite(model.tables[s]) ? (st.load[s] as number) / (model.tables[s] as number) : (st.load[s] as number) / (M + 1);
    // A published meeting goes back to its slot whenever it can.
    return (prevSlot[m] === s ? 100 : 0) + near * 2 - fill;
  };

  const greedyPlace = (m: number) => {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const s of feasible[m] as number[]) {
      if (!st.canPlace(m, s)) continue;
      const sc = slotScore(m, s);
      if (sc > bestScore) {
        bestScore = sc;
        best = s;
      }
    }
    if (best >= 0) st.place(m, best);
    return best >= 0;
  };

  const movable = (x: number, forWeight: number) => !fixed[x] && (prevSlot[x] !== st.slotOf[x] || forWeight > 0);

  /** Place m, relocating blockers (depth levels deep) when needed. */
  let budget = 0; // search nodes left for the current repair
  const tryPlace = (m: number, depth: number, banned: Set<number>): boolean => {
    if (greedyPlace(m)) return true;
    if (depth === 0 || --budget < 0) return false;
    const a = ma[m] as number;
    const b = mb[m] as number;
    if ((st.count[a] as number) >= (model.cap[a] as number) || (st.count[b] as number) >= (model.cap[b] as number)) return false;
    banned.add(m);
    for (const s of feasible[m] as number[]) {
      const blockers = new Set<number>();
      const ba = st.busy[a * S + s] as number;
      const bb = st.busy[b * S + s] as number;
      if (ba >= 0) blockers.add(ba);
      if (bb >= 0) blockers.add(bb);
      let ok = true;
      for (const x of blockers) if (banned.has(x) || !movable(x, w[m] as number)) ok = false;
      if (!ok) continue;
      const tableFull = (st.load[s] as number) - blockers.size >= (model.tables[s] as number);
      const candidates = tableFull
        ? [...(st.members[s] as Set<number>)].filter((x) => !blockers.has(x) && !banned.has(x) && movable(x, w[m] as number)).slice(0, 3)
        : [undefined];
      for (const extra of candidates) {
        const mark = st.mark();
        const moving = extra === undefined ? [...blockers] : [...blockers, extra];
        for (const x of moving) st.unplace(x);
        st.place(m, s);
        let all = true;
        for (const x of moving) {
          if (!tryPlace(x, depth - 1, banned)) {
            all = false;
            break;
          }
        }
        if (all) {
          banned.delete(m);
          return true;
        }
        st.rollback(mark);
      }
    }
    banned.delete(m);
    return false;
  };

  /** A heavier meeting takes the place of lighter ones of a capped participant. */
  const capSwap = (m: number) => {
    for (const p of [ma[m] as number, mb[m] as number]) {
      if ((st.count[p] as number) < (model.cap[p] as number)) continue;
      for (const x of model.incident[p] as number[]) {
        if (st.slotOf[x] === -1 || fixed[x] || (w[x] as number) >= (w[m] as number)) continue;
        const mark = st.mark();
        const before = st.weight;
        st.unplace(x);
        budget = 50;
        if (tryPlace(m, 1, new Set([x])) && st.weight > before) return true;
        st.rollback(mark);
      }
    }
    return false;
  };

  const maxDepth = M <= 3000 ? 3 : 2;
  let list = pending();
  for (const m of list) greedyPlace(m);
  if (st.weight < opts.upperBound - 1e-9 && opts.refineBound) opts.upperBound = Math.min(opts.upperBound, opts.refineBound());
  // Deeper repairs only while the bound is not reached: most instances stop after the first pass.
  for (let depth = 1; depth <= maxDepth && st.weight < opts.upperBound - 1e-9; depth++) {
    list = pending();
    const total = list.length;
    list.forEach((m, i) => {
      if (opts.now() > opts.deadline || st.weight >= opts.upperBound - 1e-9) return;
      budget = 200 * depth;
      if (!tryPlace(m, depth, new Set()) && depth === 1) capSwap(m);
      if (i % 500 === 0) opts.onProgress?.(i, total);
    });
  }
  st.commit();

  // Ruin and recreate around a random participant, kept when not worse.
  const movedOf = () => {
    let moved = 0;
    for (const [m, p] of model.previous) if (st.slotOf[m] !== p.s) moved++;
    return moved;
  };
  let bestWeight = st.weight;
  let bestMoved = movedOf();
  // Meetings still waiting for a slot; the neighbourhoods re-offer them every round.
  let waiting = pending();
  let rounds = 0;
  let sinceBetter = 0;
  // Stop at the deadline, at the bound, or when many neighbours in a row brought nothing.
  const patience = Math.max(100, M / 2);
  while (opts.now() < opts.deadline && bestWeight < opts.upperBound - 1e-9 && M > 0 && sinceBetter < patience) {
    rounds++;
    sinceBetter++;
    const mark = st.mark();
    const centre = Math.floor(opts.random() * model.P);
    const ruined: number[] = [];
    for (const m of model.incident[centre] as number[]) {
      for (const p of [ma[m] as number, mb[m] as number])
        for (const x of model.incident[p] as number[])
          if ((st.slotOf[x] as number) >= 0 && !fixed[x] && ruined.length < 40 && !ruined.includes(x)) ruined.push(x);
    }
    for (const x of ruined) st.unplace(x);
    // Waiting meetings that the ruin can help: those of the participants it freed.
    const freed = new Set<number>();
    for (const x of ruined) freed.add(ma[x] as number).add(mb[x] as number);
    const near = (m: number) => freed.has(ma[m] as number) || freed.has(mb[m] as number);
    const again = [...ruined, ...waiting.filter((m) => st.slotOf[m] === -1)];
    again.sort((x, y) => (w[y] as number) - (w[x] as number) + (opts.random() - 0.5) * 0.5);
    for (const m of again) {
      budget = 20;
      // Repairs only where the ruin freed room; elsewhere a free slot or nothing.
      if (!greedyPlace(m) && (ruined.includes(m) || near(m))) tryPlace(m, 1, new Set());
    }
    const moved = movedOf();
    if (st.weight > bestWeight + 1e-9 || (Math.abs(st.weight - bestWeight) <= 1e-9 && moved <= bestMoved)) {
      if (st.weight > bestWeight + 1e-9 || moved < bestMoved) sinceBetter = 0;
      bestWeight = st.weight;
      bestMoved = moved;
      st.commit();
      waiting = waiting.filter((m) => st.slotOf[m] === -1).concat(ruined.filter((m) => st.slotOf[m] === -1));
    } else st.rollback(mark);
    if (rounds > 20 * (M + 10)) break;
  }
  // A published meeting away from its slot goes back whenever that slot is free
  // again: no move survives that the final schedule does not need.
  for (const [m, p] of model.previous) {
    if (fixed[m] || st.slotOf[m] === p.s) continue;
    const mark = st.mark();
    if (st.slotOf[m] !== -1) st.unplace(m);
    if (st.canPlace(m, p.s)) st.place(m, p.s);
    else st.rollback(mark);
  }
  st.commit();
  opts.onProgress?.(M, M);
  return { state: st, fixed, upperBound: opts.upperBound };
}
