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

  // The arcs in typed arrays, and the heap in two flat arrays: each augmentation runs a
  // Dijkstra, and thousands of them allocated a tuple per push (most of the time went to that and to GC).
  const toA = Int32Array.from(to);
  const capA = Int32Array.from(cap);
  const costA = Float64Array.from(cost);
  const nextA = Int32Array.from(next);
  const dist = new Float64Array(N);
  const prevArc = new Int32Array(N);
  const done = new Uint8Array(N);
  // Lazy deletion: at most one entry per arc relaxation, plus the source.
  const heapD = new Float64Array(toA.length + 2);
  const heapV = new Int32Array(toA.length + 2);
  let size = 0;
  const push = (d: number, v: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((heapD[p] as number) <= d) break;
      heapD[i] = heapD[p] as number;
      heapV[i] = heapV[p] as number;
      i = p;
    }
    heapD[i] = d;
    heapV[i] = v;
  };
  /** Removes the top (read heapD[0], heapV[0] before). */
  const pop = () => {
    size--;
    if (size === 0) return;
    const d = heapD[size] as number;
    const v = heapV[size] as number;
    let i = 0;
    for (;;) {
      const a = 2 * i + 1;
      if (a >= size) break;
      const b = a + 1;
      const m = b < size && (heapD[b] as number) < (heapD[a] as number) ? b : a;
      if ((heapD[m] as number) >= d) break;
      heapD[i] = heapD[m] as number;
      heapV[i] = heapV[m] as number;
      i = m;
    }
    heapD[i] = d;
    heapV[i] = v;
  };
  for (;;) {
    dist.fill(Number.POSITIVE_INFINITY);
    prevArc.fill(-1);
    done.fill(0);
    dist[S] = 0;
    size = 0;
    push(0, S);
    while (size > 0) {
      const d = heapD[0] as number;
      const u = heapV[0] as number;
      pop();
      if (done[u] || d > (dist[u] as number)) continue;
      done[u] = 1;
      // The sink is settled: the path is known. Nodes not settled yet take the sink's distance
      // in the potentials below, which keeps every residual arc's reduced cost non-negative.
      if (u === T) break;
      const pu = (pot[u] as number) + d;
      for (let a = head[u] as number; a !== -1; a = nextA[a] as number) {
        if ((capA[a] as number) <= 0) continue;
        const v = toA[a] as number;
        const nd = pu + (costA[a] as number) - (pot[v] as number);
        if (nd < (dist[v] as number) - 1e-12) {
          dist[v] = nd;
          prevArc[v] = a;
          push(nd, v);
        }
      }
    }
    if (!done[T]) break;
    const dT = dist[T] as number;
    for (let v = 0; v < N; v++) pot[v] = (pot[v] as number) + (done[v] ? (dist[v] as number) : dT);
    // Real path cost = reduced distance corrected by potentials; stop when it no longer adds score.
    if ((pot[T] as number) - (pot[S] as number) >= -1e-12) break;
    for (let v = T; v !== S; v = toA[(prevArc[v] as number) ^ 1] as number) {
      const a = prevArc[v] as number;
      capA[a] = (capA[a] as number) - 1;
      capA[a ^ 1] = (capA[a ^ 1] as number) + 1;
    }
  }
  const chosen: number[] = [];
  edgeArc.forEach((a, i) => {
    if (toA[a] !== -1 && capA[a] === 0) chosen.push(i);
  });
  return chosen;
}
