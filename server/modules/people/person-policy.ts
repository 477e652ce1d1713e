import type { Person } from '../../../shared/schemas/person';
import type { Actor } from '../auth/actor';
import { type EntityPolicy, nationalTeamWrites } from '../directory/entity-policy';
import { isNationalTeam } from '../../policies/roles';

/** The facts about a person that decide who sees their contact details. */
export type PersonLinks = Partial<Pick<Person, 'id' | 'organisationId' | 'administrationId'>>;

/** People: the national team writes and erases; contact details are not for visitors. */
export const personPolicy = {
  ...nationalTeamWrites(),
  /** Erase a person (right to erasure). */
  anonymise: isNationalTeam,
  /** See a person's e-mail and phone. */
  readContact: (actor: Actor, _p: PersonLinks) => actor.kind !== 'anonymous',
} satisfies EntityPolicy<unknown> & Record<string, (actor: Actor, record: never) => boolean>;
