import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, orgBody } from '../../test/fixtures';
import { onPostgres, testApp, tokenAccount } from '../../test/test-db';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const HOLDER = 'essaim_test-events-holder';
const INVESTOR = 'essaim_test-events-investor';
const ORGANISER = 'essaim_test-events-organiser';
const SOMEONE = 'essaim_test-events-someone';
const ADVISOR = 'essaim_test-events-advisor';

const conference = (over: Record<string, unknown> = {}) => ({
  kind: 'conference',
  programme: 'impact-finance',
  title: 'Conférence Impact Finance Grenoble',
  description: 'Rendez-vous entre projets et financeurs à impact.',
  startsAt: '2030-11-03T09:00:00+01:00',
  endsAt: '2030-11-03T17:30:00+01:00',
  place: { address: 'Maison de l’économie, 10 rue Lesdiguières', communeCode: '38185' },
  capacity: 3,
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  const org = async (name: string, communeCode = '73065') => (await create(t.app, 'organisations', orgBody({ name, communeCode }))).id;
  ids.scic = await org('VoisiWATT SCIC', '38185');
  ids.manager = await org('France Active Investissement', '75056');
  ids.agency = await org('Agence des Alpes', '38185');
  ids.other = await org('Autre structure');
  ids.project = (await create(t.app, 'projects', { title: 'Centrale solaire citoyenne', stage: 'development', leadOrganisationId: ids.scic })).id;
  ids.fund = (await create(t.app, 'funds', { name: 'Fonds Impact Alpes', managerId: ids.manager, amountMobilisableEur: 5_000_000 })).id;
  const person = async (firstName: string, lastName: string, organisationId: string, isAdvisor = false) =>
    (await create(t.app, 'people', { firstName, lastName, organisationId, isAdvisor })).id;
  ids.julien = await person('Julien', 'Marchand', ids.scic);
  ids.sophie = await person('Sophie', 'Garnier', ids.manager);
  ids.claire = await person('Claire', 'Dubois', ids.agency);
  ids.paul = await person('Paul', 'Martin', ids.other);
  ids.anne = await person('Anne', 'Leroy', ids.other, true);
  await tokenAccount(t.db, { email: 'holder@events.test', roles: [{ role: 'holder', scope: [ids.scic] }], token: HOLDER, personId: ids.julien });
  await tokenAccount(t.db, { email: 'investor@events.test', roles: [{ role: 'investor', scope: [ids.manager] }], token: INVESTOR, personId: ids.sophie });
  await tokenAccount(t.db, { email: 'organiser@events.test', roles: [{ role: 'holder', scope: [ids.agency] }], token: ORGANISER, personId: ids.claire });
  await tokenAccount(t.db, { email: 'someone@events.test', roles: [], token: SOMEONE, personId: ids.paul });
  await tokenAccount(t.db, { email: 'advisor@events.test', roles: [], token: ADVISOR, personId: ids.anne });
}, 60_000);
afterAll(() => t.close());

describe(`events API (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('creates, reads, changes, lists and deletes an event', async () => {
    const created = await create(t.app, 'events', conference());
    expect(created).toMatchObject({
      kind: 'conference',
      programme: 'impact-finance',
      startsAt: '2030-11-03T08:00:00.000Z',
      endsAt: '2030-11-03T16:30:00.000Z',
      place: { communeCode: '38185', communeName: 'Grenoble', departementCode: '38', regionCode: '84' },
      onlineUrl: null,
      organiserOrganisationId: null,
      organiserName: 'Équipe nationale',
      capacity: 3,
      registrationOpen: true,
      public: true,
      registeredCount: 0,
      actions: ['update', 'delete', 'register', 'manage'],
    });
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${created.id}`,
      payload: { place: null, onlineUrl: 'https://visio.example.fr/impact' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ place: null, onlineUrl: 'https://visio.example.fr/impact', title: 'Conférence Impact Finance Grenoble' });
    const read = await t.anonymous.inject({ url: `/api/events/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().actions).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/events/${created.id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/events/${created.id}` })).statusCode).toBe(404);
  });

  it('refuses bad input in French, naming each field, and writes nothing', async () => {
    const noPlace = await t.app.inject({ method: 'POST', url: '/api/events', payload: conference({ place: null }) });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().error.details).toEqual([{ path: 'place', message: expect.stringContaining('lieu (adresse et commune) ou un lien') }]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: conference({ kind: 'party', startsAt: '3 novembre', endsAt: '2020-11-03T08:00:00Z', capacity: 0 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['capacity', 'kind', 'startsAt']);
    expect(bad.json().error.details.find((d: { path: string }) => d.path === 'startsAt').message).toContain('fuseau');
    const backwards = await t.app.inject({ method: 'POST', url: '/api/events', payload: conference({ endsAt: '2030-11-03T08:00:00+01:00' }) });
    expect(backwards.json().error.details).toEqual([{ path: 'endsAt', message: expect.stringContaining('après le début') }]);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: conference({ place: { address: 'Quelque part', communeCode: '99999' } }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      { path: 'place.communeCode', message: expect.stringMatching(/^Commune inconnue \(code INSEE\)\s:\s99999$/) },
    ]);
    const list = await t.app.inject({ url: '/api/events?q=quelque' });
    expect(list.json().total).toBe(0);
    const badFilter = await t.app.inject({ url: '/api/events?territory=region:999&from=2020-13-01' });
    expect(badFilter.statusCode).toBe(400);
  });

  it('filters by programme, kind, dates (days in Paris), territory and words', async () => {
    const a = await create(
      t.app,
      'events',
      conference({
        title: 'Conférence de Marseille',
        startsAt: '2020-11-05T09:00:00+01:00',
        endsAt: '2020-11-05T18:00:00+01:00',
        place: { address: 'La Friche', communeCode: '13055' },
      }),
    );
    const b = await create(t.app, 'events', {
      kind: 'workshop',
      programme: 'cooperation',
      title: 'Atelier gouvernance',
      // 23:30 in Paris on 7 December is 22:30 UTC: still the 7th for the filters.
      startsAt: '2020-12-07T22:30:00Z',
      endsAt: '2020-12-07T22:50:00Z',
      onlineUrl: 'https://visio.example.fr/gouvernance',
    });
    const c = await create(
      t.app,
      'events',
      conference({ title: 'Conférence de Grenoble', startsAt: '2020-11-03T09:00:00+01:00', endsAt: '2020-11-03T17:00:00+01:00' }),
    );
    const titles = async (query: string) => ((await t.app.inject({ url: `/api/events?${query}` })).json().items as Array<{ id: string }>).map((e) => e.id);
    expect(await titles('from=2020-01-01&to=2020-12-31')).toEqual([c.id, a.id, b.id]);
    expect(await titles('programme=cooperation')).toEqual([b.id]);
    expect(await titles('kind=conference&from=2020-11-04&to=2020-11-30')).toEqual([a.id]);
    expect(await titles('from=2020-12-07&to=2020-12-07')).toEqual([b.id]);
    expect(await titles('from=2020-12-08&to=2020-12-31')).toEqual([]);
    expect(await titles('territory=region:84&to=2020-12-31')).toEqual([c.id]);
    expect(await titles('territory=departement:13')).toEqual([a.id]);
    expect(await titles('q=marseille')).toEqual([a.id]);
    expect(await titles('q=gouvernance&sort=-startsAt')).toEqual([b.id]);
    const reversed = await t.app.inject({ url: '/api/events?from=2020-12-01&to=2020-11-01' });
    expect(reversed.statusCode).toBe(400);
    for (const e of [a, b, c]) await t.app.inject({ method: 'DELETE', url: `/api/events/${e.id}` });
  });

  it('shows visitors public events only, and lets only the organiser write', async () => {
    const hidden = await create(t.app, 'events', conference({ title: 'Réunion interne', public: false }));
    expect((await t.anonymous.inject({ url: `/api/events/${hidden.id}` })).statusCode).toBe(404);
    expect((await t.anonymous.inject({ url: `/api/events/${hidden.id}/calendar.ics` })).statusCode).toBe(404);
    expect((await t.anonymous.inject({ url: '/api/events?q=interne' })).json().total).toBe(0);
    expect((await t.anonymous.inject({ url: `/api/events/${hidden.id}`, headers: as(SOMEONE) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/events?q=interne' })).json().total).toBe(1);

    // An account organises for its own structure only.
    const mine = await t.anonymous.inject({
      method: 'POST',
      url: '/api/events',
      headers: as(ORGANISER),
      payload: conference({ organiserOrganisationId: ids.agency }),
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ organiserName: 'Agence des Alpes', actions: ['update', 'delete', 'register', 'manage'] });
    const national = await t.anonymous.inject({ method: 'POST', url: '/api/events', headers: as(ORGANISER), payload: conference() });
    expect(national.statusCode).toBe(403);
    expect(national.json().error.message).toContain('équipe nationale');
    const others = await t.anonymous.inject({ method: 'PATCH', url: `/api/events/${hidden.id}`, headers: as(HOLDER), payload: { title: 'Pris' } });
    expect(others.statusCode).toBe(403);
    const handOver = await t.anonymous.inject({
      method: 'PATCH',
      url: `/api/events/${mine.json().id}`,
      headers: as(ORGANISER),
      payload: { organiserOrganisationId: ids.other },
    });
    expect(handOver.statusCode).toBe(403);
    const visitor = await t.anonymous.inject({ method: 'POST', url: '/api/events', payload: conference() });
    expect(visitor.statusCode).toBe(401);
    const readOnly = await t.anonymous.inject({ method: 'POST', url: '/api/events', headers: as(SOMEONE), payload: conference() });
    expect(readOnly.statusCode).toBe(403);
    // A past event may be recorded by its organiser (as the 2020 demo does).
    const past = await t.anonymous.inject({
      method: 'POST',
      url: '/api/events',
      headers: as(ORGANISER),
      payload: conference({ organiserOrganisationId: ids.agency, startsAt: '2020-10-01T09:00:00+02:00', endsAt: '2020-10-01T12:00:00+02:00' }),
    });
    expect(past.statusCode).toBe(201);
    // Nobody registers by themself to an event that is over; its organiser records who came.
    const late = await t.anonymous.inject({
      method: 'POST',
      url: `/api/events/${past.json().id}/registrations`,
      headers: as(SOMEONE),
      payload: { role: 'attendee' },
    });
    expect(late.json().error.code).toBe('event_over');
    const recorded = await t.anonymous.inject({
      method: 'POST',
      url: `/api/events/${past.json().id}/registrations`,
      headers: as(ORGANISER),
      payload: { role: 'attendee', personId: ids.paul, status: 'attended' },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    for (const id of [hidden.id, mine.json().id, past.json().id]) await t.app.inject({ method: 'DELETE', url: `/api/events/${id}` });
  });

  it('registers people, projects and funds, up to the capacity, and shows each their own', async () => {
    const e = await create(t.app, 'events', conference({ organiserOrganisationId: ids.agency, capacity: 3 }));
    const url = `/api/events/${e.id}/registrations`;
    const post = (token: string, payload: Record<string, unknown>) => t.anonymous.inject({ method: 'POST', url, headers: as(token), payload });

    const project = await post(HOLDER, { role: 'project', projectId: ids.project, maxMeetings: 6 });
    expect(project.statusCode, project.body).toBe(201);
    expect(project.json()).toMatchObject({
      role: 'project',
      projectTitle: 'Centrale solaire citoyenne',
      organisationId: ids.scic,
      organisationName: 'VoisiWATT SCIC',
      personId: ids.julien,
      personName: 'Julien Marchand',
      status: 'registered',
      maxMeetings: 6,
      actions: ['update', 'cancel'],
    });
    expect((await post(HOLDER, { role: 'project', projectId: ids.project })).json().error.code).toBe('already_registered');
    // Another's fund, another person, a speaker: the organiser's to register.
    expect((await post(HOLDER, { role: 'investor', fundId: ids.fund })).statusCode).toBe(403);
    expect((await post(HOLDER, { role: 'attendee', personId: ids.paul })).statusCode).toBe(403);
    expect((await post(SOMEONE, { role: 'speaker' })).statusCode).toBe(403);
    expect((await post(SOMEONE, { role: 'advisor' })).statusCode).toBe(403);
    expect((await post(SOMEONE, { role: 'attendee', status: 'attended' })).statusCode).toBe(403);
    expect((await post(SOMEONE, { role: 'attendee', organisationId: ids.scic })).statusCode).toBe(403);
    const missing = await post(HOLDER, { role: 'project' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'projectId', message: 'Choisissez le projet inscrit.' }]);

    const fund = await post(INVESTOR, { role: 'investor', fundId: ids.fund });
    expect(fund.statusCode, fund.body).toBe(201);
    expect(fund.json()).toMatchObject({ fundName: 'Fonds Impact Alpes', organisationId: ids.manager });
    // A structure alone may speak: the organiser's own person is not put in its place.
    const structure = await post(ORGANISER, { role: 'speaker', organisationId: ids.other });
    expect(structure.json()).toMatchObject({ personId: null, organisationName: 'Autre structure' });
    await t.anonymous.inject({ method: 'PATCH', url: `${url}/${structure.json().id}`, headers: as(ORGANISER), payload: { status: 'cancelled' } });
    const speaker = await post(ORGANISER, { role: 'speaker', personId: ids.anne });
    expect(speaker.statusCode, speaker.body).toBe(201);
    // Registered by the organiser, the person hears of it (with a link to the event); registering oneself tells nobody.
    const told = (await t.anonymous.inject({ url: '/api/notifications', headers: as(ADVISOR) })).json();
    expect(told.items).toMatchObject([{ category: 'events', link: `/evenements/${e.id}`, title: expect.stringContaining('(intervenant)') }]);
    expect((await t.anonymous.inject({ url: '/api/notifications', headers: as(HOLDER) })).json().total).toBe(0);

    const full = await post(SOMEONE, { role: 'attendee' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'event_full', message: expect.stringMatching(/complet\s:\sles 3 places sont prises/) });
    expect((await t.anonymous.inject({ url: `/api/events/${e.id}` })).json().registeredCount).toBe(3);

    // The organiser sees every registration; a participant their own; a visitor none.
    const all = await t.anonymous.inject({ url, headers: as(ORGANISER) });
    expect(all.json()).toMatchObject({ total: 4, all: true });
    expect(all.json().items.map((r: { role: string; status: string }) => `${r.role} ${r.status}`)).toEqual([
      'project registered',
      'investor registered',
      'speaker cancelled',
      'speaker registered',
    ]);
    expect((await t.anonymous.inject({ url: `${url}?status=registered&role=speaker`, headers: as(ORGANISER) })).json().total).toBe(1);
    const own = await t.anonymous.inject({ url, headers: as(HOLDER) });
    expect(own.json()).toMatchObject({ total: 1, all: false, items: [{ id: project.json().id }] });
    expect((await t.anonymous.inject({ url, headers: as(SOMEONE) })).json().total).toBe(0);
    expect((await t.anonymous.inject({ url })).statusCode).toBe(401);

    // A participant cancels (a place frees up) but records no attendance; the organiser does.
    const rid = project.json().id;
    const patch = (token: string, id: string, payload: Record<string, unknown>) =>
      t.anonymous.inject({ method: 'PATCH', url: `${url}/${id}`, headers: as(token), payload });
    expect((await patch(HOLDER, rid, { status: 'attended' })).statusCode).toBe(403);
    expect((await patch(HOLDER, rid, { role: 'speaker' })).statusCode).toBe(403);
    expect((await patch(HOLDER, fund.json().id, { status: 'cancelled' })).statusCode).toBe(404);
    const cancelled = await patch(HOLDER, rid, { status: 'cancelled' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const someone = await post(SOMEONE, { role: 'attendee' });
    expect(someone.statusCode, someone.body).toBe(201);
    const back = await patch(HOLDER, rid, { status: 'registered' });
    expect(back.json().error.code).toBe('event_full');
    const checkedIn = await patch(ORGANISER, someone.json().id, { status: 'attended' });
    expect(checkedIn.json()).toMatchObject({ status: 'attended', actions: ['update', 'cancel', 'checkIn'] });
    expect((await patch(ORGANISER, fund.json().id, { status: 'no_show' })).json().status).toBe('no_show');
    const lower = await t.anonymous.inject({ method: 'PATCH', url: `/api/events/${e.id}`, headers: as(ORGANISER), payload: { capacity: 2 } });
    expect(lower.json().error.code).toBe('capacity_below_registrations');

    // Closed registrations refuse participants, not the organiser.
    await t.anonymous.inject({ method: 'PATCH', url: `/api/events/${e.id}`, headers: as(ORGANISER), payload: { registrationOpen: false, capacity: null } });
    expect((await post(ADVISOR, { role: 'advisor' })).json().error.code).toBe('registration_closed');
    await t.anonymous.inject({ method: 'PATCH', url: `/api/events/${e.id}`, headers: as(ORGANISER), payload: { registrationOpen: true } });
    const advisor = await post(ADVISOR, { role: 'advisor' });
    expect(advisor.statusCode, advisor.body).toBe(201);
    const anyone = await post(ORGANISER, { role: 'project', projectId: ids.project, status: 'attended' });
    expect(anyone.json()).toMatchObject({ status: 'attended', organisationId: ids.scic, personId: null });
    await t.app.inject({ method: 'DELETE', url: `/api/events/${e.id}` });
  });

  it('gives a valid iCalendar file whose UID stays the same', async () => {
    const e = await create(t.app, 'events', conference({ title: 'Rencontre, bilan; et suite', description: 'Ligne un\nLigne deux, avec virgule' }));
    const first = await t.anonymous.inject({ url: `/api/events/${e.id}/calendar.ics` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/calendar');
    expect(first.body).toContain('\r\n');
    const parse = (body: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent') as ICAL.Component);
    const v = parse(first.body);
    expect(v.uid).toBe(`event-${e.id}@essaim`);
    expect(v.summary).toBe('Conférence : Rencontre, bilan; et suite');
    expect(v.description).toContain('Ligne un\nLigne deux, avec virgule');
    expect(v.location).toBe('Maison de l’économie, 10 rue Lesdiguières, Grenoble');
    expect(v.startDate.toJSDate().toISOString()).toBe('2030-11-03T08:00:00.000Z');
    expect(v.endDate.toJSDate().toISOString()).toBe('2030-11-03T16:30:00.000Z');
    await t.app.inject({ method: 'PATCH', url: `/api/events/${e.id}`, payload: { startsAt: '2030-11-03T10:00:00+01:00' } });
    const second = parse((await t.anonymous.inject({ url: `/api/events/${e.id}/calendar.ics` })).body);
    expect(second.uid).toBe(v.uid);
    expect(second.startDate.toJSDate().toISOString()).toBe('2030-11-03T09:00:00.000Z');
    for (const line of first.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
