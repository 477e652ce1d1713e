import type { AuditQuery } from '../../../shared/schemas/audit';
import type { Database } from '../../db/connection';
import { forbidden, unauthorized } from '../../errors';
import type { Actor } from '../auth/actor';
import { type AuditRecord, appendAudit, listAudit } from './audit-queries';
import type { Executor } from '../directory/directory-service';

/** The audit entry's "who" for an actor. */
export function auditActor(actor: Actor): Pick<AuditRecord, 'actorKind' | 'actorId'> {
  return { actorKind: actor.kind, actorId: actor.kind === 'account' ? actor.accountId : null };
}

/** Record a write made by `actor`, in the caller's transaction. */
export function recordWrite(db: Executor, actor: Actor, entries: Array<Omit<AuditRecord, 'actorKind' | 'actorId'>>) {
  return appendAudit(db, entries.map((e) => ({ ...auditActor(actor), ...e })));
}

/**
 * Reading the trail: the system actor (command line) only, until accounts give
 * the national team its role; the trail holds personal data before and after.
 */
export async function readAudit(db: Database, actor: Actor, f: AuditQuery) {
  const admin = actor.kind === 'system' || (actor.kind === 'account' && actor.roles.some((r) => r.role === 'admin'));
  if (actor.kind === 'anonymous') throw unauthorized();
  if (!admin) throw forbidden("Le journal d'audit est réservé à l'équipe nationale.");
  return listAudit(db, f);
}
