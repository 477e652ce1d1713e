import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** The header a reverse proxy may set (and every answer carries). */
export const REQUEST_ID_HEADER = 'x-request-id';

// A proxy's id is kept only when it is short and plain: it goes into every log line.
const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/;
// Letters and digits a person reads aloud without confusion (no 0/o, 1/l/i).
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Ten characters (about 50 bits): short enough to quote, unique enough across servers and days. */
export function newRequestId() {
  const bytes = randomBytes(10);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

/**
 * Fastify options: each request gets an id (the one the reverse proxy sent in
 * `X-Request-Id`, or a new one), which Fastify puts into every log line of the
 * request as `reqId` (pino child logger) and which the error body carries.
 */
export const requestIdOptions = {
  requestIdHeader: false as const,
  genReqId(req: IncomingMessage) {
    const sent = req.headers[REQUEST_ID_HEADER];
    return typeof sent === 'string' && ACCEPTED.test(sent) ? sent : newRequestId();
  },
};

/** Every answer names its request, so that a support person finds its log lines. */
export function installRequestIdHeader(app: FastifyInstance) {
  app.addHook('onRequest', async (req, reply) => {
    reply.header(REQUEST_ID_HEADER, req.id);
  });
}
