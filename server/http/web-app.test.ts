import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installNotFound } from './error-handler';
import { serveWebApp } from './web-app';

async function appServing(dist: string) {
  const app = Fastify();
  installNotFound(app, await serveWebApp(app, dist));
  return app;
}

describe('serving the web application', () => {
  it('answers application pages with the shell, other paths with a 404 shell, the API with JSON, assets cached', async () => {
    const dist = `${mkdtempSync(join(tmpdir(), 'essaim-web-'))}/`;
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    const app = await appServing(dist);
    for (const [path, status] of [
      ['/', 200],
      ['/projets?q=velo', 200],
      ['/collectifs/0b8f8d0e-5a4e-4f57-9d0b-3f1c2a9e7b10', 200],
      ['/plan-du-site', 200],
      ['/nulle-part', 404],
      ['/projets/42', 404],
    ] as const) {
      const r = await app.inject(path);
      expect(r.statusCode, path).toBe(status);
      expect(r.body, path).toContain('<div id="root">');
      expect(r.headers['content-type'], path).toMatch(/text\/html/);
    }
    const api = await app.inject('/api/rien');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route_not_found');
    expect((await app.inject({ method: 'POST', url: '/projets' })).json().error.code).toBe('route_not_found');
    const asset = await app.inject('/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await app.close();
  });

  it('says how to build the interface when it is not built', async () => {
    const app = await appServing(`${mkdtempSync(join(tmpdir(), 'essaim-web-'))}/`);
    const r = await app.inject('/');
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build');
    expect((await app.inject('/api/rien')).statusCode).toBe(404);
    await app.close();
  });
});
