import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typo } from '../../../shared/text';
import { create, multipart, orgBody } from '../../test/fixtures';
import { onPostgres, testApp, tokenAccount } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const accounts: Record<string, string> = {};
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const FIGEAC = 'essaim_test-coop-figeac';
const CHAMBERY = 'essaim_test-coop-chambery';
const ETIC = 'essaim_test-coop-etic';
const HOLDER = 'essaim_test-coop-holder';
const ARES = 'essaim_test-coop-ares';

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: unknown) =>
  (t.anonymous as FastifyInstance).inject({
    method,
    url,
    headers: token ? as(token) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
const notificationsOf = async (accountId: string) =>
  (await t.db.selectFrom('notifications').select(['title', 'link']).where('account_id', '=', accountId).orderBy('created_at').execute()).map((n) => n.title);

beforeAll(async () => {
  t = await testApp();
  const org = async (name: string, communeCode = '73065') => (await create(t.app, 'organisations', orgBody({ name, communeCode }))).id;
  ids.etic = await org('ETIC – Foncièrement responsable', '69123');
  ids.scic = await org('Tiers-lieu du Grand-Figeac', '46102');
  ids.vinci = await org('Vinci', '92050');
  ids.ares = await org('Ares', '75056');
  ids.figeac = (await create(t.app, 'collectives', { name: 'Figeacteurs', perimeter: ['departement:46'] })).id;
  ids.chambery = (await create(t.app, 'collectives', { name: 'Grand Chambéry', perimeter: ['departement:73'] })).id;
  ids.lot = (await create(t.app, 'collectives', { name: 'Causses du Lot', perimeter: ['departement:12'] })).id;
  const project = async (title: string, collectiveId: string, stage: string, themes: string[]) =>
    (await create(t.app, 'projects', { title, stage, collectiveId, leadOrganisationId: ids.scic, themes })).id;
  ids.tiersLieu = await project('Tiers-lieu de Figeac', ids.figeac, 'launch', ['tiers-lieux']);
  ids.source = await project('Habitat inclusif de Chambéry', ids.chambery, 'scale_up', ['logement', 'bien-vieillir']);
  ids.replica = await project('Habitat inclusif de Figeac', ids.figeac, 'idea', ['logement', 'bien-vieillir']);
  ids.lotTiersLieu = await project('Tiers-lieu des Causses', ids.lot, 'development', ['tiers-lieux']);
  const merryl = (await create(t.app, 'people', { firstName: 'Merryl', lastName: 'Parisse', organisationId: ids.scic })).id;
  accounts.figeac = await tokenAccount(t.db, {
    email: 'figeac@coop.test',
    roles: [{ role: 'coordinator', scope: [ids.figeac] }],
    token: FIGEAC,
    personId: merryl,
  });
  accounts.chambery = await tokenAccount(t.db, { email: 'chambery@coop.test', roles: [{ role: 'coordinator', scope: [ids.chambery] }], token: CHAMBERY });
  accounts.etic = await tokenAccount(t.db, { email: 'etic@coop.test', roles: [{ role: 'holder', scope: [ids.etic] }], token: ETIC });
  accounts.holder = await tokenAccount(t.db, { email: 'holder@coop.test', roles: [{ role: 'holder', scope: [ids.scic] }], token: HOLDER });
  accounts.ares = await tokenAccount(t.db, { email: 'ares@coop.test', roles: [{ role: 'holder', scope: [ids.ares] }], token: ARES });
}, 120_000);
afterAll(() => t.close());

describe(`know-how transfers (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs a request from Figeacteurs to ETIC: asked, accepted by ETIC only, run, closed; each step told to the other side', async () => {
    const asked = await call('POST', '/api/transfers', FIGEAC, {
      toCollectiveId: ids.figeac,
      fromOrganisationId: ids.etic,
      topic: 'Montage juridique et financier du tiers-lieu',
      themes: ['tiers-lieux'],
      projectId: ids.tiersLieu,
      message: 'Un regard extérieur sur nos statuts.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const tr = asked.json();
    expect(tr).toMatchObject({
      status: 'requested',
      requestedBy: 'receiver',
      fromOrganisationName: 'ETIC – Foncièrement responsable',
      projectTitle: 'Tiers-lieu de Figeac',
    });
    expect(tr.actions).not.toContain('answer');
    ids.transfer = tr.id;
    expect(await notificationsOf(accounts.etic as string)).toEqual(['Figeacteurs vous demande un transfert de savoir-faire']);

    // Private while asked: visitors and other collectives get a 404.
    expect((await call('GET', `/api/transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/transfers/${tr.id}`, CHAMBERY)).statusCode).toBe(404);
    expect((await call('GET', `/api/transfers/${tr.id}`, ETIC)).json()).toMatchObject({
      message: 'Un regard extérieur sur nos statuts.',
      actions: ['answer', 'update'],
    });

    // The requester cannot accept its own request; nor can the national team answer for ETIC.
    const own = await call('PATCH', `/api/transfers/${tr.id}`, FIGEAC, { status: 'accepted' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toContain('on n’accepte pas sa propre demande');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/transfers/${tr.id}`, payload: { status: 'accepted' } })).statusCode).toBe(403);

    const accepted = await call('PATCH', `/api/transfers/${tr.id}`, ETIC, { status: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', answeredOn: expect.any(String) });
    expect((await notificationsOf(accounts.figeac as string)).at(-1)).toBe(
      typo('Transfert de savoir-faire accepté : Montage juridique et financier du tiers-lieu'),
    );

    // Public once accepted, without the request's message.
    const seen = (await call('GET', `/api/transfers/${tr.id}`)).json();
    expect(seen).toMatchObject({ status: 'accepted', message: null, actions: [] });

    expect((await call('PATCH', `/api/transfers/${tr.id}`, FIGEAC, { status: 'in_progress' })).json()).toMatchObject({
      status: 'in_progress',
      startedOn: expect.any(String),
    });
    expect((await call('PATCH', `/api/transfers/${tr.id}`, CHAMBERY, { status: 'done' })).statusCode).toBe(403);
    const done = await call('PATCH', `/api/transfers/${tr.id}`, ETIC, {
      status: 'done',
      sessionsHeld: 6,
      outcome: 'Statuts de SCIC et plan de financement arrêtés.',
    });
    expect(done.json()).toMatchObject({ status: 'done', sessionsHeld: 6, endedOn: expect.any(String) });
    const back = await call('PATCH', `/api/transfers/${tr.id}`, ETIC, { status: 'requested' });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.code).toBe('transfer_status');
  });

  it('shows a testimonial to the public only with its author’s consent, and lists it for the annual review', async () => {
    const quote = 'Le regard extérieur et aiguisé d’ETIC nous a permis de nous poser les bonnes questions.';
    const noText = await call('PATCH', `/api/transfers/${ids.transfer}`, FIGEAC, { testimonialConsent: true });
    expect(noText.statusCode).toBe(400);
    await call('PATCH', `/api/transfers/${ids.transfer}`, FIGEAC, { testimonialQuote: quote, testimonialAuthor: 'Merryl Parisse' });
    expect((await call('GET', `/api/transfers/${ids.transfer}`)).json().testimonial).toBeNull();
    expect((await call('GET', `/api/transfers/${ids.transfer}`, ETIC)).json().testimonial).toEqual({ quote, author: 'Merryl Parisse', consent: false });
    expect((await call('GET', '/api/transfers/testimonials')).json().items).toEqual([]);
    await call('PATCH', `/api/transfers/${ids.transfer}`, FIGEAC, { testimonialConsent: true });
    expect((await call('GET', `/api/transfers/${ids.transfer}`)).json().testimonial).toEqual({ quote, author: 'Merryl Parisse', consent: true });
    const year = new Date().getUTCFullYear();
    const listed = (await call('GET', `/api/transfers/testimonials?year=${year}`)).json().items;
    expect(listed).toEqual([
      {
        transferId: ids.transfer,
        quote,
        author: 'Merryl Parisse',
        topic: 'Montage juridique et financier du tiers-lieu',
        fromName: 'ETIC – Foncièrement responsable',
        toCollectiveName: 'Figeacteurs',
        year,
      },
    ]);
    expect((await call('GET', `/api/transfers/testimonials?year=${year - 1}`)).json().items).toEqual([]);
  });

  it('lets the national team find a giver for a request without one: candidates ranked with reasons, then assigned', async () => {
    const asked = await call('POST', '/api/transfers', CHAMBERY, { toCollectiveId: ids.chambery, topic: 'Ouvrir un tiers-lieu', themes: ['tiers-lieux'] });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    expect((await call('GET', `/api/transfers/${id}/candidates`, CHAMBERY)).statusCode).toBe(403);
    const candidates = (await t.app.inject({ url: `/api/transfers/${id}/candidates` })).json().items;
    expect(candidates[0]).toMatchObject({ collectiveName: 'Causses du Lot' });
    expect(candidates[0].reasons.map((r: { text: string }) => r.text)).toContain('Thématiques en commun : tiers-lieux');
    expect(candidates.map((c: { collectiveId: string }) => c.collectiveId)).not.toContain(ids.chambery);
    const assigned = await t.app.inject({ method: 'PATCH', url: `/api/transfers/${id}`, payload: { fromCollectiveId: ids.lot } });
    expect(assigned.json()).toMatchObject({ fromCollectiveName: 'Causses du Lot', status: 'requested' });
    // A collective is not asked to coach itself, and a giver is only named once.
    const self = await t.app.inject({ method: 'PATCH', url: `/api/transfers/${id}`, payload: { fromCollectiveId: ids.chambery } });
    expect(self.statusCode).toBe(403);
  });

  it('refuses a request for another collective, and bad references with a 400', async () => {
    expect((await call('POST', '/api/transfers', CHAMBERY, { toCollectiveId: ids.figeac, fromOrganisationId: ids.etic, topic: 'x' })).statusCode).toBe(403);
    const bad = await call('POST', '/api/transfers', FIGEAC, { toCollectiveId: ids.figeac, fromCollectiveId: ids.figeac, topic: 'x' });
    expect(bad.statusCode).toBe(400);
    const unknown = await call('POST', '/api/transfers', FIGEAC, {
      toCollectiveId: ids.figeac,
      fromOrganisationId: ids.etic,
      topic: 'x',
      themes: ['inconnue'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'themes', message: typo('Thématiques inconnues : inconnue.') }]);
  });
});

describe('replication', () => {
  it('records a source by the replica’s people, refuses itself and cycles, and draws the map', async () => {
    expect((await call('POST', `/api/projects/${ids.replica}/replications`, CHAMBERY, { sourceProjectId: ids.source })).statusCode).toBe(403);
    const r = await call('POST', `/api/projects/${ids.replica}/replications`, FIGEAC, { sourceProjectId: ids.source });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ source: { id: ids.source, collectiveName: 'Grand Chambéry' }, replicas: [], actions: ['record', 'remove'] });
    const fromSource = (await call('GET', `/api/projects/${ids.source}/replications`)).json();
    expect(fromSource).toMatchObject({ source: null, replicas: [{ id: ids.replica, title: 'Habitat inclusif de Figeac' }], actions: [] });
    const self = await t.app.inject({ method: 'POST', url: `/api/projects/${ids.source}/replications`, payload: { sourceProjectId: ids.source } });
    expect(self.json().error.code).toBe('replication_self');
    const cycle = await t.app.inject({ method: 'POST', url: `/api/projects/${ids.source}/replications`, payload: { sourceProjectId: ids.replica } });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.code).toBe('replication_cycle');
    const map = (await call('GET', '/api/replications?theme=logement')).json();
    expect(map.items).toHaveLength(1);
    expect(map.items[0]).toMatchObject({ source: { departementCode: null }, replica: { id: ids.replica } });
    expect((await call('GET', '/api/replications?theme=sport')).json().items).toEqual([]);
  });

  it('suggests proven projects to replicate, ranked by the territory’s needs, and records an intention', async () => {
    const ideas = (await call('GET', `/api/collectives/${ids.lot}/replication-ideas`)).json().items;
    // The Lot's own needs: tiers-lieux (its project is at development stage, so it is no need); nothing else: no idea.
    expect(ideas).toEqual([]);
    const forFigeac = (await call('GET', `/api/collectives/${ids.figeac}/replication-ideas`)).json().items;
    // Figeac's early projects need tiers-lieux, logement and bien vieillir: the Lot's tiers-lieu; Chambéry's housing is already replicated in Figeac.
    expect(forFigeac.map((i: { project: { title: string } }) => i.project.title)).toEqual(['Tiers-lieu des Causses']);
    expect(forFigeac[0].reasons).toEqual(['Répond à un besoin du territoire : Tiers-lieux']);
    expect((await call('POST', `/api/collectives/${ids.figeac}/replication-intentions`, CHAMBERY, { sourceProjectId: ids.lotTiersLieu })).statusCode).toBe(403);
    const declared = await call('POST', `/api/collectives/${ids.figeac}/replication-intentions`, FIGEAC, { sourceProjectId: ids.lotTiersLieu });
    expect(declared.statusCode, declared.body).toBe(201);
    expect((await call('GET', `/api/collectives/${ids.figeac}/replication-ideas`)).json().items[0].intended).toBe(true);
  });

  it('gathers a collective’s cooperation: transfers received, replications, intentions', async () => {
    const k = (await call('GET', `/api/collectives/${ids.figeac}/cooperation`)).json();
    expect(k.received.map((x: { topic: string }) => x.topic)).toEqual(['Montage juridique et financier du tiers-lieu']);
    expect(k.given).toEqual([]);
    expect(k.replications).toHaveLength(1);
    expect(k.intentions.map((i: { source: { title: string } }) => i.source.title)).toEqual(['Tiers-lieu des Causses']);
    // Chambéry's request still waits for an answer: private to its sides.
    expect((await call('GET', `/api/collectives/${ids.chambery}/cooperation`)).json().received).toEqual([]);
    expect((await call('GET', `/api/collectives/${ids.chambery}/cooperation`, CHAMBERY)).json().received).toHaveLength(1);
  });
});

describe('workshops and cooperations', () => {
  it('keeps a workshop’s theme, summary and materials, and counts attendance per collective', async () => {
    const w = await create(t.app, 'events', {
      kind: 'workshop',
      programme: 'cooperation',
      title: 'Atelier sur la gouvernance des collectifs',
      startsAt: '2030-12-08T10:00:00+01:00',
      endsAt: '2030-12-08T12:00:00+01:00',
      onlineUrl: 'https://visio.essaim.test/gouvernance',
    });
    const reg = await call('POST', `/api/events/${w.id}/registrations`, FIGEAC, { role: 'attendee', collectiveId: ids.figeac });
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json().collectiveId).toBe(ids.figeac);
    expect((await call('PATCH', `/api/workshops/${w.id}`, FIGEAC, { summary: 'x' })).statusCode).toBe(403);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/workshops/${w.id}`, payload: { themeCode: 'tiers-lieux', summary: 'Décider ensemble.' } });
    expect(patched.json()).toMatchObject({ themeLabel: 'Tiers-lieux', summary: 'Décider ensemble.' });
    const m = await t.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/materials`,
      payload: { label: 'Diaporama', url: 'https://exemple.fr/diapo.pdf' },
    });
    expect(m.statusCode, m.body).toBe(201);
    const seen = (await call('GET', `/api/workshops/${w.id}`)).json();
    expect(seen).toMatchObject({
      attendees: 1,
      collectives: [{ collectiveId: ids.figeac, collectiveName: 'Figeacteurs', attendees: 1 }],
      materials: [{ label: 'Diaporama', url: 'https://exemple.fr/diapo.pdf' }],
      actions: [],
    });
    expect((await call('GET', `/api/collectives/${ids.figeac}/cooperation`)).json().workshops).toEqual([
      { eventId: w.id, title: 'Atelier sur la gouvernance des collectifs', startsAt: '2030-12-08T09:00:00.000Z', attendees: 1 },
    ]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/workshops/${w.id}/materials/${m.json().id}` })).statusCode).toBe(204);

    // A file up to 5 MB is kept and served back as a download; a larger one is refused while read.
    const small = multipart('compte-rendu.pdf', new TextEncoder().encode('%PDF-1.4 compte rendu'), 'application/pdf');
    const up = await t.app.inject({ method: 'POST', url: `/api/workshops/${w.id}/materials/file?label=Compte%20rendu`, ...small });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ label: 'Compte rendu', fileName: 'compte-rendu.pdf', url: null, sizeBytes: 21 });
    const down = await call('GET', `/api/workshops/${w.id}/materials/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-disposition']).toContain('compte-rendu.pdf');
    expect(down.body).toBe('%PDF-1.4 compte rendu');
    const big = multipart('gros.pdf', new Uint8Array(5 * 1024 * 1024 + 1), 'application/pdf');
    const refused = await t.app.inject({ method: 'POST', url: `/api/workshops/${w.id}/materials/file`, ...big });
    expect(refused.statusCode).toBe(413);
    expect((await call('GET', `/api/workshops/${w.id}`)).json().materials.map((x: { label: string }) => x.label)).toEqual(['Compte rendu']);
    const byFigeac = await (t.anonymous as FastifyInstance).inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/materials/file`,
      payload: small.payload,
      headers: { ...small.headers, ...as(FIGEAC) },
    });
    expect(byFigeac.statusCode).toBe(403);
  });

  it('records a cooperation with its results, written by either structure or the national team', async () => {
    const programme = (await create(t.app, 'sector-programmes', { name: 'Filière réemploi des matériaux du BTP', themeCode: 'reemploi-materiaux' })).id;
    const c = await call('POST', '/api/cooperations', ARES, {
      largeGroupId: ids.vinci,
      socialInnovatorId: ids.ares,
      sectorProgrammeId: programme,
      subject: 'Métiers en tension du BTP',
      status: 'active',
      startedOn: '2020-09-01',
      results: [{ label: 'Personnes formées', value: 24, unit: 'personnes' }],
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({
      largeGroupName: 'Vinci',
      socialInnovatorName: 'Ares',
      sectorProgrammeName: 'Filière réemploi des matériaux du BTP',
      actions: ['update'],
    });
    expect((await call('PATCH', `/api/cooperations/${c.json().id}`, HOLDER, { status: 'completed' })).statusCode).toBe(403);
    const bad = await call('PATCH', `/api/cooperations/${c.json().id}`, ARES, { endedOn: '2020-01-01' });
    expect(bad.statusCode).toBe(400);
    const updated = await call('PATCH', `/api/cooperations/${c.json().id}`, ARES, {
      results: [
        { label: 'Personnes formées', value: 24, unit: 'personnes' },
        { label: 'Emplois pourvus', value: 11, unit: 'emplois' },
      ],
    });
    expect(updated.json().results).toEqual([
      { label: 'Personnes formées', value: 24, unit: 'personnes' },
      { label: 'Emplois pourvus', value: 11, unit: 'emplois' },
    ]);
    expect((await call('GET', `/api/sector-programmes/${programme}/cooperation`)).json().cooperations).toHaveLength(1);
    expect((await call('GET', `/api/cooperations?organisationId=${ids.vinci}`)).json().items).toHaveLength(1);
  });
});
