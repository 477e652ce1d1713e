import { EngineInputError } from '../errors';
import { assign } from './assignment';
import { exclusion, explain, prepare, toPoints, values } from './criteria';
import { stableMatching } from './stable';
import { cosine, sharedTerms, tfidf } from './text';
import { type Criterion, DEFAULT_WEIGHTS, type MatchInput, type MatchOutput, matchInputSchema, type Reason } from './types';

export type { MatchInput, MatchOutput } from './types';

const CRITERIA: Criterion[] = ['theme', 'territory', 'stage', 'ticket', 'text'];
const ALL_PAIRS_LIMIT = 250_000;

/** A bounded list of the best k (score, index), kept sorted descending. */
class TopK {
  readonly scores: Float64Array;
  readonly items: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.items = new Int32Array(k);
  }
  get floor() {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : (this.scores[this.k - 1] as number);
  }
  offer(score: number, item: number) {
    if (score <= this.floor) return;
    let i = Math.min(this.size, this.k - 1);
    while (i > 0 && (this.scores[i - 1] as number) < score) {
      this.scores[i] = this.scores[i - 1] as number;
      this.items[i] = this.items[i - 1] as number;
      i--;
    }
    this.scores[i] = score;
    this.items[i] = item;
    if (this.size < this.k) this.size++;
  }
}

/**
 * Recommend, for every item of each side, its best k counterparts with an
 * explanation, then (optionally) the assignment that maximises the total
 * score under both sides' capacities, and a stable matching.
 *
 * Hard rules exclude a pair (amount outside the ticket, no common instrument,
 * territory outside the listed ones, stage not listed); soft criteria score
 * the rest. Scores are points out of 1,000 whose reasons add up exactly.
 *
 * @example
 * match({ left: [{ id: 'p', themes: ['economie-circulaire'], amount: 300000 }],
 *         right: [{ id: 'f', themes: ['economie-circulaire'], ticketMin: 100000, ticketMax: 2000000 }] }, { now: () => 0 })
 * // → left[0].candidates[0] = { right: 'f', score: …, reasons: [{ criterion: 'theme', … }, …] }
 */
export function match(input: unknown, opts: { now?: () => number; onProgress?: (done: number, total: number) => void } = {}): MatchOutput {
  const now = opts.now ?? (() => 0);
  const started = now();
  const parsed = matchInputSchema.safeParse(input);
  if (!parsed.success) throw new EngineInputError(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(racine)', message: i.message })));
  const data: MatchInput = parsed.data;
  const issues: Array<{ path: string; message: string }> = [];
  for (const side of ['left', 'right'] as const) {
    const seen = new Set<string>();
    data[side].forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: `${side}[${i}].id`, message: `identifiant en double « ${item.id} »` });
      seen.add(item.id);
    });
  }
  data.right.forEach((r, i) => {
    if (r.ticketMin !== undefined && r.ticketMax !== undefined && r.ticketMin > r.ticketMax)
      issues.push({ path: `right[${i}].ticketMax`, message: 'ticket maximum inférieur au minimum' });
  });
  if (issues.length) throw new EngineInputError(issues);

  const k = data.options?.k ?? 10;
  const rawWeights = { ...DEFAULT_WEIGHTS, ...data.options?.weights };
  const totalWeight = CRITERIA.reduce((s, c) => s + rawWeights[c], 0) || 1;
  const weights = Object.fromEntries(CRITERIA.map((c) => [c, rawWeights[c] / totalWeight])) as Record<Criterion, number>;

  const { L, R, wide } = prepare(data.left, data.right);
  const nL = L.length;
  const nR = R.length;
  const { vectors, names } = tfidf([...data.left.map((l) => l.text ?? ''), ...data.right.map((r) => r.text ?? '')]);
  // Inverted index of the right side's vectors for fast dot products.
  const postings = new Map<number, Array<[number, number]>>();
  for (let r = 0; r < nR; r++) {
    const v = vectors[nL + r];
    if (!v) continue;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i] as number;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push([r, v.weights[i] as number]);
    }
  }
  const dot = new Float64Array(nR);
  const leftTop = Array.from({ length: nL }, () => new TopK(k));
  const rightTop = Array.from({ length: nR }, () => new TopK(k));
  const excluded = new Int32Array(nL);
  const keepAll = nL * nR <= ALL_PAIRS_LIMIT;
  const allEdges: Array<{ l: number; r: number; w: number }> = [];
  let evaluated = 0;
  let excludedTotal = 0;

  for (let l = 0; l < nL; l++) {
    const lv = vectors[l];
    const touched: number[] = [];
    if (lv)
      for (let i = 0; i < lv.terms.length; i++) {
        const list = postings.get(lv.terms[i] as number);
        if (!list) continue;
        for (const [r, wr] of list) {
          if (dot[r] === 0) touched.push(r);
          dot[r] = (dot[r] as number) + (lv.weights[i] as number) * wr;
        }
      }
    const pl = L[l] as (typeof L)[number];
    for (let r = 0; r < nR; r++) {
      const pr = R[r] as (typeof R)[number];
      evaluated++;
      if (exclusion(pl, pr)) {
        excluded[l] = (excluded[l] as number) + 1;
        excludedTotal++;
        continue;
      }
      const v = values(pl, pr, wide);
      const score = weights.theme * v.theme + weights.territory * v.territory + weights.stage * v.stage + weights.ticket * v.ticket + weights.text * Math.min(1, dot[r] as number); // as scorePoints
      (leftTop[l] as TopK).offer(score, r);
      (rightTop[r] as TopK).offer(score, l);
      if (keepAll) allEdges.push({ l, r, w: score });
    }
    for (const r of touched) dot[r] = 0;
    if (l % 1000 === 0) opts.onProgress?.(l, nL);
  }

  /** Full explanation of one pair, in points. */
  const detail = (l: number, r: number) => {
    const pl = L[l] as (typeof L)[number];
    const pr = R[r] as (typeof R)[number];
    const v = values(pl, pr, wide);
    const lv = vectors[l];
    const rv = vectors[nL + r];
    const text = lv && rv ? Math.min(1, cosine(lv, rv)) : 0;
    const raw = { ...v, text };
    const { score, points } = toPoints(raw, weights);
    const sentences = explain(pl, pr, raw, lv && rv ? sharedTerms(lv, rv, names) : [], data.left[l]?.stage);
    const reasons: Reason[] = CRITERIA.map((c) => ({ criterion: c, contribution: points.get(c) as number, detail: sentences[c] }));
    return { score, reasons };
  };
  const sortByScore = <T extends { score: number }>(list: T[]) => list.sort((x, y) => y.score - x.score);

  const out: MatchOutput = {
    left: data.left.map((item, l) => {
      const top = leftTop[l] as TopK;
      const candidates = Array.from({ length: top.size }, (_, i) => ({ right: data.right[top.items[i] as number]?.id as string, ...detail(l, top.items[i] as number) }));
      return { id: item.id, candidates: sortByScore(candidates), excluded: excluded[l] as number };
    }),
    right: data.right.map((item, r) => {
      const top = rightTop[r] as TopK;
      const candidates = Array.from({ length: top.size }, (_, i) => ({ left: data.left[top.items[i] as number]?.id as string, ...detail(top.items[i] as number, r) }));
      return { id: item.id, candidates: sortByScore(candidates) };
    }),
    stats: { pairsEvaluated: evaluated, pairsExcluded: excludedTotal, elapsedMs: 0, weights },
  };

  const capLeft = data.left.map((x) => x.capacity ?? 1);
  const capRight = data.right.map((x) => x.capacity ?? 1);
  if (data.options?.assignment !== false) {
    // Exact over every admissible pair when they fit in memory, else over the top-k lists of both sides.
    const edges = keepAll ? allEdges : candidateEdges();
    const pointsOf = edges.map((e) => Math.round(1000 * e.w));
    const chosen = assign(nL, nR, capLeft, capRight, edges.map((e, i) => ({ l: e.l, r: e.r, w: pointsOf[i] as number })));
    const pairs = chosen.map((i) => ({ left: data.left[(edges[i] as { l: number }).l]?.id as string, right: data.right[(edges[i] as { r: number }).r]?.id as string, score: pointsOf[i] as number }));
    out.assignment = { pairs, totalScore: pairs.reduce((s, p) => s + p.score, 0), edges: keepAll ? 'all' : 'top-k' };
  }
  if (data.options?.stable) {
    const rightIndex = new Map(data.right.map((x, i) => [x.id, i]));
    const leftIndex = new Map(data.left.map((x, i) => [x.id, i]));
    const admissible = keepAll ? allEdges : candidateEdges();
    const byLeft: Array<Array<{ r: number; w: number }>> = data.left.map(() => []);
    const byRight: Array<Array<{ l: number; w: number }>> = data.right.map(() => []);
    for (const e of admissible) {
      byLeft[e.l]?.push({ r: e.r, w: e.w });
      byRight[e.r]?.push({ l: e.l, w: e.w });
    }
    const leftPrefs = data.left.map((x, l) => {
      const ok = new Set((byLeft[l] ?? []).map((e) => e.r));
      if (x.ranking) return x.ranking.map((id) => rightIndex.get(id)).filter((r): r is number => r !== undefined && ok.has(r));
      return (byLeft[l] ?? []).sort((a, b) => b.w - a.w).map((e) => e.r);
    });
    const rightRank = data.right.map((x, r) => {
      const list = x.ranking
        ? x.ranking.map((id) => leftIndex.get(id)).filter((l): l is number => l !== undefined && (byRight[r] ?? []).some((e) => e.l === l))
        : (byRight[r] ?? []).sort((a, b) => b.w - a.w).map((e) => e.l);
      return new Map(list.map((l, i) => [l, i]));
    });
    out.stable = {
      pairs: stableMatching(leftPrefs, capLeft, rightRank, capRight).map(([l, r]) => ({ left: data.left[l]?.id as string, right: data.right[r]?.id as string, score: detail(l, r).score })),
    };
  }
  out.stats.elapsedMs = now() - started;
  opts.onProgress?.(nL, nL);
  return out;

  function candidateEdges() {
    const seen = new Set<number>();
    const edges: Array<{ l: number; r: number; w: number }> = [];
    const addEdge = (l: number, r: number, w: number) => {
      const key = l * nR + r;
      if (seen.has(key)) return;
      seen.add(key);
      edges.push({ l, r, w });
    };
    leftTop.forEach((t, l) => {
      for (let i = 0; i < t.size; i++) addEdge(l, t.items[i] as number, t.scores[i] as number);
    });
    rightTop.forEach((t, r) => {
      for (let i = 0; i < t.size; i++) addEdge(t.items[i] as number, r, t.scores[i] as number);
    });
    return edges;
  }
}
