import type { Actor } from '../../policies/actor';
import { inScope, isNationalTeam, ORGANISATION_ROLES } from '../../policies/roles';

/** What decides who sees a need: its structure, the collectives the structure belongs to, the sponsors proposed for it. */
export interface NeedLinks {
  organisationId: string;
  collectiveIds: readonly string[];
  sponsorPersonIds: readonly string[];
}
/** What decides who sees and acts on a sponsorship. */
export interface SponsorshipLinks {
  organisationId: string;
  collectiveIds: readonly string[];
  sponsorPersonId: string;
  status: string;
}

const isPerson = (actor: Actor, personId: string | null | undefined) => actor.kind === 'account' && !!personId && actor.personId === personId;
/** The structure's people: accounts scoped to it (its holders, and its investor or operator staff). */
const ofStructure = (actor: Actor, organisationId: string) => inScope(actor, ORGANISATION_ROLES, organisationId);
const coordinates = (actor: Actor, collectiveIds: readonly string[]) => collectiveIds.some((k) => inScope(actor, 'coordinator', k));

/**
 * Hackers Publics. A need: its structure, the coordinators of its collectives,
 * the sponsors proposed for it and the national team; nobody else, visitors
 * included (they get the 404 of a record that does not exist). A
 * sponsorship: the same, and session notes only for the pair (the sponsor and
 * the structure's people) and the national team.
 */
export const needPolicy = {
  read: (actor: Actor, n: NeedLinks) =>
    isNationalTeam(actor) || ofStructure(actor, n.organisationId) || coordinates(actor, n.collectiveIds) || n.sponsorPersonIds.some((p) => isPerson(actor, p)),
  /** State, change or withdraw a need: the structure's holders, its collectives' coordinators, the national team. */
  write: (actor: Actor, n: Pick<NeedLinks, 'organisationId' | 'collectiveIds'>) =>
    isNationalTeam(actor) || inScope(actor, 'holder', n.organisationId) || coordinates(actor, n.collectiveIds),
  /** Candidates and proposals: the national team. */
  match: (actor: Actor) => isNationalTeam(actor),
};

export const sponsorshipPolicy = {
  /** A draft is the national team's until sent. */
  read: (actor: Actor, s: SponsorshipLinks) =>
    isNationalTeam(actor) ||
    (s.status !== 'draft' && (ofStructure(actor, s.organisationId) || coordinates(actor, s.collectiveIds) || isPerson(actor, s.sponsorPersonId))),
  readNotes: (actor: Actor, s: SponsorshipLinks) => isNationalTeam(actor) || ofStructure(actor, s.organisationId) || isPerson(actor, s.sponsorPersonId),
  /** Swap the sponsor of a draft or an unanswered proposal. */
  swap: (actor: Actor, s: SponsorshipLinks) => isNationalTeam(actor) && (s.status === 'draft' || s.status === 'proposed'),
  send: (actor: Actor, s: SponsorshipLinks) => isNationalTeam(actor) && s.status === 'draft',
  /** Accept or decline: the sponsor proposed, while the proposal waits. */
  answer: (actor: Actor, s: SponsorshipLinks) => isPerson(actor, s.sponsorPersonId) && s.status === 'proposed',
  /** Sessions: the pair, and the national team, while the sponsorship runs. */
  log: (actor: Actor, s: SponsorshipLinks) =>
    s.status === 'active' && (isNationalTeam(actor) || inScope(actor, 'holder', s.organisationId) || isPerson(actor, s.sponsorPersonId)),
  /** Objectives and their outcomes: the pair and the national team, while it runs or once closed. */
  update: (actor: Actor, s: SponsorshipLinks) =>
    (s.status === 'active' || s.status === 'closed') &&
    (isNationalTeam(actor) || inScope(actor, 'holder', s.organisationId) || isPerson(actor, s.sponsorPersonId)),
  /** Close and rate: each side of the pair (the second side rates after the first closed). */
  close: (actor: Actor, s: SponsorshipLinks) =>
    (s.status === 'active' || s.status === 'closed') && (inScope(actor, 'holder', s.organisationId) || isPerson(actor, s.sponsorPersonId)),
};

/**
 * A sponsor's profile (administration, grade, expertise, territories,
 * capacity, pause): the sponsor themself, and the national team, who pairs
 * them. Nobody else: a capacity and a pause say how busy a named civil
 * servant is, and the programme publishes only its aggregate figures (that a
 * person is a « hacker public » of an administration stays in the directory).
 */
export const sponsorProfilePolicy = {
  read: (actor: Actor, p: { personId: string }) => isNationalTeam(actor) || isPerson(actor, p.personId),
  edit: (actor: Actor, p: { personId: string }) => isNationalTeam(actor) || isPerson(actor, p.personId),
  readLoad: (actor: Actor, p: { personId: string }) => isNationalTeam(actor) || isPerson(actor, p.personId),
};
