import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/schemas/auth';
import { create } from '../../test/fixtures';
import { testApp } from '../../test/test-db';
import { systemActor } from '../../policies/actor';
import { insertAccounts } from '../accounts/account-queries';
import { insertToken } from '../auth/auth-queries';
import { hashToken } from '../auth/auth-service';
import { decisionService } from './decision-service';

let t: Awaited<ReturnType<typeof testApp>>;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

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

const hour = 3600_000;
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * hour).toISOString();
const poll = (over: Record<string, unknown> = {}) => ({
  collectiveId: ids.lac,
  title: 'Adopter la charte du collectif',
  text: 'La charte proposée par le groupe de travail.',
  opensAt: iso(-1),
  closesAt: iso(48),
  quorum: 0.5,
  pollType: 'consent',
  options: [],
  anonymous: false,
  public: false,
  ...over,
});
const notificationsOf = async (who: string) =>
  (await as(who, { url: '/api/notifications?pageSize=50' })).json().items as Array<{ title: string; body: string; link: string }>;

beforeAll(async () => {
  t = await testApp();
  ids.lac = (await create(t.app, 'collectives', { name: 'Essaim du Lac' })).id;
  ids.vallee = (await create(t.app, 'collectives', { name: 'Collectif de la Vallée' })).id;
  await account('coordination', [{ role: 'coordinator', scope: [ids.lac] }]);
  await account('coordination-vallee', [{ role: 'coordinator', scope: [ids.vallee] }]);
  await account('membre1', [{ role: 'member', scope: [ids.lac] }]);
  await account('membre2', [{ role: 'member', scope: [ids.lac] }]);
  await account('membre3', []);
  await account('porteur', [{ role: 'holder', scope: [] }]);
}, 120_000);
afterAll(() => t.close());

describe('members of a collective', () => {
  it('are granted by its coordinator (by e-mail), told so, and not by a member or another coordinator', async () => {
    const body = { email: 'membre3@tests.essaim.test' };
    expect((await as('membre1', { method: 'POST', url: `/api/collectives/${ids.lac}/members`, payload: body })).statusCode).toBe(403);
    expect((await as('coordination-vallee', { method: 'POST', url: `/api/collectives/${ids.lac}/members`, payload: body })).statusCode).toBe(403);
    const r = await as('coordination', { method: 'POST', url: `/api/collectives/${ids.lac}/members`, payload: body });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ email: 'membre3@tests.essaim.test', coordinator: false });
    expect((await as('coordination', { method: 'POST', url: `/api/collectives/${ids.lac}/members`, payload: body })).json().error.code).toBe('already_member');
    const unknown = await as('coordination', { method: 'POST', url: `/api/collectives/${ids.lac}/members`, payload: { email: 'personne@nulle.part' } });
    expect(unknown.statusCode).toBe(400);
    const list = (await as('coordination', { url: `/api/collectives/${ids.lac}/members` })).json().items;
    expect(list.map((m: { email: string }) => m.email)).toEqual([
      'coordination@tests.essaim.test',
      'membre1@tests.essaim.test',
      'membre2@tests.essaim.test',
      'membre3@tests.essaim.test',
    ]);
    expect((await notificationsOf('membre3'))[0]?.title).toContain('membre du collectif');
  });
});

describe('a consent poll', () => {
  let id: string;
  it('is put to the vote by the coordinator, and its voters are told it opened', async () => {
    expect((await as('membre1', { method: 'POST', url: '/api/decisions', payload: poll() })).statusCode).toBe(403);
    expect((await as('coordination-vallee', { method: 'POST', url: '/api/decisions', payload: poll() })).statusCode).toBe(403);
    const bad = await as('coordination', { method: 'POST', url: '/api/decisions', payload: poll({ closesAt: iso(-2) }) });
    expect(bad.statusCode).toBe(400);
    const r = await as('coordination', { method: 'POST', url: '/api/decisions', payload: poll() });
    expect(r.statusCode, r.body).toBe(201);
    id = r.json().id;
    expect(r.json()).toMatchObject({
      status: 'open',
      collectiveName: 'Essaim du Lac',
      turnout: { voted: 0, eligible: 4 },
      actions: ['update', 'vote', 'close', 'follow'],
    });
    expect((await as('admin', { url: `/api/decisions/${id}` })).json().actions).toEqual(['update', 'close', 'follow']);
    expect((await notificationsOf('membre1')).find((n) => n.link === `/decisions/${id}`)?.title).toBe(
      'Vote ouvert\u202f: «\u202fAdopter la charte du collectif\u202f»',
    );
  });

  it('is seen by members and coordinators, and by nobody else while unpublished', async () => {
    for (const who of ['membre1', 'coordination', 'admin']) expect((await as(who, { url: `/api/decisions/${id}` })).statusCode, who).toBe(200);
    for (const who of ['anonymous', 'porteur', 'coordination-vallee']) expect((await as(who, { url: `/api/decisions/${id}` })).statusCode, who).toBe(404);
    expect((await as('porteur', { url: '/api/decisions' })).json().total).toBe(0);
    expect((await as('membre1', { url: '/api/decisions?mine=true' })).json().items.map((d: { id: string }) => d.id)).toEqual([id]);
    await as('coordination', { method: 'PATCH', url: `/api/decisions/${id}`, payload: { public: true } });
    expect((await as('anonymous', { url: `/api/decisions/${id}` })).statusCode).toBe(200);
  });

  it('takes one vote per voter, changeable until closing; refuses non-members and malformed ballots', async () => {
    expect((await as('porteur', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { position: 'agree' } })).statusCode).toBe(403);
    expect((await as('membre1', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { optionIds: ['x'] } })).statusCode).toBe(400);
    await as('membre1', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { position: 'disagree' } });
    const r = await as('membre1', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { position: 'agree', comment: 'Bonne charte.' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ myVote: { position: 'agree', comment: 'Bonne charte.' }, turnout: { voted: 1, eligible: 4 } });
    await as('membre2', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { position: 'agree' } });
    // A named poll: its voters see who voted what; a published poll's visitors do not.
    expect((await as('membre2', { url: `/api/decisions/${id}` })).json().votes.map((v: { position: string }) => v.position)).toEqual(['agree', 'agree']);
    expect((await as('anonymous', { url: `/api/decisions/${id}` })).json().votes).toEqual([]);
    // The terms no longer change once votes are cast.
    expect((await as('coordination', { method: 'PATCH', url: `/api/decisions/${id}`, payload: { quorum: 0.9 } })).json().error.code).toBe('votes_cast');
  });

  it('is closed early, counted, its result told to the voters; a vote after closing is refused', async () => {
    expect((await as('membre1', { method: 'POST', url: `/api/decisions/${id}/close` })).statusCode).toBe(403);
    const r = await as('coordination', { method: 'POST', url: `/api/decisions/${id}/close` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'closed',
      result: { method: 'consent', adopted: true, quorumMet: true, turnout: { voted: 2, eligible: 4, share: 0.5 }, winners: ['agree'] },
    });
    const late = await as('membre3', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { position: 'block' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('poll_closed');
    expect((await notificationsOf('membre3')).find((n) => n.title.startsWith('Résultat'))?.body).toBe('La proposition est adoptée.');
  });

  it('records the decision taken and its follow-up actions', async () => {
    await as('coordination', { method: 'PATCH', url: `/api/decisions/${id}`, payload: { outcome: 'La charte est adoptée et publiée.' } });
    const a = await as('coordination', {
      method: 'POST',
      url: `/api/decisions/${id}/actions`,
      payload: { title: 'Publier la charte', owner: 'Coordination', dueOn: '2027-01-15' },
    });
    expect(a.statusCode, a.body).toBe(201);
    expect((await as('membre1', { method: 'POST', url: `/api/decisions/${id}/actions`, payload: { title: 'x' } })).statusCode).toBe(403);
    const p = await as('coordination', {
      method: 'PATCH',
      url: `/api/decisions/${id}/actions/${a.json().id}`,
      payload: { progress: 60, status: 'in_progress' },
    });
    expect(p.json()).toMatchObject({ progress: 60, status: 'in_progress' });
    expect((await as('membre1', { url: `/api/decisions/${id}` })).json()).toMatchObject({
      outcome: 'La charte est adoptée et publiée.',
      followUp: [{ title: 'Publier la charte', dueOn: '2027-01-15', progress: 60, status: 'in_progress' }],
    });
  });
});

describe('an anonymous ranked poll and the closing job', () => {
  it('hides who voted what, is counted by Schulze when its time passes, and is not adopted below quorum', async () => {
    const r = await as('coordination', {
      method: 'POST',
      url: '/api/decisions',
      payload: poll({
        title: 'Nos priorités',
        pollType: 'ranked',
        anonymous: true,
        quorum: 0.75,
        options: [
          { id: 'essaimage', label: 'Accélérer l’essaimage' },
          { id: 'inter', label: 'L’inter-territorial' },
          { id: 'finance', label: 'La finance à impact' },
        ],
      }),
    });
    const id = r.json().id as string;
    await as('membre1', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { ranking: ['inter', 'essaimage', 'finance'] } });
    await as('membre2', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { ranking: ['inter', 'finance'] } });
    expect((await as('coordination', { url: `/api/decisions/${id}` })).json().votes).toEqual([]);
    expect((await as('membre1', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { ranking: ['inter', 'inter'] } })).statusCode).toBe(400);
    // The job, three days later.
    const later = decisionService(t.db, { now: () => new Date(Date.now() + 72 * hour) });
    expect((await later.runDue(systemActor)).closed).toBeGreaterThanOrEqual(1);
    const d = (await as('membre1', { url: `/api/decisions/${id}` })).json();
    expect(d.result).toMatchObject({ method: 'schulze', winners: ['inter'], quorumMet: false, adopted: false, turnout: { voted: 2, eligible: 4 } });
    expect(d.result.rounds.map((x: { kind: string }) => x.kind)).toEqual(['pairwise', 'strongestPaths']);
    expect(d.result.rounds[0].matrix[1]).toEqual([2, 0, 2]);
    expect(d.result.ranking.map((x: { id: string }) => x.id)).toEqual(['inter', 'essaimage', 'finance']);
  });
});

describe('a network-wide poll', () => {
  it('is put by the national team to the coordinators of the collectives, who alone vote', async () => {
    expect((await as('coordination', { method: 'POST', url: '/api/decisions', payload: poll({ collectiveId: null }) })).statusCode).toBe(403);
    const r = await as('admin', {
      method: 'POST',
      url: '/api/decisions',
      payload: poll({
        collectiveId: null,
        title: 'Une plateforme commune ?',
        pollType: 'choice',
        options: [
          { id: 'oui', label: 'Oui' },
          { id: 'non', label: 'Non' },
        ],
      }),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ collectiveName: 'Tout le réseau', turnout: { eligible: 2 } });
    const id = r.json().id as string;
    expect((await as('membre1', { url: `/api/decisions/${id}` })).statusCode).toBe(404);
    const v = await as('coordination-vallee', { method: 'POST', url: `/api/decisions/${id}/votes`, payload: { optionIds: ['oui'] } });
    expect(v.statusCode, v.body).toBe(200);
  });
});
