import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { create, orgBody } from '../../test/fixtures';
import { onPostgres, testApp } from '../../test/test-db';
import { insertAccounts } from '../accounts/account-queries';
import { insertToken } from '../auth/auth-queries';
import { hashToken } from '../auth/auth-service';
import { measureService } from './measure-service';
import { obstacleService } from './obstacle-service';
import { setRelanceFacts } from './relance-queries';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const NNBSP = '\u202F';

async function account(name: string, roles: Role[]) {
  const [id] = (await insertAccounts(t.db, [{ email: `${name}@tests.essaim.test`, passwordHash: null, personId: null, roles }])) as [string];
  await insertToken(t.db, { accountId: id, name: 't', tokenHash: hashToken(`essaim_${name}`) });
  tokens[name] = `Bearer essaim_${name}`;
  ids[`account:${name}`] = id;
}

function as(who: string, o: InjectOptions & { url: string }) {
  if (who === 'admin') return t.app.inject(o);
  return t.anonymous.inject({ ...o, headers: { ...(tokens[who] ? { authorization: tokens[who] } : {}), ...o.headers } });
}

const measureBody = (over: Record<string, unknown> = {}) => ({
  name: 'Fonds de soutien aux projets coopératifs',
  operatorOrganisationId: ids.bpi,
  component: 'cohesion',
  windowKind: 'open_window',
  opensOn: '2020-11-01',
  closesOn: '2021-06-30',
  url: 'https://www.economie.gouv.fr/plan-de-relance',
  themes: [],
  rules: { legalCategories: ['5560', 'association'], essRequired: true, territories: ['region:84'], minAgeYears: 2 },
  ...over,
});

beforeAll(async () => {
  t = await testApp();
  const bpi = await create(t.app, 'organisations', { name: 'Bpifrance', kind: 'public_operator' });
  const bdt = await create(t.app, 'organisations', { name: 'Banque des Territoires', kind: 'public_operator' });
  // Die (26): Auvergne-Rhône-Alpes; Montpellier (34): Occitanie.
  const scic = await create(t.app, 'organisations', orgBody({ name: 'Énergie des Baronnies SCIC', legalCategory: '5560', communeCode: '26113', esus: true }));
  const asso = await create(t.app, 'organisations', orgBody({ name: 'Recyclerie du Lez', legalCategory: '9220', communeCode: '34172' }));
  const sas = await create(t.app, 'organisations', orgBody({ name: 'Logistique Rapide SAS', legalCategory: '5710', ess: false, communeCode: '26362' }));
  Object.assign(ids, { bpi: bpi.id, bdt: bdt.id, scic: scic.id, asso: asso.id, sas: sas.id });
  for (const [key, title, org] of [
    ['p1', 'Centrale villageoise', scic.id],
    ['p2', 'Recyclerie mobile', asso.id],
    ['p3', 'Livraison express', sas.id],
  ] as const) {
    const p = await create(t.app, 'projects', { title, leadOrganisationId: org, stage: 'development', fundingNeedEur: 80000 });
    ids[key] = p.id;
  }
  await setRelanceFacts(t.db, [{ organisation_id: scic.id, founded_on: '2016-03-01', size: 'tpe' }]);
  await account('holder', [{ role: 'holder', scope: [scic.id] }]);
  await account('otherHolder', [{ role: 'holder', scope: [asso.id] }]);
  await account('bpi', [{ role: 'operator', scope: [bpi.id] }]);
  await account('bdt', [{ role: 'operator', scope: [bdt.id] }]);
  await account('roleless', []);
}, 120_000);
afterAll(() => t?.close());

describe(`ESS relance (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('keeps measures with their rules as data; the national team alone writes them; bad input is a French 400', async () => {
    const created = await as('admin', { method: 'POST', url: '/api/measures', payload: measureBody() });
    expect(created.statusCode).toBe(201);
    ids.m1 = created.json().id;
    expect(created.json()).toMatchObject({ operatorName: 'Bpifrance', window: 'closed', rules: { essRequired: true, maxAmountEur: null, kinds: [] } });
    expect(created.json().rulesInWords).toContain('Réservée aux structures de l’ESS (loi du 31 juillet 2014)');
    expect(created.json().rulesInWords).toContain(`Territoires${NNBSP}: Auvergne-Rhône-Alpes`);
    for (const who of ['holder', 'bpi']) expect((await as(who, { method: 'POST', url: '/api/measures', payload: measureBody() })).statusCode).toBe(403);
    expect((await as('anonymous', { method: 'POST', url: '/api/measures', payload: measureBody() })).statusCode).toBe(401);
    const bad = await as('admin', { method: 'POST', url: '/api/measures', payload: measureBody({ opensOn: '2021-01-01', closesOn: '2020-01-01' }) });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toMatch(/clôture/);
    const unknownOperator = await as('admin', { method: 'POST', url: '/api/measures', payload: measureBody({ operatorOrganisationId: ids.p1 }) });
    expect(unknownOperator.json().error.code).toBe('unknown_reference');
    const badRule = await as('admin', { method: 'POST', url: '/api/measures', payload: measureBody({ rules: { territories: ['pays:FR'] } }) });
    expect(badRule.statusCode).toBe(400);
    // A measure open today, national, for associations.
    const open = await as('admin', {
      method: 'POST',
      url: '/api/measures',
      payload: measureBody({
        name: 'Guichet associations',
        operatorOrganisationId: ids.bdt,
        opensOn: '2020-01-01',
        closesOn: null,
        rules: { legalCategories: ['association'] },
      }),
    });
    ids.m2 = open.json().id;
    expect(open.json().window).toBe('open');
    const patched = await as('admin', { method: 'PATCH', url: `/api/measures/${ids.m1}`, payload: { budgetEur: 30_000_000 } });
    expect(patched.json()).toMatchObject({ budgetEur: 30_000_000, name: 'Fonds de soutien aux projets coopératifs' });
    const list = await as('anonymous', { url: '/api/measures?window=open' });
    expect(list.json().items.map((m: { name: string }) => m.name)).toEqual(['Guichet associations']);
    const byTerritory = await as('anonymous', { url: '/api/measures?territory=departement:26' });
    expect(byTerritory.json().total).toBe(2);
    const elsewhere = await as('anonymous', { url: '/api/measures?territory=region:76' });
    expect(elsewhere.json().items.map((m: { name: string }) => m.name)).toEqual(['Guichet associations']);
    expect((await as('anonymous', { url: `/api/measures?operator=${ids.bpi}` })).json().total).toBe(1);
  });

  it('explains a project’s measures criterion by criterion, sorted by window then verdict', async () => {
    const r = await as('anonymous', { url: `/api/projects/${ids.p1}/measures` });
    expect(r.statusCode).toBe(200);
    const items = r.json().items;
    expect(items.map((i: { window: string }) => i.window)).toEqual(['open', 'closed']);
    expect(items[1].eligibility).toEqual({
      measureId: ids.m1,
      verdict: 'eligible',
      criteria: [
        { criterion: 'legalCategory', status: 'pass', message: 'forme juridique SCIC (5560) admise' },
        { criterion: 'ess', status: 'pass', message: 'structure de l’ESS (loi du 31 juillet 2014)' },
        { criterion: 'territory', status: 'pass', message: 'région 84 dans le périmètre (Auvergne-Rhône-Alpes)' },
        { criterion: 'age', status: 'pass', message: expect.stringMatching(/^ancienneté de \d+ ans \(au moins 2 ans exigés\)$/) },
      ],
    });
    const asso = (await as('anonymous', { url: `/api/projects/${ids.p2}/measures?window=closed` })).json().items[0].eligibility;
    expect(asso.verdict).toBe('not_eligible');
    expect(asso.criteria).toContainEqual({
      criterion: 'territory',
      status: 'fail',
      message: 'département 34 hors du périmètre (Auvergne-Rhône-Alpes seulement)',
    });
    expect(asso.criteria).toContainEqual({ criterion: 'age', status: 'unknown', message: `ancienneté inconnue${NNBSP}: à vérifier` });
    const org = await as('anonymous', { url: `/api/organisations/${ids.scic}/measures?window=all` });
    expect(org.json().items).toHaveLength(2);
    expect((await as('anonymous', { url: `/api/projects/${ids.bpi}/measures` })).statusCode).toBe(404);
    expect((await as('anonymous', { url: `/api/projects/${ids.p1}/measures?window=demain` })).statusCode).toBe(400);
  });

  it('lists a measure’s eligible projects with counts, and every verdict in one batch', async () => {
    const r = await as('anonymous', { url: `/api/measures/${ids.m1}/eligible-projects` });
    expect(r.json()).toMatchObject({ total: 1, counts: { eligible: 1, toCheck: 0, notEligible: 2 }, items: [{ projectTitle: 'Centrale villageoise' }] });
    const all = await as('anonymous', { url: `/api/measures/${ids.m1}/eligible-projects?verdict=not_eligible` });
    expect(all.json().items.map((i: { projectTitle: string }) => i.projectTitle)).toEqual(['Livraison express', 'Recyclerie mobile']);
    const batch = await as('admin', { method: 'POST', url: '/api/measures/verdicts', payload: {} });
    const b = batch.json();
    expect(b.projectIds).toHaveLength(3);
    const m1 = b.measures.find((m: { measureId: string }) => m.measureId === ids.m1);
    expect(m1.verdicts[b.projectIds.indexOf(ids.p1)]).toBe('e');
    expect(m1).toMatchObject({ eligible: 1, toCheck: 0, notEligible: 2 });
    expect((await as('holder', { method: 'POST', url: '/api/measures/verdicts', payload: {} })).statusCode).toBe(403);
  });

  it('tells holders of eligible projects once when a measure opens', async () => {
    const s = measureService(t.db, { today: () => '2020-11-02' });
    await t.db
      .updateTable('recovery_measures')
      .set({ opening_notified_at: new Date() })
      .where('id', '=', ids.m2 as string)
      .execute();
    expect(await s.announceOpenings()).toBe(1);
    expect(await s.announceOpenings()).toBe(0);
    const mine = (await as('holder', { url: '/api/notifications' })).json();
    expect(mine.items[0].title).toContain('Fonds de soutien aux projets coopératifs');
    expect((await as('otherHolder', { url: '/api/notifications' })).json().items).toHaveLength(0);
  });

  it('lets a holder raise an obstacle; the operator answers and lifts it (with a resolution); others see nothing', async () => {
    const raised = await as('holder', {
      method: 'POST',
      url: '/api/obstacles',
      payload: { title: 'Le prêt exige trois bilans', projectId: ids.p1, measureId: ids.m1, category: 'documents', severity: 2, dueOn: '2021-01-15' },
    });
    expect(raised.statusCode).toBe(201);
    const id = raised.json().id;
    ids.o1 = id;
    expect(raised.json()).toMatchObject({ operatorName: 'Bpifrance', status: 'open', actions: ['update', 'comment'] });
    // Not about their project: refused.
    const foreign = await as('otherHolder', {
      method: 'POST',
      url: '/api/obstacles',
      payload: { title: 'x', projectId: ids.p1, category: 'other', severity: 1 },
    });
    expect(foreign.statusCode).toBe(403);
    // The operator learnt of it.
    expect((await as('bpi', { url: '/api/notifications' })).json().items[0].title).toContain('Le prêt exige trois bilans');
    // Who sees it.
    expect((await as('anonymous', { url: `/api/obstacles/${id}` })).statusCode).toBe(401);
    for (const who of ['otherHolder', 'bdt', 'roleless']) {
      expect((await as(who, { url: `/api/obstacles/${id}` })).statusCode, who).toBe(404);
      expect((await as(who, { url: '/api/obstacles' })).json().total, who).toBe(0);
    }
    expect((await as('bpi', { url: '/api/obstacles' })).json().total).toBe(1);
    expect((await as('bpi', { url: `/api/obstacles/${id}` })).json().actions).toEqual(['comment', 'status', 'assign']);
    // The holder may not move it; the operator may not lift without a resolution.
    expect(
      (await as('holder', { method: 'POST', url: `/api/obstacles/${id}/actions`, payload: { kind: 'status', status: 'lifted', resolution: 'ok' } })).statusCode,
    ).toBe(403);
    const noResolution = await as('bpi', { method: 'POST', url: `/api/obstacles/${id}/actions`, payload: { kind: 'status', status: 'lifted' } });
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().error.code).toBe('resolution_required');
    const answer = await as('bpi', {
      method: 'POST',
      url: `/api/obstacles/${id}/actions`,
      payload: { kind: 'comment', comment: 'Deux bilans suffisent pour une SCIC.' },
    });
    expect(answer.statusCode).toBe(201);
    expect((await as('bpi', { method: 'POST', url: `/api/obstacles/${id}/actions`, payload: { kind: 'status', status: 'in_progress' } })).statusCode).toBe(201);
    const lifted = await as('bpi', {
      method: 'POST',
      url: `/api/obstacles/${id}/actions`,
      payload: { kind: 'status', status: 'lifted', resolution: 'Instruction sur deux bilans confirmée par la direction régionale.' },
    });
    expect(lifted.json()).toMatchObject({ kind: 'status', status: 'lifted', accountId: ids['account:bpi'] });
    const after = (await as('holder', { url: `/api/obstacles/${id}` })).json();
    expect(after).toMatchObject({ status: 'lifted', resolution: 'Instruction sur deux bilans confirmée par la direction régionale.' });
    expect(after.liftedAt).not.toBeNull();
    const timeline = (await as('holder', { url: `/api/obstacles/${id}/actions` })).json().items;
    expect(timeline.map((a: { kind: string; status: string | null }) => `${a.kind}:${a.status ?? ''}`)).toEqual([
      'comment:',
      'status:in_progress',
      'status:lifted',
    ]);
    // The raiser heard of every move.
    const told = (await as('holder', { url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
    expect(told.some((x: string) => x.includes('levé'))).toBe(true);
    // Nothing half-written on a bad reference.
    const bad = await as('holder', {
      method: 'POST',
      url: '/api/obstacles',
      payload: { title: 'x', projectId: ids.p1, measureId: ids.p2, category: 'other', severity: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await as('admin', { url: '/api/obstacles' })).json().total).toBe(1);
  });

  it('reassigns through PATCH, tells the new owner; reminders go once per due date', async () => {
    const r = await as('admin', { method: 'PATCH', url: `/api/obstacles/${ids.o1}`, payload: { ownerAccountId: ids['account:bdt'], status: 'in_progress' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ownerAccountId: ids['account:bdt'], status: 'in_progress', liftedAt: null });
    // The new owner now sees it, though it is not about their structure.
    expect((await as('bdt', { url: `/api/obstacles/${ids.o1}` })).statusCode).toBe(200);
    const s = obstacleService(t.db, { now: () => new Date('2021-01-13T08:00:00Z') });
    expect(await s.remindDue()).toBe(1);
    expect(await s.remindDue()).toBe(0);
    const late = obstacleService(t.db, { now: () => new Date('2021-01-20T08:00:00Z') });
    expect(await late.remindDue()).toBe(1);
    const titles = (await as('bdt', { url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
    expect(titles.some((x: string) => x.startsWith('Frein en retard'))).toBe(true);
    expect(titles.some((x: string) => x.startsWith('Échéance proche'))).toBe(true);
    // The new owner heard of the reassignment, with a link to the obstacle's page.
    const handed = (await as('bdt', { url: '/api/notifications' })).json().items.find((n: { title: string }) => n.title.startsWith('Un frein vous est confié'));
    expect(handed).toMatchObject({ title: `Un frein vous est confié${NNBSP}: Le prêt exige trois bilans`, link: `/relance/freins/${ids.o1}` });
    // Everyone concerned is reminded: the raiser and the operator's staff too, not only the owner.
    for (const who of ['holder', 'bpi']) {
      const got = (await as(who, { url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
      expect(
        got.some((x: string) => x.startsWith('Échéance proche')),
        who,
      ).toBe(true);
      expect(
        got.some((x: string) => x.startsWith('Frein en retard')),
        who,
      ).toBe(true);
    }
    // Nobody else.
    const others = (await as('otherHolder', { url: '/api/notifications' })).json().items.map((n: { title: string }) => n.title);
    expect(others.filter((x: string) => x.includes('Le prêt exige trois bilans'))).toEqual([]);
  });

  it('computes statistics over what the caller sees, and exports them', async () => {
    // A second obstacle, lifted in 10 days.
    await as('admin', {
      method: 'POST',
      url: '/api/obstacles',
      payload: { title: 'Délai de versement', organisationId: ids.asso, operatorOrganisationId: ids.bdt, category: 'cash_flow', severity: 3 },
    });
    await t.db
      .updateTable('obstacles')
      .set({ status: 'lifted', resolution: 'Versement anticipé', created_at: new Date('2020-12-01T10:00:00Z'), lifted_at: new Date('2020-12-11T10:00:00Z') })
      .where('title', '=', 'Délai de versement')
      .execute();
    const all = (await as('admin', { url: '/api/obstacles/stats' })).json();
    expect(all).toMatchObject({ total: 2, byStatus: { lifted: 1, in_progress: 1, open: 0 }, byCategory: { cash_flow: 1, documents: 1 }, medianDaysToLift: 10 });
    expect(all.byOperator.map((o: { name: string }) => o.name).sort()).toEqual(['Banque des Territoires', 'Bpifrance']);
    expect(all.perMonth.find((m: { month: string }) => m.month === '2020-12')).toMatchObject({ raised: 1, lifted: 1 });
    const bpi = (await as('bpi', { url: '/api/obstacles/stats' })).json();
    expect(bpi.total).toBe(1);
    expect((await as('admin', { url: `/api/obstacles/stats?operator=${ids.bdt}` })).json().total).toBe(1);
    expect((await as('admin', { url: '/api/obstacles/stats?from=2021-01-01&to=2030-01-01' })).json().total).toBe(1);
    const csv = await as('admin', { url: '/api/obstacles/stats?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Trésorerie');
    const xlsx = await as('admin', { url: '/api/obstacles/stats?format=xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await as('anonymous', { url: '/api/obstacles/stats' })).statusCode).toBe(401);
  });

  it('tells the owner named at raising, the new owner of a reassignment through the timeline, and the raiser of each move (not its author)', async () => {
    const raised = await as('holder', {
      method: 'POST',
      url: '/api/obstacles',
      payload: { title: 'Pièces en double', projectId: ids.p1, measureId: ids.m1, ownerAccountId: ids['account:bpi'], category: 'documents', severity: 1 },
    });
    expect(raised.statusCode).toBe(201);
    const id = raised.json().id;
    const titlesOf = async (who: string) =>
      (await as(who, { url: '/api/notifications?pageSize=100' })).json().items.map((n: { title: string }) => n.title) as string[];
    expect((await titlesOf('bpi')).filter((x) => x === `Nouveau frein signalé${NNBSP}: Pièces en double`)).toHaveLength(1);
    // The raiser is not told of their own raising.
    expect((await titlesOf('holder')).some((x) => x.includes('Nouveau frein signalé') && x.includes('Pièces en double'))).toBe(false);
    // Bpifrance's operator hands it to the Banque des Territoires' through the timeline.
    const handed = await as('bpi', { method: 'POST', url: `/api/obstacles/${id}/actions`, payload: { kind: 'assign', ownerAccountId: ids['account:bdt'] } });
    expect(handed.statusCode).toBe(201);
    expect((await titlesOf('bdt')).filter((x) => x === `Un frein vous est confié${NNBSP}: Pièces en double`)).toHaveLength(1);
    expect((await titlesOf('holder')).some((x) => x.includes('Pièces en double') && x.includes('nouveau responsable'))).toBe(true);
    // The raiser hears when it moves; the one who moved it does not hear of their own move.
    const before = (await titlesOf('bdt')).length;
    expect(
      (
        await as('bdt', {
          method: 'POST',
          url: `/api/obstacles/${id}/actions`,
          payload: { kind: 'status', status: 'out_of_scope', reason: 'Relève de la région' },
        })
      ).statusCode,
    ).toBe(201);
    expect((await titlesOf('holder')).some((x) => x.includes('Pièces en double') && x.includes('hors champ'))).toBe(true);
    expect((await titlesOf('bdt')).length).toBe(before);
  });

  it('runs the daily reminders job: an obstacle due tomorrow is recalled to its owner, its raiser and its operator’s staff', async () => {
    const { relanceJobs, REMINDERS_JOB } = await import('./relance-jobs');
    const job = relanceJobs({ db: t.db }).find((j) => j.name === REMINDERS_JOB);
    expect(job?.cron).toBe('0 7 * * *');
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    const raised = await as('holder', {
      method: 'POST',
      url: '/api/obstacles',
      payload: { title: 'Relevé d’identité bancaire refusé', projectId: ids.p1, measureId: ids.m1, category: 'documents', severity: 2, dueOn: tomorrow },
    });
    expect(raised.statusCode).toBe(201);
    await job?.run({ id: 'test', data: undefined, retryCount: 0, report: async () => undefined });
    for (const who of ['holder', 'bpi']) {
      const got = (await as(who, { url: '/api/notifications?pageSize=100' })).json().items.map((n: { title: string }) => n.title) as string[];
      expect(
        got.some((x) => x.startsWith('Échéance proche') && x.includes('Relevé d’identité bancaire refusé')),
        who,
      ).toBe(true);
    }
  });

  it('deletes a measure, keeping its obstacles without it', async () => {
    expect((await as('admin', { method: 'DELETE', url: `/api/measures/${ids.m1}` })).statusCode).toBe(204);
    expect((await as('admin', { url: `/api/obstacles/${ids.o1}` })).json().measureId).toBeNull();
    expect((await as('anonymous', { url: `/api/measures/${ids.m1}` })).statusCode).toBe(404);
  });
});
