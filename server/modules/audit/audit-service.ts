import type { AuditPageQuery, AuditQuery } from '../../../shared/schemas/audit';
import type { Database } from '../../db/connection';
import { authorize } from '../../policies/authorize';
import { COUNT_CAP, offsetOf } from '../../db/sql-helpers';
import type { Actor } from '../../policies/actor';
import { type AuditRecord, appendAudit, countAudit, listAudit } from './audit-queries';
import type { Executor } from '../../db/connection';
import { auditPolicy, auditRefusal } from './audit-policy';

/** The audit entry's "who" for an actor. */
export function auditActor(actor: Actor): Pick<AuditRecord, 'actorKind' | 'actorId'> {
  return { actorKind: actor.kind, actorId: actor.kind === 'account' ? actor.accountId : null };
}

/** Record a write made by `actor`, in the caller's transaction. */
export function recordWrite(db: Executor, actor: Actor, entries: Array<Omit<AuditRecord, 'actorKind' | 'actorId'>>) {
  return appendAudit(
    db,
    entries.map((e) => ({ ...auditActor(actor), ...e })),
  );
}

/** The national team and the command line read the trail (it holds personal data before and after). */
function mayRead(actor: Actor) {
  authorize(actor, 'read', { policy: auditPolicy }, auditRefusal);
}

export async function readAudit(db: Database, actor: Actor, f: AuditQuery) {
  mayRead(actor);
  return listAudit(db, f);
}

/** One page of the trail, in the shape of every list (`items`, `total`, `page`, `pageSize`). */
export async function pageAudit(db: Database, actor: Actor, f: AuditPageQuery) {
  mayRead(actor);
  const { page, pageSize, ...filters } = f;
  const [counted, items] = await Promise.all([countAudit(db, filters), listAudit(db, { ...filters, limit: pageSize, offset: offsetOf(page, pageSize) })]);
  return { items, total: Math.min(counted, COUNT_CAP), totalExact: counted <= COUNT_CAP, page, pageSize };
}
