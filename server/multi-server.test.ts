import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './db/connection';
import { insertAccounts } from './modules/accounts/account-queries';
import { hashPassword } from './modules/accounts/passwords';
import { DEFAULT_SIGN_IN_LIMITS } from './modules/auth/sign-in-limits';
import { type ServerProcess, startServers } from './test/server-processes';
import { eventually, freshSiret, multipart } from './test/fixtures';
import { testDatabase, tokenAccount } from './test/test-db';

const url = process.env.TEST_DATABASE_URL;
const PASSWORD = 'Ruches-de-Figeac-2020';
const ADMIN = { authorization: 'Bearer essaim_deux-serveurs-equipe' };
const AGENT = { authorization: 'Bearer essaim_deux-serveurs-agent' };

const get = async (base: string, path: string, headers: Record<string, string>) => {
  const r = await fetch(`${base}${path}`, { headers });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> & { items: Array<Record<string, unknown>> } };
};

async function login(base: string, email: string, password: string) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] as string, body: (await r.json()) as Record<string, unknown> };
}

/** Failed sign-ins on one e-mail, each sent to the next server in turn, until the first 429: how many failures it took. */
async function failuresUntilLocked(servers: ServerProcess[], email: string) {
  for (let i = 0; i < 50; i++) {
    const r = await login((servers[i % servers.length] as ServerProcess).base, email, 'pas-le-bon-mot-de-passe');
    if (r.status === 429) return { failures: i, code: (r.body.error as { code: string }).code };
    expect(r.status).toBe(401);
  }
  throw new Error('jamais bloqué');
}

/**
 * Several servers behind a load balancer share one PostgreSQL and nothing
 * else: what one server learns (a session, failed sign-ins) the others know.
 * Real processes (`essaim serve`), as in production. Only on PostgreSQL: the
 * embedded database is one process's.
 */
describe.skipIf(!url)('two servers on one PostgreSQL', () => {
  let database: OpenDatabase;
  let cluster: Awaited<ReturnType<typeof startServers>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let agentId: string;
  beforeAll(async () => {
    database = await testDatabase();
    const hash = await hashPassword(PASSWORD);
    await insertAccounts(
      database.db,
      ['deux.serveurs@essaim.test', 'un.serveur@essaim.test', 'reparti@essaim.test'].map((email) => ({
        email,
        passwordHash: hash,
        roles: [{ role: 'admin' as const }],
      })),
    );
    await tokenAccount(database.db, { email: 'equipe.deux@essaim.test', roles: [{ role: 'admin' }], token: ADMIN.authorization.slice(7) });
    agentId = await tokenAccount(database.db, { email: 'agent.deux@essaim.test', roles: [], token: AGENT.authorization.slice(7) });
    cluster = await startServers(2, url as string);
    [a, b] = cluster.servers as [ServerProcess, ServerProcess];
  }, 120_000);
  afterAll(async () => {
    await cluster?.stopAll();
    await database?.close();
  });

  it('a session opened on one server is valid on the other, and closed on both by a sign-out on either', async () => {
    const opened = await login(a.base, 'deux.serveurs@essaim.test', PASSWORD);
    expect(opened.status).toBe(200);
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie: opened.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('deux.serveurs@essaim.test');
    // A write through the other server with the session's CSRF token.
    const csrf = opened.body.csrfToken as string;
    const token = await fetch(`${b.base}/api/auth/tokens`, {
      method: 'POST',
      headers: { cookie: opened.cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'écrit par le serveur B' }),
    });
    expect(token.status).toBe(201);
    const out = await fetch(`${b.base}/api/auth/logout`, { method: 'POST', headers: { cookie: opened.cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie: opened.cookie } })).status).toBe(401);
  });

  it('failed sign-ins spread over both servers lock the e-mail at the same total as on one server', async () => {
    // Both in parallel (distinct e-mails; one client address, far below its own limit).
    const [oneServer, twoServers] = await Promise.all([failuresUntilLocked([a], 'un.serveur@essaim.test'), failuresUntilLocked([a, b], 'reparti@essaim.test')]);
    expect(oneServer).toEqual({ failures: DEFAULT_SIGN_IN_LIMITS.failuresPerEmail, code: 'email_locked' });
    expect(twoServers).toEqual(oneServer);
    // Locked on both, whichever took the failures.
    for (const s of [a, b]) expect((await login(s.base, 'reparti@essaim.test', PASSWORD)).status).toBe(429);
  }, 90_000);

  it('a notification created through one server is listed and marked read through the other', async () => {
    const grant = await fetch(`${a.base}/api/accounts/${agentId}/roles`, {
      method: 'PUT',
      headers: { ...ADMIN, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: [{ role: 'advisor' }] }),
    });
    expect(grant.status).toBe(200);
    const unread = await get(b.base, '/api/notifications?unread=true', AGENT);
    expect(unread.body).toMatchObject({ unread: 1, items: [{ category: 'roles' }] });
    const read = await fetch(`${b.base}/api/notifications/${unread.body.items[0]?.id}/read`, { method: 'POST', headers: AGENT });
    expect(read.status).toBe(204);
    expect((await get(a.base, '/api/notifications?unread=true', AGENT)).body.unread).toBe(0);
  });

  it('a job enqueued through one server runs once, whichever server takes it', async () => {
    const count = async () => (await get(b.base, '/api/organisations?pageSize=1', ADMIN)).body.total as number;
    const before = await count();
    const csv = ['Nom;SIRET;Type;ESS', ...Array.from({ length: 1001 }, (_, i) => `Recyclerie n° ${i + 1};${freshSiret()};ess_structure;oui`)].join('\n');
    const upload = multipart('deux-serveurs.csv', new TextEncoder().encode(csv));
    const started = await fetch(`${a.base}/api/import/organisations`, { method: 'POST', headers: { ...ADMIN, ...upload.headers }, body: upload.payload });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    // Both servers work the queue: followed through the other one until it ends.
    const job = await eventually(async () => {
      const j = (await get(b.base, `/api/jobs/${jobId}`, ADMIN)).body;
      return j.state === 'completed' && j;
    }, 120_000);
    expect(job.result).toMatchObject({ imported: 1001, created: 1001 });
    expect(await count()).toBe(before + 1001);
    // Its author is told once.
    const told = (await get(a.base, '/api/notifications', ADMIN)).body.items.filter((n) => n.link === `/import?tache=${jobId}`);
    expect(told).toHaveLength(1);
  }, 180_000);

  it('each server is ready, and tells its own figures', async () => {
    for (const s of [a, b]) {
      expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${s.base}/metrics`)).text();
      expect(metrics).toMatch(/essaim_db_pool_max 10/);
    }
  });
});
