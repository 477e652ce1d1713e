import { EngineInputError } from '../errors';
import { assign } from './assignment';
import { compile } from './compiled';
import { explain, prepare, toPoints, values } from './criteria';
import { stableMatching } from './stable';
import { cosine, sharedTerms, surfaceWords, tfidf } from './text';
import { type Criterion, DEFAULT_WEIGHTS, type MatchInput, type MatchOutput, matchInputSchema, type Reason } from './types';

export type { MatchInput, MatchOutput } from './types';

const CRITERIA: Criterion[] = ['theme', 'territory', 'stage', 'ticket', 'text'];
const LEVEL_KEYS = ['commune', 'epci', 'departement', 'region'] as const;
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
  // The most any right vector weighs on each term: bounds a left item's text similarity.
  const maxWeight = new Float64Array(names.length);
  for (let r = 0; r < nR; r++) {
    const v = vectors[nL + r];
    if (!v) continue;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i] as number;
      if ((v.weights[i] as number) > (maxWeight[t] as number)) maxWeight[t] = v.weights[i] as number;
    }
  }
  const pairScore = compile(L, R, wide);
  const ticketMin = Float64Array.from(data.right, (r) => r.ticketMin ?? 0);
  const sortByTicket = (list: number[]) => Int32Array.from(list).sort((x, y) => (ticketMin[x] as number) - (ticketMin[y] as number) || x - y);
  const nationalList: number[] = [];
  const territoryLists = new Map<string, number[]>();
  data.right.forEach((r, i) => {
    if (!r.territories?.length) nationalList.push(i);
    else for (const t of r.territories) territoryLists.set(t, [...(territoryLists.get(t) ?? []), i]);
  });
  const national = sortByTicket(nationalList);
  const byTerritory = new Map([...territoryLists].map(([k, v]) => [k, sortByTicket(v)]));
  const seen = new Int32Array(nR).fill(-1);
  const dense = new Float64Array(names.length);
  const leftTop = Array.from({ length: nL }, () => new TopK(k));
  const rightTop = Array.from({ length: nR }, () => new TopK(k));
  const excluded = new Int32Array(nL);
  const keepAll = nL * nR <= ALL_PAIRS_LIMIT;
  const allEdges: Array<{ l: number; r: number; w: number }> = [];
  let evaluated = 0;
  let excludedTotal = 0;

  for (let l = 0; l < nL; l++) {
    const lv = vectors[l] as (typeof vectors)[number];
    let textBound = 0;
    for (let i = 0; i < lv.terms.length; i++) textBound += (lv.weights[i] as number) * (maxWeight[lv.terms[i] as number] as number);
    const textGain = weights.text * Math.min(1, textBound);
    // The left vector spread out densely: a right vector's similarity is then one pass over its own terms.
    for (let i = 0; i < lv.terms.length; i++) dense[lv.terms[i] as number] = lv.weights[i] as number;
    const lt = leftTop[l] as TopK;
    // Only rights that can cover this territory: national ones and those listing one of its
    // codes, each list sorted by minimum ticket (past the amount, every one is excluded).
    const amount = data.left[l]?.amount;
    let admissible = 0;
    const lists = [national, ...LEVEL_KEYS.map((lv) => byTerritory.get(`${lv}:${data.left[l]?.territory?.[lv]}`))];
    for (const list of lists) {
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const r = list[i] as number;
        if (amount !== undefined && (ticketMin[r] as number) > amount) break;
        if (seen[r] === l) continue;
        seen[r] = l;
        const base = pairScore(l, r, weights, 0);
        if (base < 0) continue;
        admissible++;
        const rt = rightTop[r] as TopK;
        // Skip the text comparison when even a perfect one could not enter either list.
        if (!keepAll && base + textGain <= lt.floor && base + textGain <= rt.floor) continue;
        const rv = vectors[nL + r] as (typeof vectors)[number];
        let c = 0;
        for (let j = 0; j < rv.terms.length; j++) c += (rv.weights[j] as number) * (dense[rv.terms[j] as number] as number);
        // Bit-identical to pairScore(l, r, weights, text): the text term is the last of the sum.
        const score = base + weights.text * Math.min(c, 1);
        if (score > lt.floor) lt.offer(score, r);
        if (score > rt.floor) rt.offer(score, l);
        if (keepAll) allEdges.push({ l, r, w: score });
      }
    }
    for (let i = 0; i < lv.terms.length; i++) dense[lv.terms[i] as number] = 0;
    evaluated += nR;
    excluded[l] = nR - admissible;
    excludedTotal += nR - admissible;
    if (l % 1000 === 0) opts.onProgress?.(l, nL);
  }

  /** The words behind the terms of each description, read when a pair is explained. */
  const surfaces = new Map<number, Map<string, string> | undefined>();
  const wordsOf = (doc: number) => {
    if (!surfaces.has(doc)) {
      const text = doc < nL ? data.left[doc]?.text : data.right[doc - nL]?.text;
      surfaces.set(doc, text ? surfaceWords(text) : undefined);
    }
    return surfaces.get(doc);
  };
  /** Full explanation of one pair, in points (pairs in both sides' lists are explained once). */
  const explained = new Map<number, { score: number; reasons: Reason[] }>();
  const detail = (l: number, r: number) => {
    const key = l * nR + r;
    const known = explained.get(key);
    if (known) return known;
    const fresh = explainPair(l, r);
    explained.set(key, fresh);
    return fresh;
  };
  const explainPair = (l: number, r: number) => {
    const pl = L[l] as (typeof L)[number];
    const pr = R[r] as (typeof R)[number];
    const v = values(pl, pr, wide);
    const lv = vectors[l];
    const rv = vectors[nL + r];
    const text = lv && rv ? Math.min(1, cosine(lv, rv)) : 0;
    const raw = { theme: v.theme, territory: v.territory, stage: v.stage, ticket: v.ticket, text };
    const { score, points } = toPoints(raw, weights);
    const terms = lv && rv ? sharedTerms(lv, rv, names) : [];
    // Shared terms are stems: shown as the words the descriptions use.
    const words = terms.length ? terms.map((t) => wordsOf(l)?.get(t) ?? wordsOf(nL + r)?.get(t) ?? t) : terms;
    const sentences = explain(pl, pr, raw, words, data.left[l]?.stage);
    const reasons: Reason[] = CRITERIA.map((c, i) => ({ criterion: c, contribution: points[i] as number, detail: sentences[c] }));
    return { score, reasons };
  };
  const sortByScore = <T extends { score: number }>(list: T[]) => list.sort((x, y) => y.score - x.score);

  const out: MatchOutput = {
    left: data.left.map((item, l) => {
      const top = leftTop[l] as TopK;
      const candidates = Array.from({ length: top.size }, (_, i) => ({
        right: data.right[top.items[i] as number]?.id as string,
        ...detail(l, top.items[i] as number),
      }));
      return { id: item.id, candidates: sortByScore(candidates), excluded: excluded[l] as number };
    }),
    right: data.right.map((item, r) => {
      const top = rightTop[r] as TopK;
      const candidates = Array.from({ length: top.size }, (_, i) => ({
        left: data.left[top.items[i] as number]?.id as string,
        ...detail(top.items[i] as number, r),
      }));
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
    const chosen = assign(
      nL,
      nR,
      capLeft,
      capRight,
      edges.map((e, i) => ({ l: e.l, r: e.r, w: pointsOf[i] as number })),
    );
    const pairs = chosen.map((i) => ({
      left: data.left[(edges[i] as { l: number }).l]?.id as string,
      right: data.right[(edges[i] as { r: number }).r]?.id as string,
      score: pointsOf[i] as number,
    }));
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
      pairs: stableMatching(leftPrefs, capLeft, rightRank, capRight).map(([l, r]) => ({
        left: data.left[l]?.id as string,
        right: data.right[r]?.id as string,
        score: detail(l, r).score,
      })),
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
