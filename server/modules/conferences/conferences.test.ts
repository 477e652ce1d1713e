import { inflateSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, orgBody } from '../../test/fixtures';
import { onPostgres, testApp, tokenAccount } from '../../test/test-db';
import { systemActor } from '../../policies/actor';
import { conferenceService, SCHEDULE_STEPS } from './conference-service';

type App = Awaited<ReturnType<typeof testApp>>;
let t: App;
const ids: Record<string, string> = {};
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const HOLDER = 'essaim_conf-holder';
const INVESTOR = 'essaim_conf-investor';
const OUTSIDER = 'essaim_conf-outsider';
const OTHER_HOLDER = 'essaim_conf-other-holder';
const ADVISOR = 'essaim_conf-advisor';

async function call(method: string, url: string, token: string | null, payload?: unknown) {
  const headers = token ? as(token) : {};
  const r = await (token === 'admin' ? t.app : t.anonymous).inject({
    method: method as 'GET',
    url,
    headers: token === 'admin' ? {} : headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return r;
}
const admin = (method: string, url: string, payload?: unknown) => call(method, url, 'admin', payload);

const winAnsi = new TextDecoder('windows-1252');
/** The text a PDF shows (pdfkit writes standard-font text as WinAnsi hex strings in deflated streams). */
function pdfText(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1] as string, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const line of body.split('\n')) {
      const shown = [...line.matchAll(/<([0-9a-f]+)>/gi)].map((h) => winAnsi.decode(Buffer.from(h[1] as string, 'hex'))).join('');
      if (shown) out += `${shown}\n`;
    }
  }
  return out.replace(/\u00a0/g, ' ');
}

beforeAll(async () => {
  t = await testApp({ conferenceScheduleJobThreshold: 1_000_000 });
  const holderOrg = await create(t.app, 'organisations', orgBody({ name: 'Ressourcerie des Alpes', communeCode: '38185' }));
  const otherOrg = await create(t.app, 'organisations', orgBody({ name: 'Atelier du Vercors', communeCode: '38185' }));
  const manager = await create(t.app, 'organisations', orgBody({ name: 'France Active Isère', kind: 'fund_manager', ess: false, communeCode: '38185' }));
  ids.holderOrg = holderOrg.id;
  ids.manager = manager.id;
  const project = (title: string, lead: string, over: Record<string, unknown> = {}) =>
    create(t.app, 'projects', {
      title,
      leadOrganisationId: lead,
      stage: 'development',
      themes: ['economie-circulaire'],
      fundingNeedEur: 300_000,
      instruments: ['loan'],
      communeCode: '38185',
      summary: 'Réemploi de matériaux du bâtiment',
      ...over,
    });
  ids.p1 = (await project('Ressourcerie du bâtiment', holderOrg.id)).id;
  ids.p2 = (await project('Atelier vélo solidaire', otherOrg.id, { fundingNeedEur: 90_000 })).id;
  ids.p3 = (await project('Conserverie de quartier', otherOrg.id, { fundingNeedEur: 9_000_000 })).id;
  const fund = (name: string, over: Record<string, unknown> = {}) =>
    create(t.app, 'funds', {
      name,
      managerId: manager.id,
      frenchImpact: true,
      amountMobilisableEur: 20_000_000,
      themes: ['economie-circulaire'],
      instruments: ['loan', 'equity'],
      ticketMinEur: 50_000,
      ticketMaxEur: 1_000_000,
      description: 'Fonds d’investissement pour le réemploi',
      ...over,
    });
  ids.f1 = (await fund('Fonds Réemploi Isère')).id;
  ids.f2 = (await fund('Fonds Alpes Solidaires', { territories: ['region:84'] })).id;
  await tokenAccount(t.db, { email: 'porteur@conf.test', roles: [{ role: 'holder', scope: [holderOrg.id] }], token: HOLDER });
  await tokenAccount(t.db, { email: 'financeur@conf.test', roles: [{ role: 'investor', scope: [manager.id] }], token: INVESTOR });
  await tokenAccount(t.db, { email: 'autre@conf.test', roles: [{ role: 'holder', scope: [otherOrg.id] }], token: OTHER_HOLDER });
  // A holder whose structure has nothing registered: the conference does not exist for them.
  const outsiderOrg = await create(t.app, 'organisations', orgBody({ name: 'Coopérative des Bauges', communeCode: '73065' }));
  await tokenAccount(t.db, { email: 'dehors@conf.test', roles: [{ role: 'holder', scope: [outsiderOrg.id] }], token: OUTSIDER });
  const event = await create(t.app, 'events', {
    kind: 'conference',
    programme: 'impact-finance',
    title: 'Rencontres Impact Finance de Grenoble',
    startsAt: '2020-11-03T08:00:00Z',
    endsAt: '2020-11-03T17:00:00Z',
    place: { address: '5 place de la Gare', communeCode: '38185' },
  });
  ids.event = event.id;
  const register = async (body: Record<string, unknown>) => (await create(t.app, `events/${event.id}/registrations`, body)).id;
  ids.r1 = await register({ role: 'project', projectId: ids.p1 });
  ids.r2 = await register({ role: 'project', projectId: ids.p2, maxMeetings: 1 });
  ids.r3 = await register({ role: 'project', projectId: ids.p3 });
  ids.rf1 = await register({ role: 'investor', fundId: ids.f1 });
  ids.rf2 = await register({ role: 'investor', fundId: ids.f2 });
}, 60_000);
afterAll(() => t.close());

const base = () => `/api/events/${ids.event}`;

describe(`bilateral conferences (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('generates slots from Paris days; participants read them, anyone else finds no conference', async () => {
    const bad = await admin('PUT', `${base()}/slots`, {
      days: [{ date: '2020-11-03', start: '14:00', end: '14:10' }],
      meetingMinutes: 30,
      breakMinutes: 5,
      tables: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('aucun rendez-vous de 30 minutes ne tient');
    const r = await admin('PUT', `${base()}/slots`, {
      days: [{ date: '2020-11-03', start: '09:00', end: '10:45' }],
      meetingMinutes: 30,
      breakMinutes: 5,
      tables: 2,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().map((s: { startsAt: string }) => s.startsAt)).toEqual(['2020-11-03T08:00:00.000Z', '2020-11-03T08:35:00.000Z', '2020-11-03T09:10:00.000Z']);
    ids.s1 = r.json()[0].id;
    ids.s2 = r.json()[1].id;
    ids.s3 = r.json()[2].id;
    // The slot form shows the tables the slots were generated with.
    expect((await admin('GET', `${base()}/conference`)).json()).toMatchObject({ slots: 3, tables: 2, meetingMinutes: 30, breakMinutes: 5 });
    expect((await call('GET', `${base()}/slots`, HOLDER)).statusCode).toBe(200);
    expect((await call('GET', `${base()}/slots`, OUTSIDER)).statusCode).toBe(404);
    expect((await call('GET', `${base()}/meetings`, OUTSIDER)).statusCode).toBe(404);
    expect((await call('GET', `${base()}/slots`, null)).statusCode).toBe(401);
    // A participant does not run the conference.
    expect(
      (await call('PUT', `${base()}/slots`, HOLDER, { days: [{ date: '2020-11-03', start: '09:00', end: '10:00' }], meetingMinutes: 30, tables: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('keeps each participant’s availability (every slot until said otherwise)', async () => {
    expect((await call('GET', `${base()}/registrations/${ids.r1}/availability`, HOLDER)).json()).toMatchObject({
      limited: false,
      slotIds: [ids.s1, ids.s2, ids.s3],
    });
    const unknown = await call('PUT', `${base()}/registrations/${ids.r1}/availability`, HOLDER, { slotIds: [ids.event] });
    expect(unknown.statusCode).toBe(400);
    expect((await call('PUT', `${base()}/registrations/${ids.rf1}/availability`, HOLDER, { slotIds: [ids.s1] })).statusCode).toBe(404);
    const r = await call('PUT', `${base()}/registrations/${ids.r1}/availability`, HOLDER, { slotIds: [ids.s1, ids.s2] });
    expect(r.json()).toMatchObject({ limited: true, slotIds: [ids.s1, ids.s2] });
  });

  it('recommends the other side with French reasons adding up to the score, hard rules respected', async () => {
    const r = await call('GET', `${base()}/registrations/${ids.r1}/recommendations`, HOLDER);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json() as Array<{ registrationId: string; score: number; reasons: Array<{ contribution: number; detail: string }>; label: string }>;
    expect(list.map((x) => x.registrationId).sort()).toEqual([ids.rf1, ids.rf2].sort());
    for (const x of list) expect(x.reasons.reduce((s, y) => s + y.contribution, 0)).toBe(x.score);
    // The €9M project is outside every ticket: no investor is recommended it.
    const forFund = (await call('GET', `${base()}/registrations/${ids.rf1}/recommendations`, INVESTOR)).json() as Array<{ registrationId: string }>;
    expect(forFund.map((x) => x.registrationId)).not.toContain(ids.r3);
    expect(forFund.map((x) => x.registrationId)).toContain(ids.r1);
  });

  it('turns requests into meetings: accept, decline, both sides asking, caps and deadline', async () => {
    const sent = await call('POST', `${base()}/meeting-requests`, HOLDER, { from: ids.r1, to: ids.rf1, message: 'Nous cherchons un prêt.' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'pending', actions: [] });
    expect((await call('POST', `${base()}/meeting-requests`, HOLDER, { from: ids.r1, to: ids.rf1 })).statusCode).toBe(409);
    // Not for someone else's registration, and only a project with an investor.
    expect((await call('POST', `${base()}/meeting-requests`, HOLDER, { from: ids.r2, to: ids.rf1 })).statusCode).toBe(403);
    expect((await call('POST', `${base()}/meeting-requests`, 'admin', { from: ids.r1, to: ids.r2 })).statusCode).toBe(400);
    const inbox = (await call('GET', `${base()}/meeting-requests`, INVESTOR)).json();
    expect(inbox[0]).toMatchObject({ id: sent.json().id, actions: ['accept', 'decline'] });
    expect((await call('POST', `${base()}/meeting-requests/${sent.json().id}/accept`, HOLDER, {})).statusCode).toBe(403);
    const accepted = await call('POST', `${base()}/meeting-requests/${sent.json().id}/accept`, INVESTOR, { message: 'Avec plaisir' });
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(accepted.json().meetingId).toBeTruthy();
    ids.m1 = accepted.json().meetingId;
    const notes = await t.db.selectFrom('notifications').select(['title', 'category']).where('category', '=', 'meetings').execute();
    expect(notes.map((n) => n.title)).toContain('Fonds Réemploi Isère accepte votre demande de rendez-vous');

    // Both sides asking: agreed at once.
    await call('POST', `${base()}/meeting-requests`, INVESTOR, { from: ids.rf2, to: ids.r1 });
    const mutual = await call('POST', `${base()}/meeting-requests`, HOLDER, { from: ids.r1, to: ids.rf2 });
    expect(mutual.json()).toMatchObject({ status: 'accepted' });
    ids.m2 = mutual.json().meetingId;
    const declined = await admin('POST', `${base()}/meeting-requests`, { from: ids.r2, to: ids.rf1 });
    expect((await call('POST', `${base()}/meeting-requests/${declined.json().id}/decline`, INVESTOR, { message: 'Hors de notre cible' })).json()).toMatchObject(
      {
        status: 'declined',
        answerMessage: 'Hors de notre cible',
      },
    );
    // A cap on requests sent, then a deadline.
    expect((await admin('PUT', `${base()}/conference`, { maxRequests: 1 })).statusCode).toBe(200);
    const capped = await call('POST', `${base()}/meeting-requests`, INVESTOR, { from: ids.rf1, to: ids.r3 });
    expect(capped.statusCode).toBe(201);
    const over = await call('POST', `${base()}/meeting-requests`, INVESTOR, { from: ids.rf1, to: ids.r2 });
    expect([over.statusCode, over.json().error.code]).toEqual([409, 'too_many_requests']);
    await admin('PUT', `${base()}/conference`, { requestDeadline: '2020-10-01T00:00:00Z', maxRequests: null });
    const late = await call('POST', `${base()}/meeting-requests/${capped.json().id}/accept`, INVESTOR, {});
    expect(late.statusCode).toBe(403);
    const lateAnswer = await admin('POST', `${base()}/meeting-requests/${capped.json().id}/accept`, {});
    expect([lateAnswer.statusCode, lateAnswer.json().error.code]).toEqual([409, 'request_expired']);
    expect((await call('POST', `${base()}/meeting-requests`, HOLDER, { from: ids.r1, to: ids.rf1 })).json().error.code).toBe('requests_closed');
    await admin('PUT', `${base()}/conference`, { requestDeadline: null });
  });

  it('schedules with a proof, shows unscheduled meetings with French reasons, and checks moves by hand', async () => {
    const direct = await admin('POST', `${base()}/meetings`, { a: ids.rf1, b: ids.r2, weight: 3 });
    expect(direct.statusCode, direct.body).toBe(201);
    ids.m3 = direct.json().id;
    ids.m4 = (await admin('POST', `${base()}/meetings`, { a: ids.r2, b: ids.rf2 })).json().id;
    expect((await admin('POST', `${base()}/meetings`, { a: ids.r2, b: ids.rf2 })).statusCode).toBe(409);
    expect((await call('POST', `${base()}/schedule`, HOLDER, { mode: 'all' })).statusCode).toBe(403);
    const r = await admin('POST', `${base()}/schedule`, { mode: 'all' });
    expect(r.statusCode, r.body).toBe(200);
    // r2 may have one meeting: m3 (weight 3) is kept, m4 is not.
    expect(r.json()).toMatchObject({ scheduled: 3, upperBound: 3 });
    expect(r.json().unscheduled).toEqual([
      { meetingId: ids.m4, reason: 'max-meetings', message: 'Atelier vélo solidaire a atteint le nombre maximal de rendez-vous.' },
    ]);
    const meetings = (await admin('GET', `${base()}/meetings`)).json() as Array<{ id: string; slotId: string; table: number; status: string }>;
    const m1 = meetings.find((m) => m.id === ids.m1) as { slotId: string; table: number };
    const m2 = meetings.find((m) => m.id === ids.m2) as { slotId: string; table: number };
    // r1 is free at s1 and s2 only.
    expect([ids.s1, ids.s2]).toContain(m1.slotId);
    expect(new Set([m1.slotId, m2.slotId]).size).toBe(2);
    // A participant lists only their own meetings.
    expect(
      (await call('GET', `${base()}/meetings`, HOLDER))
        .json()
        .map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([ids.m1, ids.m2].sort());
    // …without time or table until the organiser publishes.
    expect((await call('GET', `${base()}/meetings`, HOLDER)).json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: ids.m1, status: 'to_schedule', slotId: null, table: null, startsAt: null })]),
    );

    const busy = await admin('PATCH', `${base()}/meetings/${ids.m1}`, { slotId: m2.slotId });
    expect([busy.statusCode, busy.json().error.code]).toEqual([409, 'move_refused']);
    expect(busy.json().error.message).toContain('Ressourcerie du bâtiment a déjà un rendez-vous à ce créneau');
    const away = await admin('PATCH', `${base()}/meetings/${ids.m1}`, { slotId: ids.s3 });
    expect(away.json().error.message).toContain('n’est pas disponible à ce créneau');
    const moved = await admin('PATCH', `${base()}/meetings/${ids.m3}`, { slotId: ids.s3, table: 2 });
    expect(moved.json()).toMatchObject({ slotId: ids.s3, table: 2, status: 'scheduled' });
    const locked = await admin('PATCH', `${base()}/meetings/${ids.m1}`, { locked: true });
    expect(locked.json()).toMatchObject({ locked: true });
    expect((await admin('PATCH', `${base()}/meetings/${ids.m1}`, { slotId: m1.slotId === ids.s1 ? ids.s2 : ids.s1 })).json().error.code).toBe('meeting_locked');
    // Only the organiser moves or locks; a participant cannot cancel what the organiser locked.
    expect((await call('PATCH', `${base()}/meetings/${ids.m1}`, HOLDER, { locked: false })).statusCode).toBe(403);
    expect((await call('PATCH', `${base()}/meetings/${ids.m1}`, HOLDER, { status: 'cancelled' })).json().error.code).toBe('meeting_locked');
    // Rescheduling what is left keeps locked and placed meetings where they are.
    const again = await admin('POST', `${base()}/schedule`, { mode: 'unscheduled' });
    expect(again.json()).toMatchObject({ scheduled: 3, moved: 0 });
    const after = (await admin('GET', `${base()}/meetings`)).json() as Array<{ id: string; slotId: string }>;
    expect(after.find((m) => m.id === ids.m1)?.slotId).toBe(m1.slotId);
    expect(after.find((m) => m.id === ids.m3)?.slotId).toBe(ids.s3);
  });

  it('maps, per slot, the participants free then and those already meeting (the organiser’s heat map)', async () => {
    const r = await admin('GET', `${base()}/slots/load`);
    expect(r.statusCode, r.body).toBe(200);
    const load = r.json() as Array<{ id: string; tables: number; participants: number; available: number; booked: number }>;
    const meetings = (await admin('GET', `${base()}/meetings`)).json() as Array<{ slotId: string | null; status: string }>;
    const regs = [ids.r1, ids.r2, ids.r3, ids.rf1, ids.rf2];
    const free = await Promise.all(regs.map(async (rid) => (await admin('GET', `${base()}/registrations/${rid}/availability`)).json().slotIds as string[]));
    expect(load.map((s) => s.id)).toEqual([ids.s1, ids.s2, ids.s3]);
    for (const s of load) {
      expect(s).toMatchObject({ participants: 5, tables: 2 });
      expect(s.available, s.id).toBe(free.filter((list) => list.includes(s.id)).length);
      expect(s.booked, s.id).toBe(2 * meetings.filter((m) => m.slotId === s.id && ['scheduled', 'held', 'no_show'].includes(m.status)).length);
    }
    expect(load.some((s) => s.booked > 0)).toBe(true);
    expect(load.some((s) => s.available < 5)).toBe(true);
    expect((await call('GET', `${base()}/slots/load`, HOLDER)).statusCode).toBe(404);
    expect((await call('GET', `${base()}/slots/load`, OUTSIDER)).statusCode).toBe(404);
    expect((await call('GET', `${base()}/slots/load`, null)).statusCode).toBe(401);
  });

  it('publishes agendas: JSON with reasons, .ics with stable UIDs, a secret feed; a change raises SEQUENCE', async () => {
    const before = (await call('GET', `${base()}/agenda?registration=${ids.r1}`, HOLDER)).json();
    expect(before).toMatchObject({ published: false, meetings: [] });
    const pub = await admin('POST', `${base()}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    // The holder, the other holder (two projects) and the investor (two funds).
    expect(pub.json().notified).toBe(3);
    const agenda = (await call('GET', `${base()}/agenda?registration=${ids.r1}`, HOLDER)).json();
    expect(agenda.meetings).toHaveLength(2);
    expect(agenda.meetings[0].with.label).toMatch(/Fonds/);
    expect(agenda.meetings[0].reasons.length).toBeGreaterThan(0);
    expect((await call('GET', `${base()}/agenda?registration=${ids.r1}`, INVESTOR)).statusCode).toBe(404);
    expect((await call('GET', `${base()}/agenda?registration=${ids.r1}`, null)).statusCode).toBe(401);

    const feed = new URL(agenda.feedUrl);
    // The printable agenda: the same meetings, for the same readers (a session, or the feed's token).
    const pdf = await call('GET', `${base()}/agenda.pdf?registration=${ids.r1}`, HOLDER);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = pdfText(pdf.rawPayload);
    expect(printed).toContain('Rencontres Impact Finance de Grenoble');
    expect(printed).toContain('Agenda de Ressourcerie du bâtiment');
    for (const m of agenda.meetings) expect(printed).toContain(`table ${m.table} · ${m.with.label}`);
    expect((await t.anonymous.inject({ url: `${base()}/agenda.pdf${feed.search}` })).statusCode).toBe(200);
    expect((await call('GET', `${base()}/agenda.pdf?registration=${ids.r1}`, null)).statusCode).toBe(401);
    expect((await call('GET', `${base()}/agenda.pdf?registration=${ids.r1}`, INVESTOR)).statusCode).toBe(404);
    // The organiser's table plan: every placed meeting at its table.
    const plan = await admin('GET', `${base()}/table-plan.pdf`);
    expect(plan.statusCode).toBe(200);
    expect(pdfText(plan.rawPayload)).toContain(`Table ${agenda.meetings[0].table} : Ressourcerie du bâtiment — ${agenda.meetings[0].with.label}`);
    expect((await call('GET', `${base()}/table-plan.pdf`, HOLDER)).statusCode).toBe(404);
    expect((await call('GET', `${base()}/table-plan.pdf`, OUTSIDER)).statusCode).toBe(404);
    const ics = await t.anonymous.inject({ url: `${feed.pathname}${feed.search}` });
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const events = () => new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(
      events()
        .map((e) => e.uid)
        .sort(),
    ).toEqual([`meeting-${ids.m1}@essaim`, `meeting-${ids.m2}@essaim`].sort());
    expect(events().every((e) => /^Table \d/.test(e.location))).toBe(true);
    const bad = await t.anonymous.inject({ url: `${base()}/agenda.ics?registration=${ids.r1}&token=${'x'.repeat(32)}` });
    expect(bad.statusCode).toBe(401);
    // The feed of one registration opens no other.
    expect((await t.anonymous.inject({ url: `${base()}/agenda.ics?registration=${ids.rf1}&token=${feed.searchParams.get('token')}` })).statusCode).toBe(401);

    const m2 = events().find((e) => e.uid === `meeting-${ids.m2}@essaim`) as ICAL.Event;
    // A change of table is a change in calendars: same UID, SEQUENCE raised.
    const placed = ((await admin('GET', `${base()}/meetings`)).json() as Array<{ id: string; slotId: string; table: number }>).find((m) => m.id === ids.m2);
    const move = await admin('PATCH', `${base()}/meetings/${ids.m2}`, { slotId: placed?.slotId, table: placed?.table === 1 ? 2 : 1 });
    expect(move.statusCode, move.body).toBe(200);
    const after = await t.anonymous.inject({ url: `${feed.pathname}${feed.search}` });
    const moved = new ICAL.Component(ICAL.parse(after.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === m2.uid) as ICAL.Event;
    expect(moved.sequence).toBe(m2.sequence + 1);
    expect(moved.location).toContain(`Table ${placed?.table === 1 ? 2 : 1}`);
    const cancelled = await call('PATCH', `${base()}/meetings/${ids.m2}`, HOLDER, { status: 'cancelled' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const last = await t.anonymous.inject({ url: `${feed.pathname}${feed.search}` });
    const gone = new ICAL.Component(ICAL.parse(last.body)).getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === m2.uid);
    expect(gone?.getFirstPropertyValue('status')).toBe('CANCELLED');
    const told = await t.db.selectFrom('notifications').select('title').where('title', 'like', '%est annulé%').execute();
    expect(told.length).toBeGreaterThan(0);
  });

  it('records held meetings, feedback seen by the organiser but not the other side, and investment leads', async () => {
    const held = await admin('PATCH', `${base()}/meetings/${ids.m1}`, { status: 'held' });
    expect(held.json()).toMatchObject({ status: 'held' });
    const fb = await call('POST', `${base()}/meetings/${ids.m1}/feedback`, HOLDER, { rating: 5, comment: 'Très utile', followUp: true });
    expect(fb.statusCode, fb.body).toBe(200);
    expect((await call('POST', `${base()}/meetings/${ids.m1}/feedback`, HOLDER, { rating: 7 })).statusCode).toBe(400);
    await call('POST', `${base()}/meetings/${ids.m1}/feedback`, INVESTOR, { rating: 4, comment: 'Projet solide' });
    expect((await call('GET', `${base()}/feedback`, INVESTOR)).json().map((f: { comment: string }) => f.comment)).toEqual(['Projet solide']);
    expect((await admin('GET', `${base()}/feedback`)).json()).toHaveLength(2);
    // No-shows are counted per participant, on their registration.
    expect((await admin('PATCH', `${base()}/meetings/${ids.m3}`, { status: 'no_show' })).json()).toMatchObject({ status: 'no_show' });
    const noShows = Object.fromEntries(
      ((await admin('GET', `${base()}/registrations`)).json().items as Array<{ id: string; meetingNoShows: number }>).map((r) => [r.id, r.meetingNoShows]),
    );
    expect([noShows[ids.rf1 as string], noShows[ids.r2 as string], noShows[ids.r1 as string]]).toEqual([1, 1, 0]);

    const half = await call('POST', '/api/investment-leads', INVESTOR, {
      projectId: ids.p1,
      fundId: ids.f1,
      meetingId: ids.m1,
      stage: 'invested',
      amountEur: 250_000,
    });
    expect([half.statusCode, half.json().error.code]).toEqual([400, 'invested_needs_amount']);
    const wrongMeeting = await call('POST', '/api/investment-leads', INVESTOR, { projectId: ids.p2, fundId: ids.f1, meetingId: ids.m1 });
    expect(wrongMeeting.statusCode).toBe(400);
    expect((await call('POST', '/api/investment-leads', HOLDER, { projectId: ids.p1, fundId: ids.f1 })).statusCode).toBe(403);
    const lead = await call('POST', '/api/investment-leads', INVESTOR, { projectId: ids.p1, fundId: ids.f1, meetingId: ids.m1 });
    expect(lead.statusCode, lead.body).toBe(201);
    const invested = await call('PATCH', `/api/investment-leads/${lead.json().id}`, INVESTOR, {
      stage: 'invested',
      amountEur: 250_000,
      investedOn: '2020-12-15',
    });
    expect(invested.json()).toMatchObject({ stage: 'invested', amountEur: 250_000, investedOn: '2020-12-15' });
    expect((await call('GET', '/api/investment-leads', HOLDER)).json().total).toBe(1);
    expect((await call('GET', '/api/investment-leads', OUTSIDER)).json().total).toBe(0);
    expect((await call('PATCH', `/api/investment-leads/${lead.json().id}`, OUTSIDER, { stage: 'declined' })).statusCode).toBe(404);

    const stats = (await t.anonymous.inject({ url: '/api/stats?year=2020' })).json();
    expect(stats).toMatchObject({ meetingsHeld: 1, investedEur: 250_000, year: 2020 });
    expect((await t.anonymous.inject({ url: '/api/stats?year=2021' })).json()).toMatchObject({ meetingsHeld: 0, investedEur: 0 });
  });

  it('shows each role what “Who sees what” says: organiser all, participants their own, anyone else nothing (404)', async () => {
    const reads: Array<[string, string]> = [
      ['conference', `${base()}/conference`],
      ['slots', `${base()}/slots`],
      ['requests', `${base()}/meeting-requests`],
      ['meetings', `${base()}/meetings`],
      ['feedback', `${base()}/feedback`],
      ['availability of r1', `${base()}/registrations/${ids.r1}/availability`],
      ['recommendations of r1', `${base()}/registrations/${ids.r1}/recommendations`],
      ['agenda of r1', `${base()}/agenda?registration=${ids.r1}`],
    ];
    const expected: Record<string, Record<string, number>> = {
      admin: Object.fromEntries(reads.map(([k]) => [k, 200])),
      holder: Object.fromEntries(reads.map(([k]) => [k, 200])),
      // The investor takes part, but r1 is not theirs.
      investor: Object.fromEntries(reads.map(([k]) => [k, k.endsWith('r1') ? 404 : 200])),
      outsider: Object.fromEntries(reads.map(([k]) => [k, 404])),
      visitor: Object.fromEntries(reads.map(([k]) => [k, 401])),
    };
    const tokens: Record<string, string | null> = { admin: 'admin', holder: HOLDER, investor: INVESTOR, outsider: OUTSIDER, visitor: null };
    const found: Record<string, Record<string, number>> = {};
    for (const [role, token] of Object.entries(tokens)) {
      found[role] = {};
      for (const [k, url] of reads) (found[role] as Record<string, number>)[k] = (await call('GET', url, token)).statusCode;
    }
    expect(found).toEqual(expected);
    // A participant sees only their own requests, meetings and feedback; never the other side's feedback.
    const own = (await call('GET', `${base()}/meeting-requests`, OTHER_HOLDER)).json() as Array<{ from: string; to: string }>;
    expect(own.every((q) => [ids.r2, ids.r3].includes(q.from) || [ids.r2, ids.r3].includes(q.to))).toBe(true);
    const feedback = (await call('GET', `${base()}/feedback`, HOLDER)).json() as Array<{ registrationId: string }>;
    expect(feedback.every((f) => f.registrationId === ids.r1)).toBe(true);
    // Writes of the organiser are refused to participants (403), to others as if the conference did not exist (404).
    expect((await call('POST', `${base()}/publish`, HOLDER)).statusCode).toBe(403);
    expect((await call('POST', `${base()}/publish`, OUTSIDER)).statusCode).toBe(404);
    expect((await call('POST', `${base()}/meetings`, OUTSIDER, { a: ids.r1, b: ids.rf1 })).statusCode).toBe(404);
  });

  it('records advisors’ training and projects; an advisor reads their projects’ conference and leads, and acts for nobody', async () => {
    const person = await create(t.app, 'people', { firstName: 'Inès', lastName: 'Garnier', isAdvisor: true });
    await tokenAccount(t.db, { email: 'conseil@conf.test', roles: [{ role: 'advisor' }], token: ADVISOR, personId: person.id });
    expect((await call('GET', `${base()}/meetings`, ADVISOR)).statusCode).toBe(404);
    const trained = await admin('PUT', `/api/advisors/${person.id}/training`, { cohort: 'Promotion 2020', trainedOn: '2020-05-14' });
    expect(trained.json()).toMatchObject({ cohort: 'Promotion 2020', trainedOn: '2020-05-14', projects: [] });
    expect((await call('PUT', `/api/advisors/${person.id}/training`, HOLDER, { cohort: 'x', trainedOn: '2020-05-14' })).statusCode).toBe(403);
    const accompanying = await admin('POST', `/api/advisors/${person.id}/projects`, { projectId: ids.p1, since: '2020-06-01' });
    expect(accompanying.json().projects).toEqual([{ projectId: ids.p1, title: 'Ressourcerie du bâtiment', since: '2020-06-01', status: 'active' }]);
    const seen = (await call('GET', `${base()}/meetings`, ADVISOR)).json() as Array<{ a: string; b: string }>;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m) => m.a === ids.r1 || m.b === ids.r1)).toBe(true);
    expect((await call('GET', `${base()}/agenda?registration=${ids.r1}`, ADVISOR)).statusCode).toBe(200);
    expect((await call('GET', `${base()}/registrations/${ids.rf1}/availability`, ADVISOR)).statusCode).toBe(404);
    expect((await call('POST', `${base()}/meeting-requests`, ADVISOR, { from: ids.r1, to: ids.rf2 })).statusCode).toBe(403);
    expect((await call('GET', '/api/investment-leads', ADVISOR)).json().total).toBe(1);
    // The feedback of the project is not theirs to read.
    expect((await call('GET', `${base()}/feedback`, ADVISOR)).json()).toEqual([]);
    await admin('PATCH', `/api/advisors/${person.id}/projects/${ids.p1}`, { status: 'ended' });
    expect((await call('GET', `${base()}/meetings`, ADVISOR)).statusCode).toBe(404);
  });

  it('refuses to record a meeting as held before its slot starts', async () => {
    const future = await create(t.app, 'events', {
      kind: 'conference',
      programme: 'impact-finance',
      title: 'Rencontres Impact Finance 2099',
      startsAt: '2099-11-03T08:00:00Z',
      endsAt: '2099-11-03T17:00:00Z',
      onlineUrl: 'https://visio.example.org/rencontres',
    });
    const reg = async (body: Record<string, unknown>) => (await create(t.app, `events/${future.id}/registrations`, body)).id;
    const a = await reg({ role: 'project', projectId: ids.p1 });
    const b = await reg({ role: 'investor', fundId: ids.f1 });
    await admin('PUT', `/api/events/${future.id}/conference`, { videoLinkPattern: 'https://visio.example.org/r/{meeting}' });
    await admin('PUT', `/api/events/${future.id}/slots`, {
      days: [{ date: '2099-11-03', start: '09:00', end: '10:00' }],
      meetingMinutes: 30,
      breakMinutes: 0,
      tables: 1,
    });
    const m = (await admin('POST', `/api/events/${future.id}/meetings`, { a, b })).json();
    expect(m.videoUrl).toBe(`https://visio.example.org/r/${m.id}`);
    await admin('POST', `/api/events/${future.id}/schedule`, { mode: 'all' });
    const early = await admin('PATCH', `/api/events/${future.id}/meetings/${m.id}`, { status: 'held' });
    expect([early.statusCode, early.json().error.message]).toEqual([409, 'Ce rendez-vous n’a pas encore eu lieu.']);
  });

  it('keeps projects’ funding needs from an organising structure: an investor’s recommendations are the investor’s and the national team’s', async () => {
    const own = await t.anonymous.inject({
      method: 'POST',
      url: '/api/events',
      headers: as(HOLDER),
      payload: {
        kind: 'conference',
        programme: 'impact-finance',
        title: 'Rencontres des Alpes',
        startsAt: '2027-03-10T08:00:00Z',
        endsAt: '2027-03-10T17:00:00Z',
        place: { address: '1 rue des Alpes', communeCode: '38185' },
        organiserOrganisationId: ids.holderOrg,
        public: false,
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    const at = `/api/events/${own.json().id}`;
    const reg = async (body: object) =>
      (await t.anonymous.inject({ method: 'POST', url: `${at}/registrations`, headers: as(HOLDER), payload: body })).json().id;
    const investor = await reg({ role: 'investor', fundId: ids.f1 });
    await reg({ role: 'project', projectId: ids.p2 });
    expect((await call('GET', `${at}/registrations/${investor}/recommendations`, HOLDER)).statusCode).toBe(404);
    expect((await call('GET', `${at}/registrations/${investor}/recommendations`, INVESTOR)).statusCode).toBe(200);
    expect((await admin('GET', `${at}/registrations/${investor}/recommendations`)).statusCode).toBe(200);
  });
});

describe('a large conference is scheduled by a job', () => {
  it('answers 202 with the job, which the organiser follows', async () => {
    const big = await testApp({ conferenceScheduleJobThreshold: 0 });
    try {
      const org = await create(big.app, 'organisations', orgBody({ name: 'Régie de quartier', communeCode: '38185' }));
      const project = await create(big.app, 'projects', { title: 'Régie solidaire', leadOrganisationId: org.id, stage: 'launch', communeCode: '38185' });
      const fund = await create(big.app, 'funds', { name: 'Fonds Isère Solidaire', amountMobilisableEur: 1_000_000, managerId: org.id });
      const event = await create(big.app, 'events', {
        kind: 'conference',
        programme: 'impact-finance',
        title: 'Rencontres de Voiron',
        startsAt: '2020-11-10T08:00:00Z',
        endsAt: '2020-11-10T17:00:00Z',
        onlineUrl: 'https://visio.example.org/voiron',
      });
      const a = (await create(big.app, `events/${event.id}/registrations`, { role: 'project', projectId: project.id })).id;
      const b = (await create(big.app, `events/${event.id}/registrations`, { role: 'investor', fundId: fund.id })).id;
      await big.app.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/slots`,
        payload: { days: [{ date: '2020-11-10', start: '09:00', end: '10:00' }], meetingMinutes: 30, tables: 1 },
      });
      await create(big.app, `events/${event.id}/meetings`, { a, b });
      const r = await big.app.inject({ method: 'POST', url: `/api/events/${event.id}/schedule`, payload: { mode: 'all' } });
      expect(r.statusCode, r.body).toBe(202);
      const job = await big.app.inject({ url: `/api/jobs/${r.json().jobId}` });
      expect(job.statusCode).toBe(200);
      expect(job.json()).toMatchObject({ label: 'Planification d’une conférence' });
      // What the job reports as it goes: each step as it starts, then all five done.
      const steps: Array<{ phase: string; done: number; total: number }> = [];
      const out = await conferenceService(big.db).runSchedule(systemActor, event.id, 'all', undefined, (p) => steps.push(p));
      expect(out.scheduled).toBe(1);
      expect(steps.map((p) => [p.done, p.total])).toEqual([0, 1, 2, 3, 4, 5].map((d) => [d, 5]));
      expect(steps.map((p) => p.phase).slice(0, 5)).toEqual([...SCHEDULE_STEPS]);
    } finally {
      await big.close();
    }
  });
});
