import { randomUUID } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { carrierOf, type Database, type Executor } from '../../db/connection';
import { executorBossDatabase, pgliteBossDatabase } from './boss-database';
import { insertJobReport, jobResult, saveJobProgress } from './job-queries';

/** What a job tells the page that follows it: a phase (French) and how far it is. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

export interface RunningJob<T> {
  id: string;
  data: T;
  /** 0 on the first attempt, then 1, 2… */
  retryCount: number;
  /** Store how far the job is (the page polls GET /api/jobs/:id). */
  report(progress: JobProgress): Promise<void>;
}

/**
 * A kind of job: its queue name, its French label for the national team's page,
 * its handler, its retries, and (for a recurring job) its cron expression.
 * The handler's result is stored with the job. A handler that writes to the
 * database does it in one transaction that also calls `completeJob(tx, id,
 * result)` (job-queries.ts): should the process die before pg-boss records the
 * end, the next attempt finds the result and returns it without working again.
 */
export interface JobDefinition<T = unknown> {
  name: string;
  label: string;
  run(job: RunningJob<T>): Promise<unknown>;
  /** Attempts after the first (default 3), each later than the last (backoff from `retryDelay` seconds, default 5). */
  retryLimit?: number;
  retryDelay?: number;
  /** A job still active after this long is taken as dead and retried (default 15 minutes). */
  expireInSeconds?: number;
  /** Recurring job: a cron expression in the Paris time zone (`0 7 * * *`: every day at 7:00). */
  cron?: string;
}

export const defineJob = <T>(d: JobDefinition<T>): JobDefinition<T> => d;

export interface EnqueueOptions {
  /** The transaction (or database) the job is created in: a change that rolls back leaves no job. */
  in?: Executor;
  /** The account that started it (it may follow the job, and is told when it ends). */
  authorId?: string | null;
  /** Not before this date, or so many seconds from now. */
  startAfter?: Date | number;
}

export interface JobQueue {
  enqueue(name: string, data: object, options?: EnqueueOptions): Promise<string>;
  /** Whether this process runs the handlers (a server) or only sends jobs (tests, commands). */
  readonly working: boolean;
  /** Rejects when the queue is stopped or pg-boss cannot read its tables (the readiness check). */
  ready(): Promise<void>;
  stop(opts?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export interface JobQueueOptions {
  /** Run the handlers here (default true). */
  work?: boolean;
  /** How often an idle worker asks for jobs, in seconds (default 2). */
  pollingIntervalSeconds?: number;
  /** Errors pg-boss reports in the background (the database went away…). */
  onError?: (err: Error) => void;
}

const SCHEMA = 'pgboss';
let current: JobQueue | undefined;

/**
 * The job queue this process started: `notify()` and other module code reach
 * it here, as they reach nothing else of the app (one queue per process; the
 * embedded database is one process anyway).
 */
export const runningQueue = (): JobQueue | undefined => current;

/**
 * Start pg-boss on the application's database (PGlite through Kysely's
 * serialised connection, PostgreSQL through a small pool of its own), create
 * each definition's queue and schedule, and with `work` run the handlers.
 * pg-boss creates and migrates its own schema (`pgboss`) at start.
 */
export async function startJobQueue(db: Database, definitions: readonly JobDefinition<never>[], opts: JobQueueOptions = {}): Promise<JobQueue> {
  const carrier = carrierOf(db);
  if (!carrier) throw new Error('startJobQueue: database opened without openDatabase / wrapPGlite');
  const work = opts.work ?? true;
  const common = { schema: SCHEMA, supervise: work, schedule: work, migrate: true, createSchema: true } as const;
  const boss =
    carrier.kind === 'pglite'
      ? new PgBoss({ ...common, backend: 'pglite', db: pgliteBossDatabase(db, carrier.pglite) })
      : new PgBoss({ ...common, connectionString: carrier.url, max: 3 });
  let stopped = false;
  boss.on('error', (err) => opts.onError?.(err as Error));
  await boss.start();
  const byName = new Map(definitions.map((d) => [d.name, d as JobDefinition<unknown>]));
  for (const d of byName.values()) {
    await boss.createQueue(d.name, {
      retryLimit: d.retryLimit ?? 3,
      retryDelay: d.retryDelay ?? 5,
      retryBackoff: true,
      expireInSeconds: d.expireInSeconds ?? 900,
    });
  }
  if (work) {
    for (const d of byName.values()) {
      if (d.cron) await boss.schedule(d.name, d.cron, null, { tz: 'Europe/Paris' });
      await boss.work(d.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([job]) => {
        if (!job) return null;
        // Done in an earlier attempt that died before pg-boss heard of it: not again.
        const done = await jobResult(db, job.id);
        if (done !== undefined) return done;
        const result = await d.run({
          id: job.id,
          data: job.data,
          retryCount: job.retryCount,
          report: (p) => saveJobProgress(db, job.id, p),
        });
        return result ?? null;
      });
    }
  }
  const queue: JobQueue = {
    working: work,
    async ready() {
      if (stopped) throw new Error('file de tâches arrêtée');
      // A read of pg-boss's own tables: the queue answers only if they do.
      await boss.getQueues([...byName.keys()].slice(0, 1));
    },
    async enqueue(name, data, o = {}) {
      if (!byName.has(name)) throw new Error(`Unknown job queue: ${name}`);
      const id = randomUUID();
      const ex = o.in ?? db;
      await insertJobReport(ex, { jobId: id, queue: name, accountId: o.authorId ?? null });
      const startAfter = typeof o.startAfter === 'number' ? new Date(Date.now() + o.startAfter * 1000) : o.startAfter;
      await boss.send(name, data, { id, db: executorBossDatabase(ex), ...(startAfter ? { startAfter } : {}) });
      return id;
    },
    async stop(s = {}) {
      if (current === queue) current = undefined;
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: s.graceful ?? true, timeout: s.timeoutMs ?? 10_000, close: true });
    },
  };
  current = queue;
  return queue;
}
