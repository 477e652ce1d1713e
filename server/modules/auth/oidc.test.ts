import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUntil, startTestProvider } from '../../test/oidc-provider';
import { testApp } from '../../test/test-db';
import { create } from '../../test/fixtures';
import { insertAccounts } from '../accounts/account-queries';
import { hashPassword } from '../accounts/passwords';
import { safeReturnTo } from './return-to';

// The browser's view of Essaim in these tests: the provider redirects here.
const SITE = 'http://essaim.test';
const PASSWORD = 'Ruche-Essaim-Coopérative-2020!';

let provider: Awaited<ReturnType<typeof startTestProvider>>;
let t: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  provider = await startTestProvider({
    clientRedirectBase: SITE,
    users: {
      'agent-1': { email: 'Camille.Agent@interieur.gouv.fr', given_name: 'Camille', usual_name: 'Agent', siret: '13002526500013' },
      'agent-2': { email: 'dominique.existant@essaim.test', email_verified: true, given_name: 'Dominique', usual_name: 'Existant' },
      'agent-3': { email: 'claire.porteuse@essaim.test', given_name: 'Claire', usual_name: 'Porteuse' },
      'agent-4': { email: 'claire.porteuse@essaim.test', email_verified: true, given_name: 'Claire', usual_name: 'Porteuse' },
      'agent-5': { email: 'fiche.annuaire@essaim.test', given_name: 'Fiche', usual_name: 'Annuaire' },
      'agent-6': { email: 'autre.agent@interieur.gouv.fr', email_verified: true, given_name: 'Autre', usual_name: 'Agent' },
      'sans-mail': { email: '', given_name: 'Sans', usual_name: 'Courriel' },
    },
  });
  t = await testApp({
    publicUrl: SITE,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: 'openid email given_name usual_name siret',
      name: 'ProConnect',
    },
  });
}, 60_000);
afterAll(async () => {
  await t.close();
  await provider.close();
});

/** Start a sign-in as a browser: the provider URL and the state cookie Essaim set. */
async function start(returnTo?: string) {
  const r = await t.anonymous.inject({ url: `/api/auth/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}` });
  expect(r.statusCode, r.body).toBe(303);
  const stateCookie = r.cookies.find((c) => c.name === 'essaim_oidc');
  expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
  return { location: new URL(r.headers.location as string), cookie: `essaim_oidc=${stateCookie?.value}` };
}

/** Back from the provider to Essaim's callback, with or without the browser's state cookie. */
async function callback(url: string, cookie?: string) {
  const u = new URL(url);
  return t.anonymous.inject({ url: `${u.pathname}${u.search}`, headers: cookie ? { cookie } : {} });
}

async function signIn(sub: string, returnTo?: string) {
  provider.signInAs(sub);
  const s = await start(returnTo);
  const back = await followUntil(s.location.href, `${SITE}/api/auth/oidc/callback`);
  const r = await callback(back, s.cookie);
  const session = r.cookies.find((c) => c.name === 'essaim_session');
  return { r, session: session ? `essaim_session=${session.value}` : undefined };
}

describe('OpenID Connect sign-in (ProConnect)', () => {
  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const { location } = await start();
    expect(location.origin).toBe(provider.issuer);
    const p = location.searchParams;
    expect(p.get('client_id')).toBe('essaim');
    expect(p.get('redirect_uri')).toBe(`${SITE}/api/auth/oidc/callback`);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('scope')).toBe('openid email given_name usual_name siret');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(p.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect((await t.anonymous.inject('/api/auth/providers')).json()).toEqual({
      password: true,
      magicLink: true,
      oidc: { name: 'ProConnect', start: '/api/auth/oidc/start' },
    });
  });

  it('creates an account without roles for a new agent, keeps the SIRET, and returns where the sign-in began', async () => {
    const { r, session } = await signIn('agent-1', '/projets?q=velo');
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/projets?q=velo');
    const me = await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: session as string } });
    // No directory person has this e-mail: the name is the provider's given_name and usual_name.
    expect(me.json()).toMatchObject({ email: 'camille.agent@interieur.gouv.fr', name: 'Camille Agent', roles: [], csrfToken: expect.any(String) });
    const identity = await t.db.selectFrom('account_identities').selectAll().where('subject', '=', 'agent-1').executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ issuer: provider.issuer, account_id: me.json().id, siret: '13002526500013', name: 'Camille Agent' });
    // A second sign-in finds the same account through the identity.
    const again = await signIn('agent-1');
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: again.session as string } })).json().id).toBe(me.json().id);
    expect(await t.db.selectFrom('accounts').select('id').where('email', '=', 'camille.agent@interieur.gouv.fr').execute()).toHaveLength(1);
    // Its creation is in the audit trail.
    const audit = await t.app.inject({ url: `/api/audit?entity=account&record=${me.json().id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'create', entity: 'account' });
  });

  it('never links a ProConnect identity to a national-team account by e-mail, even vouched for: the admin confirms from their account (issue 10.12)', async () => {
    const person = await create(t.app, 'people', { firstName: 'Dominique', lastName: 'Existant', email: 'dominique.existant@essaim.test' });
    await insertAccounts(t.db, [
      { email: 'dominique.existant@essaim.test', passwordHash: await hashPassword(PASSWORD), personId: person.id, roles: [{ role: 'admin' }] },
    ]);
    const refused = await signIn('agent-2');
    expect(refused.r.headers.location).toBe('/connexion?erreur=oidc_link');
    expect(refused.session).toBeUndefined();
    expect(await t.db.selectFrom('account_identities').select('subject').where('subject', '=', 'agent-2').execute()).toEqual([]);

    // Signed in with the password, the admin links the identity: the provider confirms who they are there.
    const login = await t.anonymous.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'dominique.existant@essaim.test', password: PASSWORD },
    });
    const headers = { cookie: `essaim_session=${login.cookies.find((c) => c.name === 'essaim_session')?.value}`, 'x-csrf-token': login.json().csrfToken };
    expect((await t.anonymous.inject({ method: 'POST', url: '/api/auth/oidc/link', headers: { cookie: headers.cookie } })).statusCode).toBe(403);
    provider.signInAs('agent-2');
    const link = await t.anonymous.inject({ method: 'POST', url: '/api/auth/oidc/link', headers });
    expect(link.statusCode, link.body).toBe(200);
    const stateCookie = `essaim_oidc=${link.cookies.find((c) => c.name === 'essaim_oidc')?.value}`;
    const back = await followUntil(link.json().redirectTo, `${SITE}/api/auth/oidc/callback`);
    const linked = await callback(back, stateCookie);
    expect(linked.headers.location).toBe('/compte?lien=proconnect');
    // From now on ProConnect signs the admin in.
    const { session } = await signIn('agent-2');
    const me = (await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: session as string } })).json();
    expect(me).toMatchObject({ email: 'dominique.existant@essaim.test', name: 'Dominique Existant', personId: person.id, roles: [{ role: 'admin' }] });
    const audit = (await t.app.inject(`/api/audit?entity=account&record=${me.id}`)).json().items[0];
    expect(audit).toMatchObject({ actor: { kind: 'account', id: me.id }, after: { linkedIdentity: { issuer: provider.issuer } } });
  });

  it('links an existing account by e-mail only when the provider vouches for the address (issue 10.12)', async () => {
    const [id] = (await insertAccounts(t.db, [{ email: 'claire.porteuse@essaim.test', passwordHash: null, roles: [{ role: 'investor', scope: [] }] }])) as [
      string,
    ];
    // No email_verified in the claims (as ProConnect may send): refused, the account stays unlinked.
    const unverified = await signIn('agent-3');
    expect(unverified.r.headers.location).toBe('/connexion?erreur=oidc_link');
    expect(unverified.session).toBeUndefined();
    // Vouched for: linked, signed in with the account's roles.
    const { session } = await signIn('agent-4');
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: session as string } })).json()).toMatchObject({
      id,
      roles: [{ role: 'investor' }],
    });
    // A new account from an address nobody vouched for is not tied to the directory person bearing it.
    await create(t.app, 'people', { firstName: 'Fiche', lastName: 'Annuaire', email: 'fiche.annuaire@essaim.test' });
    const fresh = await signIn('agent-5');
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: fresh.session as string } })).json()).toMatchObject({
      email: 'fiche.annuaire@essaim.test',
      personId: null,
      roles: [],
    });
  });

  it('refuses to link an identity another account already holds, on the account page', async () => {
    await signIn('agent-6');
    await insertAccounts(t.db, [{ email: 'troisieme@essaim.test', passwordHash: await hashPassword(PASSWORD), roles: [] }]);
    const login = await t.anonymous.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'troisieme@essaim.test', password: PASSWORD } });
    const headers = { cookie: `essaim_session=${login.cookies.find((c) => c.name === 'essaim_session')?.value}`, 'x-csrf-token': login.json().csrfToken };
    provider.signInAs('agent-6');
    const link = await t.anonymous.inject({ method: 'POST', url: '/api/auth/oidc/link', headers });
    const back = await followUntil(link.json().redirectTo, `${SITE}/api/auth/oidc/callback`);
    const r = await callback(back, `essaim_oidc=${link.cookies.find((c) => c.name === 'essaim_oidc')?.value}`);
    expect(r.headers.location).toBe('/compte?erreur=oidc_taken');
    expect((await t.anonymous.inject({ method: 'POST', url: '/api/auth/oidc/link' })).statusCode).toBe(401);
  });

  it('refuses a callback without the browser’s state cookie, a replayed one, a denial and a forged code — and opens no session', async () => {
    provider.signInAs('agent-1');
    const s = await start();
    const back = await followUntil(s.location.href, `${SITE}/api/auth/oidc/callback`);
    const noCookie = await callback(back);
    expect(noCookie.headers.location).toBe('/connexion?erreur=oidc_state');
    expect(noCookie.cookies.find((c) => c.name === 'essaim_session')).toBeUndefined();
    // With the cookie the answer is taken, once: a replay is refused.
    expect((await callback(back, s.cookie)).headers.location).toBe('/');
    expect((await callback(back, s.cookie)).headers.location).toBe('/connexion?erreur=oidc_state');

    const denied = await start();
    const state = denied.location.searchParams.get('state');
    expect((await callback(`${SITE}/api/auth/oidc/callback?error=access_denied&state=${state}`, denied.cookie)).headers.location).toBe(
      '/connexion?erreur=oidc_denied',
    );

    const forged = await start();
    const forgedState = forged.location.searchParams.get('state');
    const r = await callback(`${SITE}/api/auth/oidc/callback?code=faux-code&state=${forgedState}&iss=${encodeURIComponent(provider.issuer)}`, forged.cookie);
    expect(r.headers.location).toBe('/connexion?erreur=oidc_failed');
    expect(r.cookies.find((c) => c.name === 'essaim_session')).toBeUndefined();
  });

  it('refuses an identity without an e-mail address', async () => {
    const { r, session } = await signIn('sans-mail');
    expect(r.headers.location).toBe('/connexion?erreur=oidc_email');
    expect(session).toBeUndefined();
  });

  it('ends the provider’s session too at logout', async () => {
    const { session } = await signIn('agent-1');
    const me = (await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: session as string } })).json();
    const out = await t.anonymous.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session as string, 'x-csrf-token': me.csrfToken } });
    expect(out.statusCode).toBe(200);
    const to = new URL(out.json().redirectTo);
    expect(to.origin).toBe(provider.issuer);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${SITE}/`);
    expect((await t.anonymous.inject({ url: '/api/auth/me', headers: { cookie: session as string } })).statusCode).toBe(401);
  });

  it('never redirects to another site after sign-in', () => {
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/\ta', '/\r\nSet-Cookie: x=1', undefined, ''])
      expect(safeReturnTo(bad)).toBe('/');
    for (const good of ['/', '/projets?q=velo&territory=departement:73', '/projets/abc#x']) expect(safeReturnTo(good)).toBe(good);
    // Spaces and letters beyond ASCII are kept, percent-encoded (a Location header is ASCII).
    expect(safeReturnTo('/a b')).toBe('/a%20b');
  });
});

describe('OpenID Connect not configured, or its provider down', () => {
  it('says so clearly', async () => {
    const plain = await testApp();
    try {
      expect((await plain.anonymous.inject('/api/auth/providers')).json().oidc).toBeNull();
      const r = await plain.anonymous.inject('/api/auth/oidc/start');
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('oidc_disabled');
    } finally {
      await plain.close();
    }
    const down = await testApp({ oidc: { issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', scopes: 'openid email', name: 'ProConnect' } });
    try {
      const r = await down.anonymous.inject('/api/auth/oidc/start');
      expect(r.statusCode).toBe(503);
      expect(r.json().error).toMatchObject({ code: 'oidc_unavailable', message: expect.stringContaining('ProConnect ne répond pas') });
    } finally {
      await down.close();
    }
  });
});
