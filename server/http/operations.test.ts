import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/test-db';
import { Readiness } from './operations';

describe('operations: /healthz, /readyz, /metrics, request ids', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let moduleUp = true;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    // A module's own check, registered as the job queue registers its own.
    const readiness = new Readiness().add({
      name: 'annuaire',
      check: async () => {
        if (!moduleUp) throw new Error('annuaire arrêté');
      },
    });
    t = await testApp({ readiness, logger: { level: 'info', stream }, poolStats: () => ({ max: 1, total: 1, idle: 1, waiting: 0 }) });
  });
  afterAll(() => t?.close());

  it('/healthz answers while the process lives, with nothing to read', async () => {
    const r = await t.anonymous.inject('/healthz');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ready with the database migrated and every registered check passing, 503 without detail otherwise', async () => {
    expect((await t.anonymous.inject('/readyz')).json()).toEqual({ status: 'ok' });
    moduleUp = false;
    const down = await t.anonymous.inject('/readyz');
    expect(down.statusCode).toBe(503);
    expect(down.body).toBe(JSON.stringify({ status: 'unavailable' }));
    expect(down.body).not.toContain('annuaire');
    // The cause is in the log, for the operator.
    expect(lines.some((l) => l.msg === 'not ready' && JSON.stringify(l.failed).includes('annuaire arrêté'))).toBe(true);
    moduleUp = true;
    expect((await t.anonymous.inject('/readyz')).statusCode).toBe(200);
  });

  it('/readyz is not ready while the database has a migration this code does not know', async () => {
    await sql`insert into essaim_migrations (name, timestamp) values ('29991231T000000_from_a_newer_version', now()::text)`.execute(t.db);
    try {
      expect((await t.anonymous.inject('/readyz')).statusCode).toBe(503);
    } finally {
      await sql`delete from essaim_migrations where name = '29991231T000000_from_a_newer_version'`.execute(t.db);
    }
    expect((await t.anonymous.inject('/readyz')).statusCode).toBe(200);
  });

  it('/metrics gives Prometheus figures by route pattern and status, the pool and the process, to the loopback', async () => {
    const list = await t.anonymous.inject('/api/projects?pageSize=1');
    expect(list.statusCode).toBe(200);
    await t.anonymous.inject('/api/projects/00000000-0000-4000-8000-000000000000');
    const r = await t.anonymous.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(/essaim_http_request_duration_seconds_count\{method="GET",route="\/api\/projects",status="200"\} 1/);
    // The pattern, not the path: one series for every record.
    expect(r.body).toMatch(/essaim_http_request_duration_seconds_count\{method="GET",route="\/api\/projects\/:id",status="404"\} 1/);
    expect(r.body).not.toContain('00000000-0000-4000');
    expect(r.body).toContain('essaim_db_pool_total 1');
    expect(r.body).toContain('essaim_db_pool_waiting 0');
    expect(r.body).toContain('essaim_ready{check="migrations"} 1');
    expect(r.body).toContain('essaim_ready{check="queue"} 1');
    expect(r.body).toContain('essaim_ready{check="annuaire"} 1');
    expect(r.body).toContain('process_cpu_user_seconds_total');
    expect(r.body).toContain('nodejs_eventloop_lag_seconds');
  });

  it('/metrics is an unknown route for a caller off the machine', async () => {
    const r = await t.anonymous.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { accept: 'application/json' } });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('essaim_');
  });

  it('with METRICS_TOKEN, /metrics wants the token, wherever the caller is', async () => {
    const token = 'jeton-de-mesure-0123456789';
    const m = await testApp({ metricsToken: token });
    try {
      expect((await m.anonymous.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(404);
      expect((await m.anonymous.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(404);
      const ok = await m.anonymous.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('essaim_http_request_duration_seconds');
    } finally {
      await m.close();
    }
  }, 120_000);

  it('an error body names its request, as the X-Request-Id header and every log line of the request do', async () => {
    lines.length = 0;
    const r = await t.anonymous.inject({ method: 'POST', url: '/api/projects', payload: {} });
    expect(r.statusCode).toBe(401);
    const id = r.json().error.requestId as string;
    expect(id).toMatch(/^[2-9a-z]{10}$/);
    expect(r.headers['x-request-id']).toBe(id);
    const mine = lines.filter((l) => l.reqId === id);
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    // No line of the request without its id.
    expect(lines.filter((l) => l.req || l.res).every((l) => l.reqId === id)).toBe(true);
    const other = await t.anonymous.inject('/api/nulle-part');
    expect(other.json().error.requestId).not.toBe(id);
  });

  it('keeps the id a reverse proxy sent when it is plain, and makes its own otherwise', async () => {
    const kept = await t.anonymous.inject({ url: '/api/rien', headers: { 'x-request-id': 'proxy-4f2a9c81' } });
    expect(kept.json().error.requestId).toBe('proxy-4f2a9c81');
    const replaced = await t.anonymous.inject({ url: '/api/rien', headers: { 'x-request-id': 'bad id\u001b[31m' } });
    expect(replaced.json().error.requestId).toMatch(/^[2-9a-z]{10}$/);
  });

  // Last: it stops this app's queue.
  it('/readyz follows the job queue: not ready once it has stopped', async () => {
    expect((await t.anonymous.inject('/readyz')).statusCode).toBe(200);
    await t.app.jobs.stop();
    expect((await t.anonymous.inject('/readyz')).statusCode).toBe(503);
    expect(lines.some((l) => l.msg === 'not ready' && JSON.stringify(l.failed).includes('file de tâches arrêtée'))).toBe(true);
  });
});
