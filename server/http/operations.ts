import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database, PoolStats } from '../db/connection';
import { appliedMigrationNames, databaseAnswers } from '../db/health-queries';
import { migrationNames } from '../db/migrator';

/**
 * One thing a server needs before it takes traffic. `check` throws (or
 * rejects) when it is not ready; its message goes to the log and never to
 * the visitor who asked /readyz.
 */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

/**
 * The checks behind /readyz. Built-in: the database answers, and its
 * migrations are those this code brings. A module that the server cannot work
 * without adds its own (the job queue: `readiness.add({ name: 'queue', check })`
 * from where it starts), so /readyz and the `essaim_ready` metric follow it.
 */
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];
  add(check: ReadinessCheck) {
    if (this.checks.some((c) => c.name === check.name)) throw new Error(`readiness check « ${check.name} » registered twice`);
    this.checks.push(check);
    return this;
  }
  /** Each check's outcome (a check that does not answer within `timeoutMs` fails). */
  async run(timeoutMs = 2000): Promise<Array<{ name: string; ok: boolean; error?: string }>> {
    return Promise.all(
      this.checks.map(async ({ name, check }) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
            }),
          ]);
          return { name, ok: true };
        } catch (err) {
          return { name, ok: false, error: err instanceof Error ? err.message : String(err) };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
}

/** The built-in checks: the database answers; no migration of this code is missing from it, and it has none this code lacks. */
export function databaseChecks(db: Database): ReadinessCheck[] {
  let expected: Promise<string[]> | undefined;
  return [
    { name: 'database', check: () => databaseAnswers(db) },
    {
      name: 'migrations',
      check: async () => {
        expected ??= migrationNames();
        const [want, have] = await Promise.all([expected, appliedMigrationNames(db)]);
        const missing = want.filter((m) => !have.includes(m));
        const unknown = have.filter((m) => !want.includes(m));
        if (missing.length || unknown.length)
          throw new Error(
            `migrations not current: ${missing.length} pending (${missing.join(', ')}), ${unknown.length} unknown to this code (${unknown.join(', ')})`,
          );
      },
    },
  ];
}

// Process figures (CPU, memory, event loop, garbage collection) are the process's, whatever app asks: collected once.
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

export interface OperationsOptions {
  readiness: Readiness;
  /** Connections to the database at this instant. */
  poolStats?: (() => PoolStats) | undefined;
  /** `METRICS_TOKEN`: /metrics wants `Authorization: Bearer <token>`; unset, /metrics answers the loopback only. */
  metricsToken?: string | undefined;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(sent: string, expected: string) {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether the caller may read /metrics. With a token, the token alone decides
 * (a proxy in front changes the address); without one, the connection must come
 * from this machine — its own address, never X-Forwarded-For.
 */
function metricsAllowed(req: FastifyRequest, token: string | undefined) {
  if (token) {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return Boolean(m && sameSecret(m[1] as string, token));
  }
  return LOOPBACK.test(req.socket.remoteAddress ?? '');
}

/**
 * The operational routes, outside the API and its contract: `/healthz` (the
 * process answers: a supervisor restarts it otherwise), `/readyz` (the server
 * can serve: a load balancer sends it traffic only then), `/metrics`
 * (Prometheus). Neither health route says why it fails: that goes to the log
 * and to the metrics.
 */
export function installOperations(app: FastifyInstance, opts: OperationsOptions) {
  const registry = new Registry();
  const duration = new Histogram({
    name: 'essaim_http_request_duration_seconds',
    help: 'Durée des requêtes HTTP, par méthode, motif de route et statut',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ready = new Gauge({
    name: 'essaim_ready',
    help: 'Chaque vérification de /readyz à sa dernière lecture (1 : prête, 0 : en échec)',
    labelNames: ['check'] as const,
    registers: [registry],
  });
  const pool = opts.poolStats;
  if (pool) {
    const figure = (name: string, help: string, pick: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(pick(pool()));
        },
      });
    figure('essaim_db_pool_max', 'Connexions à la base permises à ce serveur', (s) => s.max);
    figure('essaim_db_pool_total', 'Connexions à la base ouvertes', (s) => s.total);
    figure('essaim_db_pool_idle', 'Connexions à la base ouvertes et libres', (s) => s.idle);
    figure('essaim_db_pool_waiting', 'Requêtes qui attendent une connexion à la base', (s) => s.waiting);
  }

  app.addHook('onResponse', async (req, reply) => {
    // The route's pattern (/api/projects/:id), never the path: one series per route, not per record.
    const route = req.routeOptions.url ?? 'sans route';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  // Probes come every few seconds: their lines would drown the log.
  const hidden = { schema: { hide: true }, config: { operational: true }, logLevel: 'warn' as const };
  app.get('/healthz', hidden, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  const readiness = async () => {
    const results = await opts.readiness.run();
    for (const r of results) ready.set({ check: r.name }, r.ok ? 1 : 0);
    return results;
  };
  app.get('/readyz', hidden, async (req, reply: FastifyReply) => {
    const failed = (await readiness()).filter((r) => !r.ok);
    reply.header('cache-control', 'no-store');
    if (failed.length === 0) return { status: 'ok' };
    req.log.warn({ failed }, 'not ready');
    return reply.code(503).send({ status: 'unavailable' });
  });

  app.get('/metrics', { schema: { hide: true }, config: { operational: true } }, async (req, reply) => {
    // Refused as an unknown address is: a visitor learns neither that the route exists nor what it wants.
    if (!metricsAllowed(req, opts.metricsToken)) return reply.callNotFound();
    await readiness();
    const text = `${await processRegistry.metrics()}\n${await registry.metrics()}`;
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(text);
  });
}
