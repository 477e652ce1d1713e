import type { Actor } from '../../policies/actor';
import { hasScope, inScope, isNationalTeam } from '../../policies/roles';

/** The links of a decision that decide who sees it, votes on it and runs it. */
export interface DecisionLinks {
  /** Null: network-wide. */
  collectiveId: string | null;
  public: boolean;
  status: 'upcoming' | 'open' | 'closed';
}

/** The roles that vote on a collective's decisions. */
export const VOTER_ROLES = ['member', 'coordinator'] as const;

/**
 * Who votes: a collective's members and coordinators on its decisions; the
 * coordinators of the collectives on the network-wide ones.
 *
 * @example isVoter(memberOfK1, { collectiveId: 'k1' }) // → true
 */
export function isVoter(actor: Actor, d: Pick<DecisionLinks, 'collectiveId'>): boolean {
  return d.collectiveId === null ? hasScope(actor, 'coordinator') : inScope(actor, VOTER_ROLES, d.collectiveId);
}

/** Who puts a decision to the vote and follows it up: the national team, or the collective's coordinators. */
export function runsDecision(actor: Actor, d: Pick<DecisionLinks, 'collectiveId'>): boolean {
  return isNationalTeam(actor) || (d.collectiveId !== null && inScope(actor, 'coordinator', d.collectiveId));
}

/**
 * Decisions: their voters and those who run them see them; visitors and every
 * other account see those the collective published (another is as absent as
 * one that never existed). Voting while the poll is open; closing early while
 * it is not closed.
 */
export const decisionPolicy = {
  read: (actor: Actor, d: DecisionLinks) => d.public || runsDecision(actor, d) || isVoter(actor, d),
  create: runsDecision,
  update: runsDecision,
  vote: (actor: Actor, d: DecisionLinks) => d.status === 'open' && isVoter(actor, d),
  close: (actor: Actor, d: DecisionLinks) => d.status !== 'closed' && runsDecision(actor, d),
  follow: runsDecision,
};

/** A collective's members: its coordinators and the national team grant and withdraw the role. */
export const membershipPolicy = {
  manage: (actor: Actor, collectiveId: string) => isNationalTeam(actor) || inScope(actor, 'coordinator', collectiveId),
};
