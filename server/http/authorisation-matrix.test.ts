import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccounts } from '../modules/accounts/account-queries';
import { hashPassword } from '../modules/accounts/passwords';
import { demoApp } from '../test/test-db';
import { type Access, routeKey } from '../../shared/routes/contract';
import { apiContract } from '../../shared/routes/index';

/**
 * Every route of the API × every role. The access each route declares in the
 * contract (shared/routes/) is the only statement of who may call it; the
 * route table is read from the app itself (its OpenAPI document), so a route
 * registered outside the contract fails the suite.
 */
const expected: Record<string, Access> = Object.fromEntries(apiContract.map((d) => [routeKey(d), d.access]));

let t: Awaited<ReturnType<typeof demoApp>>;
const routes: Array<{ method: string; url: string }> = [];
const ids: Record<string, string> = {};
const sessions: Record<string, Record<string, string>> = {};

// `sans-role`: an account without any role, as ProConnect opens for any agent (created below).
const roles = [
  'anonymous',
  'equipe',
  'coordination.figeac',
  'coordination.chambery',
  'porteur.voisiwatt',
  'financeur',
  'hacker.public',
  'operateur',
  'membre.figeac',
  'siae',
  'partenaire.defi',
  'sans-role',
] as const;

beforeAll(async () => {
  t = await demoApp();
  const app = t.anonymous as FastifyInstance;
  // Fastify keeps no public list: rebuild it from the documented routes (every route is documented).
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  for (const [path, methods] of Object.entries(doc.paths)) for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), url: path });
  const first = async (path: string) => (await app.inject({ url: `/api/${path}?pageSize=1` })).json().items[0];
  for (const p of ['collectives', 'projects', 'organisations', 'people', 'funds', 'pioneers', 'sector-programmes', 'events', 'challenges'])
    ids[p] = (await first(p)).id;
  await insertAccounts(t.db, [{ email: 'sans-role@essaim.test', passwordHash: await hashPassword('essaim-demo-2020'), roles: [] }]);
  for (const role of roles.slice(1)) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `${role}@essaim.test`, password: 'essaim-demo-2020' } });
    const cookie = r.cookies.find((c) => c.name === 'essaim_session');
    sessions[role] = { cookie: `essaim_session=${cookie?.value}`, 'x-csrf-token': r.json().csrfToken };
  }
}, 180_000);
afterAll(() => t.close());

function concrete(url: string) {
  return url
    .replace(/^\/api\/([a-z-]+)\/\{id\}/, (_m, p: string) => `/api/${p}/${ids[p] ?? '4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d'}`)
    .replace('{entity}', 'organisations')
    .replace('{kind}', 'commune')
    .replace('{code}', url.includes('themes') ? 'logement' : '73065');
}

const readOnlyRoles = new Set(['hacker.public', 'operateur', 'sans-role']);

describe('authorisation matrix', () => {
  it('documents every route of the contract, and no /api route outside it', () => {
    const documented = routes.map((r) => `${r.method} ${r.url}`);
    expect(
      documented.filter((k) => !(k in expected)),
      'routes registered outside the contract: declare them in shared/routes/ and register them with implement()',
    ).toEqual([]);
    expect(
      Object.keys(expected).filter((k) => !documented.includes(k)),
      'routes of the contract missing from the OpenAPI document',
    ).toEqual([]);
    expect(routes.every((r) => r.url.startsWith('/api/'))).toBe(true);
  });

  it('answers every route for every role as its access says, never with a 5xx', async () => {
    const app = t.anonymous as FastifyInstance;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const access = expected[key] as Access;
      for (const role of roles) {
        // Logging out, erasing or deleting would change the next rows of the matrix:
        // only callers refused before anything happens run them.
        const destructive = key === 'POST /api/auth/logout' || key.endsWith('/anonymise') || route.method === 'DELETE';
        if (destructive && role !== 'anonymous' && !(readOnlyRoles.has(role) && access !== 'signed-in' && access !== 'public-write')) continue;
        const req: InjectOptions = {
          method: route.method as InjectOptions['method'],
          url: concrete(route.url),
          headers: role === 'anonymous' ? {} : sessions[role],
        };
        if (route.method !== 'GET' && !route.url.startsWith('/api/import')) req.payload = {};
        const r = await app.inject(req);
        const what = `${role} ${key} (${access}) → ${r.statusCode} ${r.body.slice(0, 160)}`;
        expect(r.statusCode, what).toBeLessThan(500);
        const refused = r.statusCode === 401 || r.statusCode === 403;
        switch (access) {
          case 'open':
          case 'public-write':
            expect(refused, what).toBe(false);
            break;
          case 'signed-in':
            if (role === 'anonymous') expect(r.statusCode, what).toBe(401);
            else expect(refused, what).toBe(false);
            break;
          case 'admin':
            expect(r.statusCode === 401, what).toBe(role === 'anonymous');
            if (role === 'equipe') expect(refused, what).toBe(false);
            else if (role !== 'anonymous') expect(r.statusCode, what).toBe(403);
            break;
          case 'writer':
            if (role === 'anonymous') expect(r.statusCode, what).toBe(401);
            else if (readOnlyRoles.has(role)) expect(r.statusCode, what).toBe(403);
            else if (role === 'equipe') expect(refused, what).toBe(false);
            break;
        }
      }
    }
    // Every route × nine roles, on a shared machine: the cooperation routes made it longer.
  }, 240_000);
});

describe('Hackers Publics: who sees a need and a sponsorship', () => {
  const status = async (role: (typeof roles)[number], url: string) =>
    (await (t.anonymous as FastifyInstance).inject({ url, headers: role === 'anonymous' ? {} : sessions[role] })).statusCode;

  it('shows a need to its structure and the national team, a sponsorship to the pair and the national team; 404 to everyone else', async () => {
    const app = t.anonymous as FastifyInstance;
    const needs = (await app.inject({ url: '/api/sponsorship-needs?pageSize=200', headers: sessions['porteur.voisiwatt'] })).json().items;
    expect(needs.map((n: { organisationName: string }) => n.organisationName)).toEqual(['VoisiWATT SCIC']);
    const need = needs[0].id as string;
    const mine = (await app.inject({ url: '/api/sponsorships?mine=true&status=proposed', headers: sessions['hacker.public'] })).json().items;
    const sponsorship = mine[0].id as string;
    const sees = {
      need: new Set(['equipe', 'porteur.voisiwatt']),
      sponsorship: new Set(['equipe', 'hacker.public']),
    };
    for (const role of roles) {
      for (const url of [`/api/sponsorship-needs/${need}`]) expect(await status(role, url), `${role} ${url}`).toBe(sees.need.has(role) ? 200 : 404);
      for (const url of [`/api/sponsorships/${sponsorship}`, `/api/sponsorships/${sponsorship}/sessions`])
        expect(await status(role, url), `${role} ${url}`).toBe(sees.sponsorship.has(role) ? 200 : 404);
      const listed = (await app.inject({ url: '/api/sponsorships?pageSize=200', headers: role === 'anonymous' ? {} : sessions[role] })).json().total;
      if (role === 'anonymous' || role === 'sans-role' || role === 'financeur' || role === 'operateur') expect(listed, role).toBe(0);
    }
  });

  it('shows a sponsor’s profile (capacity, pause…) to the sponsor and the national team only', async () => {
    const app = t.anonymous as FastifyInstance;
    const me = (await app.inject({ url: '/api/auth/me', headers: sessions['hacker.public'] })).json();
    const personId = me.personId as string;
    expect(personId).toBeTruthy();
    for (const role of roles) {
      const headers = role === 'anonymous' ? {} : sessions[role];
      const sees = role === 'equipe' || role === 'hacker.public';
      const profile = await app.inject({ url: `/api/people/${personId}/sponsor`, headers });
      expect(profile.statusCode, role).toBe(role === 'anonymous' ? 401 : sees ? 200 : 404);
      const record = (await app.inject({ url: `/api/people/${personId}`, headers })).json();
      expect(record.isPublicSponsor, role).toBe(true);
      expect(record.sponsor === null, role).toBe(!sees);
    }
  });
});

describe('ESS relance: who sees an obstacle', () => {
  it('shows VoisiWATT’s obstacle to its holder, Bpifrance’s operator and the national team; another operator’s only to the national team; none to visitors', async () => {
    const app = t.anonymous as FastifyInstance;
    const get = (role: (typeof roles)[number], url: string) => app.inject({ url, headers: role === 'anonymous' ? {} : sessions[role] });
    const all = (await get('equipe', '/api/obstacles?pageSize=50')).json().items as Array<{ id: string; projectTitle: string | null; operatorName: string }>;
    const voisiwatt = all.find((o) => o.projectTitle === 'VoisiWATT');
    const other = all.find((o) => o.operatorName === 'Banque des Territoires' && o.projectTitle !== 'VoisiWATT');
    expect(voisiwatt && other).toBeTruthy();
    const sees = { voisiwatt: new Set(['equipe', 'porteur.voisiwatt', 'operateur']), other: new Set(['equipe']) };
    for (const role of roles) {
      // A collective's coordinators see the obstacles of its projects: which collective a demo project belongs to is the seed's choice.
      if (role.startsWith('coordination')) continue;
      for (const [key, o] of [
        ['voisiwatt', voisiwatt],
        ['other', other],
      ] as const) {
        for (const url of [`/api/obstacles/${o?.id}`, `/api/obstacles/${o?.id}/actions`]) {
          const expected = role === 'anonymous' ? 401 : sees[key].has(role) ? 200 : 404;
          expect((await get(role, url)).statusCode, `${role} ${url}`).toBe(expected);
        }
      }
      if (role !== 'anonymous') {
        const listed = (await get(role, '/api/obstacles?pageSize=50')).json().items.map((o: { id: string }) => o.id);
        expect(listed.includes(voisiwatt?.id), role).toBe(sees.voisiwatt.has(role));
        expect(listed.includes(other?.id), role).toBe(sees.other.has(role));
      }
    }
    // Bpifrance's operator may move VoisiWATT's obstacle, its holder may only comment.
    expect((await get('operateur', `/api/obstacles/${voisiwatt?.id}`)).json().actions).toEqual(['comment', 'status', 'assign']);
    expect((await get('porteur.voisiwatt', `/api/obstacles/${voisiwatt?.id}`)).json().actions).toEqual(['update', 'comment']);
  });
});

describe('ESS relance: who reads and writes a meeting’s agenda and minutes', () => {
  it('lets every account read an #ESSrelance meeting’s agenda (visitors: a 404, the meeting is the network’s); only the national team writes it', async () => {
    const app = t.anonymous as FastifyInstance;
    const as = (role: (typeof roles)[number], method: 'GET' | 'PUT', url: string, payload?: object) =>
      app.inject({ method, url, headers: role === 'anonymous' ? {} : sessions[role], ...(payload ? { payload } : {}) });
    const meetings = (await as('equipe', 'GET', '/api/events?programme=ess-relance&kind=meeting&pageSize=10')).json().items as Array<{ id: string }>;
    const id = meetings[0]?.id as string;
    expect(id).toBeTruthy();
    const agenda = (await as('equipe', 'GET', `/api/events/${id}/meeting-agenda`)).json();
    const body = {
      items: agenda.items.map((i: { title: string; measureId: string | null; projectId: string | null }) => ({
        title: i.title,
        measureId: i.measureId,
        projectId: i.projectId,
      })),
    };
    for (const role of roles) {
      const read = await as(role, 'GET', `/api/events/${id}/meeting-agenda`);
      expect(read.statusCode, role).toBe(role === 'anonymous' ? 404 : 200);
      if (role !== 'anonymous') expect(read.json().actions, role).toEqual(role === 'equipe' ? ['update'] : []);
      const writes = [
        await as(role, 'PUT', `/api/events/${id}/meeting-agenda`, body),
        await as(role, 'PUT', `/api/events/${id}/minutes`, { minutes: agenda.minutes }),
      ];
      for (const w of writes) expect(w.statusCode, `${role} ${w.body.slice(0, 120)}`).toBe(role === 'anonymous' ? 401 : role === 'equipe' ? 200 : 403);
    }
    // The agenda was written back as it was read; an unknown measure is a French 400, nothing half-written.
    expect((await as('equipe', 'GET', `/api/events/${id}/meeting-agenda`)).json().items).toEqual(
      agenda.items.map((i: object) => ({ ...i, id: expect.any(String) })),
    );
    const bad = await as('equipe', 'PUT', `/api/events/${id}/meeting-agenda`, {
      items: [{ title: 'Point inconnu', measureId: '4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('unknown_reference');
    expect((await as('equipe', 'GET', `/api/events/${id}/meeting-agenda`)).json().items).toHaveLength(agenda.items.length);
    // Another kind of event has no agenda of this kind.
    const conference = (await as('equipe', 'GET', '/api/events?kind=conference&pageSize=1')).json().items[0];
    expect((await as('equipe', 'GET', `/api/events/${conference.id}/meeting-agenda`)).statusCode).toBe(404);
  });
});

describe('Cooperation: who sees and answers a know-how transfer', () => {
  const as = (role: (typeof roles)[number]) => (role === 'anonymous' ? {} : sessions[role]);
  it('keeps a request between its two collectives and the national team; only the asked side accepts', async () => {
    const app = t.anonymous as FastifyInstance;
    const [figeac, chambery] = await t.db
      .selectFrom('collectives')
      .select(['id', 'name'])
      .where('name', 'in', ['Figeacteurs', 'Collectif French Impact Grand Chambéry'])
      .orderBy('name', 'desc')
      .execute();
    const asked = await app.inject({
      method: 'POST',
      url: '/api/transfers',
      headers: sessions['coordination.figeac'],
      payload: { toCollectiveId: figeac?.id, fromCollectiveId: chambery?.id, topic: 'Réemploi des matériaux' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const url = `/api/transfers/${asked.json().id}`;
    const sees = new Set(['equipe', 'coordination.figeac', 'coordination.chambery']);
    for (const role of roles) expect((await app.inject({ url, headers: as(role) })).statusCode, role).toBe(sees.has(role) ? 200 : 404);
    // The requester and the national team may see it but not accept it; whoever may not see it gets its 404.
    for (const [role, status] of [
      ['coordination.figeac', 403],
      ['equipe', 403],
      ['porteur.voisiwatt', 404],
    ] as const)
      expect((await app.inject({ method: 'PATCH', url, headers: as(role), payload: { status: 'accepted' } })).statusCode, role).toBe(status);
    const ok = await app.inject({ method: 'PATCH', url, headers: as('coordination.chambery'), payload: { status: 'accepted' } });
    expect(ok.json().status).toBe('accepted');
    for (const role of roles) expect((await app.inject({ url, headers: as(role) })).statusCode, role).toBe(200);
    // The demo's 2020 transfer and its published testimonial are public.
    const quotes = (await app.inject({ url: '/api/transfers/testimonials?year=2020' })).json().items;
    expect(quotes.map((q: { author: string }) => q.author)).toEqual(['Merryl Parisse, coordinatrice chez Figeacteurs']);
  });
});

describe('Collective decisions: who sees and votes', () => {
  it('shows Figeacteurs’ unpublished charter to its members, its coordination and the national team; the network’s published choice to everyone', async () => {
    const app = t.anonymous as FastifyInstance;
    const get = (role: (typeof roles)[number], url: string) => app.inject({ url, headers: role === 'anonymous' ? {} : sessions[role] });
    const all = (await get('equipe', '/api/decisions?pageSize=50')).json().items as Array<{ id: string; title: string; public: boolean }>;
    const charter = all.find((d) => d.title === 'Adopter la charte de Figeacteurs');
    const priorities = all.find((d) => d.title === 'Nos priorités communes pour 2021');
    expect([charter?.public, priorities?.public]).toEqual([false, true]);
    const sees = new Set(['equipe', 'coordination.figeac', 'membre.figeac']);
    for (const role of roles) {
      expect((await get(role, `/api/decisions/${charter?.id}`)).statusCode, role).toBe(sees.has(role) ? 200 : 404);
      expect((await get(role, `/api/decisions/${priorities?.id}`)).statusCode, role).toBe(200);
      const listed = (await get(role, '/api/decisions?pageSize=50')).json().items.map((d: { id: string }) => d.id);
      expect(listed.includes(charter?.id), role).toBe(sees.has(role));
    }
    const actions = async (role: (typeof roles)[number]) => (await get(role, `/api/decisions/${charter?.id}`)).json().actions;
    expect(await actions('membre.figeac')).toEqual(['vote']);
    expect(await actions('coordination.figeac')).toEqual(['update', 'vote', 'close', 'follow']);
    expect(await actions('equipe')).toEqual(['update', 'close', 'follow']);
    // The network's choice is voted by the coordinators of the collectives, not by a collective's members.
    expect(await (async () => (await get('coordination.chambery', `/api/decisions/${priorities?.id}`)).json().actions)()).toEqual([]);
    const vote = (role: (typeof roles)[number]) =>
      app.inject({ method: 'POST', url: `/api/decisions/${charter?.id}/votes`, headers: sessions[role], payload: { position: 'agree' } });
    expect((await vote('porteur.voisiwatt')).statusCode).toBe(404);
    expect((await vote('coordination.chambery')).statusCode).toBe(404);
  });
});

describe('Hackathons: judges see what is assigned to them, teams their reviews after publication', () => {
  it('hides every score but one’s own until the results are published, then shows a team its own reviews', async () => {
    const app = t.anonymous as FastifyInstance;
    const send = async (role: (typeof roles)[number], method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
      app.inject({ method, url, headers: role === 'anonymous' ? {} : sessions[role], ...(payload ? { payload } : {}) });
    const personOf = async (email: string) =>
      (await t.db.selectFrom('accounts').select('person_id').where('email', '=', email).executeTakeFirstOrThrow()).person_id as string;
    const event = (
      await send('equipe', 'POST', '/api/events', {
        kind: 'hackathon',
        programme: 'mobilisation',
        title: 'Hackathon de la matrice',
        startsAt: '2031-03-01T09:00:00+01:00',
        endsAt: '2031-03-02T18:00:00+01:00',
        onlineUrl: 'https://visio.essaim.test/matrice',
      })
    ).json().id as string;
    const url = (path: string) => `/api/events/${event}${path}`;
    const register = async (email: string, role: 'attendee' | 'judge') =>
      (await send('equipe', 'POST', url('/registrations'), { personId: await personOf(email), role, sector: 'public' })).json().id as string;
    const judges = { 'hacker.public': await register('hacker.public@essaim.test', 'judge'), financeur: await register('financeur@essaim.test', 'judge') };
    const member = await register('porteur.voisiwatt@essaim.test', 'attendee');
    const other = await register('operateur@essaim.test', 'attendee');
    expect((await send('equipe', 'PUT', url('/rubric'), { criteria: [{ id: 'impact', label: 'Impact', weight: 1 }] })).statusCode).toBe(200);
    const team = (await send('porteur.voisiwatt', 'POST', url('/teams'), { name: 'VoisiWATT partagé', memberRegistrationIds: [member] })).json().id as string;
    const otherTeam = (await send('equipe', 'POST', url('/teams'), { name: 'Autre équipe', memberRegistrationIds: [other] })).json().id as string;
    expect((await send('porteur.voisiwatt', 'POST', url(`/teams/${team}/submission`), { title: 'Énergie partagée', pitch: 'Pitch.' })).statusCode).toBe(200);
    expect((await send('equipe', 'POST', url(`/teams/${otherTeam}/submission`), { title: 'Autre', pitch: 'Pitch.' })).statusCode).toBe(200);
    const assigned = (await send('equipe', 'POST', url('/assignments'), { reviewsPerSubmission: 1 })).json() as Array<{
      judgeRegistrationId: string;
      teamId: string;
    }>;
    expect(assigned).toHaveLength(2);
    for (const [role, judge] of Object.entries(judges)) {
      const mine = assigned.find((a) => a.judgeRegistrationId === judge);
      expect(
        (await send(role as (typeof roles)[number], 'POST', url('/reviews'), { teamId: mine?.teamId, scores: { impact: role === 'financeur' ? 5 : 2 } }))
          .statusCode,
        role,
      ).toBe(200);
      const notMine = assigned.find((a) => a.judgeRegistrationId !== judge);
      expect((await send(role as (typeof roles)[number], 'POST', url('/reviews'), { teamId: notMine?.teamId, scores: { impact: 3 } })).statusCode, role).toBe(
        403,
      );
    }
    const counts = async (role: (typeof roles)[number]) => {
      const reviews = await send(role, 'GET', url('/reviews'));
      const assignments = await send(role, 'GET', url('/assignments'));
      return {
        reviews: reviews.statusCode === 200 ? reviews.json().items.length : reviews.statusCode,
        assignments: assignments.statusCode === 200 ? assignments.json().length : assignments.statusCode,
        ranking: (await send(role, 'GET', url('/results'))).json().ranking.length,
      };
    };
    for (const role of roles) {
      const expected =
        role === 'anonymous'
          ? { reviews: 401, assignments: 401, ranking: 0 }
          : role === 'equipe'
            ? { reviews: 2, assignments: 2, ranking: 2 }
            : role in judges
              ? { reviews: 1, assignments: 1, ranking: 0 }
              : { reviews: 0, assignments: 0, ranking: 0 };
      expect(await counts(role), `before publication: ${role}`).toEqual(expected);
    }
    expect((await send('financeur', 'POST', url('/results/publish'))).statusCode).toBe(403);
    expect((await send('equipe', 'POST', url('/results/publish'))).statusCode).toBe(200);
    for (const role of roles) {
      const expected =
        role === 'anonymous'
          ? { reviews: 401, assignments: 401, ranking: 2 }
          : role === 'equipe'
            ? { reviews: 2, assignments: 2, ranking: 2 }
            : role in judges || role === 'porteur.voisiwatt' || role === 'operateur'
              ? { reviews: 1, assignments: role in judges ? 1 : 0, ranking: 2 }
              : { reviews: 0, assignments: 0, ranking: 2 };
      expect(await counts(role), `after publication: ${role}`).toEqual(expected);
    }
    const teamReviews = (await send('porteur.voisiwatt', 'GET', url('/reviews'))).json().items;
    expect(teamReviews).toEqual([expect.objectContaining({ teamId: team, judgeName: null })]);
  });
});

describe('Challenges: who sees a structure’s progress and the full dashboard', () => {
  it('shows a SIAE’s progress to its people, the challenge’s partners and the national team; the stuck list to partners and the national team', async () => {
    const app = t.anonymous as FastifyInstance;
    const get = (role: (typeof roles)[number], url: string) => app.inject({ url, headers: role === 'anonymous' ? {} : sessions[role] });
    const challenge = (await get('anonymous', '/api/challenges?q=inclusion')).json().items[0] as { id: string; steps: Array<{ id: string }> };
    const me = (await get('siae', '/api/auth/me')).json() as { roles: Array<{ scope: string[] }> };
    const own = me.roles[0]?.scope[0] as string;
    const dashboard = (await get('equipe', `/api/challenges/${challenge.id}/dashboard`)).json();
    const other = (dashboard.stuck.items as Array<{ organisationId: string }>).find((s) => s.organisationId !== own)?.organisationId as string;
    expect(own && other).toBeTruthy();
    const sees = new Set(['equipe', 'siae', 'partenaire.defi']);
    for (const role of roles) {
      const mine = (await get(role, `/api/challenges/${challenge.id}/structures/${own}`)).statusCode;
      expect(mine, role).toBe(role === 'anonymous' ? 401 : sees.has(role) ? 200 : 404);
      const theirs = (await get(role, `/api/challenges/${challenge.id}/structures/${other}`)).statusCode;
      expect(theirs, role).toBe(role === 'anonymous' ? 401 : role === 'equipe' || role === 'partenaire.defi' ? 200 : 404);
      const d = (await get(role, `/api/challenges/${challenge.id}/dashboard`)).json();
      const full = role === 'equipe' || role === 'partenaire.defi';
      expect({ role, scope: d.scope, named: d.stuck.items.length > 0 }).toEqual({ role, scope: full ? 'full' : 'public', named: full });
      expect(d.enrolled, role).toBe(4000);
      const onPage = (await get(role, `/api/organisations/${own}/challenges`)).json().items.length;
      expect(onPage, role).toBe(sees.has(role) ? 1 : 0);
    }
    // The SIAE records its own progress, not another's.
    const record = (organisationId: string) =>
      app.inject({
        method: 'POST',
        url: `/api/challenges/${challenge.id}/progress`,
        headers: sessions.siae,
        payload: { organisationId, stepId: challenge.steps[1]?.id, value: 1, recordedOn: '2021-03-01' },
      });
    expect((await record(other)).statusCode).toBe(403);
    expect((await record(own)).statusCode).toBe(201);
  });
});
