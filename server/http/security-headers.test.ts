import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { OpenDatabase } from '../db/connection';
import { testDatabase } from '../test/test-db';
import { installSecurityHeaders } from './security-headers';

/** One directive of a Content-Security-Policy header, as its list of sources. */
const directive = (csp: string | undefined, name: string) =>
  csp
    ?.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

let database: OpenDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());

describe('security headers', () => {
  it('come with every answer: pages, 404 pages, the API, its errors, its documentation and the documentation’s files', async () => {
    const app = await buildApp({ db: database.db });
    try {
      for (const path of ['/', '/projets', '/nulle-part', '/api/stats', '/api/rien', '/api/docs', '/api/docs/static/swagger-ui-bundle.js', '/healthz']) {
        const r = await app.inject(path);
        const csp = r.headers['content-security-policy'] as string | undefined;
        expect(directive(csp, 'default-src'), path).toEqual(["'self'"]);
        // Only this server's own scripts: no inline script, no eval, no other site.
        expect(directive(csp, 'script-src'), path).toEqual(["'self'"]);
        expect(directive(csp, 'script-src-attr'), path).toEqual(["'none'"]);
        expect(directive(csp, 'style-src'), path).not.toContain("'unsafe-inline'");
        expect(directive(csp, 'object-src'), path).toEqual(["'none'"]);
        expect(directive(csp, 'frame-ancestors'), path).toEqual(["'none'"]);
        expect(directive(csp, 'upgrade-insecure-requests'), path).toBeUndefined();
        expect(r.headers['x-content-type-options'], path).toBe('nosniff');
        expect(r.headers['x-frame-options'], path).toBe('DENY');
        expect(r.headers['referrer-policy'], path).toBe('same-origin');
        expect(r.headers['cross-origin-opener-policy'], path).toBe('same-origin');
        // Outside production a developer's http://localhost must keep working.
        expect(r.headers['strict-transport-security'], path).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });

  it('add HSTS and upgrade-insecure-requests in production', async () => {
    const app = await buildApp({ db: database.db, hsts: true });
    try {
      const r = await app.inject('/api/stats');
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(directive(r.headers['content-security-policy'] as string, 'upgrade-insecure-requests')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('allow an inline script of the page shell by its hash, and nothing else inline', async () => {
    const app = Fastify();
    const theme = "document.documentElement.setAttribute('data-fr-theme', localStorage.getItem('scheme') ?? 'light');";
    await installSecurityHeaders(app, {
      hsts: false,
      shell: `<html><head><script>${theme}</script><script type="module" src="/assets/index.js"></script></head></html>`,
    });
    app.get('/', async () => 'ok');
    const csp = (await app.inject('/')).headers['content-security-policy'] as string;
    expect(directive(csp, 'script-src')).toEqual(["'self'", `'sha256-${createHash('sha256').update(theme).digest('base64')}'`]);
    await app.close();
  });
});
