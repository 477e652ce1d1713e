import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../shared/schemas/organisation';
import { projectInput } from '../../shared/schemas/project';
import { listOrganisationIds, getOrganisations } from '../modules/organisations/organisation-queries';
import { listProjectIds, getProjects } from '../modules/projects/project-queries';
import { demoApp } from '../test/test-db';
import { seedDemo } from './demo';
import { frenchDefects, titleDefect } from './french-defects';

let t: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  t = await demoApp();
}, 180_000);
afterAll(() => t.close());

describe('demo network', () => {
  it('reproduces the 2020 review figures in /api/stats', async () => {
    const r = await t.app.inject({ url: '/api/stats' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      collectives: 27,
      projects: 400,
      pioneers: 22,
      champions: 104,
      funds: 25,
      advisors: 45,
      publicSponsors: 100,
      administrations: 20,
      siae: 4000,
      sectorProgrammes: 2,
    });
    expect(r.json().fundsMobilisableEur).toBeGreaterThanOrEqual(600_000_000);
  });

  it('counts collectives and projects per département and région for the map, consistently with the lists', async () => {
    const deps = (await t.app.inject({ url: '/api/stats/territories' })).json();
    expect(deps.level).toBe('departement');
    // The 101 départements, and the overseas collectivities the INSEE reference lists with them.
    expect(deps.items.length).toBeGreaterThanOrEqual(101);
    const savoie = deps.items.find((d: { code: string }) => d.code === '73');
    expect(savoie).toMatchObject({ name: 'Savoie', regionCode: '84' });
    for (const code of ['73', '976', '46']) {
      const row = deps.items.find((d: { code: string }) => d.code === code);
      const projects = (await t.app.inject({ url: `/api/projects?territory=departement:${code}&pageSize=1` })).json().total;
      const collectives = (await t.app.inject({ url: `/api/collectives?territory=departement:${code}&pageSize=1` })).json().total;
      expect(row, code).toMatchObject({ projects, collectives });
      expect(collectives, code).toBeGreaterThan(0);
    }
    expect(deps.items.reduce((n: number, d: { projects: number }) => n + d.projects, 0)).toBe(400);
    const regions = (await t.anonymous.inject({ url: '/api/stats/territories?level=region' })).json();
    expect(regions.items.length).toBeGreaterThanOrEqual(18);
    expect(regions.items.find((r: { code: string }) => r.code === '84').projects).toBe(
      deps.items.filter((d: { regionCode: string }) => d.regionCode === '84').reduce((n: number, d: { projects: number }) => n + d.projects, 0),
    );
    expect((await t.anonymous.inject({ url: '/api/stats/territories?level=commune' })).statusCode).toBe(400);
  });

  it('places the named projects on their real communes and EPCI', async () => {
    const r = await t.app.inject({ url: '/api/projects?q=materio&territory=epci:200069110' });
    expect(r.json().items[0]).toMatchObject({ title: 'MatériO.TEC 73', communeCode: '73065', collectiveName: 'Collectif French Impact Grand Chambéry' });
    const v = await t.app.inject({ url: '/api/projects?q=voisiwatt&territory=departement:26' });
    expect(v.json().items[0]).toMatchObject({ title: 'VoisiWATT', communeName: 'Valence' });
    const c = await t.app.inject({ url: '/api/collectives?territory=commune:73065' });
    expect(c.json().items.map((k: { name: string }) => k.name)).toEqual(['Collectif French Impact Grand Chambéry']);
  });

  it('is valid against the shared schemas', async () => {
    const orgIds = await listOrganisationIds(t.db, { page: 1, pageSize: 20, kind: 'ess_structure' } as never);
    for (const o of await getOrganisations(t.db, orgIds)) expect(organisationInput.safeParse(writableOnly(o, organisationInput)).success, o.name).toBe(true);
    const projectIds = await listProjectIds(t.db, { page: 1, pageSize: 20 } as never);
    for (const p of await getProjects(t.db, projectIds)) expect(projectInput.safeParse(writableOnly(p, projectInput)).success, p.title).toBe(true);
  });

  it('reads as real French: no « de de », agreement, accented capitals, curly apostrophes, titles agreeing with people', async () => {
    const columns: Array<[table: string, column: string]> = [
      ['organisations', 'name'],
      ['organisations', 'description'],
      ['collectives', 'name'],
      ['collectives', 'territory_label'],
      ['collectives', 'description'],
      ['projects', 'title'],
      ['projects', 'summary'],
      ['projects', 'description'],
      ['funds', 'name'],
      ['funds', 'description'],
      ['pioneers', 'description'],
      ['sector_programmes', 'name'],
      ['sector_programmes', 'description'],
      ['sponsorship_needs', 'description'],
      ['sponsorships', 'closing_summary'],
      ['sponsorship_objectives', 'label'],
      ['sponsorship_sessions', 'notes'],
    ];
    const selects = columns.map(
      ([table, column]) => sql`select ${sql.lit(`${table}.${column}`)} as field, ${sql.ref(column)} as text from ${sql.table(table)}`,
    );
    const texts = await sql<{
      field: string;
      text: string;
    }>`${sql.join([...selects, sql`select 'people.titles', unnest(titles) from people`], sql` union all `)}`.execute(t.db);
    expect(texts.rows.length).toBeGreaterThan(5000);
    const defects = new Map<string, string>();
    for (const { field, text } of texts.rows) for (const d of frenchDefects(text)) defects.set(`${field}: ${d}`, text);
    const people = await sql<{ first_name: string; title: string }>`select first_name, unnest(titles) as title from people`.execute(t.db);
    for (const p of people.rows) {
      const d = titleDefect(p.first_name, p.title);
      if (d) defects.set(`people.titles: ${d}`, `${p.first_name}, ${p.title}`);
    }
    // One example of each kind of defect, to fix at its source in server/seed/.
    expect(Object.fromEntries(defects)).toEqual({});
    expect(people.rows.some((p) => p.title === 'Coordinatrice du collectif' && p.first_name === 'Merryl')).toBe(true);
    expect(people.rows.some((p) => p.title.startsWith('Coordinateur'))).toBe(true);
  });

  it('runs Hackers Publics: sponsors with expertise and capacity, 60 needs, 45 sponsorships across 2020, Toit à Moi’s as in the review', async () => {
    const stats = (await t.app.inject({ url: '/api/stats' })).json();
    expect(stats).toMatchObject({ publicSponsors: 100, administrations: 20 });
    const profiles = await sql<{
      n: number;
      min: number;
      max: number;
      bare: number;
    }>`select count(*)::int as n, min(capacity)::int as min, max(capacity)::int as max,
      (count(*) filter (where cardinality(expertise) = 0))::int as bare from sponsor_profiles`.execute(t.db);
    expect(profiles.rows[0]).toEqual({ n: 100, min: 1, max: 3, bare: 0 });
    const needs = (await t.app.inject({ url: '/api/sponsorship-needs?pageSize=200' })).json();
    expect(needs.total).toBe(60);
    expect(needs.items.filter((n: { status: string }) => n.status === 'open').length).toBe(15);
    const all = (await t.app.inject({ url: '/api/sponsorships?pageSize=200' })).json();
    expect(all.total).toBe(45);
    const count = (status: string) => (all.items as Array<{ status: string }>).filter((s) => s.status === status).length;
    expect({ active: count('active'), closed: count('closed'), proposed: count('proposed') }).toEqual({ active: 33, closed: 10, proposed: 2 });
    expect(stats.sponsorshipsActive).toBe(33);
    // Across 2020, each with its sessions, objectives and (once closed) outcomes and ratings.
    for (const s of all.items as Array<{
      status: string;
      startedAt: string | null;
      objectives: Array<{ outcome: string | null }>;
      sponsorSide: { rating: number | null };
    }>) {
      if (s.status === 'proposed') continue;
      expect(s.startedAt?.slice(0, 4)).toBe('2020');
      expect(s.objectives.length).toBeGreaterThan(0);
      if (s.status === 'closed') {
        expect(s.objectives.every((o) => o.outcome !== null)).toBe(true);
        expect(s.sponsorSide.rating).toBeGreaterThanOrEqual(1);
      }
    }
    const sessions = await sql<{
      n: number;
      first: string;
      last: string;
    }>`select count(*)::int as n, min(date)::text as first, max(date)::text as last from sponsorship_sessions`.execute(t.db);
    expect(sessions.rows[0]?.n).toBeGreaterThan(100);
    expect(sessions.rows[0]?.first.slice(0, 4)).toBe('2020');
    expect(sessions.rows[0]?.last.slice(0, 4)).toBe('2020');
    // Toit à Moi: statutes, « reconnaissance d'utilité publique », remote management.
    const toit = (
      all.items as Array<{
        organisationName: string;
        administrationName: string;
        reasons: Array<{ detail: string }>;
        categories: string[];
        objectives: Array<{ label: string; outcome: string | null }>;
        status: string;
      }>
    ).find((s) => s.organisationName === 'Toit à Moi');
    expect(toit).toMatchObject({ status: 'active', categories: ['statuts-gouvernance', 'utilite-publique', 'management-rh'] });
    expect(toit?.administrationName).toMatch(/DJEPVA/);
    expect(toit?.reasons.map((r) => r.detail)).toContain(
      'administration souhaitée par la structure (Direction de la jeunesse, de l’éducation populaire et de la vie associative (DJEPVA))',
    );
    expect(toit?.objectives.map((o) => [o.label, o.outcome])).toEqual([
      ['Statuts révisés adoptés en AG', 'achieved'],
      ['Dossier de reconnaissance d’utilité publique déposé', 'achieved'],
      ['Management à distance des équipes organisé', null],
    ]);
    // Each Pionnier's sponsor is a sponsorship record; no free-text sponsor is left on the pioneers.
    const pioneers = (await t.app.inject({ url: '/api/pioneers?pageSize=100' })).json().items as Array<Record<string, unknown> & { organisationId: string }>;
    expect(pioneers).toHaveLength(22);
    for (const p of pioneers) {
      expect(Object.keys(p).some((k) => k.startsWith('sponsor'))).toBe(false);
      const theirs = (all.items as Array<{ organisationId: string; status: string }>).filter((s) => s.organisationId === p.organisationId);
      expect(theirs.map((s) => s.status)).toEqual(['active']);
    }
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'pioneers'`.execute(t.db);
    expect(columns.rows.map((c) => c.column_name)).not.toContain('sponsor_id');
    // The demo sponsor has a proposal to answer; every sponsor stays within capacity.
    const mine = await t.anonymous.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'hacker.public@essaim.test', password: 'essaim-demo-2020' },
    });
    const cookie = mine.cookies.find((c) => c.name === 'essaim_session');
    const theirs = (await t.anonymous.inject({ url: '/api/sponsorships?mine=true', headers: { cookie: `essaim_session=${cookie?.value}` } })).json();
    expect(theirs.items.map((s: { status: string }) => s.status)).toEqual(expect.arrayContaining(['active', 'proposed']));
    const over = await sql<{ n: number }>`select count(*)::int as n from sponsor_profiles sp where sp.capacity <
      (select count(*) from sponsorships s where s.sponsor_person_id = sp.person_id and s.status in ('draft', 'proposed', 'active'))`.execute(t.db);
    expect(over.rows[0]?.n).toBe(0);
  });

  it('refuses to load twice', async () => {
    await expect(seedDemo(t.db)).rejects.toMatchObject({ code: 'database_not_empty' });
  });
});

/** The record restricted to the writable fields of a schema. */
function writableOnly(record: Record<string, unknown>, schema: { shape?: Record<string, unknown> } & object) {
  const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
  return Object.fromEntries(Object.entries(record).filter(([k]) => k in shape));
}
