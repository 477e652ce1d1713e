import { buildApp } from './app';
import { readConfig } from './config';
import { annotateLock } from './db/lock';
import { prepareDatabase } from './bootstrap';
import { getSetting } from './db/settings-queries';
import { createMailer } from './modules/auth/mailer';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo';

/**
 * Start Essaim: read the configuration once, open and migrate the database,
 * fill it with the demo network on first start, then listen.
 */
export async function startServer(overrides: { port?: number } = {}) {
  const config = readConfig();
  if (overrides.port !== undefined) config.port = overrides.port;
  const logger = { level: config.logLevel };
  const say = (m: string) => process.stderr.write(`${m}\n`);
  const database = await prepareDatabase(config, { purpose: 'serveur', seedDemoOnFirstStart: true, log: say });
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, log: say });
  const app = await buildApp({ db: database.db, logger, secureCookies: config.env !== 'development', mailer, publicUrl: config.publicUrl, oidc: config.oidc, site: config.site, trustProxy: config.trustProxy });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${new URL(address).port}`;
  if (config.database.kind === 'pglite') annotateLock(config.database.dataDir, url);
  say(`Essaim écoute sur ${url} (API : ${url}/api, documentation : ${url}/api/docs)`);
  if (config.env === 'development' && (await getSetting(database.db, 'demo.seeded'))) {
    say(`Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») : ${DEMO_ACCOUNTS.join(', ')}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} reçu : arrêt propre…`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, url, close: () => shutdown('close') };
}
