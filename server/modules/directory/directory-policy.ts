import type { Actor } from '../auth/actor';

export type DirectoryAction = 'read' | 'create' | 'update' | 'delete' | 'import';

/** The only roles `canOnDirectory` lets write anything (checked by a property test). */
export const WRITING_ROLES: ReadonlySet<string> = new Set(['admin', 'coordinator', 'holder', 'investor']);

/** What a rule may look at: the resource kind and the record's links. */
export interface DirectoryResource {
  entity: string;
  record?: { id?: unknown; collectiveId?: unknown; leadOrganisationId?: unknown; managerId?: unknown } | undefined;
}

/**
 * Pure authorisation rule for the directory: everyone reads the public
 * directory; the national team writes everything; a coordinator writes the
 * collectives they run and those collectives' projects; a project holder
 * writes the projects of their organisation; an investor writes the funds
 * their organisation manages; nobody else writes.
 *
 * @example canOnDirectory({ kind: 'anonymous' }, 'read', { entity: 'projects' }) // → true
 */
export function canOnDirectory(actor: Actor, action: DirectoryAction, resource?: DirectoryResource): boolean {
  if (actor.kind === 'system') return true;
  if (action === 'read') return true;
  if (actor.kind === 'anonymous') return false;
  const record = resource?.record ?? {};
  const inScope = (role: string, value: unknown) =>
    typeof value === 'string' && actor.roles.some((r) => r.role === role && (r.scope ?? []).includes(value));
  if (actor.roles.some((r) => r.role === 'admin')) return true;
  if (action === 'import' || !resource) return false;
  switch (resource.entity) {
    case 'projects':
      return inScope('coordinator', record.collectiveId) || (action !== 'delete' && inScope('holder', record.leadOrganisationId));
    case 'collectives':
      return action === 'update' && inScope('coordinator', record.id);
    case 'funds':
      return action !== 'delete' && inScope('investor', record.managerId);
    default:
      return false;
  }
}

/**
 * The entities this actor may create at least one record of (for the
 * interface's "create" buttons): the same rule, tried with each record the
 * actor's roles are scoped to.
 */
export function creatableEntities(actor: Actor, entities: readonly string[]): string[] {
  const scopes = actor.kind === 'account' ? actor.roles.flatMap((r) => r.scope ?? []) : [];
  return entities.filter(
    (entity) =>
      canOnDirectory(actor, 'create', { entity }) ||
      scopes.some((v) => canOnDirectory(actor, 'create', { entity, record: { collectiveId: v, leadOrganisationId: v, managerId: v } })),
  );
}
