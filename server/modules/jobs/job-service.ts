import type { z } from 'zod';
import type { Job, jobListQuery } from '../../../shared/schemas/job';
import type { Database } from '../../db/connection';
import { notFound } from '../../errors';
import { authorize, can } from '../../policies/authorize';
import type { Actor } from '../../policies/actor';
import { getJob, type JobRow, listJobs } from './job-queries';
import { jobPolicy } from './job-policy';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** The error message of a failed attempt, as pg-boss stores it (a serialised error). */
function errorOf(row: JobRow): string | null {
  if (row.state !== 'failed' && row.state !== 'retry') return null;
  const out = row.output as { message?: unknown } | null;
  return typeof out?.message === 'string' ? out.message : null;
}

/** Jobs as the national team's page and the page that started one see them. */
export function jobService(db: Database, labels: ReadonlyMap<string, string>) {
  const shape = (r: JobRow): Job => ({
    id: r.id,
    queue: r.queue,
    label: labels.get(r.queue) ?? r.queue,
    state: r.state,
    retryCount: r.retry_count,
    retryLimit: r.retry_limit,
    createdAt: iso(r.created_on) as string,
    startedAt: iso(r.started_on),
    completedAt: iso(r.completed_on),
    startAfter: iso(r.start_after) as string,
    author: r.author_email,
    progress: r.total ? { phase: r.phase ?? '', done: r.done ?? 0, total: r.total } : null,
    error: errorOf(r),
    result: r.state === 'completed' ? (r.output ?? null) : null,
  });
  return {
    async list(actor: Actor, f: z.output<typeof jobListQuery>) {
      authorize(actor, 'list', { policy: jobPolicy });
      const states = f.state === 'created' ? ['created', 'retry'] : f.state ? [f.state] : undefined;
      const r = await listJobs(db, { ...(states ? { states } : {}), limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return { items: r.rows.map(shape), counts: r.counts, page: f.page, pageSize: f.pageSize };
    },
    async get(actor: Actor, id: string) {
      const row = await getJob(db, id);
      // A job someone else started is as absent as one that does not exist.
      if (!row || !can(actor, 'read', { policy: jobPolicy, record: { accountId: row.account_id } })) {
        authorize(actor, 'read', { policy: jobPolicy, record: { accountId: actor.kind === 'account' ? actor.accountId : null } });
        throw notFound('Tâche', id);
      }
      return shape(row);
    },
  };
}
