import type { Fund } from '../../../shared/schemas/fund';
import type { Actor } from '../../policies/actor';
import { changeRule, type EntityPolicy } from '../directory/entity-policy';
import { hasScope, inScope, isNationalTeam } from '../../policies/roles';

/** The link of a fund that decides who acts on it: its manager. */
export type FundLinks = Partial<Pick<Fund, 'managerId'>>;

const manages = (actor: Actor, f: FundLinks) => isNationalTeam(actor) || inScope(actor, 'investor', f.managerId);

/** Funds: an investor writes the funds their organisation manages; only the national team deletes. */
export const fundPolicy = {
  read: () => true,
  create: manages,
  createSome: (actor: Actor) => isNationalTeam(actor) || hasScope(actor, 'investor'),
  update: manages,
  change: changeRule<FundLinks>(manages, [{ field: 'managerId', grants: (actor, id) => inScope(actor, 'investor', id) }]),
  delete: isNationalTeam,
} satisfies EntityPolicy<FundLinks>;
