import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BodyOf, type ParamsOf, type QueryOf, type ReplyOf, type RouteDef, routeKey } from '../../shared/routes/contract';
import { errorResponse } from '../../shared/schemas/common';
import type { Actor } from '../policies/actor';
import { unauthorized } from '../errors';
import { actorOf } from './request-actor';

/**
 * The caller a handler sees: on a route closed to visitors, a signed-in
 * account (the access gate has refused everyone else), so handlers never
 * check "is signed in" again.
 */
export type ActorOf<D extends RouteDef> = D['access'] extends 'open' | 'public-write' ? Actor : Extract<Actor, { kind: 'account' }>;

/** What a route's handler gets: the actor first, then the validated parts of the request. */
export interface Call<D extends RouteDef> {
  actor: ActorOf<D>;
  params: ParamsOf<D>;
  query: QueryOf<D>;
  body: BodyOf<D>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * A handler returns the success body (sent with the route's status), nothing
 * for a 204, or the reply it has already sent (a redirection, a file).
 */
export type Handler<D extends RouteDef> = (call: Call<D>) => Promise<ReplyOf<D> | FastifyReply>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const openTo = new Set<string>(['open', 'public-write']);
const implemented = new WeakMap<FastifyInstance, Set<string>>();

/** The error statuses a route documents: those its shape and access imply, and those it declares. */
function errorStatuses(def: RouteDef): number[] {
  const codes = new Set<number>(def.errors ?? []);
  if (def.params || def.query || def.body) codes.add(400);
  if (!openTo.has(def.access)) codes.add(401).add(403);
  if (def.params) codes.add(404);
  if (WRITES.has(def.method)) codes.add(400).add(409);
  return [...codes].sort();
}

/**
 * Register one route of the contract (shared/routes/): its schemas validate the
 * request and serialise the answer, its access is checked before the body is
 * read (request-actor.ts), and the OpenAPI document is built from the same.
 */
export function implement<D extends RouteDef>(app: FastifyInstance, def: D, handler: Handler<D>) {
  const status = def.status ?? 200;
  const response: Record<number, z.ZodType> = Object.fromEntries(errorStatuses(def).map((c) => [c, errorResponse]));
  if (def.response) response[status] = def.response;
  else if (status === 204) response[204] = z.null();
  if (def.accepted) response[202] = def.accepted;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.path,
    config: { access: def.access },
    schema: {
      tags: [def.tag],
      summary: def.summary,
      ...(def.params && { params: def.params }),
      ...(def.query && { querystring: def.query }),
      ...(def.body && def.bodyKind !== 'multipart' && { body: def.body }),
      ...(def.bodyKind === 'multipart' && { consumes: ['multipart/form-data'] }),
      ...(def.produces && { produces: ['application/json', ...def.produces] }),
      response,
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      // The gate (request-actor.ts) already refused visitors; over HTTP a caller is a visitor or an account.
      if (!openTo.has(def.access) && actor.kind !== 'account') throw unauthorized();
      const out = await handler({
        actor: actor as ActorOf<D>,
        params: req.params as ParamsOf<D>,
        query: req.query as QueryOf<D>,
        body: req.body as BodyOf<D>,
        req,
        reply,
      });
      if (out === reply || reply.sent) return reply;
      if (status === 204) return reply.code(204).send(null);
      return reply.code(status).send(out);
    },
  });
  const keys = implemented.get(app) ?? new Set<string>();
  implemented.set(app, keys.add(routeKey(def)));
}

/** Refuse to start when a route of the contract has no handler (a client would meet a 404). */
export function assertContractImplemented(app: FastifyInstance, contract: readonly RouteDef[]) {
  const keys = implemented.get(app) ?? new Set<string>();
  const missing = contract.map(routeKey).filter((k) => !keys.has(k));
  if (missing.length) throw new Error(`Routes of the contract without a handler: ${missing.join(', ')}`);
}
