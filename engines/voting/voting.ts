/**
 * Counting the votes of a collective decision, as Loomio's poll types do:
 * consent (a block stops adoption), choice (one or several options), score
 * (0–5 per option) and ranked choice counted by the Schulze method. Pure: the
 * ballots, the options and the number of voters come in, the result goes out;
 * no clock, no I/O. The result does not depend on the order of the ballots.
 */

import { type ConsentPosition, consentPositions, type PollType } from '../../shared/vocabulary';

export { type ConsentPosition, consentPositions, type PollType, pollTypes } from '../../shared/vocabulary';

/** One voter's ballot, by poll type. */
export type Ballot =
  | { position: ConsentPosition }
  | { optionIds: readonly string[] }
  | { scores: Readonly<Record<string, number>> }
  | { ranking: readonly string[] };

/** The count of one option (or consent position), in the order of the ranking. */
export interface Ranked {
  id: string;
  /** 1 for the first; options with equal standing share their rank. */
  rank: number;
  /** Votes (consent, choice), total score (score), options beaten (Schulze). */
  value: number;
}

/** What the count went through, to show beside the result. */
export type Round =
  | { kind: 'tally'; counts: Record<string, number> }
  | { kind: 'scores'; totals: Record<string, number>; means: Record<string, number> }
  /** Schulze: `matrix[i][j]` voters preferring `options[i]` to `options[j]`. */
  | { kind: 'pairwise'; options: string[]; matrix: number[][] }
  /** Schulze: `matrix[i][j]` the strength of the strongest path from `options[i]` to `options[j]`. */
  | { kind: 'strongestPaths'; options: string[]; matrix: number[][] };

export interface PollResult {
  method: 'consent' | 'plurality' | 'approval' | 'score' | 'schulze';
  /** Option ids (consent: `['agree']` when adopted); several on a tie. */
  winners: string[];
  ranking: Ranked[];
  rounds: Round[];
  turnout: { voted: number; eligible: number; share: number };
  quorumMet: boolean;
  adopted: boolean;
}

export interface Poll {
  pollType: PollType;
  options: ReadonlyArray<{ id: string }>;
  /** Choice: how many options a ballot may name (1: a single choice). */
  maxChoices?: number;
  /** Share of the voters who must vote for the result to count, 0–1. */
  quorum: number;
}

/** Why a ballot does not fit its poll (a French sentence), or null when it does. */
export function ballotProblem(poll: Poll, ballot: Ballot): string | null {
  const ids = new Set(poll.options.map((o) => o.id));
  switch (poll.pollType) {
    case 'consent':
      return 'position' in ballot && consentPositions.includes(ballot.position)
        ? null
        : 'Choisissez une position : d’accord, abstention, pas d’accord ou blocage.';
    case 'choice': {
      if (!('optionIds' in ballot)) return 'Choisissez au moins une option.';
      const max = poll.maxChoices ?? 1;
      if (ballot.optionIds.length === 0) return 'Choisissez au moins une option.';
      if (ballot.optionIds.length > max) return max === 1 ? 'Choisissez une seule option.' : `Choisissez au plus ${max} options.`;
      if (new Set(ballot.optionIds).size !== ballot.optionIds.length) return 'Une option est choisie deux fois.';
      return ballot.optionIds.every((id) => ids.has(id)) ? null : 'Une option choisie n’existe pas dans ce scrutin.';
    }
    case 'score': {
      if (!('scores' in ballot)) return 'Donnez une note de 0 à 5 à chaque option.';
      const entries = Object.entries(ballot.scores);
      if (!entries.every(([id]) => ids.has(id))) return 'Une option notée n’existe pas dans ce scrutin.';
      if (!entries.every(([, s]) => Number.isInteger(s) && s >= 0 && s <= 5)) return 'Chaque note est un entier de 0 à 5.';
      return entries.length === ids.size ? null : 'Donnez une note de 0 à 5 à chaque option.';
    }
    case 'ranked': {
      if (!('ranking' in ballot) || ballot.ranking.length === 0) return 'Classez au moins une option.';
      if (new Set(ballot.ranking).size !== ballot.ranking.length) return 'Une option est classée deux fois.';
      return ballot.ranking.every((id) => ids.has(id)) ? null : 'Une option classée n’existe pas dans ce scrutin.';
    }
  }
}

/** Ranks by value, highest first; equal values share a rank (1, 1, 3…); ties keep the options' order. */
function rankBy(ids: readonly string[], value: (id: string) => number): Ranked[] {
  const sorted = ids.map((id, i) => ({ id, i, value: value(id) })).sort((a, b) => b.value - a.value || a.i - b.i);
  return sorted.map((x) => ({ id: x.id, value: x.value, rank: sorted.findIndex((y) => y.value === x.value) + 1 }));
}

const topOf = (ranking: readonly Ranked[]) => (ranking.length && (ranking[0] as Ranked).value > 0 ? ranking.filter((r) => r.rank === 1).map((r) => r.id) : []);

/**
 * The Schulze method on ranked ballots: pairwise preferences `d`, strongest
 * paths `p` (Floyd–Warshall on widest paths), winners those whom no one beats
 * (`p[i][j] >= p[j][i]` for all j), and the order by how many each beats.
 * Options a ballot leaves out rank together below those it ranks.
 *
 * @example schulze(['a', 'b'], [['a', 'b'], ['a']]).winners // → ['a']
 */
export function schulze(options: readonly string[], ballots: ReadonlyArray<readonly string[]>) {
  const n = options.length;
  const index = new Map(options.map((id, i) => [id, i]));
  const d = options.map(() => options.map(() => 0));
  for (const ballot of ballots) {
    // Position of each option on this ballot; unranked ones after all the ranked ones.
    const pos = options.map(() => ballot.length);
    ballot.forEach((id, k) => {
      const i = index.get(id);
      if (i !== undefined) pos[i] = k;
    });
    for (let i = 0; i < n; i++) {
      const row = d[i] as number[];
      for (let j = 0; j < n; j++) if (i !== j && (pos[i] as number) < (pos[j] as number)) row[j] = (row[j] as number) + 1;
    }
  }
  const p = options.map((_, i) => options.map((_, j) => (i !== j && (d[i]?.[j] ?? 0) > (d[j]?.[i] ?? 0) ? (d[i]?.[j] ?? 0) : 0)));
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const via = Math.min(p[i]?.[k] as number, p[k]?.[j] as number);
        if (via > (p[i]?.[j] as number)) (p[i] as number[])[j] = via;
      }
    }
  const beats = (i: number, j: number) => (p[i]?.[j] as number) > (p[j]?.[i] as number);
  const winners = options.filter((_, i) => options.every((_, j) => i === j || !beats(j, i)));
  const ranking = rankBy(options, (id) => {
    const i = index.get(id) as number;
    return options.filter((_, j) => j !== i && beats(i, j)).length;
  });
  return { pairwise: d, strongest: p, winners, ranking };
}

/**
 * Count a poll: the ballots of those who voted, `eligible` the number of
 * voters. The quorum is a share of the voters; below it nothing is adopted.
 * Consent is adopted when nobody blocks and more agree than disagree; the
 * other types when one option comes first alone.
 *
 * @example count({ pollType: 'consent', options: [], quorum: 0.5 }, [{ position: 'agree' }], 2).adopted // → true
 */
export function count(poll: Poll, ballots: readonly Ballot[], eligible: number): PollResult {
  const voted = ballots.length;
  const share = eligible > 0 ? voted / eligible : 0;
  const turnout = { voted, eligible, share };
  // A tolerance so that a quorum of 2/3 is met by 2 voters of 3 whatever the float rounding.
  const quorumMet = voted > 0 && share + 1e-9 >= poll.quorum;
  const ids = poll.options.map((o) => o.id);
  switch (poll.pollType) {
    case 'consent': {
      const counts = Object.fromEntries(consentPositions.map((c) => [c, 0])) as Record<ConsentPosition, number>;
      for (const b of ballots) if ('position' in b) counts[b.position]++;
      const adopted = quorumMet && counts.block === 0 && counts.agree > counts.disagree;
      return {
        method: 'consent',
        winners: adopted ? ['agree'] : [],
        ranking: rankBy(consentPositions, (c) => counts[c as ConsentPosition]),
        rounds: [{ kind: 'tally', counts: { ...counts } }],
        turnout,
        quorumMet,
        adopted,
      };
    }
    case 'choice': {
      const counts = Object.fromEntries(ids.map((id) => [id, 0])) as Record<string, number>;
      for (const b of ballots) if ('optionIds' in b) for (const id of b.optionIds) if (id in counts) counts[id] = (counts[id] as number) + 1;
      const ranking = rankBy(ids, (id) => counts[id] as number);
      const winners = topOf(ranking);
      return {
        method: (poll.maxChoices ?? 1) > 1 ? 'approval' : 'plurality',
        winners,
        ranking,
        rounds: [{ kind: 'tally', counts }],
        turnout,
        quorumMet,
        adopted: quorumMet && winners.length === 1,
      };
    }
    case 'score': {
      const totals = Object.fromEntries(ids.map((id) => [id, 0])) as Record<string, number>;
      for (const b of ballots) if ('scores' in b) for (const [id, s] of Object.entries(b.scores)) if (id in totals) totals[id] = (totals[id] as number) + s;
      const means = Object.fromEntries(ids.map((id) => [id, voted ? Math.round(((totals[id] as number) / voted) * 100) / 100 : 0]));
      const ranking = rankBy(ids, (id) => totals[id] as number);
      const winners = topOf(ranking);
      return { method: 'score', winners, ranking, rounds: [{ kind: 'scores', totals, means }], turnout, quorumMet, adopted: quorumMet && winners.length === 1 };
    }
    case 'ranked': {
      const s = schulze(
        ids,
        ballots.flatMap((b) => ('ranking' in b ? [b.ranking] : [])),
      );
      const winners = voted ? s.winners : [];
      return {
        method: 'schulze',
        winners,
        ranking: s.ranking,
        rounds: [
          { kind: 'pairwise', options: [...ids], matrix: s.pairwise },
          { kind: 'strongestPaths', options: [...ids], matrix: s.strongest },
        ],
        turnout,
        quorumMet,
        adopted: quorumMet && winners.length === 1,
      };
    }
  }
}
