/**
 * ESS relance benchmark (issue 14): 5,000 projects × 200 measures.
 * - every verdict through the engine alone (fast path), against the baseline
 *   of the same run: verdicts with their French sentences on a tenth of the pairs;
 * - every verdict through the API's batch endpoint (`POST /api/measures/verdicts`,
 *   one letter per project and measure) on an embedded database;
 * - one project's measures with sentences (`GET /api/projects/{id}/measures`),
 *   against one measure's read (`GET /api/measures/{id}`);
 * - obstacle statistics (`GET /api/obstacles/stats`) over 20,000 obstacles
 *   and 100,000 actions, against a bare count of the same rows.
 * Targets: < 2 s, < 2 s, < 50 ms, < 200 ms. Medians of several runs.
 *
 *   npm run bench:relance
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { checkEligibility, compileMeasure, verdictOf } from '../engines/eligibility/eligibility';
import { randomEligibilityInstance } from '../engines/eligibility/generate';
import { buildApp } from '../server/app';
import { wrapPGlite } from '../server/db/connection';
import { migrateToLatest } from '../server/db/migrator';
import { insertOrganisations } from '../server/modules/organisations/organisation-queries';
import { insertProjects } from '../server/modules/projects/project-queries';
import { ensureReferenceData } from '../server/modules/territories/territory-reference';
import { tokenAccount } from '../server/test/test-db';
import { percentile } from './stats';

const now = () => performance.now();
const say = (s: string) => process.stdout.write(`${s}\n`);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => percentile(xs, 50);
async function timed(runs: number, f: () => unknown | Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await f();
    out.push(now() - t);
  }
  return median(out);
}

const N_PROJECTS = 5000;
const N_MEASURES = 200;
const today = '2021-01-15';
const { subjects, measures } = randomEligibilityInstance(N_PROJECTS, N_MEASURES, 2020);

say(`== ESS relance: ${N_PROJECTS} projects × ${N_MEASURES} measures`);
{
  let counts = { e: 0, c: 0, n: 0 };
  const engine = await timed(5, () => {
    counts = { e: 0, c: 0, n: 0 };
    for (const m of measures) {
      const c = compileMeasure(m);
      for (const s of subjects) {
        const v = verdictOf(c, s, today);
        if (v === 'eligible') counts.e++;
        else if (v === 'to_check') counts.c++;
        else counts.n++;
      }
    }
  });
  const sample = subjects.slice(0, N_PROJECTS / 10);
  const explained = await timed(3, () => {
    for (const m of measures) {
      const c = compileMeasure(m);
      for (const s of sample) checkEligibility(c, s, { today });
    }
  });
  say(`engine, every verdict (${(N_PROJECTS * N_MEASURES).toLocaleString('en')} pairs): median ${ms(engine)} (target < 2000 ms)`);
  say(`  eligible ${counts.e}, to check ${counts.c}, not eligible ${counts.n}`);
  say(`  baseline, verdicts with sentences on a tenth of the pairs: median ${ms(explained)} (×10 ≈ ${ms(explained * 10)})`);
}

{
  const open = wrapPGlite(await PGlite.create({ parsers: { 1082: (v: string) => v } }));
  const db = open.db;
  await migrateToLatest(db as never);
  await ensureReferenceData(db);
  const communes = ['75056', '69123', '13055', '31555', '34172', '26362', '73065', '35238', '59350', '44109', '38185', '46102'];
  const orgIds = await insertOrganisations(
    db,
    subjects.map(
      (s, i) =>
        ({
          name: `Structure ${i + 1}`,
          kind: s.kind === 'siae' ? 'ess_structure' : (s.kind ?? 'ess_structure'),
          ess: s.ess ?? false,
          esus: (s.ess ?? false) && (s.esus ?? false),
          legalCategory: s.legalCategory ?? undefined,
          communeCode: communes[i % communes.length],
        }) as never,
    ),
  );
  await sql`insert into organisation_relance_facts (organisation_id, founded_on, size)
    select id, date '1990-01-01' + (abs(hashtext(id::text)) % 10000), (array['tpe','pme','eti','ge'])[1 + abs(hashtext(id::text)) % 4] from organisations`.execute(
    db,
  );
  const projectIds = await insertProjects(
    db,
    subjects.map(
      (s, i) => ({ title: `Projet ${i + 1}`, leadOrganisationId: orgIds[i], stage: s.stage ?? 'launch', fundingNeedEur: s.fundingNeedEur }) as never,
    ),
  );
  const operator = (await insertOrganisations(db, [{ name: 'Bpifrance', kind: 'public_operator' } as never]))[0] as string;
  const measureIds: string[] = [];
  for (const [i, m] of measures.entries()) {
    const row = await db
      .insertInto('recovery_measures')
      .values({
        name: `Mesure ${i + 1}`,
        operator_organisation_id: operator,
        component: 'cohesion',
        window_kind: 'open_window',
        opens_on: '2020-09-01',
        closes_on: i % 2 ? '2021-06-30' : null,
        rules: JSON.stringify(m.rules),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    measureIds.push(row.id);
  }
  // 20,000 obstacles over 2020–2021, a third lifted, five actions each.
  await sql`insert into obstacles (title, measure_id, operator_organisation_id, project_id, category, severity, status, created_at, lifted_at, resolution)
    select 'Frein ' || g, (${measureIds}::uuid[])[1 + g % ${measureIds.length}], ${operator}, (${projectIds}::uuid[])[1 + g % ${projectIds.length}],
      (array['eligibility','delay','documents','cash_flow','regulation','information','other'])[1 + g % 7], 1 + g % 3,
      case when g % 3 = 0 then 'lifted' else (array['open','in_progress','not_lifted','out_of_scope'])[1 + g % 4] end,
      timestamptz '2020-11-01' + (g % 400) * interval '1 day',
      case when g % 3 = 0 then timestamptz '2020-11-01' + (g % 400) * interval '1 day' + (1 + g % 90) * interval '1 day' end,
      case when g % 3 = 0 then 'Levé' end
    from generate_series(1, 20000) g`.execute(db);
  await sql`insert into obstacle_actions (obstacle_id, kind, comment, created_at)
    select o.id, 'comment', 'Point d''étape', o.created_at + k * interval '1 day' from obstacles o, generate_series(1, 5) k`.execute(db);
  await sql`analyze`.execute(db);

  const app = await buildApp({ db, jobs: { work: false } });
  const token = 'essaim_bench-admin';
  await tokenAccount(db, { email: 'bench@essaim.test', roles: [{ role: 'admin' }], token });
  const inject = (o: { method?: 'GET' | 'POST'; url: string; payload?: unknown }) =>
    app.inject({ ...o, headers: { authorization: `Bearer ${token}` } } as never) as unknown as Promise<{
      statusCode: number;
      json: () => unknown;
      body: string;
    }>;

  const check = async (r: Promise<{ statusCode: number; body: string; json: () => unknown }>) => {
    const x = await r;
    if (x.statusCode !== 200) throw new Error(`${x.statusCode} ${x.body.slice(0, 200)}`);
    return x;
  };
  const batch = await timed(5, () => check(inject({ method: 'POST', url: '/api/measures/verdicts', payload: {} })));
  const sampleBatch = (await (await check(inject({ method: 'POST', url: '/api/measures/verdicts', payload: {} }))).json()) as {
    projectIds: string[];
    measures: unknown[];
  };
  say(
    `API batch POST /api/measures/verdicts (${sampleBatch.projectIds.length} projects × ${sampleBatch.measures.length} measures): median ${ms(batch)} (target < 2000 ms)`,
  );

  const project = projectIds[17] as string;
  const one = await timed(20, () => check(inject({ url: `/api/projects/${project}/measures` })));
  const oneMeasure = await timed(20, () => check(inject({ url: `/api/measures/${measureIds[0]}` })));
  say(`one project's measures GET /api/projects/{id}/measures (${N_MEASURES} measures with sentences): median ${ms(one)} (target < 50 ms)`);
  say(`  baseline, one measure GET /api/measures/{id}: median ${ms(oneMeasure)}`);

  const stats = await timed(10, () => check(inject({ url: '/api/obstacles/stats' })));
  const count = await timed(10, () => sql`select count(*) from obstacles`.execute(db));
  say(`obstacle statistics GET /api/obstacles/stats (20,000 obstacles, 100,000 actions): median ${ms(stats)} (target < 200 ms)`);
  say(`  baseline, select count(*) from obstacles: median ${ms(count)}`);
  await app.close();
  await open.close();
}
