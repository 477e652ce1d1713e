import type { Actor } from '../../policies/actor';
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

/** A link of a record that decides who acts on it, and the rule by which it grants writes to an actor. */
export interface ScopeLink<R> {
  field: keyof R;
  grants: (actor: Actor, id: string | null | undefined) => boolean;
}

const sameLink = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * The rule for changing a record: writable before and after, and for each
 * scope-defining link that changes, that very link grants the write both
 * before and after. Being allowed through one link does not allow moving the
 * record along another: a holder may not move their project into another
 * collective (its coordinator would then edit and delete it), a coordinator
 * may not hand a project to an organisation they do not hold; a coordinator
 * may move a project between two collectives they coordinate.
 *
 * @example changeRule(update, [{ field: 'collectiveId', grants: coordinatorOf }])
 */
export function changeRule<R>(update: (actor: Actor, record: R) => boolean, links: ReadonlyArray<ScopeLink<R>>) {
  return (actor: Actor, { before, after }: Change<R>) =>
    update(actor, before) &&
    update(actor, after) &&
    (isNationalTeam(actor) ||
      links.every(({ field, grants }) => {
        const [was, will] = [before[field], after[field]] as Array<string | null | undefined>;
        return sameLink(was, will) || (grants(actor, was) && grants(actor, will));
      }));
}
