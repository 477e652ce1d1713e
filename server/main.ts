import { buildApp } from './app';
import { readConfig } from './config';
import { annotateLock } from './db/lock';
import { prepareDatabase } from './bootstrap';
import { getSetting } from './db/settings-queries';
import { createMailer } from './modules/auth/mailer';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo';

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
  const app = await buildApp({
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

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await app.close();
      await database.close();
    })();
    return closing;
  };
  const onSignal = (signal: string) => {
    say(`${signal} reçu : arrêt propre…`);
    void close().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { app, url, database, close };
}
