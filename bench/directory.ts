/**
 * Directory benchmark on the national-scale dataset (250,000 organisations,
 * 20,000 projects): p50/p95 of list searches and /api/stats through the HTTP
 * app in-process, on the embedded database (or DATABASE_URL), next to a
 * baseline measured in the same run: the same searches as plain ILIKE scans
 * without the French full-text index.
 *
 *   npm run bench:directory                 # fresh temporary PGlite, seeded here
 *   ESSAIM_BENCH_DIR=/tmp/b npm run bench:directory   # reuse a seeded folder
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { readConfig } from '../server/config';
import { NATIONAL, seedNational } from '../server/seed/national';
import { fmt, timeRuns } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const config = readConfig({ ...process.env, LOG_LEVEL: 'silent' });
const temporary = config.database.kind === 'pglite' && !process.env.ESSAIM_BENCH_DIR;
if (config.database.kind === 'pglite') {
  config.database.dataDir = process.env.ESSAIM_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'essaim-bench-'));
}
const say = (s: string) => process.stdout.write(`${s}\n`);

const open = await prepareDatabase(config, { purpose: 'bench:directory' });
try {
  const { n } = await open.db.selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (n === 0) {
    const t0 = performance.now();
    let last = 0;
    await seedNational(open.db, {
      onProgress: (step, done, total) => {
        if (performance.now() - last > 5000) {
          last = performance.now();
          process.stderr.write(`  ${step} ${done}/${total}\n`);
        }
      },
    });
    say(`dataset: national scale seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const counts = await sql<{ o: number; p: number }>`select (select count(*)::int from organisations) o, (select count(*)::int from projects) p`.execute(
    open.db,
  );
  say(`dataset: ${counts.rows[0]?.o} organisations, ${counts.rows[0]?.p} projects (target ${NATIONAL.organisations} / ${NATIONAL.projects}) on ${open.kind}`);

  const app = await buildApp({ db: open.db });
  const words = ['recyclerie', 'solidaire', 'jardins', 'insertion', 'energie', 'atelier', 'tiers-lieu', 'alimentation', 'mobilite', 'habitat'];
  const deps = ['69', '73', '13', '31', '59', '33', '44', '75', '35', '67'];
  const regions = ['84', '76', '32', '11', '53', '93', '44', '75', '28', '52'];
  const themes = ['economie-circulaire', 'emploi-insertion', 'relocalisation', 'logement', 'mobilite'];
  const get = async (url: string) => {
    const r = await app.inject({ url });
    if (r.statusCode !== 200) throw new Error(`${url} → ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r;
  };
  const cases: Array<[string, (i: number) => string]> = [
    ['organisations: text + département', (i) => `/api/organisations?q=${words[i % 10]}&territory=departement:${deps[(i * 3) % 10]}`],
    ['organisations: text alone', (i) => `/api/organisations?q=${words[i % 10]}`],
    ['organisations: theme + région', (i) => `/api/organisations?theme=${themes[i % 5]}&territory=region:${regions[i % 10]}`],
    ['projects: text + département', (i) => `/api/projects?q=${words[i % 10]}&territory=departement:${deps[(i * 3) % 10]}`],
    ['projects: text alone', (i) => `/api/projects?q=${words[i % 10]}`],
    ['projects: theme + région', (i) => `/api/projects?theme=${themes[i % 5]}&territory=region:${regions[i % 10]}`],
    ['/api/stats', () => '/api/stats'],
  ];
  say(`\n${'query'.padEnd(38)} ${'p50'.padStart(10)} ${'p95'.padStart(10)}   target (p95)`);
  for (const [label, url] of cases) {
    for (let i = 0; i < 5; i++) await get(url(i));
    const { p50, p95 } = await timeRuns(RUNS, (i) => get(url(i)));
    const target = label === '/api/stats' ? 100 : 50;
    say(`${label.padEnd(38)} ${fmt(p50).padStart(10)} ${fmt(p95).padStart(10)}   < ${target} ms ${p95 < target ? 'OK' : 'MISSED'}`);
  }

  // Baseline: the same organisation searches without the index (ILIKE scans on name and description).
  say('\nbaseline (same run): ILIKE scans without the full-text index');
  const baseline: Array<[string, (i: number) => Promise<unknown>]> = [
    [
      'organisations: text + département',
      (i) =>
        sql`select id, (select count(*) from organisations o2 join communes c2 on c2.code = o2.commune_code where (o2.name ilike ${`%${words[i % 10]}%`} or o2.description ilike ${`%${words[i % 10]}%`}) and c2.departement_code = ${deps[(i * 3) % 10]}) as total
            from organisations o join communes c on c.code = o.commune_code
            where (o.name ilike ${`%${words[i % 10]}%`} or o.description ilike ${`%${words[i % 10]}%`}) and c.departement_code = ${deps[(i * 3) % 10]} order by lower(o.name) limit 20`.execute(
          open.db,
        ),
    ],
    [
      'organisations: text alone',
      (i) =>
        sql`select id, (select count(*) from organisations o2 where o2.name ilike ${`%${words[i % 10]}%`} or o2.description ilike ${`%${words[i % 10]}%`}) as total
            from organisations o where o.name ilike ${`%${words[i % 10]}%`} or o.description ilike ${`%${words[i % 10]}%`} order by lower(o.name) limit 20`.execute(
          open.db,
        ),
    ],
  ];
  for (const [label, run] of baseline) {
    await run(0);
    const { p50, p95 } = await timeRuns(Math.min(RUNS, 15), run);
    say(`${label.padEnd(38)} ${fmt(p50).padStart(10)} ${fmt(p95).padStart(10)}`);
  }
  await app.close();
} finally {
  await open.close();
  if (temporary && config.database.kind === 'pglite') rmSync(config.database.dataDir, { recursive: true, force: true });
}
