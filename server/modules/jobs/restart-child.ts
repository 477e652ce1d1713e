/**
 * One life of a server for the restart test (restart.test.ts): opens the
 * database given in argv, then either enqueues a job and waits to be killed
 * (`enqueue`), or runs the queue (`work`) until the job is done. Each run of
 * the job's handler appends a line to the runs file: the test counts them.
 */
import { appendFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrator';
import { completeJob, getJob } from './job-queries';
import { defineJob, startJobQueue } from './job-queue';

const [mode, target, runsFile] = process.argv.slice(2) as ['enqueue' | 'work', string, string];
const open = await openDatabase(target.startsWith('postgres') ? { kind: 'postgres', url: target } : { kind: 'pglite', dataDir: target }, 'test de redémarrage');
await migrateToLatest(open.db as Kysely<unknown>);
const credit = defineJob<{ amount: number }>({
  name: 'test.restart',
  label: 'Crédit',
  async run(job) {
    appendFileSync(runsFile, `${job.id}\n`);
    await open.db.transaction().execute(async (tx) => completeJob(tx, job.id, { credited: job.data.amount }));
    return { credited: job.data.amount };
  },
});
const queue = await startJobQueue(open.db, [credit], { work: mode === 'work', pollingIntervalSeconds: 0.5 });
if (mode === 'enqueue') {
  const id = await queue.enqueue('test.restart', { amount: 42 });
  process.stdout.write(`enqueued ${id}\n`);
  // Killed here (kill -9) by the test, the job not yet run.
  setInterval(() => {}, 1000);
} else {
  const id = process.argv[5] as string;
  for (;;) {
    const job = await getJob(open.db, id);
    if (job?.state === 'completed') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  process.stdout.write('done\n');
  await queue.stop({ timeoutMs: 2000 });
  await open.close();
  process.exit(0);
}
