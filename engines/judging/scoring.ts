import { EngineInputError } from '../errors';

/**
 * Results of a jury: each review's weighted total on the rubric, the raw mean
 * per team, and the mean normalised per judge, so that a judge who scores
 * everything high (or low, or on a narrow band) weighs as much as the others.
 * Pure: data in, data out.
 *
 * Normalisation (the z-score, documented on the results page): for each judge,
 * the weighted totals they gave have a mean m and a standard deviation s
 * (population); a review counts (total − m) / s. A judge with one review, or
 * who gave every team the same total, says nothing about order: their reviews
 * count 0. A team's normalised score is the mean of its reviews' z-scores.
 * Multiplying a judge's scores by a > 0 and adding b changes nothing.
 */

export interface Criterion {
  id: string;
  weight: number;
}

export interface Review {
  judge: string;
  team: string;
  /** criterion id → score (1–5 in the interface; any number here). */
  scores: Readonly<Record<string, number>>;
}

export interface RankedTeam {
  team: string;
  /** Mean weighted total of its reviews (on the rubric's scale), null without a review. */
  raw: number | null;
  /** Mean z-score of its reviews, null without a review. */
  normalised: number | null;
  reviews: number;
  /** Bradley–Terry strength (log scale, mean 0) from pairwise comparisons; null without any. */
  pairwise: number | null;
}

/**
 * The weighted total of one review: Σ weight × score / Σ weight (a criterion left out counts as missing and is not allowed).
 *
 * @example weightedTotal([{ id: 'impact', weight: 2 }, { id: 'faisabilite', weight: 1 }], { impact: 5, faisabilite: 2 }) // → 4
 */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.id];
    if (typeof s !== 'number' || !Number.isFinite(s)) throw new EngineInputError([{ path: `scores.${c.id}`, message: 'note manquante' }]);
    sum += c.weight * s;
    weights += c.weight;
  }
  if (weights <= 0) throw new EngineInputError([{ path: 'criteria', message: 'des poids positifs' }]);
  return sum / weights;
}

/**
 * Each review's z-score within its judge's reviews.
 *
 * @example zScores([{ judge: 'a', team: 't1', total: 4 }, { judge: 'a', team: 't2', total: 2 }]) // → [1, -1]
 */
export function zScores(reviews: ReadonlyArray<{ judge: string; total: number }>): number[] {
  const byJudge = new Map<string, number[]>();
  for (const r of reviews) byJudge.set(r.judge, [...(byJudge.get(r.judge) ?? []), r.total]);
  const stats = new Map<string, { mean: number; sd: number }>();
  for (const [judge, totals] of byJudge) {
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const variance = totals.reduce((a, b) => a + (b - mean) ** 2, 0) / totals.length;
    stats.set(judge, { mean, sd: Math.sqrt(variance) });
  }
  return reviews.map((r) => {
    const s = stats.get(r.judge) as { mean: number; sd: number };
    // A spread lost in rounding is no spread: every review of that judge counts 0.
    return s.sd > 1e-9 * Math.max(1, Math.abs(s.mean)) ? (r.total - s.mean) / s.sd : 0;
  });
}

/**
 * Bradley–Terry strengths from pairwise comparisons, by the MM iteration
 * (Hunter, 2004). Each team also plays one virtual win and one virtual loss
 * against a reference of strength 1, so that a team that always wins (or
 * never plays) keeps a finite strength. Returned on the log scale, mean 0.
 *
 * @example bradleyTerry(['a', 'b'], [{ winner: 'a', loser: 'b' }]).get('a') // → > 0
 */
export function bradleyTerry(teams: readonly string[], comparisons: ReadonlyArray<{ winner: string; loser: string }>, iterations = 200): Map<string, number> {
  const index = new Map(teams.map((t, i) => [t, i]));
  const n = teams.length;
  const wins = new Array<number>(n).fill(1);
  const games: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  for (const c of comparisons) {
    const w = index.get(c.winner);
    const l = index.get(c.loser);
    if (w === undefined || l === undefined || w === l) continue;
    wins[w] = (wins[w] as number) + 1;
    const gw = games[w] as Map<number, number>;
    const gl = games[l] as Map<number, number>;
    gw.set(l, (gw.get(l) ?? 0) + 1);
    gl.set(w, (gl.get(w) ?? 0) + 1);
  }
  let p = new Array<number>(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = p.map((pi, i) => {
      // Two virtual games against the reference (strength 1).
      let denom = 2 / (pi + 1);
      for (const [j, count] of games[i] as Map<number, number>) denom += count / (pi + (p[j] as number));
      return (wins[i] as number) / denom;
    });
    const change = next.reduce((m, x, i) => Math.max(m, Math.abs(Math.log(x) - Math.log(p[i] as number))), 0);
    p = next;
    if (change < 1e-10) break;
  }
  const logs = p.map(Math.log);
  const mean = n ? logs.reduce((a, b) => a + b, 0) / n : 0;
  return new Map(teams.map((t, i) => [t, (logs[i] as number) - mean]));
}

/**
 * The ranking of the teams: by normalised score (then raw, then pairwise),
 * teams without a review last.
 *
 * @example rankTeams({ teams: ['t1'], criteria: [{ id: 'c', weight: 1 }], reviews: [{ judge: 'a', team: 't1', scores: { c: 4 } }] })
 * // → [{ team: 't1', raw: 4, normalised: 0, reviews: 1, pairwise: null }]
 */
export function rankTeams(input: {
  teams: readonly string[];
  criteria: readonly Criterion[];
  reviews: readonly Review[];
  comparisons?: ReadonlyArray<{ winner: string; loser: string }>;
}): RankedTeam[] {
  const totals = input.reviews.map((r) => ({ judge: r.judge, team: r.team, total: weightedTotal(input.criteria, r.scores) }));
  const z = zScores(totals);
  const per = new Map<string, { raw: number[]; z: number[] }>(input.teams.map((t) => [t, { raw: [], z: [] }]));
  totals.forEach((r, i) => {
    const p = per.get(r.team);
    if (!p) return;
    p.raw.push(r.total);
    p.z.push(z[i] as number);
  });
  const bt = input.comparisons && input.comparisons.length > 0 ? bradleyTerry(input.teams, input.comparisons) : null;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const ranked = input.teams.map((team) => {
    const p = per.get(team) as { raw: number[]; z: number[] };
    return { team, raw: mean(p.raw), normalised: mean(p.z), reviews: p.raw.length, pairwise: bt ? (bt.get(team) ?? 0) : null };
  });
  const key = (x: number | null) => (x === null ? Number.NEGATIVE_INFINITY : x);
  return ranked.sort(
    (a, b) =>
      key(b.normalised) - key(a.normalised) || key(b.raw) - key(a.raw) || key(b.pairwise) - key(a.pairwise) || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0),
  );
}
