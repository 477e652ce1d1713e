/**
 * Maximum-weight assignment under capacities, exact, as a min-cost flow:
 * source → left (capacity) → right (1 per pair) → sink (capacity), costs
 * −score, augmenting along shortest paths (Dijkstra with potentials) while a
 * path still adds score. Returns the chosen edges.
 *
 * @example
 * assign(2, 1, [1, 1], [1], [{ l: 0, r: 0, w: 5 }, { l: 1, r: 0, w: 7 }]) // → [1] (the 7)
 */
export function assign(nLeft: number, nRight: number, capLeft: number[], capRight: number[], edges: Array<{ l: number; r: number; w: number }>): number[] {
  const N = nLeft + nRight + 2;
  const S = nLeft + nRight;
  const T = S + 1;
  // Arc arrays (each arc with its reverse at index ^ 1).
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const head = new Int32Array(N).fill(-1);
  const next: number[] = [];
  const add = (u: number, v: number, c: number, w: number) => {
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
    next.push(head[u] as number, head[v] as number);
    head[u] = to.length - 2;
    head[v] = to.length - 1;
  };
  for (let l = 0; l < nLeft; l++) if ((capLeft[l] as number) > 0) add(S, l, capLeft[l] as number, 0);
  for (let r = 0; r < nRight; r++) if ((capRight[r] as number) > 0) add(nLeft + r, T, capRight[r] as number, 0);
  const edgeArc: number[] = [];
  for (const e of edges) {
    edgeArc.push(to.length);
    if (e.w > 0) add(e.l, nLeft + e.r, 1, -e.w);
    else {
      // A pair worth nothing is never chosen: a placeholder keeps indexes aligned.
      to.push(-1, -1);
      cap.push(0, 0);
      cost.push(0, 0);
      next.push(-1, -1);
    }
  }
  // Initial potentials: the graph is a DAG source → left → right → sink.
  const pot = new Float64Array(N);
  for (let r = 0; r < nRight; r++) pot[nLeft + r] = 0;
  for (const e of edges) if (e.w > 0) pot[nLeft + e.r] = Math.min(pot[nLeft + e.r] as number, -e.w);
  pot[T] = 0;
  for (let r = 0; r < nRight; r++) pot[T] = Math.min(pot[T] as number, pot[nLeft + r] as number);

  const dist = new Float64Array(N);
  const prevArc = new Int32Array(N);
  // Binary heap of [dist, node].
  const heap: Array<[number, number]> = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((heap[p] as [number, number])[0] <= d) break;
      [heap[p], heap[i]] = [heap[i] as [number, number], heap[p] as [number, number]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0] as [number, number];
    const last = heap.pop() as [number, number];
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const a = 2 * i + 1;
        const b = a + 1;
        let m = i;
        if (a < heap.length && (heap[a] as [number, number])[0] < (heap[m] as [number, number])[0]) m = a;
        if (b < heap.length && (heap[b] as [number, number])[0] < (heap[m] as [number, number])[0]) m = b;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i] as [number, number], heap[m] as [number, number]];
        i = m;
      }
    }
    return top;
  };
  for (;;) {
    dist.fill(Number.POSITIVE_INFINITY);
    prevArc.fill(-1);
    dist[S] = 0;
    push(0, S);
    while (heap.length) {
      const [d, u] = pop();
      if (d > (dist[u] as number)) continue;
      for (let a = head[u] as number; a !== -1; a = next[a] as number) {
        if ((cap[a] as number) <= 0) continue;
        const v = to[a] as number;
        const nd = d + (cost[a] as number) + (pot[u] as number) - (pot[v] as number);
        if (nd < (dist[v] as number) - 1e-12) {
          dist[v] = nd;
          prevArc[v] = a;
          push(nd, v);
        }
      }
    }
    if (!Number.isFinite(dist[T] as number)) break;
    for (let v = 0; v < N; v++) if (Number.isFinite(dist[v] as number)) pot[v] = (pot[v] as number) + (dist[v] as number);
    // Real path cost = reduced distance corrected by potentials; stop when it no longer adds score.
    if ((pot[T] as number) - (pot[S] as number) >= -1e-12) break;
    for (let v = T; v !== S; v = to[(prevArc[v] as number) ^ 1] as number) {
      const a = prevArc[v] as number;
      cap[a] = (cap[a] as number) - 1;
      cap[a ^ 1] = (cap[a ^ 1] as number) + 1;
    }
  }
  const chosen: number[] = [];
  edgeArc.forEach((a, i) => {
    if (to[a] !== -1 && cap[a] === 0) chosen.push(i);
  });
  return chosen;
}
