import { buildApp } from './app';
import { readConfig } from './config';
import { annotateLock } from './db/lock';
import { prepareDatabase } from './bootstrap';
import { getSetting } from './db/settings-queries';
import { createMailer } from './modules/auth/mailer';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo';
import { Readiness } from './http/operations';

/**
 * Start Essaim: read the configuration once (in production, refuse to start
 * without the settings production needs), open and migrate the database, fill
 * it with the demo network on first start in development only, then listen.
 */
export async function startServer(overrides: { port?: number } = {}) {
  const config = readConfig(undefined, { server: true });
  if (overrides.port !== undefined) config.port = overrides.port;
  const logger = { level: config.logLevel };
  const say = (m: string) => process.stderr.write(`${m}\n`);
  // The demo network brings accounts whose password is public (README): loaded
  // on a first start in development only; elsewhere only `essaim seed --demo` loads it.
  const database = await prepareDatabase(config, { purpose: 'serveur', firstStart: config.env === 'development' ? 'demo' : 'empty', log: say });
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, log: say });
  // What /readyz checks besides the database: a module started here adds its own (readiness.add).
  const readiness = new Readiness();
  const app = await buildApp({
    readiness,
    metricsToken: config.metricsToken,
    ...(database.poolStats ? { poolStats: database.poolStats } : {}),
    db: database.db,
    logger,
    secureCookies: config.env !== 'development',
    mailer,
    publicUrl: config.publicUrl,
    oidc: config.oidc,
    site: config.site,
    hsts: config.env === 'production',
    trustProxy: config.trustProxy,
    jobs: { work: true },
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${new URL(address).port}`;
  if (config.database.kind === 'pglite') annotateLock(config.database.dataDir, url);
  say(`Essaim écoute sur ${url} (API : ${url}/api, documentation : ${url}/api/docs)`);
  if (config.env === 'development' && (await getSetting(database.db, 'demo.seeded'))) {
    say(`Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») : ${DEMO_ACCOUNTS.join(', ')}`);
  }

  // Graceful stop: no new connection is accepted and new requests on open ones
  // get 503 (Fastify's return503OnClosing), idle keep-alive connections are
  // closed at once (forceCloseConnections: 'idle'), requests in flight finish —
  // until the time limit, when their connections are cut. Then the database
  // closes. Resolves true when every request finished in time.
  let closing: Promise<boolean> | undefined;
  const close = () => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      let cut = false;
      // Stop accepting at once: Fastify closes its listener only after the
      // plugins' onClose hooks (the job queue's stop takes a while), and the
      // sweep below would otherwise close idle connections while new ones are
      // still accepted. Fastify's own later close accepts a listener already closed.
      app.server.close(() => {});
      // A connection whose request finishes during the stop becomes idle: closed then, not after the keep-alive timeout.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      const limit = setTimeout(() => {
        cut = true;
        say(`Arrêt : des requêtes duraient encore après ${config.shutdownTimeoutMs} ms, leurs connexions sont coupées.`);
        app.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      try {
        await app.close();
      } finally {
        clearTimeout(limit);
        clearInterval(sweep);
      }
      await database.close();
      return !cut;
    })();
    return closing;
  };
  const onSignal = (signal: string) => {
    say(`${signal} reçu : arrêt propre (plus de nouvelle connexion, requêtes en cours terminées)…`);
    close().then(
      (clean) => {
        say(clean ? 'Arrêt terminé.' : 'Arrêt terminé, des requêtes ont été interrompues.');
        process.exit(clean ? 0 : 1);
      },
      (err) => {
        say(`Arrêt en erreur : ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { app, url, database, readiness, close };
}
