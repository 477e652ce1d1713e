import type { Project } from '../../../shared/schemas/project';
import type { Actor } from '../../policies/actor';
import { changeRule, type EntityPolicy } from '../directory/entity-policy';
import { hasRole, hasScope, inScope, isNationalTeam, ORGANISATION_ROLES } from '../../policies/roles';

/** The links of a project that decide who acts on it. */
export type ProjectLinks = Partial<Pick<Project, 'collectiveId' | 'leadOrganisationId'>>;

const coordinates = (actor: Actor, p: ProjectLinks) => inScope(actor, 'coordinator', p.collectiveId);
const holds = (actor: Actor, p: ProjectLinks) => inScope(actor, 'holder', p.leadOrganisationId);
const writes = (actor: Actor, p: ProjectLinks) => isNationalTeam(actor) || coordinates(actor, p) || holds(actor, p);

/**
 * Projects: everyone reads; the national team writes all of them; a
 * coordinator writes (and deletes) their collectives' projects; a holder
 * writes their organisation's projects but does not delete them.
 *
 * @example projectPolicy.update(coordinatorOfK1, { collectiveId: 'k1' }) // → true
 */
export const projectPolicy = {
  read: () => true,
  create: writes,
  createSome: (actor: Actor) => isNationalTeam(actor) || hasScope(actor, ['coordinator', 'holder']),
  update: writes,
  /** Its collective and its lead organisation are each its scope: moving it along one needs that link's right on both sides. */
  change: changeRule<ProjectLinks>(writes, [
    { field: 'collectiveId', grants: (actor, id) => inScope(actor, 'coordinator', id) },
    { field: 'leadOrganisationId', grants: (actor, id) => inScope(actor, 'holder', id) },
  ]),
  delete: (actor: Actor, p: ProjectLinks) => isNationalTeam(actor) || coordinates(actor, p),
  /**
   * See a project's funding need and instruments: the national team,
   * investors (whose trade it is), and the project's own people — the
   * coordinator of its collective, the holder (or any role) of its lead
   * organisation. Not every account: ProConnect opens role-less ones to any agent.
   */
  readFunding: (actor: Actor, p: ProjectLinks) =>
    isNationalTeam(actor) || hasRole(actor, 'investor') || coordinates(actor, p) || inScope(actor, ORGANISATION_ROLES, p.leadOrganisationId),
  /** Filter or sort on funding needs, which reveals them across the whole directory: those who see every project's. */
  searchFunding: (actor: Actor) => isNationalTeam(actor) || hasRole(actor, 'investor'),
} satisfies EntityPolicy<ProjectLinks> & Record<string, (actor: Actor, record: never) => boolean>;
