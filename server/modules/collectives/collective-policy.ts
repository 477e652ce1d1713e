import type { Collective } from '../../../shared/schemas/collective';
import type { Actor } from '../../policies/actor';
import type { EntityPolicy } from '../directory/entity-policy';
import { inScope, isNationalTeam } from '../../policies/roles';

/** A collective is its own scope: its id is what a coordinator's role names. */
export type CollectiveLinks = Pick<Collective, 'id'>;

const coordinates = (actor: Actor, k: CollectiveLinks) => isNationalTeam(actor) || inScope(actor, 'coordinator', k.id);

/** Collectives: the national team labels and removes them; a coordinator edits the collectives they run. */
export const collectivePolicy = {
  read: () => true,
  create: isNationalTeam,
  createSome: isNationalTeam,
  update: coordinates,
  change: (actor: Actor, c: { before: CollectiveLinks; after: CollectiveLinks }) => coordinates(actor, c.before) && coordinates(actor, c.after),
  delete: isNationalTeam,
} satisfies EntityPolicy<CollectiveLinks, unknown>;
