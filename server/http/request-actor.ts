import type { FastifyRequest } from 'fastify';
import { type Actor, anonymousActor } from '../modules/auth/actor';

/** The actor behind a request; the accounts issue resolves sessions and tokens here. */
export function actorOf(_req: FastifyRequest): Actor {
  return anonymousActor;
}
