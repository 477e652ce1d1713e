import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { create, orgBody } from '../../test/fixtures';
import { onPostgres, testApp, tokenAccount } from '../../test/test-db';
import { innovationService } from './innovation-service';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const reg: Record<string, string> = {};
const team: Record<string, string> = {};
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const J1 = 'essaim_test-hack-judge1';
const J2 = 'essaim_test-hack-judge2';
const MEMBER = 'essaim_test-hack-member';
const OUTSIDER = 'essaim_test-hack-outsider';

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, token?: string) => {
  const r = await t.app.inject({ method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}), ...(token ? { headers: as(token) } : {}) });
  return { status: r.statusCode, body: r.body ? r.json() : null };
};
const url = (path: string) => `/api/events/${ids.event}${path}`;

beforeAll(async () => {
  t = await testApp();
  const org = async (name: string) => (await create(t.app, 'organisations', orgBody({ name, communeCode: '73065' }))).id;
  for (const o of ['asso', 'company', 'ministry', 'school', 'carrier']) ids[o] = await org(`Structure ${o}`);
  const person = async (firstName: string, organisationId: string) => (await create(t.app, 'people', { firstName, lastName: 'Test', organisationId })).id;
  const people: Array<[string, string, string | null, 'attendee' | 'judge']> = [
    ['judge1', 'ministry', 'public', 'judge'],
    ['judge2', 'company', 'business', 'judge'],
    ['judge3', 'asso', 'associative', 'judge'],
    ['judge4', 'school', 'student', 'judge'],
    ['member1', 'asso', 'associative', 'attendee'],
    ['member2', 'company', 'business', 'attendee'],
    ['member3', 'ministry', 'public', 'attendee'],
    ['member4', 'carrier', 'other', 'attendee'],
    ['outsider', 'carrier', null, 'attendee'],
  ];
  for (const [name, o] of people) ids[name] = await person(name, ids[o] as string);
  await tokenAccount(t.db, { email: 'j1@hack.test', roles: [], token: J1, personId: ids.judge1 });
  await tokenAccount(t.db, { email: 'j2@hack.test', roles: [], token: J2, personId: ids.judge4 });
  await tokenAccount(t.db, { email: 'member@hack.test', roles: [], token: MEMBER, personId: ids.member1 });
  await tokenAccount(t.db, {
    email: 'outsider@hack.test',
    roles: [{ role: 'holder', scope: [ids.company as string] }],
    token: OUTSIDER,
    personId: ids.outsider,
  });
  ids.event = (
    await create(t.app, 'events', {
      kind: 'hackathon',
      programme: 'mobilisation',
      title: 'Grand Hackathon de test',
      startsAt: '2030-02-06T09:00:00+01:00',
      endsAt: '2030-02-07T18:00:00+01:00',
      onlineUrl: 'https://visio.example.fr/hack',
    })
  ).id;
  for (const [name, , sector, role] of people) {
    if (name === 'outsider') continue;
    const r = await call('POST', url('/registrations'), { personId: ids[name], role, sector });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    reg[name] = r.body.id;
  }
}, 60_000);
afterAll(() => t.close());

describe(`hackathons (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs a hackathon from challenges to published results, judges seeing only what is theirs', async () => {
    const challenge = await call('POST', url('/challenges'), { title: 'L’emploi des seniors en milieu rural', partnerOrganisationId: ids.ministry });
    expect(challenge.status).toBe(201);
    expect(challenge.body.partnerName).toBe('Structure ministry');
    const rubric = await call('PUT', url('/rubric'), {
      criteria: [
        { id: 'impact', label: 'Impact social', weight: 2 },
        { id: 'faisabilite', label: 'Faisabilité', weight: 1 },
      ],
    });
    expect(rubric.status, JSON.stringify(rubric.body)).toBe(200);
    expect(
      (
        await call('PUT', url('/rubric'), {
          criteria: [
            { id: 'a', label: 'A', weight: 1 },
            { id: 'a', label: 'B', weight: 1 },
          ],
        })
      ).status,
    ).toBe(400);

    // Teams: the organiser forms them, a participant forms one they are in, nobody else.
    const t1 = await call(
      'POST',
      url('/teams'),
      { name: 'Seniors connectés', memberRegistrationIds: [reg.member1, reg.member2], challengeId: challenge.body.id },
      MEMBER,
    );
    expect(t1.status, JSON.stringify(t1.body)).toBe(201);
    team.t1 = t1.body.id;
    expect(t1.body.members.map((m: { sector: string }) => m.sector).sort()).toEqual(['associative', 'business']);
    expect((await call('POST', url('/teams'), { name: 'Sans moi', memberRegistrationIds: [reg.member3] }, MEMBER)).status).toBe(403);
    expect((await call('POST', url('/teams'), { name: 'Deux fois', memberRegistrationIds: [reg.member1] })).body.error.details[0].message).toMatch(
      /déjà partie/,
    );
    expect((await call('POST', url('/teams'), { name: 'Un juré', memberRegistrationIds: [reg.judge1] })).status).toBe(400);
    team.t2 = (await call('POST', url('/teams'), { name: 'Mobilité rurale', memberRegistrationIds: [reg.member3] })).body.id;
    team.t3 = (await call('POST', url('/teams'), { name: 'Tiers-lieu', memberRegistrationIds: [reg.member4] })).body.id;

    // Submissions: a member for their team; another team's is refused.
    const s1 = await call(
      'POST',
      url(`/teams/${team.t1}/submission`),
      { title: 'Seniors connectés', pitch: 'Des ateliers numériques itinérants.', links: ['https://example.fr/pitch'] },
      MEMBER,
    );
    expect(s1.status, JSON.stringify(s1.body)).toBe(200);
    expect((await call('POST', url(`/teams/${team.t2}/submission`), { title: 'X', pitch: 'Y' }, MEMBER)).status).toBe(403);
    for (const k of ['t2', 't3']) expect((await call('POST', url(`/teams/${team[k]}/submission`), { title: `Projet ${k}`, pitch: 'Pitch.' })).status).toBe(200);

    // Conflicts: found from shared structures (judge3–member1, judge2–member2, judge1–member3), and declared.
    expect((await call('POST', url('/conflicts'), { judgeRegistrationId: reg.judge4, teamId: team.t3 }, J1)).status).toBe(403);
    expect((await call('POST', url('/conflicts'), { judgeRegistrationId: reg.judge4, teamId: team.t3 }, J2)).status).toBe(201);
    const conflicts = (await call('GET', url('/conflicts'))).body as Array<{ judgeRegistrationId: string; teamId: string; source: string }>;
    const pairs = conflicts.map((c) => `${c.judgeRegistrationId}/${c.teamId}/${c.source}`).sort();
    expect(pairs).toEqual(
      [
        `${reg.judge3}/${team.t1}/organisation`,
        `${reg.judge2}/${team.t1}/organisation`,
        `${reg.judge1}/${team.t2}/organisation`,
        `${reg.judge4}/${team.t3}/declared`,
      ].sort(),
    );
    expect((await call('GET', url('/conflicts'), undefined, J2)).body).toHaveLength(1);

    // Assignments: three reviews of the first team are out of reach (two judges without conflict).
    const tooMany = await call('POST', url('/assignments'), { reviewsPerSubmission: 3 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('assignment_infeasible');
    expect(tooMany.body.error.message).toMatch(/que 2 juré/);
    expect((await call('POST', url('/assignments'), { reviewsPerSubmission: 2 }, J1)).status).toBe(403);
    const assigned = await call('POST', url('/assignments'), { reviewsPerSubmission: 2 });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const list = assigned.body as Array<{ judgeRegistrationId: string; teamId: string }>;
    expect(list).toHaveLength(6);
    for (const k of ['t1', 't2', 't3']) expect(list.filter((a) => a.teamId === team[k])).toHaveLength(2);
    for (const c of conflicts) expect(list.some((a) => a.judgeRegistrationId === c.judgeRegistrationId && a.teamId === c.teamId)).toBe(false);
    expect(
      list
        .filter((a) => a.teamId === team.t1)
        .map((a) => a.judgeRegistrationId)
        .sort(),
    ).toEqual([reg.judge1, reg.judge4].sort());
    const loads = [reg.judge1, reg.judge2, reg.judge3, reg.judge4].map((j) => list.filter((a) => a.judgeRegistrationId === j).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // A judge sees their own assignments only.
    const mine = (await call('GET', url('/assignments'), undefined, J1)).body as Array<{ judgeRegistrationId: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.judgeRegistrationId === reg.judge1)).toBe(true);

    // Reviews: only on an assigned team, every criterion from 1 to 5.
    const j1Teams = mine.map((a) => (a as unknown as { teamId: string }).teamId);
    const notMine = [team.t1, team.t2, team.t3].find((x) => !j1Teams.includes(x as string)) as string;
    expect((await call('POST', url('/reviews'), { teamId: notMine, scores: { impact: 3, faisabilite: 3 } }, J1)).status).toBe(403);
    expect((await call('POST', url('/reviews'), { teamId: team.t1, scores: { impact: 6, faisabilite: 3 } }, J1)).status).toBe(400);
    expect((await call('POST', url('/reviews'), { teamId: team.t1, scores: { impact: 4 } }, J1)).status).toBe(400);
    expect((await call('POST', url('/reviews'), { teamId: team.t1, scores: { impact: 4, faisabilite: 3 }, judgeRegistrationId: reg.judge4 }, J1)).status).toBe(
      403,
    );
    const r1 = await call('POST', url('/reviews'), { teamId: team.t1, scores: { impact: 5, faisabilite: 4 }, comment: 'Très convaincant.' }, J1);
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect((await call('POST', url('/reviews'), { teamId: team.t1, scores: { impact: 3, faisabilite: 2 }, comment: 'À préciser.' }, J2)).status).toBe(200);
    // The organiser records the others' reviews for them.
    for (const a of list.filter((x) => x.teamId !== team.t1))
      expect(
        (await call('POST', url('/reviews'), { teamId: a.teamId, judgeRegistrationId: a.judgeRegistrationId, scores: { impact: 2, faisabilite: 2 } })).status,
      ).toBe(200);
    // Reassigning once reviews started is refused.
    expect((await call('POST', url('/assignments'), { reviewsPerSubmission: 1 })).status).toBe(409);

    // Before publication: a judge reads their own reviews, never another's, and no ranking; a team reads nothing.
    const j1Reviews = (await call('GET', url('/reviews'), undefined, J1)).body.items as Array<{ judgeRegistrationId: string }>;
    expect(j1Reviews.every((r) => r.judgeRegistrationId === reg.judge1)).toBe(true);
    expect((await call('GET', url('/results'), undefined, J1)).body).toEqual({ published: false, publishedAt: null, ranking: [] });
    expect((await t.anonymous.inject({ url: url('/results') })).json().ranking).toEqual([]);
    expect((await call('GET', url('/reviews'), undefined, MEMBER)).body.items).toEqual([]);
    const before = (await call('GET', url('/results'))).body;
    expect(before.published).toBe(false);
    expect(before.ranking[0]).toMatchObject({ teamId: team.t1, reviews: 2 });

    expect((await call('POST', url('/results/publish'), undefined, J1)).status).toBe(403);
    const published = await call('POST', url('/results/publish'));
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.published).toBe(true);
    const t1Result = published.body.ranking.find((r: { teamId: string }) => r.teamId === team.t1);
    // Judge 1 gave 5 and 4 (weighted 14/3), judge 4 gave 3 and 2 (8/3): raw mean 11/3.
    expect(t1Result.raw).toBeCloseTo(11 / 3, 9);
    expect(t1Result.reviews).toBe(2);
    // After publication: the team reads its own reviews, without the judges' names.
    const teamReviews = (await call('GET', url('/reviews'), undefined, MEMBER)).body.items as Array<{ teamId: string; judgeName: string | null }>;
    expect(teamReviews).toHaveLength(2);
    expect(teamReviews.every((r) => r.teamId === team.t1 && r.judgeName === null)).toBe(true);
    expect((await t.anonymous.inject({ url: url('/results') })).json().ranking).toHaveLength(3);
    expect((await call('POST', url(`/teams/${team.t1}/submission`), { title: 'Trop tard', pitch: '…' }, MEMBER)).status).toBe(409);

    const overview = (await call('GET', url('/hackathon'), undefined, MEMBER)).body;
    expect(overview).toMatchObject({ teams: 3, submissions: 3, participants: 8, myTeamId: team.t1 });
    expect(overview.bySector).toEqual({ public: 2, associative: 2, business: 2, student: 1, other: 1 });
  });

  it('turns a winning team into an innovation, asks for its follow-ups when due and makes it a collective’s project', async () => {
    const made = await call('POST', '/api/innovations', { teamId: team.t1, carrierOrganisationId: ids.carrier });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.propelledOn).toBe('2030-02-07');
    expect(made.body.followUps.map((f: { month: number; dueOn: string }) => `${f.month}:${f.dueOn}`)).toEqual([
      '3:2030-05-07',
      '6:2030-08-07',
      '12:2031-02-07',
    ]);
    expect((await call('POST', '/api/innovations', { teamId: team.t1 })).status).toBe(409);
    const id = made.body.id as string;
    expect((await call('PUT', `/api/innovations/${id}/follow-ups/3`, { status: 'active' }, OUTSIDER)).status).toBe(403);
    const recorded = await call('PUT', `/api/innovations/${id}/follow-ups/3`, {
      status: 'active',
      nextStep: 'Essaimer dans le Cantal',
      fundingFoundEur: 25000,
      peopleReached: 140,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.followUps[0]).toMatchObject({ status: 'active', fundingFoundEur: 25000, peopleReached: 140 });

    // The job asks once for each follow-up due and not recorded (6 months here, a day after it fell due).
    const service = innovationService(t.db, { now: () => new Date('2030-08-08T08:00:00Z') });
    expect(await service.requestDueFollowUps()).toBe(1);
    expect(await service.requestDueFollowUps()).toBe(0);
    const notes = await t.db
      .selectFrom('notifications')
      .innerJoin('accounts', 'accounts.id', 'notifications.account_id')
      .select(['accounts.email', 'notifications.title'])
      .where('notifications.category', '=', 'mobilisation')
      .where('notifications.title', 'like', 'Suivi%')
      .execute();
    expect(notes.map((n) => n.email).sort()).toEqual(['member@hack.test']);

    const collective = await create(t.app, 'collectives', { name: 'Collectif de la Tarentaise', perimeter: ['departement:73'] });
    const project = await call('POST', `/api/innovations/${id}/project`, { collectiveId: collective.id });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect(project.body.projectId).toBeTruthy();
    const p = (await call('GET', `/api/projects/${project.body.projectId}`)).body;
    expect(p).toMatchObject({ title: 'Seniors connectés', collectiveId: collective.id, leadOrganisationId: ids.carrier });
    expect((await call('POST', `/api/innovations/${id}/project`, { collectiveId: collective.id })).status).toBe(409);
    expect((await t.anonymous.inject({ url: '/api/innovations' })).json().total).toBe(1);
  });
});
