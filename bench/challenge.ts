/**
 * Challenges benchmark (issue 16): 40,000 enrolled structures × 6 steps with
 * 200,000 progress records, on the embedded database and, when
 * BENCH_DATABASE_URL names a PostgreSQL database (whose name contains
 * « bench »: its public schema is dropped), on PostgreSQL too.
 * - the dashboard (`GET /api/challenges/{id}/dashboard`: funnel, by région,
 *   stuck…), against a bare count of the enrolments (target < 200 ms);
 * - a bulk enrolment by a file of 4,000 SIRETs (`…/enrolments/import`),
 *   against its dry run (target < 5 s);
 * - a progress import of 20,000 rows (`…/progress/import`), against its dry
 *   run (target < 15 s).
 * Medians of several runs, all through the HTTP app in-process.
 *
 *   npm run bench:challenge
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_challenges npm run bench:challenge
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { withLuhnKey } from '../shared/siret';
import { buildApp } from '../server/app';
import { type Database, postgresDatabase, wrapPGlite } from '../server/db/connection';
import { migrateToLatest } from '../server/db/migrator';
import { insertOrganisations } from '../server/modules/organisations/organisation-queries';
import { ensureReferenceData } from '../server/modules/territories/territory-reference';
import { multipart } from '../server/test/fixtures';
import { tokenAccount } from '../server/test/test-db';
import { percentile } from './stats';

const say = (s: string) => process.stdout.write(`${s}\n`);
const ms = (x: number) => `${x.toFixed(1)} ms`;
async function timed(runs: number, f: (i: number) => unknown | Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return percentile(out, 50);
}

const N_STRUCTURES = 40_000;
const N_RECORDS = 200_000;
const STEPS = 6;
const siretOf = (n: number) => withLuhnKey(`${withLuhnKey(`7${String(n).padStart(7, '0')}`)}0001`);

async function run(label: string, db: Database) {
  say(`\n== ${label}: ${N_STRUCTURES.toLocaleString('en')} structures × ${STEPS} steps, ${N_RECORDS.toLocaleString('en')} progress records`);
  await migrateToLatest(db as never);
  await ensureReferenceData(db);
  const communes = (await sql<{ code: string }>`select code from communes order by population desc nulls last, code limit 3000`.execute(db)).rows.map(
    (r) => r.code,
  );
  const kinds = ['ACI', 'AI', 'EI', 'ETTI', 'EITI'] as const;
  let t = performance.now();
  for (let i = 0; i < N_STRUCTURES; i += 5000)
    await insertOrganisations(
      db,
      Array.from({ length: Math.min(5000, N_STRUCTURES - i) }, (_, j) => ({
        name: `SIAE ${i + j + 1}`,
        kind: 'siae',
        siaeKind: kinds[(i + j) % kinds.length],
        siret: siretOf(i + j + 1),
        communeCode: communes[(i + j) % communes.length],
      })) as never,
    );
  say(`setup: ${N_STRUCTURES.toLocaleString('en')} SIAE in ${ms(performance.now() - t)}`);

  const app = await buildApp({ db, jobs: { work: false } });
  const token = 'essaim_bench-admin';
  await tokenAccount(db, { email: 'bench@essaim.test', roles: [{ role: 'admin' }], token });
  const inject = async (o: { method?: 'GET' | 'POST'; url: string; payload?: unknown; headers?: Record<string, string> }) => {
    const r = await app.inject({ ...o, headers: { authorization: `Bearer ${token}`, ...o.headers } } as never);
    if (r.statusCode >= 300) throw new Error(`${o.url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };
  const steps = Array.from({ length: STEPS }, (_, k) => ({ label: `Étape ${k + 1}`, measure: `Mesure ${k + 1}`, target: k < 2 ? 1 : 10 }));
  const newChallenge = async (title: string) =>
    (await inject({
      method: 'POST',
      url: '/api/challenges',
      payload: { title, targetKind: 'siae', steps, startsOn: '2020-01-01', endsOn: '2021-12-31' },
    })) as { id: string; steps: Array<{ id: string }> };

  // The bulk enrolment by file: 4,000 SIRETs, each run into a challenge of its own.
  const file = new TextEncoder().encode(`SIRET\n${Array.from({ length: 4000 }, (_, i) => siretOf(i * 7 + 1)).join('\n')}\n`);
  const enrolDry = await timed(3, async () => {
    const c = await newChallenge('Essai');
    await inject({ method: 'POST', url: `/api/challenges/${c.id}/enrolments/import?dryRun=true`, ...multipart('siret.csv', file) });
  });
  const enrol = await timed(3, async (i) => {
    const c = await newChallenge(`Inscription ${i}`);
    const r = (await inject({ method: 'POST', url: `/api/challenges/${c.id}/enrolments/import`, ...multipart('siret.csv', file) })) as { enrolled: number };
    if (r.enrolled !== 4000) throw new Error(`enrolled ${r.enrolled}`);
  });
  say(`bulk enrolment of 4,000 SIRETs POST …/enrolments/import: median ${ms(enrol)} (target < 5000 ms)`);
  say(`  baseline, its dry run (read and check every row, nothing written): median ${ms(enrolDry)}`);

  // The challenge of the benchmark: every structure enrolled by a filter, 200,000 records.
  const main = await newChallenge('Inclusion numérique');
  t = performance.now();
  await inject({ method: 'POST', url: `/api/challenges/${main.id}/enrolments`, payload: { filter: {} } });
  say(`setup: ${N_STRUCTURES.toLocaleString('en')} enrolled by a filter in ${ms(performance.now() - t)}`);
  t = performance.now();
  // Structure n reaches step n % 7 (0 to 6 steps done), records spread over 2020–2021, some partway (value short of the target).
  await sql`
    insert into challenge_progress (challenge_id, organisation_id, step_id, value, recorded_on)
    select ${main.id}::uuid, e.organisation_id, (${main.steps.map((s) => s.id)}::uuid[])[1 + (g % ${STEPS})],
      case when g % 11 = 0 then 0 else 12 end,
      date '2020-01-05' + ((g * 37) % 700)::int
    from (select organisation_id, row_number() over (order by organisation_id) as n from challenge_enrolments where challenge_id = ${main.id}) e
    cross join lateral generate_series(e.n * 5, e.n * 5 + 4) g`.execute(db);
  // Enrolled at the start of 2020, as the records say (the filter enrolled them today).
  await sql`update challenge_enrolments set enrolled_on = date '2020-01-01', stage_since = date '2020-01-01' where challenge_id = ${main.id}`.execute(db);
  // Written by SQL here: their weeks counted as insertProgress counts them.
  await sql`insert into challenge_weeks (challenge_id, week, records)
    select challenge_id, date_trunc('week', recorded_on)::date, count(*) from challenge_progress where challenge_id = ${main.id} group by 1, 2`.execute(db);
  await sql`analyze`.execute(db);
  const structures = (await db.selectFrom('challenge_enrolments').select('organisation_id').where('challenge_id', '=', main.id).execute()).map(
    (r) => r.organisation_id,
  );
  const { refreshEnrolments } = await import('../server/modules/challenges/challenge-queries');
  await refreshEnrolments(db, main.id, structures);
  const n = (await sql<{ n: number }>`select count(*)::int as n from challenge_progress where challenge_id = ${main.id}`.execute(db)).rows[0]?.n;
  say(`setup: ${n?.toLocaleString('en')} progress records and every structure's steps counted in ${ms(performance.now() - t)}`);
  await sql`analyze`.execute(db);

  const d = (await inject({ url: `/api/challenges/${main.id}/dashboard` })) as { enrolled: number; funnel: Array<{ count: number }>; stuck: { total: number } };
  say(`  dashboard: ${d.enrolled} enrolled, funnel ${d.funnel.map((s) => s.count).join(' / ')}, ${d.stuck.total} stuck`);
  const dash = await timed(15, () => inject({ url: `/api/challenges/${main.id}/dashboard` }));
  const bare = await timed(15, () => sql`select count(*) from challenge_enrolments where challenge_id = ${main.id}`.execute(db));
  const one = await timed(15, () => inject({ url: `/api/challenges/${main.id}` }));
  say(`dashboard GET /api/challenges/{id}/dashboard: median ${ms(dash)} (target < 200 ms)`);
  say(`  baseline, select count(*) of the enrolments: median ${ms(bare)}; the challenge GET /api/challenges/{id}: median ${ms(one)}`);

  // A progress import of 20,000 rows over 5,000 structures.
  const rows = Array.from(
    { length: 20_000 },
    (_, i) => `${siretOf(1 + ((i * 13) % N_STRUCTURES))};${1 + (i % STEPS)};${i % 12};${2020 + (i % 2)}-0${1 + (i % 9)}-15;`,
  );
  const progressFile = new TextEncoder().encode(`SIRET;Étape;Valeur;Date;Preuve\n${rows.join('\n')}\n`);
  const importDry = await timed(3, () =>
    inject({ method: 'POST', url: `/api/challenges/${main.id}/progress/import?dryRun=true`, ...multipart('releves.csv', progressFile) }),
  );
  const imported = await timed(3, async () => {
    const r = (await inject({ method: 'POST', url: `/api/challenges/${main.id}/progress/import`, ...multipart('releves.csv', progressFile) })) as {
      imported: number;
    };
    if (r.imported !== 20_000) throw new Error(`imported ${r.imported}`);
  });
  say(`progress import of 20,000 rows POST …/progress/import: median ${ms(imported)} (target < 15000 ms)`);
  say(`  baseline, its dry run (read and check every row, nothing written): median ${ms(importDry)}`);
  const after = await timed(9, () => inject({ url: `/api/challenges/${main.id}/dashboard` }));
  say(`dashboard after the imports (${(N_RECORDS + 60_000).toLocaleString('en')} records): median ${ms(after)} (target < 200 ms)`);
  await app.close();
}

{
  const open = wrapPGlite(await PGlite.create({ parsers: { 1082: (v: string) => v } }));
  await run('embedded database (PGlite)', open.db);
  await open.close();
}
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  if (!new URL(url).pathname.includes('bench'))
    throw new Error('BENCH_DATABASE_URL must name a database whose name contains « bench » (its schema is dropped).');
  const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  await sql`drop schema if exists public cascade`.execute(admin);
  await sql`drop schema if exists pgboss cascade`.execute(admin);
  await sql`create schema public`.execute(admin);
  await admin.destroy();
  const db = postgresDatabase(url, 5);
  await run('PostgreSQL', db);
  await db.destroy();
} else say('\n(PostgreSQL: set BENCH_DATABASE_URL=postgres://…/bench_challenges to measure it too)');
