import type { Actor } from '../auth/actor';
import { isNationalTeam } from '../../policies/roles';

/** A write that changes a record: the record as stored, and as it will be. */
export interface Change<R> {
  before: R;
  after: R;
}

/**
 * What every directory entity's policy answers, each rule typed with the
 * links of the entity's own record that decide who may act on it: `R` a
 * stored record (or one being written), `N` a new one (without its id yet).
 */
export interface EntityPolicy<R, N = R> {
  read: (actor: Actor) => boolean;
  create: (actor: Actor, record: N) => boolean;
  /** May create at least one record (the interface's "create" button, `creatable` in `GET /api/auth/me`). */
  createSome: (actor: Actor) => boolean;
  update: (actor: Actor, record: R) => boolean;
  /** May turn `before` into `after` (on top of `update` on the stored record). */
  change: (actor: Actor, change: Change<R>) => boolean;
  delete: (actor: Actor, record: R) => boolean;
}

/**
 * The rule of the entities only the national team writes (structures,
 * people, Pionniers, filières): it looks at no record.
 */
export function nationalTeamWrites(): EntityPolicy<unknown> {
  return {
    read: () => true,
    create: isNationalTeam,
    createSome: isNationalTeam,
    update: isNationalTeam,
    change: isNationalTeam,
    delete: isNationalTeam,
  };
}
