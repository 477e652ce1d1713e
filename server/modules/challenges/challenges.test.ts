import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { create, freshSiret, multipart, orgBody } from '../../test/fixtures';
import { onPostgres, testApp } from '../../test/test-db';
import { insertAccounts } from '../accounts/account-queries';
import { insertToken } from '../auth/auth-queries';
import { hashToken } from '../auth/auth-service';
import { systemActor } from '../../policies/actor';
import { challengeService } from './challenge-service';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const sirets: Record<string, string> = {};
const tokens: Record<string, string> = {};

async function account(name: string, roles: Role[]) {
  const [id] = (await insertAccounts(t.db, [{ email: `${name}@tests.essaim.test`, passwordHash: null, personId: null, roles }])) as [string];
  await insertToken(t.db, { accountId: id, name: 't', tokenHash: hashToken(`essaim_${name}`) });
  tokens[name] = `Bearer essaim_${name}`;
}

function as(who: string, o: InjectOptions & { url: string }) {
  if (who === 'admin') return t.app.inject(o);
  return t.anonymous.inject({ ...o, headers: { ...(tokens[who] ? { authorization: tokens[who] } : {}), ...o.headers } });
}
const csv = (text: string) => new TextEncoder().encode(text);
const steps = [
  { label: 'Diagnostic réalisé', measure: 'Diagnostics', target: 1 },
  { label: 'Référent formé', measure: 'Référents formés', target: 1 },
  { label: 'Salariés formés', measure: 'Salariés formés', target: 10 },
];
let challenge: { id: string; steps: Array<{ id: string }>; partners: unknown[]; targetSiaeKinds: string[] } = {
  id: '',
  steps: [],
  partners: [],
  targetSiaeKinds: [],
};
const stepId = (k: number) => challenge.steps[k]?.id as string;
const dashboard = async (who = 'admin') => (await as(who, { url: `/api/challenges/${challenge.id}/dashboard` })).json();

beforeAll(async () => {
  t = await testApp();
  // Rennes and Brest (Bretagne, 53), Chambéry (Auvergne-Rhône-Alpes, 84).
  const orgs: Array<[string, Record<string, unknown>]> = [
    ['rennes', { name: 'Chantier du Blosne', kind: 'siae', siaeKind: 'ACI', communeCode: '35238' }],
    ['brest', { name: 'Recyclerie du Port', kind: 'siae', siaeKind: 'EI', communeCode: '29019' }],
    ['chambery', { name: 'Intérim des Bauges', kind: 'siae', siaeKind: 'ETTI', communeCode: '73065' }],
    ['ess', { name: 'Coopérative des Savoies', kind: 'ess_structure', communeCode: '73065' }],
    ['partner', { name: 'Association Numérique Pour Tous', kind: 'support_organisation', communeCode: '75056' }],
  ];
  for (const [key, body] of orgs) {
    const siret = freshSiret();
    ids[key] = (await create(t.app, 'organisations', orgBody({ ...body, siret }))).id;
    sirets[key] = siret;
  }
  await account('holder', [{ role: 'holder', scope: [ids.rennes as string] }]);
  await account('other', [{ role: 'holder', scope: [ids.chambery as string] }]);
  await account('partner', [{ role: 'holder', scope: [ids.partner as string] }]);
  await account('sponsor', [{ role: 'public_sponsor' }]);
  challenge = (await create(t.app, 'challenges', {
    title: 'Inclusion numérique',
    description: 'Former les salariés en insertion au numérique.',
    partnerIds: [ids.partner],
    targetKind: 'siae',
    steps,
    startsOn: '2020-06-01',
    endsOn: '2099-12-31',
  })) as unknown as typeof challenge;
}, 180_000);
afterAll(() => t.close());

describe(`challenges (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('creates a challenge with its partners and ordered steps, public to read, and refuses a bad one in French', async () => {
    const got = (await as('anonymous', { url: `/api/challenges/${challenge.id}` })).json();
    expect(got).toMatchObject({ title: 'Inclusion numérique', enrolled: 0, partners: [{ name: 'Association Numérique Pour Tous' }], actions: [] });
    expect(got.steps.map((s: { label: string; position: number }) => [s.position, s.label])).toEqual(steps.map((s, i) => [i, s.label]));
    expect((await as('anonymous', { url: '/api/challenges' })).json().total).toBe(1);
    const bad = await as('admin', {
      method: 'POST',
      url: '/api/challenges',
      payload: { title: 'X', targetKind: 'siae', steps: [], startsOn: '2021-01-01', endsOn: '2020-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(' '),
    ).toMatch(/au moins une étape[\s\S]*fin du défi doit suivre/);
    const unknownPartner = await as('admin', {
      method: 'POST',
      url: '/api/challenges',
      payload: { title: 'X', targetKind: 'siae', partnerIds: ['4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d'], steps, startsOn: '2020-01-01', endsOn: '2020-02-01' },
    });
    expect(unknownPartner.statusCode).toBe(400);
    expect((await as('holder', { method: 'POST', url: '/api/challenges', payload: {} })).statusCode).toBe(403);
  });

  it('lets a structure’s holder enrol it, not another one, and keeps the target population', async () => {
    const enrol = (who: string, organisationId: string) =>
      as(who, { method: 'POST', url: `/api/challenges/${challenge.id}/enrolments`, payload: { organisationId } });
    expect((await as('holder', { url: `/api/challenges/${challenge.id}` })).json().joinable).toEqual([{ id: ids.rennes, name: 'Chantier du Blosne' }]);
    const mine = await enrol('holder', ids.rennes as string);
    expect(mine.json()).toEqual({ dryRun: false, selected: 1, enrolled: 1, alreadyEnrolled: 0 });
    expect((await enrol('holder', ids.rennes as string)).json()).toMatchObject({ enrolled: 0, alreadyEnrolled: 1 });
    expect((await enrol('holder', ids.brest as string)).statusCode).toBe(403);
    expect((await enrol('sponsor', ids.brest as string)).statusCode).toBe(403);
    const outside = await enrol('admin', ids.ess as string);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toMatch(/pas du type que vise le défi/);
    expect((await as('holder', { url: `/api/challenges/${challenge.id}` })).json().joinable).toEqual([]);
  });

  it('enrols by a filter on the directory (national team), counting first on a dry run', async () => {
    const filter = (dryRun: boolean, who = 'admin') =>
      as(who, {
        method: 'POST',
        url: `/api/challenges/${challenge.id}/enrolments?dryRun=${dryRun}`,
        payload: { filter: { region: '53' } },
      });
    expect((await filter(true)).json()).toEqual({ dryRun: true, selected: 2, enrolled: 1, alreadyEnrolled: 1 });
    expect((await dashboard()).enrolled).toBe(1);
    expect((await filter(false, 'holder')).statusCode).toBe(403);
    expect((await filter(false)).json()).toMatchObject({ selected: 2, enrolled: 1, alreadyEnrolled: 1 });
    expect((await dashboard()).enrolled).toBe(2);
  });

  it('imports SIRETs all or nothing, with a report naming each bad row', async () => {
    const send = (text: string, dryRun = false, who = 'admin') =>
      as(who, { method: 'POST', url: `/api/challenges/${challenge.id}/enrolments/import?dryRun=${dryRun}`, ...multipart('siae.csv', csv(text)) });
    const bad = await send(`SIRET;Nom\n${sirets.chambery};Intérim\n123;Faux\n${sirets.ess};Coop\n${sirets.chambery};Encore\n`);
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as Array<{ path: string; message: string }>;
    expect(bad.json().error.message).toMatch(/3 lignes en erreur sur 4\. Rien n’a été importé/);
    expect(details.map((d) => d.path)).toEqual(['ligne 3 · SIRET', 'ligne 4 · SIRET', 'ligne 5 · SIRET']);
    expect(details[2]?.message).toMatch(/en double.*ligne 2/);
    expect((await dashboard()).enrolled).toBe(2);
    expect((await send('Numéro\n1\n')).json().error.details[0].message).toMatch(/Colonne inconnue/);
    expect((await send(`SIRET\n${sirets.chambery}\n`, false, 'holder')).statusCode).toBe(403);
    const good = `SIRET\n${sirets.chambery}\n${sirets.rennes}\n`;
    expect((await send(good, true)).json()).toEqual({ dryRun: true, selected: 2, enrolled: 1, alreadyEnrolled: 1 });
    expect((await dashboard()).enrolled).toBe(2);
    expect((await send(good)).json()).toEqual({ dryRun: false, selected: 2, enrolled: 1, alreadyEnrolled: 1 });
    expect((await dashboard()).enrolled).toBe(3);
  });

  it('records a structure’s progress: its holder does, the dashboard’s funnel moves, and a bad record gets a French 4xx', async () => {
    const record = (who: string, body: Record<string, unknown>) => as(who, { method: 'POST', url: `/api/challenges/${challenge.id}/progress`, payload: body });
    const before = await dashboard();
    expect(before.funnel.map((s: { count: number }) => s.count)).toEqual([0, 0, 0]);
    const r = await record('holder', {
      organisationId: ids.rennes,
      stepId: stepId(0),
      value: 1,
      recordedOn: '2020-07-01',
      evidenceUrl: 'https://exemple.fr/diag',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ stepsDone: 1, canRecord: true, steps: [{ done: true, value: 1 }, { done: false }, { done: false }] });
    const partial = await record('holder', { organisationId: ids.rennes, stepId: stepId(2), value: 4, recordedOn: '2020-08-01' });
    expect(partial.json().steps[2]).toMatchObject({ value: 4, done: false });
    const after = await dashboard();
    expect(after.funnel.map((s: { count: number }) => s.count)).toEqual([1, 0, 0]);
    expect(after.byRegion.find((x: { code: string }) => x.code === '53')).toMatchObject({ name: 'Bretagne', enrolled: 2 });
    // Someone else's structure, a structure not enrolled, a day to come, a step of another challenge.
    expect((await record('other', { organisationId: ids.rennes, stepId: stepId(0), value: 1, recordedOn: '2020-07-01' })).statusCode).toBe(403);
    expect((await record('admin', { organisationId: ids.ess, stepId: stepId(0), value: 1, recordedOn: '2020-07-01' })).json().error.code).toBe('not_enrolled');
    const future = await record('holder', { organisationId: ids.rennes, stepId: stepId(0), value: 1, recordedOn: '2090-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/futur/);
    expect((await record('holder', { organisationId: ids.rennes, stepId: ids.partner, value: 1, recordedOn: '2020-07-01' })).statusCode).toBe(400);
    expect((await record('holder', { organisationId: ids.rennes, stepId: stepId(0), value: -1, recordedOn: '2020-07-01' })).statusCode).toBe(400);
  });

  it('imports progress all or nothing, by step number or label, and counts the latest value of each step', async () => {
    const send = (text: string, dryRun = false) =>
      as('admin', { method: 'POST', url: `/api/challenges/${challenge.id}/progress/import?dryRun=${dryRun}`, ...multipart('releves.csv', csv(text)) });
    const bad = await send(
      `SIRET;Étape;Valeur;Date;Preuve\n${sirets.brest};1;1;01/09/2020;\n${sirets.ess};1;1;2020-09-01;\n${sirets.brest};9;1;2020-09-01;\n${sirets.brest};Salariés formés;douze;2020-09-01;pas une adresse\n`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'ligne 3 · SIRET',
      'ligne 4 · Étape',
      'ligne 5 · Valeur',
      'ligne 5 · Preuve',
    ]);
    expect((await dashboard()).funnel[0].count).toBe(1);
    const good = `SIRET;Étape;Valeur;Date;Preuve\n${sirets.brest};1;1;01/09/2020;https://exemple.fr/d\n${sirets.brest};Référent formé;1;2020-09-15;\n${sirets.brest};salaries formes;12;2020-10-01;\n${sirets.brest};3;8;2020-11-01;\n`;
    expect((await send(good, true)).json()).toEqual({ dryRun: true, rows: 4, structures: 1, imported: 0 });
    expect((await dashboard()).funnel[0].count).toBe(1);
    expect((await send(good)).json()).toEqual({ dryRun: false, rows: 4, structures: 1, imported: 4 });
    // Brest reached 12 then reported 8 trained: its latest value is short of the target.
    expect((await dashboard()).funnel.map((s: { count: number }) => s.count)).toEqual([2, 1, 0]);
    const brest = (await as('admin', { url: `/api/challenges/${challenge.id}/structures/${ids.brest}` })).json();
    expect(brest.steps[2]).toMatchObject({ value: 8, done: false, history: [{ value: 8 }, { value: 12 }] });
  });

  it('shows a structure’s progress to its people, the partners and the national team only; the stuck list to partners and the national team', async () => {
    const url = `/api/challenges/${challenge.id}/structures/${ids.rennes}`;
    for (const [who, status] of [
      ['admin', 200],
      ['holder', 200],
      ['partner', 200],
      ['other', 404],
      ['sponsor', 404],
      ['anonymous', 401],
    ] as const)
      expect((await as(who, { url })).statusCode, who).toBe(status);
    const onPage = async (who: string) => (await as(who, { url: `/api/organisations/${ids.rennes}/challenges` })).json().items.length;
    expect([await onPage('holder'), await onPage('partner'), await onPage('other'), await onPage('anonymous')]).toEqual([1, 1, 0, 0]);
    // A clock a year after the enrolments: every structure short of the last step is stuck.
    const later = challengeService(t.db, { now: () => new Date(Date.now() + 365 * 86_400_000) });
    const full = await later.dashboard(systemActor, challenge.id);
    expect(full.scope).toBe('full');
    expect(full.stuck.total).toBe(3);
    expect(full.stuck.items.map((s) => [s.name, s.stepLabel])).toEqual([
      ['Chantier du Blosne', 'Référent formé'],
      ['Intérim des Bauges', 'Diagnostic réalisé'],
      ['Recyclerie du Port', 'Salariés formés'],
    ]);
    expect(full.stuck.items[0]?.days).toBeGreaterThan(360);
    expect(full.active30d).toBe(0);
    expect((await challengeService(t.db, { now: () => new Date(Date.now() + 30 * 86_400_000) }).dashboard(systemActor, challenge.id)).stuck.total).toBe(0);
    const pub = await dashboard('anonymous');
    expect(pub).toMatchObject({ scope: 'public', enrolled: 3, stuck: { items: [] } });
    expect((await dashboard('partner')).scope).toBe('full');
    expect((await dashboard('other')).scope).toBe('public');
    const soon = challengeService(t.db, { now: () => new Date('2020-11-15T12:00:00Z') });
    expect((await soon.dashboard(systemActor, challenge.id)).active30d).toBe(1);
  });

  it('exports the dashboard as CSV and XLSX', async () => {
    const r = await as('admin', { url: `/api/challenges/${challenge.id}/dashboard?format=csv` });
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    expect(r.body).toMatch(/Étape;1;Diagnostic réalisé;2/);
    // Six records so far (two for Rennes, four for Brest), by week.
    const weeks = (await dashboard()).perWeek as Array<{ week: string; records: number }>;
    expect(weeks.reduce((n, w) => n + w.records, 0)).toBe(6);
    expect(weeks[0]).toEqual({ week: '2020-06-29', records: 1 });
    const x = await as('admin', { url: `/api/challenges/${challenge.id}/dashboard?format=xlsx` });
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('counts the steps again when the targets change', async () => {
    const r = await as('admin', {
      method: 'PATCH',
      url: `/api/challenges/${challenge.id}`,
      payload: { steps: [steps[0], steps[1], { ...steps[2], target: 8 }] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().steps[2].id).toBe(stepId(2));
    // A PATCH changes only what it names: the partners and the SIAE kinds stay (they once fell back to their creation defaults, []).
    expect(r.json().partners).toEqual(challenge.partners);
    expect(r.json().targetSiaeKinds).toEqual(challenge.targetSiaeKinds);
    expect(challenge.partners.length).toBeGreaterThan(0);
    expect((await dashboard()).funnel.map((s: { count: number }) => s.count)).toEqual([2, 1, 1]);
    expect((await as('partner', { method: 'PATCH', url: `/api/challenges/${challenge.id}`, payload: { title: 'Autre' } })).statusCode).toBe(403);
  });

  it('counts an enrolled structure in its new région and département when it moves', async () => {
    const count = (rows: Array<{ code: string; enrolled: number }>, code: string) => rows.find((x) => x.code === code)?.enrolled ?? 0;
    const before = await dashboard();
    const moved = await as('admin', { method: 'PATCH', url: `/api/organisations/${ids.brest}`, payload: { communeCode: '73065' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await dashboard();
    expect(count(after.byRegion, '53')).toBe(count(before.byRegion, '53') - 1);
    expect(count(after.byRegion, '84')).toBe(count(before.byRegion, '84') + 1);
    expect(count(after.byDepartement, '29')).toBe(count(before.byDepartement, '29') - 1);
    expect(count(after.byDepartement, '73')).toBe(count(before.byDepartement, '73') + 1);
    expect(after.enrolled).toBe(before.enrolled);
  });
});
