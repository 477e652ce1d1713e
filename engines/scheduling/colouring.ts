/**
 * Edge colouring: each colour is a slot, so a proper colouring is a schedule
 * where nobody is in two meetings at once.
 *
 * `bipartiteSides(P, a, b)` → side per vertex, or null when an odd cycle exists.
 * `colourBipartite(P, a, b, Δ)` → colour per edge using exactly Δ colours
 * (König), by alternating-path recolouring: O(E·(Δ + path length)).
 */
export function bipartiteSides(P: number, a: Int32Array, b: Int32Array, edges: number[][]): Int8Array | null {
  const side = new Int8Array(P).fill(-1);
  const queue = new Int32Array(P);
  for (let start = 0; start < P; start++) {
    if (side[start] !== -1) continue;
    side[start] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    while (head < tail) {
      const u = queue[head++] as number;
      for (const e of edges[u] as number[]) {
        const v = (a[e] === u ? b[e] : a[e]) as number;
        if (side[v] === -1) {
          side[v] = (1 - (side[u] as number)) as 0 | 1;
          queue[tail++] = v;
        } else if (side[v] === side[u]) return null;
      }
    }
  }
  return side;
}

/** Exchange colours c1 and c2 on the edges of an alternating path or cycle, keeping `at` in step. */
function swapColours(edges: number[], c1: number, c2: number, a: Int32Array, b: Int32Array, colour: Int32Array, at: Int32Array, K: number) {
  for (const f of edges) {
    at[(a[f] as number) * K + (colour[f] as number)] = -1;
    at[(b[f] as number) * K + (colour[f] as number)] = -1;
  }
  for (const f of edges) {
    const nc = colour[f] === c1 ? c2 : c1;
    colour[f] = nc;
    at[(a[f] as number) * K + nc] = f;
    at[(b[f] as number) * K + nc] = f;
  }
}

export function maxDegree(edges: number[][]) {
  let d = 0;
  for (const list of edges) if (list.length > d) d = list.length;
  return d;
}

/**
 * König's colouring of a bipartite multigraph with K ≥ Δ colours. Edges are
 * coloured in the given order; `at[v*K + c]` holds the edge of colour c at v.
 * Example: a path p1–p2–p3 gets colours [0, 1].
 */
export function colourBipartite(P: number, a: Int32Array, b: Int32Array, order: ArrayLike<number>, K: number) {
  const E = a.length;
  const colour = new Int32Array(E).fill(-1);
  const at = new Int32Array(P * K).fill(-1);
  const free = (v: number) => {
    const base = v * K;
    for (let c = 0; c < K; c++) if (at[base + c] === -1) return c;
    return -1;
  };
  for (let i = 0; i < order.length; i++) {
    const e = order[i] as number;
    const u = a[e] as number;
    const v = b[e] as number;
    const alpha = free(u);
    const beta = free(v);
    if (alpha < 0 || beta < 0) throw new Error('colourBipartite: K is below the maximum degree');
    if (at[v * K + alpha] !== -1) {
      // Flip the alpha/beta path that starts at v: it cannot reach u in a bipartite graph.
      const path: number[] = [];
      let x = v;
      let c = alpha;
      for (;;) {
        const f = at[x * K + c] as number;
        if (f === -1) break;
        path.push(f);
        x = (a[f] === x ? b[f] : a[f]) as number;
        c = c === alpha ? beta : alpha;
      }
      swapColours(path, alpha, beta, a, b, colour, at, K);
    }
    colour[e] = alpha;
    at[u * K + alpha] = e;
    at[v * K + alpha] = e;
  }
  return { colour, at };
}

/**
 * Rebalance colour classes by swapping alternating paths between two
 * classes (each swap moves one edge from the fuller class to the other), until
 * every class fits its capacity and, among equal capacities, sizes differ by at
 * most one. Works on any proper colouring of a bipartite graph.
 */
export function balanceClasses(_P: number, a: Int32Array, b: Int32Array, colour: Int32Array, at: Int32Array, K: number, capacity: number[]) {
  const size = new Array<number>(K).fill(0);
  for (let e = 0; e < colour.length; e++) {
    const c = colour[e] as number;
    if (c >= 0) size[c] = (size[c] as number) + 1;
  }
  const excess = (c: number) => (size[c] as number) - (capacity[c] as number);
  const visited = new Uint8Array(a.length);
  for (let round = 0; round < colour.length + K; round++) {
    // The fullest class relative to its capacity, and the emptiest.
    let hi = 0;
    let lo = 0;
    for (let c = 1; c < K; c++) {
      if (excess(c) > excess(hi) || (excess(c) === excess(hi) && (size[c] as number) > (size[hi] as number))) hi = c;
      if (excess(c) < excess(lo) || (excess(c) === excess(lo) && (size[c] as number) < (size[lo] as number))) lo = c;
    }
    const over = excess(hi) > 0;
    if (over && excess(lo) >= 0) return size; // no room anywhere
    if (!over && (size[hi] as number) - (size[lo] as number) <= 1) return size; // fits and balanced
    if ((size[hi] as number) <= (size[lo] as number)) return size; // no path is sure to help
    // Move edges from hi to lo by flipping hi/lo alternating paths that carry one more hi
    // edge, as many as needed in one pass over hi's edges.
    const want = over ? Math.min(excess(hi), -excess(lo)) : Math.floor(((size[hi] as number) - (size[lo] as number)) / 2);
    visited.fill(0);
    let moved = 0;
    for (let e = 0; e < colour.length && moved < want; e++) {
      if (colour[e] !== hi || visited[e]) continue;
      const comp = component(e, hi, lo);
      for (const f of comp) visited[f] = 1;
      let nHi = 0;
      for (const f of comp) if (colour[f] === hi) nHi++;
      if (nHi * 2 <= comp.length) continue;
      swapColours(comp, hi, lo, a, b, colour, at, K);
      const delta = 2 * nHi - comp.length;
      size[hi] = (size[hi] as number) - delta;
      size[lo] = (size[lo] as number) + delta;
      moved += delta;
    }
    if (moved === 0) return size;
  }
  return size;

  // The alternating hi/lo path or cycle through edge e.
  function component(e: number, c1: number, c2: number): number[] {
    const out = [e];
    for (const start of [a[e] as number, b[e] as number]) {
      let x = start;
      let prev = e;
      let c = colour[e] === c1 ? c2 : c1;
      for (;;) {
        const f = at[x * K + c] as number;
        if (f === -1 || f === prev || f === e) break;
        out.push(f);
        x = (a[f] === x ? b[f] : a[f]) as number;
        prev = f;
        c = c === c1 ? c2 : c1;
      }
    }
    return out;
  }
}

/**
 * Misra–Gries colouring of a simple graph with Δ + 1 colours (Vizing's bound).
 * Returns null when the graph has parallel edges (Vizing's Δ + 1 does not hold
 * for multigraphs).
 */
export function colourMisraGries(P: number, a: Int32Array, b: Int32Array, edges: number[][], K: number): Int32Array | null {
  const E = a.length;
  const seen = new Set<string>();
  for (let e = 0; e < E; e++) {
    const key = a[e]! < b[e]! ? `${a[e]}-${b[e]}` : `${b[e]}-${a[e]}`;
    if (seen.has(key)) return null;
    seen.add(key);
  }
  const colour = new Int32Array(E).fill(-1);
  // at[v*K + c] = neighbour reached from v by the edge of colour c, or -1; edgeAt keeps the edge.
  const edgeAt = new Int32Array(P * K).fill(-1);
  const other = (e: number, v: number) => (a[e] === v ? b[e] : a[e]) as number;
  const isFree = (v: number, c: number) => edgeAt[v * K + c] === -1;
  const freeOf = (v: number) => {
    for (let c = 0; c < K; c++) if (edgeAt[v * K + c] === -1) return c;
    return -1;
  };
  const setColour = (e: number, c: number) => {
    const old = colour[e] as number;
    if (old >= 0) {
      edgeAt[(a[e] as number) * K + old] = -1;
      edgeAt[(b[e] as number) * K + old] = -1;
    }
    colour[e] = c;
    if (c >= 0) {
      edgeAt[(a[e] as number) * K + c] = e;
      edgeAt[(b[e] as number) * K + c] = e;
    }
  };
  const edgeBetween = (x: number, y: number) => {
    for (const e of edges[x] as number[]) if (other(e, x) === y) return e;
    return -1;
  };
  for (let e0 = 0; e0 < E; e0++) {
    const X = a[e0] as number;
    // Maximal fan at X starting with the uncoloured edge X–f0.
    const fan = [b[e0] as number];
    const inFan = new Set(fan);
    for (let grew = true; grew; ) {
      grew = false;
      const last = fan[fan.length - 1] as number;
      for (const e of edges[X] as number[]) {
        const y = other(e, X);
        const c = colour[e] as number;
        if (c >= 0 && !inFan.has(y) && isFree(last, c)) {
          fan.push(y);
          inFan.add(y);
          grew = true;
          break;
        }
      }
    }
    const c = freeOf(X);
    const d = freeOf(fan[fan.length - 1] as number);
    // Invert the c/d path from X.
    if (c !== d) {
      const path: number[] = [];
      let x = X;
      let col = d;
      for (;;) {
        const f = edgeAt[x * K + col] as number;
        if (f === -1) break;
        path.push(f);
        x = other(f, x);
        col = col === c ? d : c;
      }
      const newColours = path.map((f) => (colour[f] === c ? d : c));
      for (const f of path) setColour(f, -1);
      for (let i = 0; i < path.length; i++) setColour(path[i] as number, newColours[i] as number);
    }
    // The first fan vertex where d is free, with the prefix still a fan.
    let wIndex = fan.length - 1;
    for (let i = 0; i < fan.length; i++) {
      if (!isFree(fan[i] as number, d)) continue;
      let ok = true;
      for (let j = 1; j <= i && ok; j++) {
        const e = edgeBetween(X, fan[j] as number);
        ok = e >= 0 && (colour[e] as number) >= 0 && isFree(fan[j - 1] as number, colour[e] as number);
      }
      if (ok) {
        wIndex = i;
        break;
      }
    }
    // Rotate the fan prefix, then colour X–w with d.
    for (let i = 0; i < wIndex; i++) {
      const e = i === 0 ? e0 : edgeBetween(X, fan[i] as number);
      const next = edgeBetween(X, fan[i + 1] as number);
      const nc = colour[next] as number;
      setColour(next, -1);
      setColour(e, nc);
    }
    const last = wIndex === 0 ? e0 : edgeBetween(X, fan[wIndex] as number);
    setColour(last, d);
  }
  return colour;
}
