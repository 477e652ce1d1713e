import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HighsSolver } from '../scheduling/exact';
import { AssignmentInfeasible, assignReviews, bradleyTerry, rankTeams, weightedTotal, zScores } from './judging';

let highs: HighsSolver;
beforeAll(async () => {
  highs = (await loadHighs()) as unknown as HighsSolver;
});

const instance = fc
  .record({ teams: fc.integer({ min: 1, max: 9 }), judges: fc.integer({ min: 1, max: 7 }), k: fc.integer({ min: 1, max: 4 }), seed: fc.integer() })
  .chain((s) =>
    fc.record({
      teams: fc.constant(Array.from({ length: s.teams }, (_, i) => `t${i}`)),
      judges: fc.constant(Array.from({ length: s.judges }, (_, i) => `j${i}`)),
      k: fc.constant(s.k),
      seed: fc.constant(s.seed),
      conflicts: fc.uniqueArray(fc.record({ judge: fc.nat(s.judges - 1).map((i) => `j${i}`), team: fc.nat(s.teams - 1).map((i) => `t${i}`) }), {
        maxLength: s.teams * s.judges,
        selector: (c) => `${c.judge}/${c.team}`,
      }),
    }),
  );

/** Whether loads between low and high exist, as an integer programme (HiGHS): an independent check of the flow. */
function feasible(teams: string[], judges: string[], conflicts: Array<{ judge: string; team: string }>, k: number, low: number, high: number) {
  const banned = new Set(conflicts.map((c) => `${c.judge}/${c.team}`));
  const vars: Array<{ t: number; j: number }> = [];
  for (const [ti, t] of teams.entries()) for (const [ji, j] of judges.entries()) if (!banned.has(`${j}/${t}`)) vars.push({ t: ti, j: ji });
  const v = (i: number) => `x${i}`;
  const sum = (pick: (x: { t: number; j: number }) => boolean) => vars.flatMap((x, i) => (pick(x) ? [v(i)] : [])).join(' + ');
  const rows: string[] = [];
  for (let t = 0; t < teams.length; t++) {
    const s = sum((x) => x.t === t);
    if (!s) return false;
    rows.push(`t${t}: ${s} = ${k}`);
  }
  for (let j = 0; j < judges.length; j++) {
    const s = sum((x) => x.j === j);
    if (!s) {
      if (low > 0) return false;
      continue;
    }
    rows.push(`lo${j}: ${s} >= ${low}`, `hi${j}: ${s} <= ${high}`);
  }
  if (vars.length === 0) return false;
  const lp = `Minimize\n obj: 0 ${v(0)}\nSubject To\n ${rows.join('\n ')}\nBinary\n ${vars.map((_, i) => v(i)).join(' ')}\nEnd`;
  return highs.solve(lp, { output_flag: false }).Status === 'Optimal';
}

describe('judging engine: assignment', () => {
  it('gives every submission exactly k reviews from k judges, never across a conflict, with loads within one whenever that is possible', () => {
    fc.assert(
      fc.property(instance, ({ teams, judges, conflicts, k, seed }) => {
        let result: ReturnType<typeof assignReviews>;
        try {
          result = assignReviews({ teams, judges, conflicts, reviewsPerSubmission: k, seed });
        } catch (e) {
          expect(e).toBeInstanceOf(AssignmentInfeasible);
          // Refused only when no assignment at all exists.
          expect(feasible(teams, judges, conflicts, k, 0, teams.length)).toBe(false);
          return;
        }
        const banned = new Set(conflicts.map((c) => `${c.judge}/${c.team}`));
        for (const t of teams) {
          const mine = result.filter((a) => a.team === t);
          expect(mine).toHaveLength(k);
          expect(new Set(mine.map((a) => a.judge)).size).toBe(k);
        }
        expect(result.filter((a) => banned.has(`${a.judge}/${a.team}`))).toEqual([]);
        const loads = judges.map((j) => result.filter((a) => a.judge === j).length);
        const spread = Math.max(...loads) - Math.min(...loads);
        const mean = (teams.length * k) / judges.length;
        if (spread > 1) expect(feasible(teams, judges, conflicts, k, Math.floor(mean), Math.ceil(mean))).toBe(false);
        // Never a larger top load than needed.
        const top = Math.max(...loads);
        if (top > Math.ceil(mean)) expect(feasible(teams, judges, conflicts, k, 0, top - 1)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('says which team cannot be served, and refuses more reviews than judges', () => {
    expect(() => assignReviews({ teams: ['t'], judges: ['a'], conflicts: [], reviewsPerSubmission: 2 })).toThrow(/au moins 2 jurés/);
    try {
      assignReviews({ teams: ['t1', 't2'], judges: ['a', 'b'], conflicts: [{ judge: 'a', team: 't2' }], reviewsPerSubmission: 2 });
      expect.unreachable();
    } catch (e) {
      expect((e as AssignmentInfeasible).teamId).toBe('t2');
    }
  });

  it('is balanced exactly on a plain instance (12 teams, 5 judges, 3 reviews: loads 7 or 8)', () => {
    const teams = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const a = assignReviews({ teams, judges: ['a', 'b', 'c', 'd', 'e'], conflicts: [], reviewsPerSubmission: 3 });
    const loads = ['a', 'b', 'c', 'd', 'e'].map((j) => a.filter((x) => x.judge === j).length).sort();
    expect(loads).toEqual([7, 7, 7, 7, 8]);
  });
});

const criteria = [
  { id: 'impact', weight: 3 },
  { id: 'faisabilite', weight: 2 },
  { id: 'equipe', weight: 1 },
];
const score = fc.integer({ min: 1, max: 5 });
const reviews = fc.array(
  fc.record({
    judge: fc.constantFrom('a', 'b', 'c'),
    team: fc.constantFrom('t1', 't2', 't3', 't4'),
    scores: fc.record({ impact: score, faisabilite: score, equipe: score }),
  }),
  { maxLength: 20 },
);

describe('judging engine: normalisation', () => {
  it('weights the rubric', () => {
    expect(weightedTotal(criteria, { impact: 5, faisabilite: 2, equipe: 2 })).toBe(3.5);
  });

  it('does not move when a judge rescales their scores (a > 0, any b)', () => {
    fc.assert(
      fc.property(reviews, fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (rs, a, b) => {
        const teams = ['t1', 't2', 't3', 't4'];
        const before = rankTeams({ teams, criteria, reviews: rs });
        const shifted = rs.map((r) => (r.judge === 'a' ? { ...r, scores: Object.fromEntries(Object.entries(r.scores).map(([c, s]) => [c, a * s + b])) } : r));
        const after = rankTeams({ teams, criteria, reviews: shifted });
        for (const t of teams) {
          const x = before.find((r) => r.team === t);
          const y = after.find((r) => r.team === t);
          expect(y?.reviews).toBe(x?.reviews);
          if (x?.normalised === null) expect(y?.normalised).toBeNull();
          else expect(y?.normalised).toBeCloseTo(x?.normalised as number, 6);
        }
      }),
    );
  });

  it('gives each judge’s z-scores mean 0 and, when they vary, standard deviation 1', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ judge: fc.constantFrom('a', 'b'), total: fc.double({ min: 1, max: 5, noNaN: true }) }), { minLength: 1 }), (rs) => {
        const z = zScores(rs);
        for (const j of ['a', 'b']) {
          const mine = z.filter((_, i) => rs[i]?.judge === j);
          if (mine.length === 0) continue;
          const mean = mine.reduce((s, x) => s + x, 0) / mine.length;
          expect(Math.abs(mean)).toBeLessThan(1e-6);
          const sd = Math.sqrt(mine.reduce((s, x) => s + x * x, 0) / mine.length);
          expect(sd < 1e-6 || Math.abs(sd - 1) < 1e-6).toBe(true);
        }
      }),
    );
  });

  it('corrects a generous judge: the raw ranking follows who reviewed, the normalised one the judges’ order', () => {
    // Judge a gives 5 and 4, judge b gives 2 and 1: t1 beats t2 for a, t3 beats t4 for b.
    const s = (n: number) => ({ impact: n, faisabilite: n, equipe: n });
    const ranking = rankTeams({
      teams: ['t1', 't2', 't3', 't4'],
      criteria,
      reviews: [
        { judge: 'a', team: 't1', scores: s(5) },
        { judge: 'a', team: 't2', scores: s(4) },
        { judge: 'b', team: 't3', scores: s(2) },
        { judge: 'b', team: 't4', scores: s(1) },
      ],
    });
    expect(ranking.map((r) => r.team)).toEqual(['t1', 't3', 't2', 't4']);
    expect(ranking.find((r) => r.team === 't3')?.raw).toBe(2);
    expect(ranking.find((r) => r.team === 't2')?.raw).toBe(4);
  });
});

describe('judging engine: Bradley–Terry', () => {
  it('ranks a team that beats another above it, and does not depend on the order of the comparisons', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ winner: fc.constantFrom('a', 'b', 'c', 'd'), loser: fc.constantFrom('a', 'b', 'c', 'd') }), { maxLength: 30 }), (cs) => {
        const teams = ['a', 'b', 'c', 'd'];
        const one = bradleyTerry(teams, cs);
        const two = bradleyTerry(teams, [...cs].reverse());
        for (const t of teams) expect(two.get(t)).toBeCloseTo(one.get(t) as number, 6);
        expect([...one.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(0, 9);
        // One more win for x over y never lowers x relative to y.
        const more = bradleyTerry(teams, [...cs, { winner: 'a', loser: 'b' }]);
        expect((more.get('a') as number) - (more.get('b') as number)).toBeGreaterThanOrEqual((one.get('a') as number) - (one.get('b') as number) - 1e-9);
      }),
    );
  });

  it('orders a chain of wins', () => {
    const bt = bradleyTerry(
      ['a', 'b', 'c'],
      [
        { winner: 'a', loser: 'b' },
        { winner: 'b', loser: 'c' },
        { winner: 'a', loser: 'c' },
      ],
    );
    expect((bt.get('a') as number) > (bt.get('b') as number) && (bt.get('b') as number) > (bt.get('c') as number)).toBe(true);
  });
});
