/**
 * Indicators benchmark (issue 17) on the national-scale dataset (250,000
 * organisations, 20,000 projects, seeded here unless ESSAIM_BENCH_DIR points
 * to a seeded folder): every indicator of a year (< 1 s in total), one
 * indicator with its breakdown by département (< 100 ms), the 2020 review's
 * PDF (< 20 s) and its size. Baseline of the same run: today's key figures
 * (/api/stats' one statement, unmemoised), which count the same tables.
 *
 *   npm run bench:indicators
 *   ESSAIM_BENCH_DIR=/tmp/b npm run bench:indicators   # reuse a seeded folder
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { prepareDatabase } from '../server/bootstrap';
import { readConfig } from '../server/config';
import { systemActor } from '../server/policies/actor';
import { readIndicator, yearValues } from '../server/modules/indicators/indicator-service';
import { renderAnnualReview } from '../server/modules/reports/annual-review-pdf';
import { annualReviewContent } from '../server/modules/reports/report-service';
import { keyFigures } from '../server/modules/stats/stats-queries';
import { NATIONAL, seedNational } from '../server/seed/national';
import { fmt, timeRuns } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const config = readConfig({ ...process.env, LOG_LEVEL: 'silent' });
if (config.database.kind === 'pglite') config.database.dataDir = process.env.ESSAIM_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'essaim-bench-'));
const say = (s: string) => process.stdout.write(`${s}\n`);

const open = await prepareDatabase(config, { purpose: 'bench:indicators' });
try {
  const db = open.db;
  const { n } = await db.selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (n === 0) {
    const t0 = performance.now();
    await seedNational(db);
    say(`dataset: national scale seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const counts = await sql<{ o: number; p: number }>`select (select count(*)::int from organisations) o, (select count(*)::int from projects) p`.execute(db);
  say(`dataset: ${counts.rows[0]?.o} organisations, ${counts.rows[0]?.p} projects (target ${NATIONAL.organisations} / ${NATIONAL.projects}) on ${open.kind}`);

  const now = new Date();
  const rows: Array<[string, number, string]> = [];
  const measure = async (label: string, target: string, fn: (i: number) => Promise<unknown>) => {
    await fn(0);
    const { p50 } = await timeRuns(RUNS, fn);
    rows.push([label, p50, target]);
  };
  await measure('every indicator of 2020', '< 1000 ms', () => yearValues(db, 2020));
  await measure('organisations by département, 2020', '< 100 ms', () =>
    readIndicator(db, systemActor, 'organisations', { year: 2020, by: 'departement' }, now),
  );
  await measure(`organisations by département, ${now.getUTCFullYear()} (every one)`, '< 100 ms', () =>
    readIndicator(db, systemActor, 'organisations', { year: now.getUTCFullYear(), by: 'departement' }, now),
  );
  await measure('projects by département, 2020', '< 100 ms', () => readIndicator(db, systemActor, 'projects', { year: 2020, by: 'departement' }, now));
  await measure('siae by département, 2020', '< 100 ms', () => readIndicator(db, systemActor, 'siae', { year: 2020, by: 'departement' }, now));
  await measure('baseline: key figures today (one statement)', '—', () => keyFigures(db));
  say(`\n${'measure'.padEnd(46)} ${'median'.padStart(10)}   target`);
  for (const [label, p50, target] of rows) {
    const limit = Number(target.replace(/[^0-9]/g, ''));
    say(`${label.padEnd(46)} ${fmt(p50).padStart(10)}   ${target}${limit ? (p50 < limit ? ' OK' : ' MISSED') : ''}`);
  }
  const t0 = performance.now();
  const pdf = await renderAnnualReview(await annualReviewContent(db, 2020));
  say(`\nannual review 2020 PDF: ${fmt(performance.now() - t0)} (< 20 s), ${(pdf.length / 1024).toFixed(1)} KiB`);
} finally {
  await open.close();
}
