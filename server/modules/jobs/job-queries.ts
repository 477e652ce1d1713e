import { sql } from 'kysely';
import type { Executor } from '../../db/connection';
import type { JobProgress } from './job-queue';

/** The report row of a job, written with it (same transaction as the send). */
export async function insertJobReport(db: Executor, r: { jobId: string; queue: string; accountId: string | null }) {
  await db.insertInto('job_reports').values({ job_id: r.jobId, queue: r.queue, account_id: r.accountId }).execute();
}

export async function saveJobProgress(db: Executor, jobId: string, p: JobProgress) {
  await db
    .updateTable('job_reports')
    .set({ phase: p.phase, done: Math.max(0, Math.round(p.done)), total: Math.max(0, Math.round(p.total)), updated_at: sql`now()` })
    .where('job_id', '=', jobId)
    .execute();
}

/**
 * Record a job's result in the transaction that did its work: the work and
 * "this job is done" commit together or not at all.
 */
export async function completeJob(tx: Executor, jobId: string, result: unknown) {
  await tx
    .updateTable('job_reports')
    .set({ result: JSON.stringify(result ?? null), updated_at: sql`now()` })
    .where('job_id', '=', jobId)
    .execute();
}

/** The result a job committed with its work, if it did (undefined: not done yet). */
export async function jobResult(db: Executor, jobId: string): Promise<unknown> {
  const row = await db.selectFrom('job_reports').select('result').where('job_id', '=', jobId).where('result', 'is not', null).executeTakeFirst();
  return row ? row.result : undefined;
}

export interface JobRow {
  id: string;
  queue: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  start_after: Date;
  output: unknown;
  account_id: string | null;
  author_email: string | null;
  phase: string | null;
  done: number | null;
  total: number | null;
  result: unknown;
}

const jobColumns = sql`j.id, j.name as queue, j.state::text as state, j.retry_count, j.retry_limit, j.created_on, j.started_on, j.completed_on,
  j.start_after, j.output, r.account_id, a.email as author_email, r.phase, r.done, r.total, r.result`;

/**
 * Jobs as pg-boss keeps them (its schema `pgboss`), with who started them and
 * their progress; newest first. `states` filters (queued: created and retry).
 */
export async function listJobs(db: Executor, f: { states?: readonly string[]; limit: number; offset: number }) {
  const where = f.states?.length ? sql`where j.state::text in (${sql.join(f.states)})` : sql``;
  const rows = await sql<JobRow>`
    select ${jobColumns}
    from pgboss.job j
    left join job_reports r on r.job_id = j.id
    left join accounts a on a.id = r.account_id
    ${where}
    order by j.created_on desc, j.id
    limit ${f.limit} offset ${f.offset}`.execute(db);
  const counts = await sql<{ state: string; n: number }>`select state::text as state, count(*)::int as n from pgboss.job group by state`.execute(db);
  return { rows: rows.rows, counts: Object.fromEntries(counts.rows.map((c) => [c.state, Number(c.n)])) as Record<string, number> };
}

export async function getJob(db: Executor, id: string): Promise<JobRow | undefined> {
  const rows = await sql<JobRow>`
    select ${jobColumns}
    from pgboss.job j
    left join job_reports r on r.job_id = j.id
    left join accounts a on a.id = r.account_id
    where j.id = ${id}
    limit 1`.execute(db);
  return rows.rows[0];
}
