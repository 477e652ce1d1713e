import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp } from '../test/test-db';

/**
 * Every route of the API × every role. The route table is read from the app
 * itself, so a new route is checked without being listed here: a write route
 * that forgets its policy (anonymous gets in) fails the suite.
 */
let t: Awaited<ReturnType<typeof demoApp>>;
const routes: Array<{ method: string; url: string }> = [];
const ids: Record<string, string> = {};
const sessions: Record<string, Record<string, string>> = {};

// Routes anyone may call without an account.
const publicWrites = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/magic-link']);
const roles = ['anonymous', 'equipe', 'coordination.figeac', 'coordination.chambery', 'porteur.voisiwatt', 'financeur', 'hacker.public', 'operateur'] as const;

beforeAll(async () => {
  t = await demoApp();
  const app = t.anonymous as FastifyInstance;
  // Fastify keeps no public list: rebuild it from the documented routes (every route is documented).
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  for (const [path, methods] of Object.entries(doc.paths))
    for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), url: path });
  const first = async (path: string) => (await app.inject({ url: `/api/${path}?pageSize=1` })).json().items[0];
  for (const p of ['collectives', 'projects', 'organisations', 'people', 'funds', 'pioneers', 'sector-programmes']) ids[p] = (await first(p)).id;
  for (const role of roles.slice(1)) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `${role}@essaim.test`, password: 'essaim-demo-2020' } });
    const cookie = r.cookies.find((c) => c.name === 'essaim_session');
    sessions[role] = { cookie: `essaim_session=${cookie?.value}`, 'x-csrf-token': r.json().csrfToken };
  }
}, 180_000);
afterAll(() => t.close());

function concrete(url: string) {
  return url
    .replace(/^\/api\/([a-z-]+)\/\{id\}/, (_m, p: string) => `/api/${p}/${ids[p] ?? '4b0a1b5e-8a7b-4c57-9d6b-8f3c0a9b1c2d'}`)
    .replace('{entity}', 'organisations')
    .replace('{kind}', 'commune')
    .replace('{code}', url.includes('themes') ? 'logement' : '73065');
}

describe('authorisation matrix', () => {
  it('covers the documented routes', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers every route for every role without a 5xx, and refuses visitors every non-public write', async () => {
    const app = t.anonymous as FastifyInstance;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      for (const role of roles) {
        // Logging out or erasing would change the next rows of the matrix.
        if (role !== 'anonymous' && (key === 'POST /api/auth/logout' || key.endsWith('/anonymise') || route.method === 'DELETE')) continue;
        const req: InjectOptions = { method: route.method as InjectOptions['method'], url: concrete(route.url), headers: role === 'anonymous' ? {} : sessions[role] };
        if (route.method !== 'GET' && !route.url.startsWith('/api/import')) req.payload = {};
        const r = await app.inject(req);
        expect(r.statusCode, `${role} ${key} → ${r.body.slice(0, 200)}`).toBeLessThan(500);
        if (role === 'anonymous' && route.method !== 'GET' && !publicWrites.has(key)) expect(r.statusCode, `${role} ${key}`).toBe(401);
        if (['hacker.public', 'operateur'].includes(role) && ['POST', 'PATCH', 'PUT'].includes(route.method) && /^\/api\/(collectives|projects|organisations|people|funds|pioneers|sector-programmes|themes)/.test(route.url))
          expect(r.statusCode, `${role} ${key} must not write`).toBeGreaterThanOrEqual(400);
      }
    }
  }, 120_000);
});
