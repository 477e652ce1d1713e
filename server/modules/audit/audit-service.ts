import type { AuditQuery } from '../../../shared/schemas/audit';
import type { Database } from '../../db/connection';
import { authorize } from '../../policies/authorize';
import type { Actor } from '../auth/actor';
import { type AuditRecord, appendAudit, listAudit } from './audit-queries';
import type { Executor } from '../directory/directory-service';
import { auditPolicy, auditRefusal } from './audit-policy';

/** The audit entry's "who" for an actor. */
export function auditActor(actor: Actor): Pick<AuditRecord, 'actorKind' | 'actorId'> {
  return { actorKind: actor.kind, actorId: actor.kind === 'account' ? actor.accountId : null };
}

/** Record a write made by `actor`, in the caller's transaction. */
export function recordWrite(db: Executor, actor: Actor, entries: Array<Omit<AuditRecord, 'actorKind' | 'actorId'>>) {
  return appendAudit(db, entries.map((e) => ({ ...auditActor(actor), ...e })));
}

/** Reading the trail: the national team and the command line (it holds personal data before and after). */
export async function readAudit(db: Database, actor: Actor, f: AuditQuery) {
  authorize(actor, 'read', { policy: auditPolicy }, auditRefusal);
  return listAudit(db, f);
}
