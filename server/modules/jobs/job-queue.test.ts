import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/connection';
import { eventually } from '../../test/fixtures';
import { onPostgres, testDatabase } from '../../test/test-db';
import { completeJob, getJob } from './job-queries';
import { defineJob, type JobQueue, startJobQueue } from './job-queue';

let open: OpenDatabase;
let queue: JobQueue;
const runs: Record<string, number> = {};
const started: Record<string, number> = {};

const echo = defineJob<{ text: string }>({
  name: 'test.echo',
  label: 'Écho',
  async run(job) {
    started[job.id] = Date.now();
    runs[job.id] = (runs[job.id] ?? 0) + 1;
    await job.report({ phase: 'écho', done: 1, total: 2 });
    return { echoed: job.data.text };
  },
});
const flaky = defineJob<{ failures: number }>({
  name: 'test.flaky',
  label: 'Instable',
  retryDelay: 1,
  async run(job) {
    runs[job.id] = (runs[job.id] ?? 0) + 1;
    if (job.retryCount < job.data.failures) throw new Error(`échec n° ${job.retryCount + 1}`);
    return { attempts: job.retryCount + 1 };
  },
});
const hopeless = defineJob({
  name: 'test.hopeless',
  label: 'Sans espoir',
  retryLimit: 1,
  retryDelay: 1,
  async run() {
    throw new Error('Le fichier a disparu');
  },
});
const effect = defineJob<{ n: number }>({
  name: 'test.effect',
  label: 'Effet',
  async run(job) {
    runs[job.id] = (runs[job.id] ?? 0) + 1;
    await open.db.transaction().execute(async (tx) => completeJob(tx, job.id, { n: job.data.n }));
    // Dies after its work committed, before pg-boss records the end: the retry must not work again.
    if (job.retryCount === 0) throw new Error('coupure');
    return { n: -1 };
  },
});

beforeAll(async () => {
  open = await testDatabase();
  queue = await startJobQueue(open.db, [echo, flaky, hopeless, effect], { pollingIntervalSeconds: 0.5 });
}, 60_000);
afterAll(async () => {
  await queue?.stop({ timeoutMs: 2000 });
  await open?.close();
});

describe(`job queue on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('runs an enqueued job once, keeps its result and the progress it reported', async () => {
    const id = await queue.enqueue('test.echo', { text: 'bonjour' });
    const job = await eventually(async () => {
      const j = await getJob(open.db, id);
      return j?.state === 'completed' && j;
    });
    expect(job.output).toEqual({ echoed: 'bonjour' });
    expect([job.phase, job.done, job.total]).toEqual(['écho', 1, 2]);
    expect(runs[id]).toBe(1);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const id = await queue.enqueue('test.flaky', { failures: 2 });
    const job = await eventually(async () => {
      const j = await getJob(open.db, id);
      return j?.state === 'completed' && j;
    });
    expect(job.output).toEqual({ attempts: 3 });
    expect(job.retry_count).toBe(2);
    expect(runs[id]).toBe(3);
  });

  it('marks a job failed with its error once its retries are spent', async () => {
    const id = await queue.enqueue('test.hopeless', {});
    const job = await eventually(async () => {
      const j = await getJob(open.db, id);
      return j?.state === 'failed' && j;
    });
    expect(job.retry_count).toBe(1);
    expect((job.output as { message: string }).message).toBe('Le fichier a disparu');
  });

  it('does not do committed work twice when the attempt dies before pg-boss records its end', async () => {
    const id = await queue.enqueue('test.effect', { n: 7 });
    const job = await eventually(async () => {
      const j = await getJob(open.db, id);
      return j?.state === 'completed' && j;
    });
    expect(runs[id]).toBe(1);
    expect(job.output).toEqual({ n: 7 });
  });

  it('a job enqueued in a transaction that rolls back leaves no job', async () => {
    let id = '';
    await expect(
      open.db.transaction().execute(async (tx) => {
        id = await queue.enqueue('test.echo', { text: 'annulé' }, { in: tx });
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    await sleep(1500);
    expect(await getJob(open.db, id)).toBeUndefined();
    expect(runs[id]).toBeUndefined();
  });

  it('runs a job while a long Kysely transaction is open, never inside it', async () => {
    const id = await queue.enqueue('test.echo', { text: 'pendant' });
    let txEnded = 0;
    // A transaction held open for 2.5 s (five polling intervals), writing a row, then rolled back.
    await expect(
      open.db.transaction().execute(async (tx) => {
        await tx.insertInto('job_reports').values({ job_id: '00000000-0000-4000-8000-000000000001', queue: 'test.echo', account_id: null }).execute();
        await sleep(2500);
        txEnded = Date.now();
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const job = await eventually(async () => {
      const j = await getJob(open.db, id);
      return j?.state === 'completed' && j;
    });
    expect(runs[id]).toBe(1);
    expect(job.output).toEqual({ echoed: 'pendant' });
    // The transaction's row is gone; pg-boss's work was not in it (the job stayed completed).
    const leaked = await open.db.selectFrom('job_reports').select('job_id').where('job_id', '=', '00000000-0000-4000-8000-000000000001').execute();
    expect(leaked).toEqual([]);
    // On the one embedded connection, the job could only start once the transaction had ended.
    if (!onPostgres) expect(started[id]).toBeGreaterThanOrEqual(txEnded);
  }, 30_000);
});
