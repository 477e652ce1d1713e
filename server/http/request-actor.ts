import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection';
import { type Actor, anonymousActor } from '../modules/auth/actor';
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

/** Resolve bearer tokens and session cookies before every handler, and enforce CSRF on session writes. */
export function installActorResolution(app: FastifyInstance, db: Database) {
  const auth = authService(db);
  app.addHook('preHandler', async (req) => {
    const { actor, csrfToken } = await auth.resolve(req.headers.authorization, req.cookies?.[SESSION_COOKIE], new Date());
    req.essaimActor = actor;
    req.essaimCsrf = csrfToken;
    const sent = req.headers['x-csrf-token'];
    checkCsrf(req.method, actor, csrfToken, Array.isArray(sent) ? sent[0] : sent);
  });
}
