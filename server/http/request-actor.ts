import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Access } from '../../shared/routes/contract';
import type { Database } from '../db/connection';
import { type Actor, anonymousActor } from '../policies/actor';
import { forbidden, unauthorized } from '../errors';
import { isNationalTeam, WRITING_ROLES } from '../policies/roles';
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
 * A route's first gate, checked before its body is even validated (so a
 * refused caller learns nothing from validation errors): the access its
 * contract declares (shared/routes/contract.ts). A route outside the contract
 * (operations, documentation) is open to reads and closed to visitors' writes.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** /healthz, /readyz, /metrics: no account behind them (/metrics reads its own bearer token). */
    operational?: boolean;
  }
}

function checkAccess(actor: Actor, access: Access | undefined, method: string) {
  if (access === 'open' || access === 'public-write' || actor.kind === 'system') return;
  if (actor.kind === 'anonymous') {
    if (access || !SAFE.has(method)) throw unauthorized();
    return;
  }
  if (access === 'admin' && !isNationalTeam(actor)) throw forbidden('Réservé à l’équipe nationale.');
  if (access === 'writer' && !actor.roles.some((r) => WRITING_ROLES.has(r.role))) throw forbidden('Votre rôle ne permet pas de modifier l’annuaire.');
}

/**
 * Resolve bearer tokens and session cookies before the body is even read,
 * enforce CSRF on session writes, and each route's access (`config.access`):
 * a new write route is closed to visitors until it says otherwise.
 */
export function installActorResolution(app: FastifyInstance, db: Database) {
  const auth = authService(db);
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.config?.operational) return;
    const { actor, csrfToken } = await auth.resolve(req.headers.authorization, req.cookies?.[SESSION_COOKIE], new Date());
    req.essaimActor = actor;
    req.essaimCsrf = csrfToken;
    checkAccess(actor, req.routeOptions.config?.access, req.method);
    const sent = req.headers['x-csrf-token'];
    checkCsrf(req.method, actor, csrfToken, Array.isArray(sent) ? sent[0] : sent);
  });
}
