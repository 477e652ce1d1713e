import type { Actor } from '../../policies/actor';
import { inScope, isNationalTeam } from '../../policies/roles';

/** What decides who acts on a conference: whether the caller organises it, and which of its registrations are theirs. */
export interface ConferenceAccess {
  organiser: boolean;
  mine: readonly string[];
}

/**
 * Bilateral conferences: the organiser runs everything (slots, meetings,
 * schedule, publication); a participant acts for their own registrations
 * (availability, requests, answers, feedback). Anyone else does not see the
 * conference at all (the service answers 404, as for a hidden record).
 *
 * @example conferencePolicy.act(holder, { organiser: false, mine: ['r1'] }, 'r1') // → true
 */
export const conferencePolicy = {
  see: (_actor: Actor, c: ConferenceAccess) => c.organiser || c.mine.length > 0,
  manage: (_actor: Actor, c: ConferenceAccess) => c.organiser,
};

/** Whether the caller may act for this registration of the conference: theirs, or any for the organiser. */
export const actsFor = (c: ConferenceAccess, registrationId: string) => c.organiser || c.mine.includes(registrationId);

/** The links of an investment lead that decide who sees and moves it. */
export interface LeadLinks {
  fundManagerId: string | null;
  projectLeadId: string | null;
  /** The caller accompanies the project as an advisor. */
  accompanied?: boolean;
}

/** Advisors trained in impact finance: every account reads them; the national team records their training and projects. */
export const advisorPolicy = {
  read: (actor: Actor) => actor.kind !== 'anonymous',
  write: (actor: Actor) => isNationalTeam(actor),
};

/**
 * Investment leads: visible only to the fund (its investors), the project's
 * holders (and the advisors who accompany it) and the national team; the fund's investors and the national team
 * move them along.
 */
export const leadPolicy = {
  read: (actor: Actor, l: LeadLinks) =>
    isNationalTeam(actor) || inScope(actor, 'investor', l.fundManagerId) || inScope(actor, 'holder', l.projectLeadId) || l.accompanied === true,
  write: (actor: Actor, l: LeadLinks) => isNationalTeam(actor) || inScope(actor, 'investor', l.fundManagerId),
};
