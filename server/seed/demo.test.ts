import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationInput } from '../../shared/schemas/organisation';
import { projectInput } from '../../shared/schemas/project';
import { listOrganisationIds, getOrganisations } from '../modules/organisations/organisation-queries';
import { listProjectIds, getProjects } from '../modules/projects/project-queries';
import { demoApp } from '../test/test-db';
import { seedDemo } from './demo';
import { demoConferences } from './demo-events';
import { typo } from '../../shared/text';
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
      // Two in 2020, « bien vieillir » from January 2021.
      sectorProgrammes: 3,
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
      ['events', 'title'],
      ['events', 'description'],
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

  it('holds the events of 2020: seven Impact Finance conferences, two #ESSrelance meetings, two workshops, two hackathons', async () => {
    const list = async (query: string) =>
      (await t.app.inject({ url: `/api/events?from=2020-01-01&to=2020-12-31&pageSize=50&${query}` })).json().items as Array<{
        id: string;
        title: string;
        startsAt: string;
        public: boolean;
        registeredCount: number;
        place: { communeName: string } | null;
      }>;
    const conferences = await list('programme=impact-finance&kind=conference');
    expect(conferences).toHaveLength(7);
    expect(conferences.every((c) => c.public && c.registeredCount >= 25)).toBe(true);
    expect(conferences.find((c) => c.place?.communeName === 'Grenoble')?.startsAt).toBe('2020-11-03T08:00:00.000Z');
    expect(conferences.find((c) => c.place?.communeName === 'Marseille')?.startsAt).toBe('2020-11-05T08:00:00.000Z');
    const relance = await list('programme=ess-relance&kind=meeting');
    expect(relance.map((e) => e.startsAt.slice(0, 10))).toEqual(['2020-11-19', '2020-12-10']);
    // Meetings with the operators are the network's, not the public's.
    expect(relance.every((e) => !e.public)).toBe(true);
    expect((await t.anonymous.inject({ url: '/api/events?programme=ess-relance' })).json().total).toBe(0);
    const workshops = await list('programme=cooperation&kind=workshop');
    expect(workshops.map((e) => e.startsAt.slice(0, 10))).toEqual(['2020-10-15', '2020-12-08']);
    expect(workshops[1]?.title).toBe('Atelier sur la gouvernance des collectifs French Impact');
    // The 27 coordinators, and MatériO.TEC 73 for the Grand Chambéry collective.
    expect(workshops[1]?.registeredCount).toBe(28);
    const hackathons = await list('programme=mobilisation&kind=hackathon');
    expect(hackathons.map((e) => e.title)).toEqual([typo('Grand Hackathon French Impact n° 1'), typo('Grand Hackathon French Impact n° 2')]);
  });

  it('holds the two Grands Hackathons of 2020: 400+ people from every world, juries, published results and exactly 12 innovations', async () => {
    const hackathons = (await t.app.inject({ url: '/api/events?programme=mobilisation&kind=hackathon' })).json().items as Array<{ id: string }>;
    let participants = 0;
    for (const h of hackathons) {
      const o = (await t.app.inject({ url: `/api/events/${h.id}/hackathon` })).json();
      participants += o.participants;
      expect(o.teams).toBe(8);
      expect(o.submissions).toBe(8);
      expect(o.challenges).toHaveLength(4);
      expect(o.bySector.public).toBeGreaterThan(30);
      expect(o.bySector.associative).toBeGreaterThan(30);
      expect(o.bySector.business).toBeGreaterThan(30);
      const results = (await t.anonymous.inject({ url: `/api/events/${h.id}/results` })).json();
      expect(results.published).toBe(true);
      expect(results.ranking.every((r: { reviews: number }) => r.reviews === 3)).toBe(true);
    }
    expect(participants).toBeGreaterThan(400);
    const innovations = (await t.anonymous.inject({ url: '/api/innovations' })).json();
    expect(innovations.total).toBe(12);
    expect(innovations.items.every((i: { followUps: unknown[] }) => i.followUps.length === 3)).toBe(true);
  });

  it('gives the conferences’ attended projects and investors to the meetings built on them, the demo holder’s project at Grenoble', async () => {
    const held = await demoConferences(t.db);
    expect(held.map((c) => c.day)).toEqual(['2020-01-30', '2020-02-27', '2020-09-24', '2020-10-08', '2020-11-03', '2020-11-05', '2020-12-01']);
    for (const c of held) {
      expect(c.projects.length, c.title).toBeGreaterThanOrEqual(17);
      expect(c.investors, c.title).toHaveLength(8);
      expect(c.advisors, c.title).toHaveLength(3);
      // Enough possible pairs for 360 meetings over the year.
      expect(c.projects.length * c.investors.length).toBeGreaterThan(360 / 7);
    }
    const grenoble = held[4];
    const voisiwatt = (await t.app.inject({ url: '/api/projects?q=voisiwatt' })).json().items[0].id;
    expect(grenoble?.projects.map((p) => p.projectId)).toContain(voisiwatt);
    const holder = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'porteur.voisiwatt@essaim.test', password: 'essaim-demo-2020' },
    });
    const cookie = holder.cookies.find((c) => c.name === 'essaim_session');
    const own = await t.anonymous.inject({ url: `/api/events/${grenoble?.eventId}/registrations`, headers: { cookie: `essaim_session=${cookie?.value}` } });
    expect(own.json()).toMatchObject({ all: false, total: 1, items: [{ role: 'project', status: 'attended', personName: 'Julien Marchand' }] });
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

  it('holds 360 project–investor meetings at the 2020 conferences, with feedback and investments', async () => {
    const y2020 = (await t.anonymous.inject({ url: '/api/stats?year=2020' })).json();
    expect(y2020.meetingsHeld).toBe(360);
    const invested = await sql<{
      eur: number;
      leads: number;
    }>`select coalesce(sum(amount_eur) filter (where stage = 'invested' and invested_on < '2021-01-01'), 0)::float8 as eur,
      count(*)::int as leads from investment_leads`.execute(t.db);
    expect(y2020.investedEur).toBe(invested.rows[0]?.eur);
    expect(y2020.investedEur).toBeGreaterThan(0);
    expect(invested.rows[0]?.leads).toBeGreaterThanOrEqual(5);
    // Every held meeting has its slot on a conference day of 2020, at a table, in its own conference.
    const held = await sql<{ n: number; days: number; misplaced: number }>`
      select count(*)::int as n, count(distinct s.starts_at::date)::int as days,
        (count(*) filter (where s.event_id <> m.event_id or m.table_number is null))::int as misplaced
      from meetings m join conference_slots s on s.id = m.slot_id where m.status = 'held'`.execute(t.db);
    expect(held.rows[0]).toMatchObject({ n: 360, days: 7, misplaced: 0 });
    const feedback = await sql<{ n: number }>`select count(*)::int as n from meeting_feedback`.execute(t.db);
    expect(feedback.rows[0]?.n).toBeGreaterThan(100);
    // The organiser of Grenoble sees its meetings; the demo holder sees their own agenda with reasons.
    const grenoble = (await demoConferences(t.db))[4] as { eventId: string };
    const all = (await t.app.inject({ url: `/api/events/${grenoble.eventId}/meetings` })).json() as Array<{ status: string }>;
    expect(all.filter((m) => m.status === 'held').length).toBeGreaterThanOrEqual(51);
    // The 45 advisors trained in impact finance, each accompanying projects.
    const advisors = (await t.app.inject({ url: '/api/advisors' })).json() as Array<{ cohort: string | null; trainedOn: string | null; projects: unknown[] }>;
    expect(advisors).toHaveLength(45);
    expect(advisors.every((a) => a.cohort && a.trainedOn && a.projects.length === 2)).toBe(true);
  });

  it('refuses to load twice', async () => {
    await expect(seedDemo(t.db)).rejects.toMatchObject({ code: 'database_not_empty' });
  });

  it('holds ESS relance: real measures of 2020–2021 with verdicts, the #ESSrelance meetings’ agenda and minutes, obstacles followed until lifted', async () => {
    const measures = (await t.anonymous.inject({ url: '/api/measures?pageSize=50' })).json();
    expect(measures.total).toBe(7);
    expect(measures.items.every((m: { window: string }) => m.window === 'closed')).toBe(true);
    const urgence = measures.items.find((m: { name: string }) => m.name === 'UrgencESS');
    expect(urgence).toMatchObject({ operatorName: 'France Active', opensOn: '2021-01-25', closesOn: '2021-07-31', budgetEur: 30_000_000 });
    const operators = new Set(measures.items.map((m: { operatorName: string }) => m.operatorName));
    for (const o of ['France Active', 'ADEME', 'Bpifrance']) expect(operators.has(o), o).toBe(true);
    // VoisiWATT's measures: closed, still with their verdicts and reasons.
    const voisiwatt = (await t.app.inject({ url: '/api/projects?q=voisiwatt' })).json().items[0].id;
    const mine = (await t.anonymous.inject({ url: `/api/projects/${voisiwatt}/measures` })).json().items;
    expect(mine).toHaveLength(7);
    const verdicts = new Set(mine.map((i: { eligibility: { verdict: string } }) => i.eligibility.verdict));
    expect(verdicts.has('eligible')).toBe(true);
    expect(verdicts.has('not_eligible')).toBe(true);
    const ue = mine.find((i: { measure: { name: string } }) => i.measure.name === 'UrgencESS').eligibility;
    expect(ue.criteria.map((c: { message: string }) => c.message)).toContain('taille admise\u202F: TPE');
    const events = await t.db.selectFrom('events').select(['id', 'title']).where('programme', '=', 'ess-relance').orderBy('starts_at').execute();
    expect(events).toHaveLength(2);
    const agenda = await t.db.selectFrom('relance_agenda_items').select(['event_id', 'project_id', 'measure_id']).execute();
    expect(agenda.filter((a) => a.event_id === events[0]?.id && a.project_id === voisiwatt)).toHaveLength(1);
    expect(agenda.some((a) => a.measure_id)).toBe(true);
    expect(await t.db.selectFrom('relance_minutes').select('event_id').execute()).toHaveLength(2);
    const stats = (await t.app.inject({ url: '/api/obstacles/stats' })).json();
    expect(stats).toMatchObject({ total: 7, byStatus: { lifted: 3, in_progress: 1, open: 1, not_lifted: 1, out_of_scope: 1 } });
    expect(stats.medianDaysToLift).toBe(19);
    expect(stats.perMonth.map((m: { month: string }) => m.month)).toEqual(['2020-11', '2020-12']);
    const raised = (await t.app.inject({ url: `/api/obstacles?event=${events[0]?.id}` })).json();
    expect(raised.total).toBe(4);
  });
});

/** The record restricted to the writable fields of a schema. */
function writableOnly(record: Record<string, unknown>, schema: { shape?: Record<string, unknown> } & object) {
  const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
  return Object.fromEntries(Object.entries(record).filter(([k]) => k in shape));
}
