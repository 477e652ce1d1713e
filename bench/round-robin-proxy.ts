/**
 * A small round-robin reverse proxy for bench:load (two servers behind one
 * address, as a load balancer puts them): `node --import tsx
 * bench/round-robin-proxy.ts http://127.0.0.1:A http://127.0.0.1:B` prints
 * `proxy http://127.0.0.1:PORT` once it listens. Each request goes to the next
 * server in turn (@fastify/http-proxy, keep-alive connections to each).
 */
import proxy from '@fastify/http-proxy';
import Fastify from 'fastify';

const upstreams = process.argv.slice(2);
if (upstreams.length === 0) throw new Error('usage: round-robin-proxy.ts URL…');
let next = 0;
const app = Fastify({ logger: false, bodyLimit: 25 * 1024 * 1024 });
await app.register(proxy, {
  upstream: '',
  replyOptions: { getUpstream: () => upstreams[next++ % upstreams.length] as string },
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`proxy ${address}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
