import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ballot, ballotProblem, count, schulze } from './voting';

/** `n` copies of a ballot written as letters (`'ACBED'`). */
const times = (n: number, order: string) => Array.from({ length: n }, () => order.split(''));

describe('Schulze method', () => {
  // Wikipedia's « Schulze method » worked example (and Schulze 2011, § 3.1): 45 voters, 5 candidates.
  const ballots = [
    ...times(5, 'ACBED'),
    ...times(5, 'ADECB'),
    ...times(8, 'BEDAC'),
    ...times(3, 'CABED'),
    ...times(7, 'CAEBD'),
    ...times(2, 'CBADE'),
    ...times(7, 'DCEBA'),
    ...times(8, 'EBADC'),
  ];
  const options = ['A', 'B', 'C', 'D', 'E'];

  it('finds the published pairwise preferences, strongest paths, winner E and order E > A > C > B > D', () => {
    const s = schulze(options, ballots);
    expect(s.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(s.strongest).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(s.winners).toEqual(['E']);
    expect(s.ranking.map((r) => r.id)).toEqual(['E', 'A', 'C', 'B', 'D']);
    expect(s.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a perfect tie as several winners sharing the first rank, and adopts nothing', () => {
    const r = count({ pollType: 'ranked', options: [{ id: 'a' }, { id: 'b' }], quorum: 0 }, [{ ranking: ['a', 'b'] }, { ranking: ['b', 'a'] }], 2);
    expect(r.winners).toEqual(['a', 'b']);
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 1]);
    expect(r.adopted).toBe(false);
  });

  it('ranks options a ballot leaves out below those it ranks', () => {
    expect(schulze(['a', 'b', 'c'], [['c']]).winners).toEqual(['c']);
  });

  const rankings = (n: number) =>
    fc.array(
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => `o${i}`),
        { minLength: 1 },
      ),
      { minLength: 1, maxLength: 40 },
    );

  it('always has at least one winner, each an option', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), rankings(n))),
        ([n, bs]) => {
          const opts = Array.from({ length: n }, (_, i) => `o${i}`);
          const w = schulze(opts, bs).winners;
          return w.length >= 1 && w.every((x) => opts.includes(x));
        },
      ),
    );
  });

  it('elects the Condorcet winner whenever there is one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) => fc.tuple(fc.constant(n), rankings(n))),
        ([n, bs]) => {
          const opts = Array.from({ length: n }, (_, i) => `o${i}`);
          const { pairwise, winners } = schulze(opts, bs);
          const condorcet = opts.findIndex((_, i) => opts.every((_, j) => i === j || (pairwise[i]?.[j] as number) > (pairwise[j]?.[i] as number)));
          return condorcet === -1 || (winners.length === 1 && winners[0] === opts[condorcet]);
        },
      ),
    );
  });

  it('gives the same result whatever the order of the ballots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), rankings(n), fc.integer())),
        ([n, bs, seed]) => {
          const poll = { pollType: 'ranked' as const, options: Array.from({ length: n }, (_, i) => ({ id: `o${i}` })), quorum: 0.5 };
          const ballots: Ballot[] = bs.map((r) => ({ ranking: r }));
          // A deterministic shuffle from the seed.
          const shuffled = ballots
            .map((b, i) => ({ b, k: Math.sin(seed + i) }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.b);
          expect(count(poll, shuffled, 50)).toEqual(count(poll, ballots, 50));
        },
      ),
    );
  });
});

describe('consent', () => {
  const poll = { pollType: 'consent' as const, options: [], quorum: 0.5 };
  const ballots = (...ps: Array<'agree' | 'abstain' | 'disagree' | 'block'>): Ballot[] => ps.map((position) => ({ position }));

  it('adopts when more agree than disagree and nobody blocks', () => {
    const r = count(poll, ballots('agree', 'agree', 'disagree', 'abstain'), 6);
    expect(r).toMatchObject({ method: 'consent', adopted: true, winners: ['agree'], quorumMet: true, turnout: { voted: 4, eligible: 6 } });
    expect(r.rounds).toEqual([{ kind: 'tally', counts: { agree: 2, abstain: 1, disagree: 1, block: 0 } }]);
  });

  it('lets one block stop adoption, whatever the others say', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('agree' as const, 'abstain' as const, 'disagree' as const)), (others) => {
        expect(count({ ...poll, quorum: 0 }, ballots(...others, 'block'), others.length + 1).adopted).toBe(false);
      }),
    );
  });

  it('adopts nothing when the quorum is not met', () => {
    const r = count(poll, ballots('agree', 'agree'), 5);
    expect(r.quorumMet).toBe(false);
    expect(r.adopted).toBe(false);
    expect(count(poll, [], 0)).toMatchObject({ quorumMet: false, adopted: false, turnout: { share: 0 } });
  });

  it('meets a quorum of two thirds with two voters of three', () => {
    expect(count({ ...poll, quorum: 2 / 3 }, ballots('agree', 'agree'), 3).quorumMet).toBe(true);
  });
});

describe('choice and score', () => {
  const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('counts a single choice, and a tie as two winners without adoption', () => {
    const poll = { pollType: 'choice' as const, options, quorum: 0 };
    expect(count(poll, [{ optionIds: ['a'] }, { optionIds: ['a'] }, { optionIds: ['b'] }], 3)).toMatchObject({
      method: 'plurality',
      winners: ['a'],
      adopted: true,
    });
    const tie = count(poll, [{ optionIds: ['a'] }, { optionIds: ['b'] }], 3);
    expect(tie.winners).toEqual(['a', 'b']);
    expect(tie.adopted).toBe(false);
  });

  it('counts several choices per ballot (approval)', () => {
    const poll = { pollType: 'choice' as const, options, maxChoices: 2, quorum: 0 };
    const r = count(poll, [{ optionIds: ['a', 'b'] }, { optionIds: ['b', 'c'] }], 2);
    expect(r).toMatchObject({ method: 'approval', winners: ['b'] });
    expect(r.rounds[0]).toEqual({ kind: 'tally', counts: { a: 1, b: 2, c: 1 } });
  });

  it('adds scores, with their means', () => {
    const poll = { pollType: 'score' as const, options, quorum: 0 };
    const r = count(poll, [{ scores: { a: 5, b: 2, c: 0 } }, { scores: { a: 1, b: 5, c: 0 } }], 2);
    expect(r.winners).toEqual(['b']);
    expect(r.rounds[0]).toEqual({ kind: 'scores', totals: { a: 6, b: 7, c: 0 }, means: { a: 3, b: 3.5, c: 0 } });
  });

  it('checks ballots against their poll', () => {
    expect(ballotProblem({ pollType: 'choice', options, quorum: 0 }, { optionIds: ['a', 'b'] })).toBe('Choisissez une seule option.');
    expect(ballotProblem({ pollType: 'choice', options, quorum: 0 }, { optionIds: ['z'] })).toMatch(/n’existe pas/);
    expect(ballotProblem({ pollType: 'score', options, quorum: 0 }, { scores: { a: 6, b: 0, c: 0 } })).toMatch(/0 à 5/);
    expect(ballotProblem({ pollType: 'score', options, quorum: 0 }, { scores: { a: 1 } })).toMatch(/chaque option/);
    expect(ballotProblem({ pollType: 'ranked', options, quorum: 0 }, { ranking: ['a', 'a'] })).toMatch(/deux fois/);
    expect(ballotProblem({ pollType: 'consent', options, quorum: 0 }, { ranking: ['a'] })).toMatch(/position/);
    expect(ballotProblem({ pollType: 'ranked', options, quorum: 0 }, { ranking: ['c', 'a'] })).toBeNull();
  });
});
