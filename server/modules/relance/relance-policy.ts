import type { Actor } from '../../policies/actor';
import { inScope, isNationalTeam } from '../../policies/roles';

/** Measures: public to read; the national team writes them. */
export const measurePolicy = {
  write: (actor: Actor) => isNationalTeam(actor),
};

/** What decides who sees and moves an obstacle. */
export interface ObstacleLinks {
  projectOrganisationId: string | null;
  projectCollectiveId: string | null;
  organisationId: string | null;
  /** The operator named on the obstacle, or else the measure's. */
  operatorOrganisationId: string | null;
  measureOperatorId: string | null;
  ownerAccountId: string | null;
  raisedByAccountId: string | null;
}

const isAccount = (actor: Actor, id: string | null) => actor.kind === 'account' && !!id && actor.accountId === id;
/** The project's holders and its collective's coordinators, or the structure's holders. */
const carries = (actor: Actor, o: Pick<ObstacleLinks, 'projectOrganisationId' | 'projectCollectiveId' | 'organisationId'>) =>
  inScope(actor, 'holder', o.projectOrganisationId) || inScope(actor, 'holder', o.organisationId) || inScope(actor, 'coordinator', o.projectCollectiveId);
/** The operators concerned: the one named, the measure's, or the structure the obstacle is about. */
const operates = (actor: Actor, o: ObstacleLinks) =>
  inScope(actor, 'operator', o.operatorOrganisationId) || inScope(actor, 'operator', o.measureOperatorId) || inScope(actor, 'operator', o.organisationId);

/**
 * Obstacles. Visitors see none (the routes ask for an account); holders and
 * coordinators see and raise those about their projects or structure;
 * operators see and act on those about their measures or structure, not
 * others' (a 404, as for one that does not exist); the owner and the raiser
 * see theirs; the national team sees and does everything.
 */
export const obstaclePolicy = {
  read: (actor: Actor, o: ObstacleLinks) =>
    isNationalTeam(actor) || isAccount(actor, o.ownerAccountId) || isAccount(actor, o.raisedByAccountId) || carries(actor, o) || operates(actor, o),
  /** Raise: about a project or structure the actor carries (the national team: anything). */
  raise: (actor: Actor, o: Pick<ObstacleLinks, 'projectOrganisationId' | 'projectCollectiveId' | 'organisationId'>) =>
    isNationalTeam(actor) || ((!!o.projectOrganisationId || !!o.projectCollectiveId || !!o.organisationId) && carries(actor, o)),
  /** Edit the description, category, links: the raiser and the national team. */
  update: (actor: Actor, o: ObstacleLinks) => isNationalTeam(actor) || isAccount(actor, o.raisedByAccountId),
  /** Comment: whoever sees it. */
  comment: (actor: Actor, o: ObstacleLinks) => obstaclePolicy.read(actor, o),
  /** Change status: the owner, the operators concerned and the national team. */
  status: (actor: Actor, o: ObstacleLinks) => isNationalTeam(actor) || isAccount(actor, o.ownerAccountId) || operates(actor, o),
  /** Reassign: the same. */
  assign: (actor: Actor, o: ObstacleLinks) => isNationalTeam(actor) || isAccount(actor, o.ownerAccountId) || operates(actor, o),
};
