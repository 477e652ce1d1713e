import type { Person } from '../../../shared/schemas/person';
import type { Actor } from '../../policies/actor';
import { type EntityPolicy, nationalTeamWrites } from '../directory/entity-policy';
import { inScope, isNationalTeam, ORGANISATION_ROLES } from '../../policies/roles';

/**
 * The facts about a person that decide who sees their contact details: their
 * organisations, and the collectives they belong to (as coordinator, or
 * through their organisation, member or project holder) among those the
 * actor coordinates.
 */
export type PersonLinks = Pick<Person, 'id' | 'organisationId' | 'administrationId'> & { collectiveIds: readonly string[] };

/** People: the national team writes and erases; contact details are not for visitors. */
export const personPolicy = {
  ...nationalTeamWrites(),
  /** Erase a person (right to erasure). */
  anonymise: isNationalTeam,
  /**
   * See a person's e-mail and phone: the national team, the person
   * themself, and the people of the same organisation (its holder, investor
   * or operator) or collective (its coordinator). Nobody else: not role-less
   * accounts, nor public sponsors and operators out of their scope.
   */
  readContact: (actor: Actor, p: PersonLinks) =>
    isNationalTeam(actor) ||
    (actor.kind === 'account' && actor.personId === p.id) ||
    inScope(actor, ORGANISATION_ROLES, p.organisationId) ||
    inScope(actor, ORGANISATION_ROLES, p.administrationId) ||
    p.collectiveIds.some((k) => inScope(actor, 'coordinator', k)),
} satisfies EntityPolicy<unknown> & Record<string, (actor: Actor, record: never) => boolean>;
