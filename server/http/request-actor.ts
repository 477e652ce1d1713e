import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection';
import { type Actor, anonymousActor } from '../modules/auth/actor';
import { unauthorized } from '../errors';
import { authService, checkCsrf, SESSION_COOKIE } from '../modules/auth/auth-service';

declare module 'fastify' {
  interface FastifyRequest {
    essaimActor?: Actor;
    essaimCsrf?: string | null;
  }
}

/** The actor behind a request, resolved once by `installActorResolution`. */
export function actorOf(req: FastifyRequest): Actor {
  return req.essaimActor ?? anonymousActor;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolve bearer tokens and session cookies before the body is even read,
 * enforce CSRF on session writes, and refuse visitors every write unless the
 * route says `config: { public: true }` (sign-in): a new write route is
 * closed until its service authorises.
 */
export function installActorResolution(app: FastifyInstance, db: Database) {
  const auth = authService(db);
  app.addHook('preValidation', async (req) => {
    const { actor, csrfToken } = await auth.resolve(req.headers.authorization, req.cookies?.[SESSION_COOKIE], new Date());
    req.essaimActor = actor;
    req.essaimCsrf = csrfToken;
    const isPublic = (req.routeOptions.config as { public?: boolean } | undefined)?.public === true;
    if (actor.kind === 'anonymous' && !SAFE.has(req.method) && !isPublic) throw unauthorized();
    const sent = req.headers['x-csrf-token'];
    checkCsrf(req.method, actor, csrfToken, Array.isArray(sent) ? sent[0] : sent);
  });
}
