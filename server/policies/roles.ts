import type { RoleName } from '../../shared/schemas/auth';
import type { Actor } from './actor';

/**
 * The facts about an actor that every policy reads, written once: who is
 * the national team, which records a role is scoped to.
 */

/** The national team (role `admin`), or the command line acting for it. */
export function isNationalTeam(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'account' && actor.roles.some((r) => r.role === 'admin'));
}

/** Whether the actor holds this role at all (whatever its scope). */
export function hasRole(actor: Actor, role: RoleName): boolean {
  return actor.kind === 'account' && actor.roles.some((r) => r.role === role);
}

/** Whether one of these roles is scoped to this record (a null link grants nothing). */
export function inScope(actor: Actor, roles: RoleName | readonly RoleName[], id: string | null | undefined): boolean {
  if (actor.kind !== 'account' || typeof id !== 'string') return false;
  const names: readonly RoleName[] = typeof roles === 'string' ? [roles] : roles;
  return actor.roles.some((r) => names.includes(r.role) && (r.scope ?? []).includes(id));
}

/** Whether one of these roles is scoped to at least one record. */
export function hasScope(actor: Actor, roles: RoleName | readonly RoleName[]): boolean {
  if (actor.kind !== 'account') return false;
  const names: readonly RoleName[] = typeof roles === 'string' ? [roles] : roles;
  return actor.roles.some((r) => names.includes(r.role) && (r.scope ?? []).length > 0);
}

/** The roles scoped to an organisation: its people act for it. */
export const ORGANISATION_ROLES = ['holder', 'investor', 'operator'] as const satisfies readonly RoleName[];

/**
 * The only roles any policy lets write something (a property test checks
 * it): routes whose access is `writer` refuse the others before reading the body.
 */
export const WRITING_ROLES: ReadonlySet<RoleName> = new Set<RoleName>(['admin', 'coordinator', 'holder', 'investor']);
