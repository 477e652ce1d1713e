import type { RegistrationRole } from '../../../shared/vocabulary';
import type { Actor } from '../../policies/actor';
import { hasRole, inScope, isNationalTeam, ORGANISATION_ROLES, WRITING_ROLES } from '../../policies/roles';

/** The links of an event that decide who sees and runs it. */
export interface EventLinks {
  organiserOrganisationId: string | null;
  public: boolean;
  registrationOpen: boolean;
}

/** The links of a registration that decide whose it is. */
export interface RegistrationLinks {
  role: RegistrationRole;
  personId: string | null;
  organisationId: string | null;
}

/**
 * The roles through which an account answers for its structure as an
 * organiser: those of its structure's people that may write (an operator's
 * accounts read, as everywhere else).
 */
export const ORGANISER_ROLES = ORGANISATION_ROLES.filter((r) => WRITING_ROLES.has(r));

/**
 * The organiser of an event: the national team, or an account that answers
 * for the organising structure (its holders or investors).
 *
 * @example isOrganiser(holderOfO1, { organiserOrganisationId: 'o1' }) // → true
 */
export function isOrganiser(actor: Actor, e: Pick<EventLinks, 'organiserOrganisationId'>): boolean {
  return isNationalTeam(actor) || inScope(actor, ORGANISER_ROLES, e.organiserOrganisationId);
}

/**
 * Whose registration it is: the person registered, or an account of the
 * structure it stands for in its role (the project's holders, the fund's investors).
 */
export function ownsRegistration(actor: Actor, r: RegistrationLinks): boolean {
  if (actor.kind !== 'account') return false;
  if (r.personId !== null && r.personId === actor.personId) return true;
  if (r.role === 'project') return inScope(actor, 'holder', r.organisationId);
  if (r.role === 'investor') return inScope(actor, 'investor', r.organisationId);
  return false;
}

/**
 * Events: visitors read public ones (another is as absent as one that never
 * existed); every account reads the network's internal ones too; the
 * organiser writes and runs the event; any account registers while
 * registrations are open (the organiser also when they are closed).
 */
export const eventPolicy = {
  read: (actor: Actor, e: EventLinks) => e.public || actor.kind === 'account' || actor.kind === 'system',
  create: isOrganiser,
  update: isOrganiser,
  delete: isOrganiser,
  /** Every registration: list, register anyone, check in. */
  manage: isOrganiser,
  register: (actor: Actor, e: EventLinks) => isOrganiser(actor, e) || (actor.kind === 'account' && e.registrationOpen),
};

/** A registration seen with its event. */
export interface RegistrationResource {
  event: EventLinks;
  registration: RegistrationLinks;
}

/**
 * Registrations: the organiser reads and changes every one; a participant
 * reads theirs, cancels it or changes its meetings cap; only the organiser
 * records attendance (attended, no-show) and changes a role to `speaker`.
 */
export const registrationPolicy = {
  read: (actor: Actor, r: RegistrationResource) => isOrganiser(actor, r.event) || ownsRegistration(actor, r.registration),
  update: (actor: Actor, r: RegistrationResource) => isOrganiser(actor, r.event) || ownsRegistration(actor, r.registration),
  cancel: (actor: Actor, r: RegistrationResource) => isOrganiser(actor, r.event) || ownsRegistration(actor, r.registration),
  checkIn: (actor: Actor, r: RegistrationResource) => isOrganiser(actor, r.event),
};

/**
 * Whether the actor may register this who, in this role, by themself (the
 * organiser may register anyone): themself as attendee; as advisor when they
 * are one; their project (holder of its lead structure) or their fund
 * (investor of its manager). Speakers are invited by the organiser.
 */
export function mayRegisterAs(
  actor: Actor,
  who: { role: RegistrationRole; personId: string | null; organisationId: string | null; personIsAdvisor: boolean; personOrganisationId?: string | null },
): boolean {
  if (actor.kind !== 'account') return false;
  const self = who.personId === null || who.personId === actor.personId;
  // A person comes on their own, or for the structure their record names.
  const ownStructure = who.organisationId === null || who.organisationId === who.personOrganisationId;
  switch (who.role) {
    case 'attendee':
      return self && who.personId !== null && ownStructure;
    case 'advisor':
      return self && who.personId !== null && ownStructure && (who.personIsAdvisor || hasRole(actor, 'advisor'));
    case 'project':
      return self && inScope(actor, 'holder', who.organisationId);
    case 'investor':
      return self && inScope(actor, 'investor', who.organisationId);
    case 'speaker':
    case 'judge':
      return false;
  }
}
