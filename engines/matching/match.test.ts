import fc from 'fast-check';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineInputError } from '../errors';
import type { HighsSolver } from '../scheduling/exact';
import { exclusion, prepare } from './criteria';
import { randomMatchInstance } from './generate';
import { typo } from '../../shared/text';
import { match } from './match';
import { tokens } from './text';

let highs: HighsSolver;
beforeAll(async () => {
  highs = (await loadHighs()) as unknown as HighsSolver;
});

describe('matching engine', () => {
  const example = {
    left: [
      {
        id: 'proj1',
        themes: ['economie-circulaire'],
        territory: { commune: '73065', epci: '200069110', departement: '73', region: '84' },
        stage: 'development' as const,
        amount: 300000,
        instruments: ['loan' as const],
        text: 'Réemploi des matériaux de construction et recyclage des déchets du bâtiment',
        capacity: 3,
      },
    ],
    right: [
      {
        id: 'fund1',
        themes: ['economie-circulaire'],
        territories: ['region:84'],
        stages: ['development' as const],
        ticketMin: 100000,
        ticketMax: 2000000,
        instruments: ['loan' as const, 'equity' as const],
        text: 'Fonds pour le recyclage et le réemploi des matériaux',
        capacity: 20,
      },
      { id: 'fund2', themes: ['logement'], territories: [], ticketMin: 50000, ticketMax: 500000, text: 'Logement social' },
      { id: 'tooBig', ticketMin: 1000000, ticketMax: 5000000 },
      { id: 'equityOnly', instruments: ['equity' as const] },
      { id: 'elsewhere', territories: ['region:11'] },
      { id: 'earlyOnly', stages: ['idea' as const] },
    ],
  };

  it('ranks, explains in French and excludes what the hard rules forbid', () => {
    const out = match(example);
    const cands = out.left[0]?.candidates ?? [];
    expect(cands.map((c) => c.right)).toEqual(['fund1', 'fund2']);
    expect(out.left[0]?.excluded).toBe(4);
    const best = cands[0];
    const detail = Object.fromEntries(best?.reasons.map((r) => [r.criterion, r.detail]) ?? []);
    // Plain French in French typography: themes named, words as written, no-break spaces.
    expect(detail.ticket).toBe('ticket 100\u00A0k€–2\u00A0M€ couvre le besoin de 300\u00A0k€');
    expect(detail.territory).toBe('même région (84)');
    expect(detail.theme).toBe('1 thème commun sur 1\u202F: économie circulaire');
    expect(detail.text).toMatch(/^descriptions proches \(similarité 0,\d+\u202F: (réemploi|matériaux|recyclage)(, (réemploi|matériaux|recyclage))*\)$/);
    expect(cands[1]?.reasons.find((r) => r.criterion === 'stage')?.detail).toBe('aucun stade exclu');
    for (const c of out.left[0]?.candidates ?? []) for (const r of c.reasons) expect(typo(r.detail)).toBe(r.detail);
    expect(out.right[0]?.candidates[0]?.left).toBe('proj1');
    expect(out.assignment?.pairs.sort((x, y) => x.right.localeCompare(y.right))).toEqual([
      { left: 'proj1', right: 'fund1', score: best?.score },
      { left: 'proj1', right: 'fund2', score: cands[1]?.score },
    ]);
  });

  it('stems French words', () => {
    expect(tokens('Les recycleries solidaires du Réemploi')).toEqual(['recycler', 'solidair', 'reemploi']);
  });

  it('adds up contributions exactly and never breaks a hard rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 15 }), fc.integer(), fc.integer({ min: 1, max: 5 }), (nl, nr, seed, k) => {
        const input = randomMatchInstance(nl, nr, seed);
        const out = match({ ...input, options: { k } });
        const { L, R } = prepare(input.left, input.right);
        const rIndex = new Map(input.right.map((r, i) => [r.id, i]));
        for (const [l, item] of out.left.entries()) {
          expect(item.candidates.length).toBeLessThanOrEqual(k);
          for (const c of item.candidates) {
            expect(c.reasons.reduce((s, r) => s + r.contribution, 0)).toBe(c.score);
            expect(Number.isInteger(c.score)).toBe(true);
            expect(exclusion(L[l] as never, R[rIndex.get(c.right) as number] as never)).toBeNull();
          }
          const scores = item.candidates.map((c) => c.score);
          expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('finds the assignment HiGHS proves optimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (nl, nr, seed) => {
        const input = randomMatchInstance(nl, nr, seed);
        const out = match({ ...input, options: { k: nr } });
        // The same problem as a 0/1 program over every admissible pair.
        const pairs = out.left.flatMap((l, li) => l.candidates.map((c) => ({ li, ri: input.right.findIndex((r) => r.id === c.right), w: c.score })));
        const vars = pairs.map((_, i) => `x${i}`);
        const rows: string[] = [];
        input.left.forEach((l, li) => {
          const v = pairs.flatMap((p, i) => (p.li === li ? [vars[i]] : []));
          if (v.length) rows.push(`l${li}: ${v.join(' + ')} <= ${l.capacity ?? 1}`);
        });
        input.right.forEach((r, ri) => {
          const v = pairs.flatMap((p, i) => (p.ri === ri ? [vars[i]] : []));
          if (v.length) rows.push(`r${ri}: ${v.join(' + ')} <= ${r.capacity ?? 1}`);
        });
        const lp = pairs.length
          ? `Maximize\n obj: ${pairs.map((p, i) => `${p.w} ${vars[i]}`).join(' + ')}\nSubject To\n ${rows.join('\n ')}\nBinary\n ${vars.join(' ')}\nEnd`
          : '';
        const optimum = lp ? highs.solve(lp, { output_flag: false }).ObjectiveValue : 0;
        expect(out.assignment?.totalScore).toBeCloseTo(optimum, 6);
        expect(out.assignment?.edges).toBe('all');
      }),
      { numRuns: 60 },
    );
  });

  it('computes a stable matching with capacities', () => {
    const out = match({
      left: [
        { id: 'a', ranking: ['x', 'y'] },
        { id: 'b', ranking: ['x', 'y'] },
        { id: 'c', ranking: ['y', 'x'] },
      ],
      right: [
        { id: 'x', capacity: 1, ranking: ['b', 'a', 'c'] },
        { id: 'y', capacity: 2, ranking: ['a', 'c', 'b'] },
      ],
      options: { stable: true },
    });
    const pairs = out.stable?.pairs.map((p) => `${p.left}-${p.right}`).sort();
    expect(pairs).toEqual(['a-y', 'b-x', 'c-y']);
  });

  it('names each offending item of an invalid input', () => {
    try {
      match({ left: [{ id: 'a' }, { id: 'a' }], right: [{ id: 'f', ticketMin: 10, ticketMax: 5 }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineInputError);
      expect((e as EngineInputError).issues.map((i) => i.path)).toEqual(['left[1].id', 'right[0].ticketMax']);
    }
    expect(() => match({ left: [{ id: 'a', stage: 'growth' }], right: [] })).toThrow(EngineInputError);
  });
});

describe('any matching input', () => {
  it('gives recommendations or a named input error, never a crash', () => {
    const item = fc.record(
      {
        id: fc.constantFrom('a', 'b', 'c'),
        themes: fc.array(fc.string(), { maxLength: 2 }),
        amount: fc.double(),
        ticketMin: fc.double(),
        ticketMax: fc.double(),
        text: fc.string(),
        territories: fc.array(fc.string(), { maxLength: 2 }),
        capacity: fc.integer({ min: -1, max: 3 }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.record({ left: fc.array(item, { maxLength: 3 }), right: fc.array(item, { maxLength: 3 }) }), fc.anything()), (raw) => {
        try {
          const out = match(raw);
          for (const l of out.left) for (const c of l.candidates) expect(c.reasons.reduce((s, r) => s + r.contribution, 0)).toBe(c.score);
        } catch (err) {
          expect(err).toBeInstanceOf(EngineInputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
