import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeps, buildApp } from '../../app';
import { readConfig } from '../../config';
import { testApp } from '../../test/test-db';
import { insertAccounts } from '../accounts/account-queries';
import { hashPassword } from '../accounts/passwords';
import { clientOf } from './sign-in-limits';

// Issue 10.7: failed sign-ins are limited per e-mail and per client address,
// in the database; successful ones are not counted.
const PASSWORD = 'Ruche-Essaim-Coopérative-2020!';

let t: Awaited<ReturnType<typeof testApp>>;
const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
beforeAll(async () => {
  t = await testApp();
  const passwordHash = await hashPassword(PASSWORD);
  await insertAccounts(
    t.db,
    ['alice', 'bruno', 'chloe', 'david', 'emma', 'farid'].map((n) => ({ email: `${n}@limites.essaim.test`, passwordHash, roles: [] })),
  );
}, 120_000);
afterAll(async () => {
  for (const a of apps) await a.close();
  await t.close();
});

/** A server of the site on the shared test database (several may run side by side). */
async function server(deps: Omit<Partial<AppDeps>, 'db'> = {}) {
  const app = await buildApp({ db: t.db, ...deps });
  apps.push(app);
  return app;
}

type App = Awaited<ReturnType<typeof server>>;
const signIn = (app: App, email: string, password: string, from: { remoteAddress?: string; forwardedFor?: string } = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    ...(from.remoteAddress ? { remoteAddress: from.remoteAddress } : {}),
    headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
  });

describe('sign-in limits (issue 10.7)', () => {
  it('successful sign-ins are not counted: a dozen in a row from one address all succeed', async () => {
    const app = await server();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await signIn(app, 'alice@limites.essaim.test', PASSWORD, { remoteAddress: '192.0.2.10' })).statusCode);
    expect(codes).toEqual(Array(12).fill(200));
  });

  it('behind a trusted proxy, one client’s failures never refuse another client’s correct password', async () => {
    const app = await server({ trustProxy: ['10.0.0.1'] });
    const proxy = '10.0.0.1';
    // One client, through the proxy, tries wrong passwords on many e-mails until refused.
    const attacker: number[] = [];
    for (let i = 0; i < 32; i++)
      attacker.push((await signIn(app, `inconnu-${i}@limites.essaim.test`, 'faux', { remoteAddress: proxy, forwardedFor: '203.0.113.5' })).statusCode);
    expect(attacker.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(attacker.slice(30)).toEqual([429, 429]);
    const refused = await signIn(app, 'bruno@limites.essaim.test', PASSWORD, { remoteAddress: proxy, forwardedFor: '203.0.113.5' });
    expect(refused.json().error).toMatchObject({ code: 'too_many_attempts', message: expect.stringMatching(/adresse réseau.*réessayez/) });
    // Another client, through the same proxy, signs in.
    const other = await signIn(app, 'bruno@limites.essaim.test', PASSWORD, { remoteAddress: proxy, forwardedFor: '198.51.100.7' });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('believes X-Forwarded-For only when TRUST_PROXY says so', async () => {
    const app = await server({ signInLimits: { failuresPerAddress: 5 } });
    const codes: number[] = [];
    // Without a trusted proxy, a forged header does not make a new client.
    for (let i = 0; i < 7; i++)
      codes.push((await signIn(app, `forge-${i}@limites.essaim.test`, 'faux', { remoteAddress: '192.0.2.66', forwardedFor: `198.51.100.${i}` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);

    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'loopback']);
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    // A hop count: the client is the address the nearest proxy saw.
    const hop = await server({ trustProxy: 1, signInLimits: { failuresPerAddress: 1 } });
    expect((await signIn(hop, 'x@limites.essaim.test', 'faux', { remoteAddress: '10.0.0.1', forwardedFor: '198.51.100.200' })).statusCode).toBe(401);
    expect((await signIn(hop, 'x@limites.essaim.test', 'faux', { remoteAddress: '10.0.0.1', forwardedFor: '198.51.100.200' })).statusCode).toBe(429);
    expect((await signIn(hop, 'chloe@limites.essaim.test', PASSWORD, { remoteAddress: '10.0.0.1', forwardedFor: '198.51.100.201' })).statusCode).toBe(200);
  });

  it('an e-mail locked by failures from many addresses refuses even its password, says why, and still signs in by magic link', async () => {
    const mails: Array<{ text: string }> = [];
    const app = await server({ signInLimits: { failuresPerEmail: 4 }, publicUrl: 'https://essaim.example.fr', mailer: async (m) => void mails.push(m) });
    for (let i = 0; i < 4; i++)
      expect((await signIn(app, 'david@limites.essaim.test', `faux-${i}`, { remoteAddress: `192.0.2.${100 + i}` })).statusCode).toBe(401);
    const locked = await signIn(app, 'DAVID@limites.essaim.test', PASSWORD, { remoteAddress: '192.0.2.200' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'email_locked', message: expect.stringMatching(/lien reçu par e-mail/) });
    // The same addresses sign others in.
    expect((await signIn(app, 'emma@limites.essaim.test', PASSWORD, { remoteAddress: '192.0.2.100' })).statusCode).toBe(200);
    // The magic link opens David's session.
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/magic-link', remoteAddress: '192.0.2.200', payload: { email: 'david@limites.essaim.test' } }))
        .statusCode,
    ).toBe(202);
    const link = /https:\/\/essaim\.example\.fr(\/api\/auth\/magic-link\/callback\?\S+)/.exec(mails[0]?.text ?? '')?.[1] as string;
    const follow = await app.inject({ url: link });
    expect(follow.statusCode).toBe(303);
    const cookie = follow.cookies.find((c) => c.name === 'essaim_session');
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: `essaim_session=${cookie?.value}` } })).json().email).toBe('david@limites.essaim.test');
  });

  it('every server shares the counters and the growing delay (they are in the database)', async () => {
    const one = await server({ signInLimits: { failuresPerEmail: 3 } });
    const two = await server({ signInLimits: { failuresPerEmail: 3 } });
    expect((await signIn(one, 'farid@limites.essaim.test', 'faux-1')).statusCode).toBe(401);
    expect((await signIn(one, 'farid@limites.essaim.test', 'faux-2')).statusCode).toBe(401);
    // The third failure, on the other server, waits as a third one: 200 ms.
    const t0 = performance.now();
    expect((await signIn(two, 'farid@limites.essaim.test', 'faux-3')).statusCode).toBe(401);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
    expect((await signIn(two, 'farid@limites.essaim.test', PASSWORD)).statusCode).toBe(429);
    expect((await signIn(one, 'farid@limites.essaim.test', PASSWORD)).statusCode).toBe(429);
    // Magic-link requests too: the third for an address, wherever asked, waits 200 ms.
    await one.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'lent@limites.essaim.test' } });
    await one.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'lent@limites.essaim.test' } });
    const t1 = performance.now();
    await two.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'lent@limites.essaim.test' } });
    expect(performance.now() - t1).toBeGreaterThanOrEqual(190);
  });

  it('counts an IPv6 client by its /64', () => {
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe(clientOf('2001:db8:1:2:bbbb::2'));
    expect(clientOf('2001:db8:1:2::1')).not.toBe(clientOf('2001:db8:1:3::1'));
    expect(clientOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });
});
