import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isWebPage } from '../../shared/web-routes';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The built page shell, read once (small; changes only with a new build); undefined before a build. */
export function readWebShell(dist = WEB_DIST) {
  const indexFile = `${dist}index.html`;
  return existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
}

/**
 * Serve the built web application: hashed assets cached for a year, and the
 * page shell for every application path (404 status for unknown paths, whose
 * page the application draws). API paths keep their JSON 404.
 */
export async function serveWebApp(app: FastifyInstance, dist = WEB_DIST) {
  const shell = readWebShell(dist);
  if (shell !== undefined) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: false,
      serve: true,
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const page = (path: string) => {
    if (path.startsWith('/api/') || path === '/api') return undefined;
    if (!shell) {
      return {
        status: 503,
        html: '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Essaim</title><p>L’interface web n’est pas construite : lancez <code>npm run build</code> (ou <code>npm start</code>, qui la construit au besoin). L’API répond sous <a href="/api/docs">/api</a>.</p></html>',
      };
    }
    return { status: isWebPage(path) ? 200 : 404, html: shell };
  };
  // The static files' wildcard would answer the root (a folder) with 403:
  // the root is a page like the others.
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.callNotFound());
  return page;
}
