import type { Actor } from '../../policies/actor';
import { inScope, isNationalTeam, ORGANISATION_ROLES } from '../../policies/roles';

/** What decides who acts on a challenge: its partner organisations. */
export interface ChallengeLinks {
  partnerIds: readonly string[];
}
/** What decides who sees and records a structure's progress. */
export interface EnrolmentLinks extends ChallengeLinks {
  organisationId: string;
}

/** The structure's people: accounts scoped to it (its holders, and its investor or operator staff). */
const ofStructure = (actor: Actor, organisationId: string) => inScope(actor, ORGANISATION_ROLES, organisationId);
const isPartner = (actor: Actor, c: ChallengeLinks) => c.partnerIds.some((id) => ofStructure(actor, id));

/**
 * Challenges. The challenge and its aggregate figures are public (the 2020
 * review published them: so many structures, so far along); what names a
 * structure's progress — the stuck list, a structure's steps — is for the
 * structure's people, the challenge's partners and the national team.
 */
export const challengePolicy = {
  create: (actor: Actor) => isNationalTeam(actor),
  update: (actor: Actor, _c: ChallengeLinks) => isNationalTeam(actor),
  /** The full dashboard (stuck structures named) and its exports. */
  dashboard: (actor: Actor, c: ChallengeLinks) => isNationalTeam(actor) || isPartner(actor, c),
  /** Enrol one structure: its holders (it joins), or the national team. */
  enrol: (actor: Actor, e: EnrolmentLinks) => isNationalTeam(actor) || inScope(actor, 'holder', e.organisationId),
  /** Enrol many at once (a file of SIRETs, a filter on the directory), import progress: the national team. */
  enrolMany: (actor: Actor, _c: ChallengeLinks) => isNationalTeam(actor),
  readProgress: (actor: Actor, e: EnrolmentLinks) => isNationalTeam(actor) || ofStructure(actor, e.organisationId) || isPartner(actor, e),
  /** Record progress: the structure's holders and the national team. */
  record: (actor: Actor, e: EnrolmentLinks) => isNationalTeam(actor) || inScope(actor, 'holder', e.organisationId),
};
