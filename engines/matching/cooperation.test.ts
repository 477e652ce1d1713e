import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GiverCandidate, type Place, proximity, rankGivers, rankIdeas, wouldCycle } from './cooperation';

const themePool = ['tiers-lieux', 'logement', 'sante', 'emploi', 'mobilite', 'alimentation'];
const theme = fc.constantFrom(...themePool);
const place: fc.Arbitrary<Place> = fc.record({
  departement: fc.constantFrom('46', '73', '69', '12'),
  region: fc.constantFrom('76', '84'),
});
const candidate: fc.Arbitrary<GiverCandidate> = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('ETIC', 'Figeacteurs', 'Grand Chambéry', 'Pays de Redon', 'Lille'),
  themes: fc.uniqueArray(theme, { maxLength: 4 }),
  proven: fc.array(fc.record({ title: fc.string({ minLength: 1, maxLength: 8 }), themes: fc.uniqueArray(theme, { maxLength: 3 }) }), { maxLength: 5 }),
  places: fc.array(place, { maxLength: 3 }),
  transfersDone: fc.nat(5),
});
const need = fc.record({ receiverId: fc.uuid(), themes: fc.uniqueArray(theme, { maxLength: 3 }), places: fc.array(place, { maxLength: 2 }) });

describe('rankGivers', () => {
  it('scores within 0–100, sorted, never the receiver, each reason’s points adding up to the score', () => {
    fc.assert(
      fc.property(need, fc.array(candidate, { maxLength: 12 }), (n, cs) => {
        const withReceiver = [...cs, { ...(cs[0] ?? { name: 'X', themes: [], proven: [], places: [], transfersDone: 0 }), id: n.receiverId }];
        const out = rankGivers(n, withReceiver);
        expect(out.some((r) => r.id === n.receiverId)).toBe(false);
        for (let i = 1; i < out.length; i++) expect((out[i - 1] as { score: number }).score).toBeGreaterThanOrEqual((out[i] as { score: number }).score);
        for (const r of out) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(Math.abs(r.reasons.reduce((s, x) => s + x.points, 0) - r.score)).toBeLessThan(0.3);
        }
      }),
    );
  });

  it('never ranks a candidate lower for covering one more of the needed themes', () => {
    fc.assert(
      fc.property(need, candidate, (n, c) => {
        const missing = n.themes.find((t) => !c.themes.includes(t));
        fc.pre(missing !== undefined);
        const before = rankGivers(n, [c])[0]?.score ?? 0;
        const after = rankGivers(n, [{ ...c, themes: [...c.themes, missing as string] }])[0]?.score ?? 0;
        expect(after).toBeGreaterThan(before);
      }),
    );
  });

  it('prefers a neighbour to a distant collective, all else equal, and says why', () => {
    const base = { themes: ['tiers-lieux'], proven: [{ title: 'Tiers-lieu', themes: ['tiers-lieux'] }], transfersDone: 1 };
    const out = rankGivers({ receiverId: 'k0', themes: ['tiers-lieux'], places: [{ departement: '46', region: '76' }] }, [
      { ...base, id: 'far', name: 'Loin', places: [{ departement: '59', region: '32' }] },
      { ...base, id: 'near', name: 'Près', places: [{ departement: '12', region: '76' }] },
    ]);
    expect(out.map((r) => r.id)).toEqual(['near', 'far']);
    expect(out[0]?.reasons.map((r) => r.text)).toEqual([
      'Thématiques en commun : tiers-lieux',
      '1 projet éprouvé : Tiers-lieu ; 1 transfert déjà mené',
      'Sur la même région',
    ]);
  });
});

describe('proximity', () => {
  it('is symmetric and at least the national value', () => {
    fc.assert(
      fc.property(fc.array(place, { maxLength: 3 }), fc.array(place, { maxLength: 3 }), (a, b) => {
        expect(proximity(a, b).value).toBe(proximity(b, a).value);
        expect(proximity(a, b).value).toBeGreaterThanOrEqual(0.2);
      }),
    );
  });
});

describe('rankIdeas', () => {
  it('keeps only projects that answer a need, best first, with scores within 0–100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(theme, fc.nat(10)), { maxLength: 6 }),
        fc.array(fc.record({ id: fc.uuid(), title: fc.string({ maxLength: 6 }), themes: fc.uniqueArray(theme, { maxLength: 3 }) }), { maxLength: 10 }),
        (pairs, projects) => {
          const needs = new Map(pairs);
          const out = rankIdeas(needs, projects);
          for (const r of out) {
            expect(r.score).toBeGreaterThan(0);
            expect(r.score).toBeLessThanOrEqual(100);
            const p = projects.find((x) => x.id === r.id);
            expect(p?.themes.some((t) => (needs.get(t) ?? 0) > 0)).toBe(true);
          }
          for (let i = 1; i < out.length; i++) expect((out[i - 1] as { score: number }).score).toBeGreaterThanOrEqual((out[i] as { score: number }).score);
        },
      ),
    );
  });
});

describe('wouldCycle', () => {
  it('refuses a project as its own source and any edge that closes a loop; accepts the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 12 }), fc.nat(8), fc.nat(8), (edges, a, b) => {
        // Build an acyclic forest by adding only the edges the function accepts.
        const sourceOf = new Map<string, string>();
        for (const [r, s] of edges) if (!sourceOf.has(`${r}`) && !wouldCycle(sourceOf, `${r}`, `${s}`)) sourceOf.set(`${r}`, `${s}`);
        // The forest has no cycle: every chain ends.
        for (const start of sourceOf.keys()) {
          const seen = new Set<string>();
          for (let at: string | undefined = start; at !== undefined; at = sourceOf.get(at)) {
            expect(seen.has(at)).toBe(false);
            seen.add(at);
          }
        }
        // An edge is refused exactly when the source's chain reaches the replica.
        const chain: string[] = [];
        for (let at: string | undefined = `${b}`; at !== undefined && !chain.includes(at); at = sourceOf.get(at)) chain.push(at);
        expect(wouldCycle(sourceOf, `${a}`, `${b}`)).toBe(chain.includes(`${a}`));
      }),
    );
  });
});
