import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HighsSolver } from '../scheduling/exact';
import { randomSponsoringInstance } from './generate';
import { explainPair, propose, rankCandidates, remainingOf, WEIGHTS } from './sponsoring';

let highs: HighsSolver;
beforeAll(async () => {
  highs = (await loadHighs()) as unknown as HighsSolver;
});

/** The optimum of the same problem as an integer programme (HiGHS). */
function optimum(inst: ReturnType<typeof randomSponsoringInstance>) {
  const vars: Array<{ l: number; r: number; w: number }> = [];
  inst.needs.forEach((n, l) => {
    inst.sponsors.forEach((s, r) => {
      const e = explainPair(n, s);
      if (e && e.score > 0) vars.push({ l, r, w: e.score });
    });
  });
  if (vars.length === 0) return 0;
  const v = (i: number) => `x${i}`;
  const rows = [
    ...inst.needs.map((_, l) => `n${l}: ${vars.flatMap((x, i) => (x.l === l ? [v(i)] : [])).join(' + ') || '0 x0'} <= 1`),
    ...inst.sponsors.map((s, r) => `s${r}: ${vars.flatMap((x, i) => (x.r === r ? [v(i)] : [])).join(' + ') || '0 x0'} <= ${remainingOf(s)}`),
  ];
  const lp = `Maximize\n obj: ${vars.map((x, i) => `${x.w} ${v(i)}`).join(' + ')}\nSubject To\n ${rows.join('\n ')}\nBinary\n ${vars.map((_, i) => v(i)).join(' ')}\nEnd`;
  return highs.solve(lp, { output_flag: false }).ObjectiveValue;
}

describe('sponsoring engine', () => {
  it('explains every score: the contributions add up to it, and none exceeds its weight', () => {
    const { needs, sponsors } = randomSponsoringInstance(30, 20, 7);
    for (const n of needs)
      for (const c of rankCandidates(n, sponsors)) {
        expect(c.reasons.reduce((s, r) => s + r.contribution, 0)).toBe(c.score);
        for (const r of c.reasons) expect(r.contribution).toBeLessThanOrEqual(WEIGHTS[r.criterion]);
        expect(c.reasons.every((r) => r.detail.length > 0)).toBe(true);
      }
  });

  it('excludes sponsors without matching expertise, at capacity or paused', () => {
    const need = { id: 'n', categories: ['utilite-publique'], administrationIds: [], territories: ['region:52'] };
    const base = { id: 's', administrationId: 'a', expertise: ['utilite-publique'], territories: [], capacity: 2, load: 0, active: 0 };
    expect(explainPair(need, base)?.score).toBe(450 + 100 + 75 + 100 + 100);
    expect(explainPair(need, { ...base, expertise: ['numerique'] })).toBeNull();
    expect(explainPair(need, { ...base, load: 2 })).toBeNull();
    expect(explainPair(need, { ...base, paused: true })).toBeNull();
    expect(explainPair({ ...need, administrationIds: ['a'] }, { ...base, territories: ['region:52'] })?.score).toBe(1000);
  });

  it('proposes the assignment of greatest total score (equal to the HiGHS optimum), within every capacity', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const inst = randomSponsoringInstance(40 + seed * 7, 12, seed);
      const out = propose(inst.needs, inst.sponsors, { k: 2 });
      expect(out.totalScore, `seed ${seed}`).toBe(optimum(inst));
      const perSponsor = new Map<number, number>();
      for (const p of out.pairs) perSponsor.set(p.sponsor, (perSponsor.get(p.sponsor) ?? 0) + 1);
      for (const [r, n] of perSponsor) expect(n).toBeLessThanOrEqual(remainingOf(inst.sponsors[r] as never));
      expect(new Set(out.pairs.map((p) => p.need)).size).toBe(out.pairs.length);
    }
  });

  it('offers a stable matching: no need and sponsor would both rather be together', () => {
    const inst = randomSponsoringInstance(50, 15, 9);
    const out = propose(inst.needs, inst.sponsors, { method: 'stable' });
    const score = (l: number, r: number) => explainPair(inst.needs[l] as never, inst.sponsors[r] as never)?.score ?? -1;
    const mine = new Map(out.pairs.map((p) => [p.need, p]));
    const held = new Map<number, number[]>();
    for (const p of out.pairs) held.set(p.sponsor, [...(held.get(p.sponsor) ?? []), p.need]);
    inst.needs.forEach((_, l) => {
      inst.sponsors.forEach((s, r) => {
        const w = score(l, r);
        if (w <= 0) return;
        const current = mine.get(l);
        if (current && current.score >= w) return;
        const list = held.get(r) ?? [];
        const full = list.length >= remainingOf(s);
        // Blocking: the need prefers r, and r has room or holds a need it likes less.
        expect(full && list.every((x) => score(x, r) >= w), `need ${l} and sponsor ${r} would rather be together`).toBe(true);
      });
    });
    expect(out.totalScore).toBeLessThanOrEqual(propose(inst.needs, inst.sponsors).totalScore);
  });
});
