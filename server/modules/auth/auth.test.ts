import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { demoApp } from '../../test/test-db';
import { assertStrongPassword } from '../accounts/passwords';
import { safeReturnTo } from './return-to';

let t: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  t = await demoApp();
}, 180_000);
afterAll(() => t.close());

const login = (email: string, password = 'essaim-demo-2020') => t.anonymous.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const cookieOf = (r: Awaited<ReturnType<typeof login>>) => {
  const c = r.cookies.find((x) => x.name === 'essaim_session');
  return c ? `essaim_session=${c.value}` : '';
};

describe('sign-in, sessions and tokens', () => {
  it('signs the demo accounts in and tells who they are', async () => {
    const r = await login('Coordination.Figeac@essaim.test');
    expect(r.statusCode, r.body).toBe(200);
    const cookie = r.cookies.find((c) => c.name === 'essaim_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: cookieOf(r) } });
    expect(me.json()).toMatchObject({
      email: 'coordination.figeac@essaim.test',
      roles: [{ role: 'coordinator', scope: [expect.any(String)] }],
      csrfToken: r.json().csrfToken,
      creatable: ['projects'],
      canImport: false,
    });
    expect((await t.anonymous.inject({ url: '/api/auth/session', headers: { cookie: cookieOf(r) } })).json().account).toEqual(me.json());
  });

  it('answers the same to a wrong password and an unknown e-mail', async () => {
    const wrong = await login('equipe@essaim.test', 'pas-le-bon');
    const unknown = await login('personne@essaim.test');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    // The same answer but for the request's own reference.
    expect({ ...wrong.json().error, requestId: undefined }).toEqual({ ...unknown.json().error, requestId: undefined });
    expect((await t.anonymous.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.anonymous.inject({ url: '/api/auth/session' })).json()).toEqual({ account: null });
  });

  it('requires the CSRF token on writes made with the session cookie', async () => {
    const r = await login('equipe@essaim.test');
    const cookie = cookieOf(r);
    const body = { name: 'Structure CSRF', kind: 'ess_structure' };
    const without = await t.anonymous.inject({ method: 'POST', url: '/api/organisations', payload: body, headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('forbidden');
    const forged = await t.anonymous.inject({ method: 'POST', url: '/api/organisations', payload: body, headers: { cookie, 'x-csrf-token': 'faux' } });
    expect(forged.statusCode).toBe(403);
    const ok = await t.anonymous.inject({ method: 'POST', url: '/api/organisations', payload: body, headers: { cookie, 'x-csrf-token': r.json().csrfToken } });
    expect(ok.statusCode, ok.body).toBe(201);
    // The audit trail names the account.
    const { readAudit } = await import('../audit/audit-service');
    const { systemActor } = await import('../../policies/actor');
    const [entry] = await readAudit(t.db, systemActor, { limit: 1, record: ok.json().id });
    expect(entry?.actor).toEqual({ kind: 'account', id: r.json().id });
  });

  it('creates, uses and revokes personal API tokens, exempt from CSRF', async () => {
    const r = await login('financeur@essaim.test');
    const headers = { cookie: cookieOf(r), 'x-csrf-token': r.json().csrfToken };
    const created = await t.anonymous.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'script' }, headers });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^essaim_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: bearer })).json()).toMatchObject({ email: 'financeur@essaim.test', csrfToken: null });
    // An investor writes the funds of their own manager, and only those.
    const manager = (await t.anonymous.inject({ url: '/api/auth/me', headers: bearer })).json().roles[0].scope[0];
    const own = (await t.anonymous.inject({ url: `/api/funds?manager=${manager}` })).json().items[0];
    const other = (await t.anonymous.inject({ url: '/api/funds?pageSize=100' })).json().items.find((f: { managerId: string }) => f.managerId !== manager);
    expect(
      (await t.anonymous.inject({ method: 'PATCH', url: `/api/funds/${own.id}`, payload: { description: 'Mis à jour' }, headers: bearer })).statusCode,
    ).toBe(200);
    expect((await t.anonymous.inject({ method: 'PATCH', url: `/api/funds/${other.id}`, payload: { description: 'Non' }, headers: bearer })).statusCode).toBe(
      403,
    );
    expect((await t.anonymous.inject({ method: 'POST', url: '/api/themes', payload: { code: 'jeton', label: 'Jeton' }, headers: bearer })).statusCode).toBe(
      403,
    );
    const list = await t.anonymous.inject({ url: '/api/auth/tokens', headers: bearer });
    expect(list.json().items[0]).toMatchObject({ id, name: 'script', revokedAt: null, lastUsedAt: expect.any(String) });
    expect((await t.anonymous.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: bearer })).statusCode).toBe(204);
    const revoked = await t.anonymous.inject({ url: '/api/auth/me', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('invalid_token');
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const r = await login('operateur@essaim.test');
    const headers = { cookie: cookieOf(r), 'x-csrf-token': r.json().csrfToken };
    const out = await t.anonymous.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ redirectTo: null });
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('refuses weak passwords with a French reason', () => {
    expect(() => assertStrongPassword('motdepasse1')).toThrow(/trop faible/);
    expect(() => assertStrongPassword('court')).toThrow(/trop court/);
    expect(() => assertStrongPassword('Ruche-Essaim-Coopérative-2020!')).not.toThrow();
  });
});

describe('any sign-in attempt', () => {
  it('never gets a 5xx', async () => {
    const { default: fc } = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ email: fc.string(), password: fc.string() }), fc.anything()), fc.string(), async (body, cookie) => {
        const r = await t.anonymous.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: JSON.stringify(body) ?? 'null',
          headers: { 'content-type': 'application/json', cookie: `essaim_session=${encodeURIComponent(cookie)}` },
        });
        expect(r.statusCode, r.body).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

describe('who may write what', () => {
  it('asks visitors to sign in, and keeps coordinators to their collective', async () => {
    const anon = await t.anonymous.inject({ method: 'POST', url: '/api/organisations', payload: { name: 'X', kind: 'ess_structure' } });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('unauthorized');
    const r = await login('coordination.chambery@essaim.test');
    const headers = { cookie: cookieOf(r), 'x-csrf-token': r.json().csrfToken };
    const mine = (await t.anonymous.inject({ url: '/api/projects?q=materio' })).json().items[0];
    const theirs = (await t.anonymous.inject({ url: '/api/projects?q=voisiwatt' })).json().items[0];
    const ok = await t.anonymous.inject({
      method: 'PATCH',
      url: `/api/projects/${mine.id}`,
      payload: { summary: 'Réemploi des matériaux du BTP à Chambéry.' },
      headers,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const no = await t.anonymous.inject({ method: 'PATCH', url: `/api/projects/${theirs.id}`, payload: { summary: 'Non.' }, headers });
    expect(no.statusCode).toBe(403);
    // Nor may a project leave the collective for one out of reach.
    const moved = await t.anonymous.inject({ method: 'PATCH', url: `/api/projects/${mine.id}`, payload: { collectiveId: theirs.collectiveId }, headers });
    expect(moved.statusCode).toBe(403);
  });
});

describe('what visitors see', () => {
  it('hides contact details and funding from visitors only', async () => {
    const p = (await t.anonymous.inject({ url: '/api/people?advisor=true&pageSize=1' })).json().items[0];
    expect(p).toMatchObject({ email: null, phone: null });
    const signedIn = (await t.app.inject({ url: `/api/people/${p.id}` })).json();
    expect(signedIn.email).toMatch(/@/);
    const project = (await t.anonymous.inject({ url: '/api/projects?q=voisiwatt' })).json().items[0];
    expect(project).toMatchObject({ fundingNeedEur: null, instruments: [] });
    expect((await t.app.inject({ url: `/api/projects/${project.id}` })).json().fundingNeedEur).toBe(300000);
    const csv = await t.anonymous.inject({ url: '/api/people?format=csv&advisor=true' });
    expect(csv.body).not.toMatch(/@accompagnement\.test/);
    // Nor can a visitor filter or sort on the hidden amounts to guess them.
    for (const query of ['minNeed=299000', 'maxNeed=300000', 'instrument=loan', 'sort=-fundingNeed', 'format=csv&minNeed=1']) {
      const r = await t.anonymous.inject({ url: `/api/projects?q=voisiwatt&${query}` });
      expect(r.statusCode, query).toBe(401);
      expect(r.json().error.message).toMatch(/Connectez-vous pour filtrer ou trier selon/);
    }
    expect((await t.app.inject({ url: '/api/projects?q=voisiwatt&minNeed=299000' })).json().total).toBe(1);
  });
});

describe('sign-in limits', () => {
  it('slows repeated failures on one e-mail (the limits themselves: sign-in-limits.test.ts)', async () => {
    const started = performance.now();
    for (let i = 0; i < 3; i++) expect((await login('equipe@essaim.test', `faux-${i}`)).statusCode).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50 + 100 + 200 - 20);
  });
});

describe('personal data', () => {
  it('lets a person download their data, and the national team erase them', async () => {
    const r = await login('hacker.public@essaim.test');
    const headers = { cookie: cookieOf(r), 'x-csrf-token': r.json().csrfToken };
    const data = await t.anonymous.inject({ url: '/api/auth/me/data', headers });
    expect(data.statusCode, data.body).toBe(200);
    expect(data.headers['content-disposition']).toMatch(/attachment/);
    const { person, account } = data.json();
    expect(account.email).toBe('hacker.public@essaim.test');
    expect(person).toMatchObject({ is_public_sponsor: true, email: expect.stringMatching(/@/) });
    expect((await t.anonymous.inject({ url: '/api/auth/me/data' })).statusCode).toBe(401);

    // Only the national team erases.
    expect((await t.anonymous.inject({ method: 'POST', url: `/api/people/${person.id}/anonymise`, headers })).statusCode).toBe(403);
    const sponsorsBefore = (await t.app.inject({ url: '/api/stats' })).json().publicSponsors;
    expect((await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/anonymise` })).statusCode).toBe(204);
    const erased = (await t.app.inject({ url: `/api/people/${person.id}` })).json();
    expect(erased).toMatchObject({ firstName: 'Personne', lastName: 'anonymisée', email: null, phone: null, titles: [], isPublicSponsor: true });
    // Aggregates stay true; the account can no longer sign in; the trail keeps the writes without the details.
    expect((await t.app.inject({ url: '/api/stats' })).json().publicSponsors).toBe(sponsorsBefore);
    expect((await login('hacker.public@essaim.test')).statusCode).toBe(401);
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
    const history = (await t.app.inject({ url: `/api/people/${person.id}/history` })).json().items;
    expect(history[0]).toMatchObject({ action: 'update', after: { anonymised: true } });
    expect((await t.app.inject({ method: 'POST', url: '/api/people/4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d/anonymise' })).statusCode).toBe(404);
  });
});

describe('erasure and the audit trail', () => {
  it('removes the personal details from the earlier entries too', async () => {
    const p = (
      await t.app.inject({ method: 'POST', url: '/api/people', payload: { firstName: 'Zoé', lastName: 'Secret', email: 'zoe.secret@example.org' } })
    ).json();
    await t.app.inject({ method: 'PATCH', url: `/api/people/${p.id}`, payload: { phone: '01 23 45 67 89' } });
    expect((await t.app.inject({ method: 'POST', url: `/api/people/${p.id}/anonymise` })).statusCode).toBe(204);
    const history = (await t.app.inject({ url: `/api/people/${p.id}/history` })).json().items;
    expect(history).toHaveLength(3);
    expect(JSON.stringify(history)).not.toMatch(/Secret|zoe\.secret|45 67/);
  });
});

describe('magic links', () => {
  it('sends a one-time link that opens a session, and says the same for unknown addresses', async () => {
    const { buildApp } = await import('../../app');
    const mails: Array<{ to: string; subject: string; text: string }> = [];
    const app = await buildApp({
      db: t.db,
      signInLimits: { failuresPerAddress: 1000 },
      publicUrl: 'https://essaim.example.fr',
      mailer: async (m) => void mails.push(m),
    });
    const ask = (email: string) => app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } });
    const known = await ask('Porteur.VoisiWATT@essaim.test');
    const unknown = await ask('personne@essaim.test');
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toBe('porteur.voisiwatt@essaim.test');
    const link = /https:\/\/essaim\.example\.fr(\/api\/auth\/magic-link\/callback\?token=\S+)/.exec(mails[0]?.text ?? '')?.[1] as string;
    const follow = await app.inject({ url: link });
    expect(follow.statusCode).toBe(303);
    expect(follow.headers.location).toBe('/');
    const cookie = follow.cookies.find((c) => c.name === 'essaim_session');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `essaim_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({ email: 'porteur.voisiwatt@essaim.test', roles: [{ role: 'holder' }] });
    const again = await app.inject({ url: link });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_magic_link');
    expect((await app.inject({ url: '/api/auth/magic-link/callback?token=nimportequoi' })).statusCode).toBe(400);
    await app.close();
  });

  it('returns to the page where the link was asked for, never to another site', async () => {
    const { buildApp } = await import('../../app');
    const mails: Array<{ text: string }> = [];
    const app = await buildApp({
      db: t.db,
      signInLimits: { failuresPerAddress: 1000 },
      publicUrl: 'https://essaim.example.fr',
      mailer: async (m) => void mails.push(m),
    });
    const linkOf = (text: string) => /https:\/\/essaim\.example\.fr(\/api\/auth\/magic-link\/callback\?\S+)/.exec(text)?.[1] as string;
    await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'coordination.chambery@essaim.test', returnTo: '/projets?q=velo' } });
    expect((await app.inject({ url: linkOf(mails[0]?.text ?? '') })).headers.location).toBe('/projets?q=velo');
    await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'coordination.chambery@essaim.test', returnTo: '//evil.example' } });
    expect(linkOf(mails[1]?.text ?? '')).not.toMatch(/returnTo/);
    expect((await app.inject({ url: `${linkOf(mails[1]?.text ?? '')}&returnTo=${encodeURIComponent('https://evil.example')}` })).headers.location).toBe('/');
    await app.close();
  });

  it('mails one address at most three links a quarter of an hour, answering the same, each request slower', async () => {
    const { buildApp } = await import('../../app');
    const mails: unknown[] = [];
    const app = await buildApp({ db: t.db, signInLimits: { failuresPerAddress: 1000 }, mailer: async (m) => void mails.push(m) });
    const answers: string[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      answers.push((await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'financeur@essaim.test' } })).body);
      waits.push(performance.now() - t0);
    }
    expect(mails).toHaveLength(3);
    expect(new Set(answers).size).toBe(1);
    expect(waits[4]).toBeGreaterThan(700); // 50 · 2⁴ ms
    await app.close();
  });
});

describe('actions on each record', () => {
  it('tells each caller what they may do with a record', async () => {
    const r = await login('coordination.figeac@essaim.test');
    const headers = { cookie: cookieOf(r) };
    const figeac = (await t.anonymous.inject({ url: '/api/projects?q=tiers-lieu%20figeac', headers })).json().items[0];
    const other = (await t.anonymous.inject({ url: '/api/projects?q=voisiwatt', headers })).json().items[0];
    expect(figeac.actions).toEqual(['update', 'delete']);
    expect(other.actions).toEqual([]);
    expect((await t.anonymous.inject({ url: `/api/projects/${other.id}` })).json().actions).toEqual([]);
    expect((await t.app.inject({ url: `/api/projects/${other.id}` })).json().actions).toEqual(['update', 'delete']);
  });
});

describe('erasure leaves no way back (issue 10.6)', () => {
  it('erasing a person revokes their pending magic link, roles, ProConnect identity and tokens, and scrubs their e-mail from the whole trail', async () => {
    const { buildApp } = await import('../../app');
    const { accountService } = await import('../accounts/account-service');
    const { systemActor } = await import('../../policies/actor');
    const { insertIdentity } = await import('./oidc-queries');
    const email = 'erwan.efface@example.org';
    const person = (
      await t.app.inject({ method: 'POST', url: '/api/people', payload: { firstName: 'Erwan', lastName: 'Effacé', email, phone: '06 12 34 56 78' } })
    ).json();
    // An account of the national team, tied to the person, created and granted through the audited service.
    const account = await accountService(t.db).create(systemActor, { email, password: 'Ruche-Essaim-Coopérative-2020!', roles: [{ role: 'admin' }] });
    expect(account).toMatchObject({ personId: person.id, roles: [{ role: 'admin' }] });
    await insertIdentity(t.db, { issuer: 'https://proconnect.example', subject: 'sub-erwan', accountId: account.id, siret: null, name: 'Erwan Effacé' });
    const { insertOidcLogin } = await import('./oidc-queries');
    await insertOidcLogin(t.db, {
      stateHash: 'etat-erwan',
      codeVerifier: 'v',
      nonce: 'n',
      returnTo: '/compte',
      expiresAt: new Date(Date.now() + 600_000),
      linkAccountId: account.id,
    });

    const mails: Array<{ text: string }> = [];
    const app = await buildApp({ db: t.db, publicUrl: 'https://essaim.example.fr', mailer: async (m) => void mails.push(m) });
    await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } });
    const link = /https:\/\/essaim\.example\.fr(\/api\/auth\/magic-link\/callback\?\S+)/.exec(mails[0]?.text ?? '')?.[1] as string;
    expect(link).toBeDefined();
    const session = await login(email, 'Ruche-Essaim-Coopérative-2020!');
    expect(session.statusCode).toBe(200);
    const headers = { cookie: cookieOf(session), 'x-csrf-token': session.json().csrfToken };
    const token = (await t.anonymous.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'script' }, headers })).json().token;

    expect((await t.app.inject({ method: 'POST', url: `/api/people/${person.id}/anonymise` })).statusCode).toBe(204);

    // The link mailed before the erasure no longer opens a session.
    const follow = await app.inject({ url: link });
    expect(follow.statusCode).toBe(400);
    expect(follow.cookies.find((c) => c.name === 'essaim_session')).toBeUndefined();
    await app.close();
    expect((await login(email, 'Ruche-Essaim-Coopérative-2020!')).statusCode).toBe(401);
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    // No role left, no ProConnect identity: the provider's next sign-in cannot land in this account.
    const erased = (await t.app.inject(`/api/accounts/${account.id}`)).json();
    expect(erased).toMatchObject({ roles: [], identities: [], email: expect.stringMatching(/@essaim\.invalid$/) });
    expect(await t.db.selectFrom('account_identities').select('subject').where('account_id', '=', account.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('oidc_logins').select('state_hash').where('link_account_id', '=', account.id).execute()).toEqual([]);
    // The trail about the account and the person keeps its entries, without the e-mail, name or phone.
    const trail = [
      ...(await t.app.inject(`/api/audit?entity=account&record=${account.id}`)).json().items,
      ...(await t.app.inject(`/api/people/${person.id}/history`)).json().items,
    ];
    expect(trail.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(trail)).not.toMatch(/erwan|Effacé|56 78/i);
    const quoting = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where(sql<boolean>`(coalesce(before::text, '') || coalesce(after::text, '')) ilike '%erwan.efface%'`)
      .execute();
    expect(quoting).toEqual([]);
    expect(trail.find((e: { entity: string; after: { anonymised?: boolean } }) => e.entity === 'account' && e.after?.anonymised)).toMatchObject({
      before: { roles: [{ role: 'admin' }] },
      after: { roles: [] },
    });
  });
});

describe('magic-link callback with any returnTo (issue 10.10)', () => {
  it('a returnTo with non-Latin-1 characters signs in and redirects to it percent-encoded; a bad one goes home, never wasting the link', async () => {
    const { buildApp } = await import('../../app');
    const mails: Array<{ text: string }> = [];
    const app = await buildApp({ db: t.db, publicUrl: 'https://essaim.example.fr', mailer: async (m) => void mails.push(m) });
    const linkOf = (i: number) => /https:\/\/essaim\.example\.fr(\/api\/auth\/magic-link\/callback\?\S+)/.exec(mails[i]?.text ?? '')?.[1] as string;
    const signedIn = async (r: Awaited<ReturnType<typeof app.inject>>) => {
      const c = r.cookies.find((x) => x.name === 'essaim_session');
      return (await app.inject({ url: '/api/auth/me', headers: { cookie: `essaim_session=${c?.value}` } })).json().email;
    };
    const ask = (returnTo?: string) =>
      app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'coordination.figeac@essaim.test', returnTo } });

    // Asked from a page whose address holds characters beyond Latin-1.
    await ask('/projets?q=économie 日本€');
    const first = await app.inject({ url: linkOf(0) });
    expect(first.statusCode, first.body).toBe(303);
    expect(first.headers.location).toBe('/projets?q=%C3%A9conomie%20%E6%97%A5%E6%9C%AC%E2%82%AC');
    expect(await signedIn(first)).toBe('coordination.figeac@essaim.test');

    // The same characters added to the link by hand.
    await ask();
    const second = await app.inject({ url: `${linkOf(1)}&returnTo=${encodeURIComponent('/carte/€?x=\u{1F41D}')}` });
    expect(second.statusCode, second.body).toBe(303);
    expect(second.headers.location).toBe('/carte/%E2%82%AC?x=%F0%9F%90%9D');
    expect(await signedIn(second)).toBe('coordination.figeac@essaim.test');

    // A returnTo that is no page of this site, or far too long: home, signed in.
    await ask();
    const third = await app.inject({ url: `${linkOf(2)}&returnTo=${encodeURIComponent(`/${'€'.repeat(600)}`)}` });
    expect(third.statusCode, third.body).toBe(303);
    expect(third.headers.location).toBe('/');
    expect(await signedIn(third)).toBe('coordination.figeac@essaim.test');
    await app.close();
  });

  it('never lets a returnTo lead to another site, once encoded', () => {
    for (const bad of ['/\t/evil.example', '/\n/evil.example', '/%2F/evil.example'.replace('%2F', '/'), '/\\evil.example', '/\u3000/evil.example']) {
      const to = safeReturnTo(bad);
      expect(new URL(to, 'https://essaim.example.fr').host, JSON.stringify(bad)).toBe('essaim.example.fr');
    }
    expect(safeReturnTo('/projets/é')).toBe('/projets/%C3%A9');
    expect(safeReturnTo('/projets?q=a%20b')).toBe('/projets?q=a%20b');
  });
});
