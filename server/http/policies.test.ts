import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, tokenAccount } from '../test/test-db';

/**
 * What each role is shown, through the HTTP API on the demo network: the
 * `actions` every record carries and the personal data and funding details
 * the policies reserve to those who need them.
 */
let t: Awaited<ReturnType<typeof demoApp>>;
const sessions: Record<string, Record<string, string>> = {};
const demoRoles = ['equipe', 'coordination.figeac', 'coordination.chambery', 'porteur.voisiwatt', 'financeur', 'hacker.public', 'operateur'] as const;

beforeAll(async () => {
  t = await demoApp();
  for (const role of demoRoles) {
    const r = await t.anonymous.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `${role}@essaim.test`, password: 'essaim-demo-2020' } });
    const cookie = r.cookies.find((c) => c.name === 'essaim_session');
    sessions[role] = { cookie: `essaim_session=${cookie?.value}`, 'x-csrf-token': r.json().csrfToken };
  }
  // What ProConnect opens for any agent who signs in: an account without any role.
  await tokenAccount(t.db, { email: 'agent.sans.role@essaim.test', roles: [], token: 'essaim_sans-role' });
  sessions['sans-role'] = { authorization: 'Bearer essaim_sans-role' };
}, 180_000);
afterAll(() => t.close());

const get = (who: string, url: string) => t.anonymous.inject({ url, headers: sessions[who] ?? {} });

describe('actions on every record', () => {
  it('tells the national team, and only it, that themes may be edited and deleted', async () => {
    expect((await get('equipe', '/api/themes')).json().items[0].actions).toEqual(['update', 'delete']);
    expect((await get('equipe', '/api/themes/logement')).json().actions).toEqual(['update', 'delete']);
    for (const who of ['visitor', 'coordination.figeac', 'financeur']) expect((await get(who, '/api/themes')).json().items[0].actions, who).toEqual([]);
  });
  it('tells a token’s owner it may be revoked, until it is', async () => {
    const headers = sessions.operateur as Record<string, string>;
    const created = (await t.anonymous.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'script' }, headers })).json();
    const mine = async () => (await get('operateur', '/api/auth/tokens')).json().items.find((x: { id: string }) => x.id === created.id);
    expect((await mine()).actions).toEqual(['delete']);
    expect((await t.anonymous.inject({ method: 'DELETE', url: `/api/auth/tokens/${created.id}`, headers })).statusCode).toBe(204);
    expect((await mine()).actions).toEqual([]);
  });
  it('tells the national team that accounts may be given roles', async () => {
    const list = (await get('equipe', '/api/accounts?pageSize=2')).json();
    expect(list.items[0].actions).toEqual(['update']);
    expect((await get('equipe', `/api/accounts/${list.items[0].id}`)).json().actions).toEqual(['update']);
  });
});

type Row = {
  id: string;
  title?: string;
  email: string | null;
  phone: string | null;
  fundingNeedEur: number | null;
  instruments: string[];
  organisationId: string | null;
  administrationId: string | null;
};
const everyone = ['visitor', ...demoRoles, 'sans-role'];
const projects = ['MatériO', 'VoisiWATT', 'Tiers-lieu de Figeac'];

describe('funding details, by role', () => {
  // Chambéry's MatériO.TEC, Valence-Romans' VoisiWATT (holder: porteur.voisiwatt), Figeac's tiers-lieu.
  const sees: Record<string, string[]> = {
    visitor: [],
    equipe: projects,
    'coordination.figeac': ['Tiers-lieu de Figeac'],
    'coordination.chambery': ['MatériO'],
    'porteur.voisiwatt': ['VoisiWATT'],
    financeur: projects,
    'hacker.public': [],
    operateur: [],
    'sans-role': [],
  };
  const shown = (rows: Row[]) => projects.filter((p) => rows.some((r) => r.title?.startsWith(p) && r.fundingNeedEur !== null && r.instruments.length > 0));
  const hidden = (rows: Row[]) => projects.filter((p) => rows.some((r) => r.title?.startsWith(p) && r.fundingNeedEur === null && r.instruments.length === 0));

  it('shows them to the national team, investors and the project’s own people only: in lists, records and exports', async () => {
    for (const who of everyone) {
      const list: Row[] = [];
      for (const q of ['materio', 'voisiwatt', 'tiers-lieu figeac']) list.push(...(await get(who, `/api/projects?q=${encodeURIComponent(q)}`)).json().items);
      const json = (await get(who, '/api/projects?format=json')).json() as Row[];
      const records: Row[] = [];
      for (const p of projects) {
        const found = json.find((r) => r.title?.startsWith(p)) as Row;
        records.push((await get(who, `/api/projects/${found.id}`)).json());
      }
      for (const rows of [list, json, records]) {
        expect(shown(rows), who).toEqual(sees[who]);
        expect(hidden(rows), who).toEqual(projects.filter((p) => !sees[who]?.includes(p)));
      }
      const csv = (await get(who, '/api/projects?format=csv&q=voisiwatt')).body;
      expect(csv.includes('300000') || csv.includes('300 000'), who).toBe(sees[who]?.includes('VoisiWATT'));
    }
  });

  it('lets only those who see every amount filter or sort on them (visitors are asked to sign in)', async () => {
    for (const who of everyone)
      for (const query of ['minNeed=299000', 'maxNeed=300000', 'instrument=loan', 'sort=-fundingNeed', 'format=csv&minNeed=1']) {
        const r = await get(who, `/api/projects?q=voisiwatt&${query}`);
        const expected = who === 'visitor' ? 401 : who === 'equipe' || who === 'financeur' ? 200 : 403;
        expect(r.statusCode, `${who} ${query}`).toBe(expected);
      }
    expect((await get('financeur', '/api/projects?q=voisiwatt&minNeed=299000')).json().total).toBe(1);
    for (const who of everyone.slice(1)) expect((await get(who, '/api/auth/me')).json().canSearchFunding, who).toBe(who === 'equipe' || who === 'financeur');
  });
});

describe('e-mails and phones, by role', () => {
  const me = async (who: string) => (await get(who, '/api/auth/me')).json() as { personId: string | null; roles: Array<{ role: string; scope?: string[] }> };
  const contacts = async (who: string) => {
    const rows = (await get(who, '/api/people?format=json')).json() as Row[];
    return { rows, visible: rows.filter((r) => r.email !== null || r.phone !== null) };
  };

  it('shows them to the national team, to the person themself and to the people of the same organisation or collective only', async () => {
    const all = await contacts('equipe');
    expect(all.visible.length).toBe(all.rows.filter((r) => r.email !== null || r.phone !== null).length);
    expect(all.visible.length).toBeGreaterThan(100);
    for (const who of ['visitor', 'sans-role']) expect((await contacts(who)).visible, who).toEqual([]);
    // A public sponsor sees their own contact details, and nobody else's.
    const sponsor = await me('hacker.public');
    expect((await contacts('hacker.public')).visible.map((r) => r.id)).toEqual([sponsor.personId]);
    // An operator and an investor: the people of their organisation only.
    for (const who of ['operateur', 'financeur']) {
      const scope = (await me(who)).roles[0]?.scope ?? [];
      const { visible, rows } = await contacts(who);
      expect(
        visible.every((r) => scope.includes(r.organisationId ?? '') || scope.includes(r.administrationId ?? '')),
        who,
      ).toBe(true);
      // Everyone of their organisation who has contact details (the demo's hackathon judges, say, have none).
      const withContact = new Set(all.visible.map((r) => r.id));
      expect(visible.length, who).toBe(
        rows.filter((r) => withContact.has(r.id) && (scope.includes(r.organisationId ?? '') || scope.includes(r.administrationId ?? ''))).length,
      );
      expect(visible.length, who).toBeGreaterThan(0);
    }
    // A coordinator: themself and their collective's people, not the other collective's coordinator.
    const figeac = await me('coordination.figeac');
    const chambery = await me('coordination.chambery');
    const seenByFigeac = (await contacts('coordination.figeac')).visible.map((r) => r.id);
    expect(seenByFigeac).toContain(figeac.personId);
    expect(seenByFigeac).not.toContain(chambery.personId);
    // A person of an organisation member of Figeac's collective: its coordinator sees their contact details.
    const collective = (await get('equipe', `/api/collectives/${figeac.roles[0]?.scope?.[0]}`)).json();
    const member = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      payload: { firstName: 'Camille', lastName: 'Membre', email: 'camille.membre@essaim.test', organisationId: collective.memberIds[0] },
    });
    expect(member.statusCode, member.body).toBe(201);
    expect((await get('coordination.figeac', `/api/people/${member.json().id}`)).json().email).toBe('camille.membre@essaim.test');
    expect((await get('coordination.chambery', `/api/people/${member.json().id}`)).json().email).toBeNull();
    expect(seenByFigeac.length).toBeLessThan(all.visible.length / 4);
    const person = (await get('coordination.chambery', `/api/people/${chambery.personId}`)).json();
    expect(person.email).toMatch(/@/);
    expect((await get('coordination.figeac', `/api/people/${chambery.personId}`)).json().email).toBeNull();
    expect((await get('sans-role', `/api/people/${chambery.personId}`)).json()).toMatchObject({ email: null, phone: null });
    const csv = (await get('sans-role', '/api/people?format=csv')).body;
    expect(csv).not.toMatch(/@/);
  });
});

describe('records moved into someone else’s scope', () => {
  const patch = (who: string, url: string, payload: object) => t.anonymous.inject({ method: 'PATCH', url, payload, headers: sessions[who] });
  const find = async (q: string) =>
    (await get('equipe', `/api/projects?q=${encodeURIComponent(q)}`)).json().items[0] as { id: string; collectiveId: string; leadOrganisationId: string };

  it('refuses a holder moving their project into another collective', async () => {
    const voisiwatt = await find('voisiwatt');
    const figeac = (await get('coordination.figeac', '/api/auth/me')).json().roles[0].scope[0];
    const r = await patch('porteur.voisiwatt', `/api/projects/${voisiwatt.id}`, { collectiveId: figeac });
    expect(r.statusCode, r.body).toBe(403);
    expect((await find('voisiwatt')).collectiveId).toBe(voisiwatt.collectiveId);
    expect((await patch('porteur.voisiwatt', `/api/projects/${voisiwatt.id}`, { summary: 'Des centrales photovoltaïques citoyennes.' })).statusCode).toBe(200);
  });

  it('refuses a coordinator handing a project to an organisation they do not hold, and lets one move a project between their collectives', async () => {
    const materio = await find('materio');
    const voisiwatt = await find('voisiwatt');
    const r = await patch('coordination.chambery', `/api/projects/${materio.id}`, { leadOrganisationId: voisiwatt.leadOrganisationId });
    expect(r.statusCode, r.body).toBe(403);
    expect((await find('materio')).leadOrganisationId).toBe(materio.leadOrganisationId);
    // A coordinator of both Chambéry and Figeac moves MatériO from one to the other.
    const both = [
      ...(await get('coordination.chambery', '/api/auth/me')).json().roles[0].scope,
      ...(await get('coordination.figeac', '/api/auth/me')).json().roles[0].scope,
    ];
    await tokenAccount(t.db, { email: 'deux.collectifs@essaim.test', roles: [{ role: 'coordinator', scope: both }], token: 'essaim_deux-collectifs' });
    sessions['deux-collectifs'] = { authorization: 'Bearer essaim_deux-collectifs' };
    const moved = await patch('deux-collectifs', `/api/projects/${materio.id}`, { collectiveId: both[1] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().collectiveId).toBe(both[1]);
  });

  it('refuses an investor handing their fund to another manager', async () => {
    const manager = (await get('financeur', '/api/auth/me')).json().roles[0].scope[0];
    const own = (await get('financeur', `/api/funds?manager=${manager}`)).json().items[0];
    const other = (await get('financeur', '/api/funds?pageSize=100')).json().items.find((f: { managerId: string }) => f.managerId !== manager);
    expect((await patch('financeur', `/api/funds/${own.id}`, { managerId: other.managerId })).statusCode).toBe(403);
  });
});
