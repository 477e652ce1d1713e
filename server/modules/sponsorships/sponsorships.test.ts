import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { create, eventually, orgBody } from '../../test/fixtures';
import { onPostgres, testApp } from '../../test/test-db';
import { insertAccounts } from '../accounts/account-queries';
import { insertToken } from '../auth/auth-queries';
import { hashToken } from '../auth/auth-service';
import { sponsorshipService } from './sponsorship-service';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

async function account(name: string, roles: Role[], personId: string | null = null) {
  const [id] = (await insertAccounts(t.db, [{ email: `${name}@tests.essaim.test`, passwordHash: null, personId, roles }])) as [string];
  await insertToken(t.db, { accountId: id, name: 't', tokenHash: hashToken(`essaim_${name}`) });
  tokens[name] = `Bearer essaim_${name}`;
  ids[`account:${name}`] = id;
}

/** A request as one of the accounts above, or as a visitor (`anonymous`), or as the national team (`admin`). */
function as(who: string, o: InjectOptions & { url: string }) {
  if (who === 'admin') return t.app.inject(o);
  return t.anonymous.inject({ ...o, headers: { ...(tokens[who] ? { authorization: tokens[who] } : {}), ...o.headers } });
}

const sponsorBody = (administrationId: string, expertise: string[], extra: Record<string, unknown> = {}) => ({
  administrationId,
  expertise,
  capacity: 1,
  ...extra,
});

beforeAll(async () => {
  t = await testApp({ jobs: { work: true, pollingIntervalSeconds: 0.5 } });
  const dgefp = await create(t.app, 'organisations', { name: 'DGEFP', kind: 'administration' });
  const djepva = await create(t.app, 'organisations', { name: 'DJEPVA', kind: 'administration' });
  const toit = await create(t.app, 'organisations', orgBody({ name: 'Toit à Moi', communeCode: '44109' }));
  const other = await create(t.app, 'organisations', orgBody({ name: 'Ressourcerie des Bauges' }));
  Object.assign(ids, { dgefp: dgefp.id, djepva: djepva.id, toit: toit.id, other: other.id });
  for (const [key, first, admin] of [
    ['anne', 'Anne', djepva.id],
    ['bruno', 'Bruno', dgefp.id],
    ['chloe', 'Chloé', djepva.id],
  ] as const) {
    const p = await create(t.app, 'people', { firstName: first, lastName: 'Haut', isPublicSponsor: true, administrationId: admin });
    ids[key] = p.id;
    await account(key, [{ role: 'public_sponsor' }], p.id);
  }
  await account('holder', [{ role: 'holder', scope: [toit.id] }]);
  await account('otherHolder', [{ role: 'holder', scope: [other.id] }]);
  await account('roleless', []);
}, 120_000);
afterAll(() => t?.close());

describe(`Hackers Publics (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('lets a sponsor and the national team edit the sponsor profile, nobody else, within capacity 1–3', async () => {
    const own = await as('anne', {
      method: 'PUT',
      url: `/api/people/${ids.anne}/sponsor`,
      payload: sponsorBody(ids.djepva as string, ['statuts-gouvernance', 'utilite-publique'], {
        grade: 'Sous-directrice',
        capacity: 2,
        territories: ['region:52'],
      }),
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      capacity: 2,
      expertise: ['statuts-gouvernance', 'utilite-publique'],
      territories: ['region:52'],
      load: 0,
      remainingCapacity: 2,
    });
    const theirs = await as('bruno', { method: 'PUT', url: `/api/people/${ids.anne}/sponsor`, payload: sponsorBody(ids.djepva as string, ['numerique']) });
    expect(theirs.statusCode).toBe(403);
    const tooMany = await as('bruno', {
      method: 'PUT',
      url: `/api/people/${ids.bruno}/sponsor`,
      payload: sponsorBody(ids.dgefp as string, ['numerique'], { capacity: 4 }),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].message).toBe('La capacité va de 1 à 3 structures à la fois.');
    const notAdmin = await as('admin', { method: 'PUT', url: `/api/people/${ids.bruno}/sponsor`, payload: sponsorBody(ids.toit as string, ['numerique']) });
    expect(notAdmin.json().error.code).toBe('not_an_administration');
    const bruno = await as('admin', {
      method: 'PUT',
      url: `/api/people/${ids.bruno}/sponsor`,
      payload: sponsorBody(ids.dgefp as string, ['management-rh', 'statuts-gouvernance'], { capacity: 1 }),
    });
    expect(bruno.statusCode, bruno.body).toBe(200);
    await as('admin', {
      method: 'PUT',
      url: `/api/people/${ids.chloe}/sponsor`,
      payload: sponsorBody(ids.djepva as string, ['utilite-publique'], { capacity: 1 }),
    });
    // The person record carries the profile, for the sponsor and the national team.
    const profile = {
      administrationId: ids.djepva,
      grade: 'Sous-directrice',
      expertise: ['statuts-gouvernance', 'utilite-publique'],
      territories: ['region:52'],
      capacity: 2,
      pausedUntil: null,
    };
    expect((await as('anne', { url: `/api/people/${ids.anne}` })).json().sponsor).toEqual(profile);
    expect((await as('admin', { url: `/api/people/${ids.anne}` })).json().sponsor).toEqual(profile);
    // Anyone else sees that she is a public sponsor of her administration, not how busy she is.
    for (const who of ['anonymous', 'bruno', 'holder', 'roleless']) {
      const record = (await as(who, { url: `/api/people/${ids.anne}` })).json();
      expect(record, who).toMatchObject({ isPublicSponsor: true, administrationId: ids.djepva, sponsor: null });
    }
    expect((await as('anne', { url: `/api/people/${ids.anne}/sponsor` })).json()).toMatchObject({ grade: 'Sous-directrice', load: 0, remainingCapacity: 2 });
    expect((await as('admin', { url: `/api/people/${ids.anne}/sponsor` })).json()).toMatchObject({ load: 0 });
    expect((await as('anonymous', { url: `/api/people/${ids.anne}/sponsor` })).statusCode).toBe(401);
    for (const who of ['bruno', 'holder', 'roleless']) expect((await as(who, { url: `/api/people/${ids.anne}/sponsor` })).statusCode, who).toBe(404);
  });

  it('publishes the vocabulary of need categories, codes and labels as the issue names them', async () => {
    const r = await as('anonymous', { url: '/api/sponsorship-categories' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([
      { code: 'statuts-gouvernance', label: 'statuts et gouvernance' },
      { code: 'utilite-publique', label: 'reconnaissance d’utilité publique' },
      { code: 'agrements', label: 'agréments (ESUS…)' },
      { code: 'financements-publics', label: 'accès aux financements publics' },
      { code: 'commande-publique', label: 'commande publique' },
      { code: 'reglementation', label: 'réglementation sectorielle' },
      { code: 'management-rh', label: 'management et RH' },
      { code: 'numerique', label: 'numérique' },
      { code: 'immobilier-foncier', label: 'immobilier et foncier' },
      { code: 'relations-administration', label: 'relations avec l’administration' },
    ]);
  });

  it('lets the structure state a need and hides it from visitors and other roles (404)', async () => {
    const r = await as('holder', {
      method: 'POST',
      url: '/api/sponsorship-needs',
      payload: {
        organisationId: ids.toit,
        categories: ['statuts-gouvernance', 'utilite-publique', 'management-rh'],
        description: 'Changer nos statuts et obtenir la reconnaissance d’utilité publique.',
        urgency: 'high',
        administrationIds: [ids.djepva],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const need = r.json();
    ids.need = need.id;
    expect(need).toMatchObject({ status: 'open', territory: 'departement:44', territoryName: 'Loire-Atlantique', administrationNames: ['DJEPVA'] });
    expect(need.categoryLabels).toEqual(['statuts et gouvernance', 'reconnaissance d’utilité publique', 'management et RH']);
    for (const who of ['anonymous', 'roleless', 'otherHolder', 'anne']) {
      expect((await as(who, { url: `/api/sponsorship-needs/${need.id}` })).statusCode, who).toBe(404);
      expect((await as(who, { url: '/api/sponsorship-needs' })).json().total, who).toBe(0);
    }
    expect(
      (await as('otherHolder', { method: 'POST', url: '/api/sponsorship-needs', payload: { organisationId: ids.toit, categories: ['numerique'] } })).statusCode,
    ).toBe(403);
    const bad = await as('holder', { method: 'POST', url: '/api/sponsorship-needs', payload: { organisationId: ids.toit, categories: ['inconnue'] } });
    expect(bad.statusCode).toBe(400);
    const none = await as('holder', { method: 'POST', url: '/api/sponsorship-needs', payload: { organisationId: ids.toit, categories: [] } });
    expect(none.json().error.details[0].message).toBe('Choisissez au moins une catégorie de besoin.');
    const nowhere = await as('holder', {
      method: 'POST',
      url: '/api/sponsorship-needs',
      payload: { organisationId: ids.toit, categories: ['numerique'], territory: 'departement:00' },
    });
    expect(nowhere.json().error.code).toBe('unknown_territory');
    expect((await as('holder', { url: `/api/sponsorship-needs/${need.id}` })).json().actions).toEqual(['update', 'delete']);
  });

  it('ranks candidates with French reasons whose contributions add up to the score', async () => {
    expect((await as('holder', { url: `/api/sponsorship-needs/${ids.need}/candidates` })).statusCode).toBe(403);
    const list = (await as('admin', { url: `/api/sponsorship-needs/${ids.need}/candidates` })).json().items;
    expect(list.map((c: { sponsorPersonId: string }) => c.sponsorPersonId)).toEqual([ids.anne, ids.chloe, ids.bruno]);
    for (const c of list) expect(c.reasons.reduce((s: number, r: { contribution: number }) => s + r.contribution, 0)).toBe(c.score);
    const anne = list[0];
    expect(anne.reasons.map((r: { criterion: string }) => r.criterion)).toEqual(['expertise', 'administration', 'territory', 'capacity', 'workload']);
    expect(anne.reasons[0].detail).toBe('expertise en statuts et gouvernance, reconnaissance d’utilité publique (2 catégories sur 3)');
    expect(anne.reasons[1].detail).toBe('administration souhaitée par la structure (DJEPVA)');
    expect(anne.reasons[2].detail).toBe('intervient sur le territoire du besoin (Loire-Atlantique)');
    expect(anne.remainingCapacity).toBe(2);
  });

  it('proposes drafts for review, swaps a sponsor, sends; the sponsor is notified and declines; the next best is proposed by a job', async () => {
    const r = await as('admin', { method: 'POST', url: '/api/sponsorships/propose', payload: { review: true } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ method: 'optimal', unmatchedNeedIds: [] });
    const [draft] = r.json().proposed;
    expect(draft).toMatchObject({ needId: ids.need, sponsorPersonId: ids.anne });
    ids.sponsorship = draft.sponsorshipId;
    expect((await as('admin', { url: `/api/sponsorship-needs/${ids.need}` })).json().status).toBe('proposed');
    // A draft tells nobody yet: its sponsor neither sees nor answers it.
    expect((await as('anne', { url: '/api/notifications' })).json().total).toBe(0);
    expect((await as('anne', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/accept` })).statusCode).toBe(404);
    expect((await as('anne', { url: '/api/sponsorships?mine=true' })).json().total).toBe(0);
    // Nor does the structure learn of it through its need.
    expect((await as('holder', { url: `/api/sponsorship-needs/${ids.need}` })).json()).toMatchObject({ status: 'open', sponsorshipId: null });

    const swapped = await as('admin', { method: 'PATCH', url: `/api/sponsorships/${ids.sponsorship}`, payload: { sponsorPersonId: ids.chloe } });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json()).toMatchObject({ sponsorPersonId: ids.chloe, status: 'draft' });
    expect(swapped.json().reasons.reduce((s: number, x: { contribution: number }) => s + x.contribution, 0)).toBe(swapped.json().score);
    const sent = await as('admin', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/send` });
    expect(sent.json()).toMatchObject({ status: 'proposed' });
    expect((await as('holder', { url: `/api/sponsorship-needs/${ids.need}` })).json()).toMatchObject({ status: 'proposed', sponsorshipId: ids.sponsorship });
    const days = (Date.parse(sent.json().deadline) - Date.parse(sent.json().proposedAt)) / 86_400_000;
    expect(days).toBe(7);
    const told = (await as('chloe', { url: '/api/notifications' })).json().items;
    expect(told[0]).toMatchObject({ category: 'sponsorships', title: 'Proposition de parrainage\u202f: Toit à Moi' });
    expect((await as('chloe', { url: `/api/sponsorships/${ids.sponsorship}` })).json().actions).toEqual(['answer']);
    // Other sponsors do not see it.
    expect((await as('anne', { url: `/api/sponsorships/${ids.sponsorship}` })).statusCode).toBe(404);

    const declined = await as('chloe', {
      method: 'POST',
      url: `/api/sponsorships/${ids.sponsorship}/decline`,
      payload: { reason: 'Trop de dossiers en cours' },
    });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Trop de dossiers en cours' });
    const next = await eventually(async () => {
      const list = (await as('admin', { url: `/api/sponsorships?need=${ids.need}&status=proposed` })).json().items;
      return list[0];
    });
    expect(next.sponsorPersonId).toBe(ids.anne);
    ids.sponsorship = next.id;
    // The one who declined still sees their answer.
    expect((await as('chloe', { url: `/api/sponsorships/${declined.json().id}` })).json().status).toBe('declined');
  });

  it('starts the sponsorship on acceptance; the pair logs sessions whose notes only the pair and the national team read; both sides close and rate', async () => {
    const accepted = await as('anne', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/accept` });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'active' });
    expect((await as('admin', { url: `/api/sponsorship-needs/${ids.need}` })).json()).toMatchObject({ status: 'matched' });
    expect((await as('holder', { url: '/api/notifications' })).json().items[0].title).toBe('Anne Haut parraine Toit à Moi');
    expect((await as('anne', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/accept` })).json().error.code).toBe('not_awaiting_answer');

    const withObjectives = await as('holder', {
      method: 'PATCH',
      url: `/api/sponsorships/${ids.sponsorship}`,
      payload: { objectives: [{ label: 'Statuts adoptés en AG' }, { label: 'Dossier RUP déposé' }] },
    });
    expect(withObjectives.statusCode, withObjectives.body).toBe(200);
    const objectives = withObjectives.json().objectives;
    expect(objectives.map((o: { label: string }) => o.label)).toEqual(['Statuts adoptés en AG', 'Dossier RUP déposé']);
    expect((await as('holder', { method: 'PATCH', url: `/api/sponsorships/${ids.sponsorship}`, payload: { sponsorPersonId: ids.bruno } })).statusCode).toBe(
      403,
    );

    const today = new Date().toISOString().slice(0, 10);
    const session = await as('anne', {
      method: 'POST',
      url: `/api/sponsorships/${ids.sponsorship}/sessions`,
      payload: { date: today, durationMinutes: 60, format: 'visio', topics: ['rédaction des statuts'], notes: 'Relire l’article 4 avant jeudi.' },
    });
    expect(session.statusCode, session.body).toBe(201);
    const early = await as('anne', {
      method: 'POST',
      url: `/api/sponsorships/${ids.sponsorship}/sessions`,
      payload: { date: '2019-01-01', durationMinutes: 60, format: 'visio' },
    });
    expect(early.json().error.code).toBe('session_before_start');
    expect(
      (await as('anne', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/sessions`, payload: { date: today, durationMinutes: 60, format: 'fax' } }))
        .statusCode,
    ).toBe(400);
    for (const who of ['holder', 'anne', 'admin'])
      expect((await as(who, { url: `/api/sponsorships/${ids.sponsorship}/sessions` })).json().items[0].notes, who).toBe('Relire l’article 4 avant jeudi.');
    for (const who of ['anonymous', 'roleless', 'otherHolder', 'bruno'])
      expect((await as(who, { url: `/api/sponsorships/${ids.sponsorship}/sessions` })).statusCode, who).toBe(404);

    const closed = await as('anne', {
      method: 'POST',
      url: `/api/sponsorships/${ids.sponsorship}/close`,
      payload: {
        rating: 5,
        wouldDoAgain: true,
        summary: 'Statuts adoptés ; dossier RUP en cours.',
        outcomes: [
          { objectiveId: objectives[0].id, outcome: 'achieved' },
          { objectiveId: objectives[1].id, outcome: 'partly' },
        ],
      },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', sponsorSide: { rating: 5, wouldDoAgain: true }, structureSide: { rating: null } });
    expect(closed.json().objectives.map((o: { outcome: string }) => o.outcome)).toEqual(['achieved', 'partly']);
    expect(
      (await as('anne', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/close`, payload: { rating: 4, wouldDoAgain: true } })).json().error.code,
    ).toBe('already_rated');
    expect(
      (await as('holder', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/close`, payload: { rating: 6, wouldDoAgain: true } })).statusCode,
    ).toBe(400);
    const rated = await as('holder', { method: 'POST', url: `/api/sponsorships/${ids.sponsorship}/close`, payload: { rating: 4, wouldDoAgain: false } });
    expect(rated.json()).toMatchObject({ status: 'closed', structureSide: { rating: 4, wouldDoAgain: false } });
    expect((await as('admin', { url: `/api/sponsorship-needs/${ids.need}` })).json().status).toBe('closed');
    expect((await as('anonymous', { url: '/api/stats' })).json().sponsorshipsActive).toBe(0);
  });

  it('lets an unanswered proposal expire and proposes the next sponsor; tells the national team when nobody is left', async () => {
    const need = await as('otherHolder', {
      method: 'POST',
      url: '/api/sponsorship-needs',
      payload: { organisationId: ids.other, categories: ['utilite-publique'] },
    });
    const proposed = await as('admin', { method: 'POST', url: '/api/sponsorships/propose', payload: { needIds: [need.json().id] } });
    const [first] = proposed.json().proposed;
    // Chloé acts everywhere; Anne in another région than the need's.
    expect(first.sponsorPersonId).toBe(ids.chloe);
    const later = sponsorshipService(t.db, { now: () => new Date(Date.now() + 8 * 86_400_000) });
    expect(await later.expireDue()).toEqual({ expired: 1 });
    expect((await as('admin', { url: `/api/sponsorships/${first.sponsorshipId}` })).json().status).toBe('expired');
    const second = await eventually(async () => (await as('admin', { url: `/api/sponsorships?need=${need.json().id}&status=proposed` })).json().items[0]);
    expect(second.sponsorPersonId).toBe(ids.anne);
    // The last one able to help declines: nobody left, the national team is told.
    await as('anne', { method: 'POST', url: `/api/sponsorships/${second.id}/decline`, payload: {} });
    const notice = await eventually(async () => {
      const r = await sql<{ title: string }>`select title from notifications where title like 'Plus aucun parrain%'`.execute(t.db);
      return r.rows[0];
    });
    expect(notice.title).toBe('Plus aucun parrain disponible pour Ressourcerie des Bauges');
    expect((await as('admin', { url: `/api/sponsorship-needs/${need.json().id}` })).json().status).toBe('open');
  });

  it('offers the stable matching as an option, and refuses needs that are not open', async () => {
    const need = await as('holder', { method: 'POST', url: '/api/sponsorship-needs', payload: { organisationId: ids.toit, categories: ['management-rh'] } });
    const refused = await as('admin', { method: 'POST', url: '/api/sponsorships/propose', payload: { needIds: [ids.need] } });
    expect(refused.json().error.code).toBe('need_not_open');
    const stable = await as('admin', {
      method: 'POST',
      url: '/api/sponsorships/propose',
      payload: { needIds: [need.json().id], method: 'stable', review: true },
    });
    expect(stable.json()).toMatchObject({ method: 'stable', proposed: [{ sponsorPersonId: ids.bruno }] });
    // A need with a sponsorship cannot be deleted; one without can.
    expect((await as('holder', { method: 'DELETE', url: `/api/sponsorship-needs/${need.json().id}` })).json().error.code).toBe('need_has_sponsorships');
    const spare = await as('holder', { method: 'POST', url: '/api/sponsorship-needs', payload: { organisationId: ids.toit, categories: ['numerique'] } });
    expect((await as('holder', { method: 'DELETE', url: `/api/sponsorship-needs/${spare.json().id}` })).statusCode).toBe(204);
  });

  it('gives the national team its dashboard, nationally and per administration', async () => {
    expect((await as('holder', { url: '/api/sponsorships/dashboard' })).statusCode).toBe(403);
    const d = (await as('admin', { url: '/api/sponsorships/dashboard' })).json();
    expect(d.figures, JSON.stringify(d.figures)).toMatchObject({
      activeSponsorships: 0,
      openNeeds: 1,
      needs: 3,
      objectives: 2,
      objectivesAchieved: 1,
      satisfaction: 4.5,
      ratings: 2,
    });
    expect(d.figures.medianDaysToAcceptance).toBeGreaterThanOrEqual(0);
    expect(d.perAdministration.map((a: { administrationName: string; sponsors: number }) => [a.administrationName, a.sponsors])).toEqual([
      ['DGEFP', 1],
      ['DJEPVA', 2],
    ]);
    // Bruno (capacity 1) holds the stable draft: at capacity.
    expect(d.sponsorsAtCapacity.map((s: { personId: string }) => s.personId)).toEqual([ids.bruno]);
    const one = (await as('admin', { url: `/api/sponsorships/dashboard?administration=${ids.djepva}` })).json();
    expect(one.figures).toMatchObject({ satisfaction: 4.5, objectivesAchieved: 1 });
    expect(one.perAdministration).toHaveLength(1);
  });
});
