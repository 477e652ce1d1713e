import { sql } from 'kysely';
import type { AuditEntry, AuditQuery } from '../../../shared/schemas/audit';
import { cappedCount } from '../../db/sql-helpers';
import type { Executor } from '../../db/connection';

export interface AuditRecord {
  actorKind: string;
  actorId: string | null;
  action: AuditEntry['action'];
  entity: string;
  recordId: string;
  before?: unknown;
  after?: unknown;
}

/** Append entries (in the writer's transaction, so a write and its trace land together). */
export async function appendAudit(db: Executor, entries: AuditRecord[]) {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 1000).map((e) => ({
          actor_kind: e.actorKind,
          actor_id: e.actorId,
          action: e.action,
          entity: e.entity,
          record_id: e.recordId,
          before: e.before === undefined ? null : JSON.stringify(e.before),
          after: e.after === undefined ? null : JSON.stringify(e.after),
        })),
      )
      .execute();
  }
}

type AuditFilters = Omit<AuditQuery, 'limit'>;

function filtered(db: Executor, f: AuditFilters) {
  let q = db.selectFrom('audit_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.record) q = q.where('record_id', '=', f.record);
  if (f.actor) q = q.where('actor_kind', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.since) q = q.where('at', '>=', sql<Date>`${f.since}::date`);
  if (f.until) q = q.where('at', '<', sql<Date>`${f.until}::date + 1`);
  return q;
}

/** Most recent first, filtered; `offset` skips that many (paging). */
export async function listAudit(db: Executor, f: AuditFilters & { limit: number; offset?: number }): Promise<AuditEntry[]> {
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset ?? 0)
    .execute();
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id },
    action: r.action as AuditEntry['action'],
    entity: r.entity,
    record: r.record_id,
    before: json(r.before),
    after: json(r.after),
  }));
}

/** How many entries match, counted exactly up to COUNT_CAP (as every list). */
export function countAudit(db: Executor, f: AuditFilters) {
  return cappedCount(db, filtered(db, f));
}
