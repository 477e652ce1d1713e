import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace, WorkspaceSection } from '../../../shared/schemas/workspace';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../seed/demo';
import { demoApp, onPostgres } from '../../test/test-db';

let t: Awaited<ReturnType<typeof demoApp>>;
let app: FastifyInstance;
const sessions: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await demoApp();
  app = t.anonymous as FastifyInstance;
  for (const email of DEMO_ACCOUNTS) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
    sessions[email] = { cookie: `essaim_session=${r.cookies.find((c) => c.name === 'essaim_session')?.value}`, 'x-csrf-token': r.json().csrfToken };
  }
}, 180_000);
afterAll(() => t.close());

const as = async (email: string, url: string, init: { method?: 'GET' | 'PATCH'; payload?: object } = {}) => {
  const r = await app.inject({ url, method: init.method ?? 'GET', headers: sessions[email], ...(init.payload ? { payload: init.payload } : {}) });
  expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(300);
  return r.json();
};
const workspaceOf = (email: string) => as(email, '/api/me/workspace') as Promise<Workspace>;
const section = (w: Workspace, key: string) => {
  const s = w.sections.find((x) => x.key === key);
  expect(s, `section ${key} in ${w.sections.map((x) => x.key)}`).toBeDefined();
  return s as WorkspaceSection;
};
const labels = (s: WorkspaceSection) => s.items.map((i) => i.label);

describe(`« Mon espace » per role (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('is for signed-in people only', async () => {
    expect((await app.inject({ url: '/api/me/workspace' })).statusCode).toBe(401);
  });

  it('greets every demo account by its person’s name, not its e-mail', async () => {
    for (const email of DEMO_ACCOUNTS) {
      const me = await as(email, '/api/auth/me');
      expect(me.name, email).toMatch(/^\p{Lu}\p{L}+ \p{Lu}/u);
      expect((await workspaceOf(email)).name).toBe(me.name);
    }
  });

  it('shows a coordinator their collective and its projects, as many as the directory lists', async () => {
    const w = await workspaceOf('coordination.chambery@essaim.test');
    const collectives = section(w, 'collectives');
    expect(collectives.total).toBe(1);
    const id = collectives.items[0]?.id as string;
    expect(collectives.items[0]?.href).toBe(`/collectifs/${id}`);
    const projects = section(w, 'collective-projects');
    const listed = await as('coordination.chambery@essaim.test', `/api/projects?collective=${id}&pageSize=1`);
    expect(projects.total).toBe(listed.total);
    expect(projects.total).toBeGreaterThan(0);
    expect(projects.items.length).toBe(Math.min(10, listed.total));
    expect(projects.more?.href).toBe(`/projets?collective=${id}`);
    // Nothing of another role (the events they are registered to are theirs as a person).
    expect(w.sections.map((s) => s.key).filter((k) => k !== 'events')).toEqual(['collectives', 'collective-projects']);
  });

  it('shows a holder their organisation and the projects it carries', async () => {
    const w = await workspaceOf('porteur.voisiwatt@essaim.test');
    expect(labels(section(w, 'organisations'))).toEqual(['VoisiWATT SCIC']);
    expect(labels(section(w, 'projects'))).toContain('VoisiWATT');
  });

  it('shows an investor their funds, the same as the funds list filtered on their manager', async () => {
    const w = await workspaceOf('financeur@essaim.test');
    const org = section(w, 'organisations');
    expect(labels(org)).toEqual(['France Active Investissement']);
    const funds = section(w, 'funds');
    const listed = await as('financeur@essaim.test', `/api/funds?manager=${org.items[0]?.id}&pageSize=100`);
    expect(funds.total).toBe(listed.total);
    expect(funds.total).toBeGreaterThan(0);
    expect(labels(funds).sort()).toEqual(listed.items.map((f: { name: string }) => f.name).sort());
  });

  it('shows a civil servant the structures they sponsor, from their sponsorships', async () => {
    const mine = (await as('hacker.public@essaim.test', '/api/sponsorships?mine=true&pageSize=100')).items as Array<{
      status: string;
      organisationName: string;
    }>;
    const expected = mine.filter((s) => s.status === 'active' || s.status === 'proposed').map((s) => s.organisationName);
    expect(expected.length).toBeGreaterThan(0);
    expect(labels(section(await workspaceOf('hacker.public@essaim.test'), 'sponsored'))).toEqual(expected.sort());
  });

  it('lists « Mes événements »: the holder’s project at the Grenoble conference, with its published agenda and its meetings', async () => {
    const holder = 'porteur.voisiwatt@essaim.test';
    const events = section(await workspaceOf(holder), 'events');
    expect(events).toMatchObject({ group: 'awaiting', title: 'Mes événements' });
    const line = events.items.find((i) => i.label === 'Conférence Impact Finance de Grenoble');
    expect(line, JSON.stringify(events.items)).toBeDefined();
    const eventId = (await as(holder, '/api/events?q=grenoble&pageSize=1')).items[0].id as string;
    expect(line?.href).toBe(`/evenements/${eventId}/conference`);
    // The line is the registration whose agenda it counts.
    const agenda = await as(holder, `/api/events/${eventId}/agenda?registration=${line?.id}`);
    const kept = agenda.meetings.filter((m: { status: string }) => m.status !== 'cancelled').length;
    expect(kept).toBeGreaterThan(0);
    expect(line?.detail).toBe(`Projet (VoisiWATT) · agenda publié, ${kept} rendez-vous`);
    expect(line?.at).toBe('2020-11-03T08:00:00.000Z');
    // Past events come after upcoming ones, the latest first.
    const past = events.items.filter((i) => (i.at as string) < new Date().toISOString()).map((i) => i.at as string);
    expect(past).toEqual([...past].sort().reverse());
  });

  it('shows an operator their organisation', async () => {
    expect(labels(section(await workspaceOf('operateur@essaim.test'), 'organisations'))).toEqual(['Bpifrance']);
  });

  it('shows the national team the network’s latest changes, newest first, with who made them', async () => {
    const project = (await as('equipe@essaim.test', '/api/projects?q=voisiwatt')).items[0];
    await as('equipe@essaim.test', `/api/projects/${project.id}`, { method: 'PATCH', payload: { beneficiaries: 321 } });
    const changes = section(await workspaceOf('equipe@essaim.test'), 'changes');
    expect(changes.group).toBe('network');
    expect(changes.items[0]).toMatchObject({ label: 'VoisiWATT', href: `/projets/${project.id}`, detail: 'Modification (projet) par Claire Dubreuil' });
    // Nobody else reads the audit trail through « Mon espace ».
    for (const email of DEMO_ACCOUNTS.filter((e) => e !== 'equipe@essaim.test'))
      expect(
        (await workspaceOf(email)).sections.map((s) => s.key),
        email,
      ).not.toContain('changes');
  });
});
