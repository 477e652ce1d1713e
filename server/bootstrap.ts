import type { Kysely } from 'kysely';
import type { Config } from './config';
import { type OpenDatabase, openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrator';
import { getSetting, setSetting } from './db/settings-queries';
import { listAccounts } from './modules/accounts/account-queries';
import { organisationTotal } from './modules/organisations/organisation-queries';
import { ensureReferenceData } from './modules/territories/territory-reference';
import { type Progress, seedDemo } from './seed/demo';

export interface PrepareOptions {
  purpose: string;
  /**
   * A server start (a command does not set it): on the instance's first start,
   * load the demo network (`demo`, development only: its accounts have a public
   * password) or leave the base empty (`empty`); either way, say how to open
   * the first national-team account while there is none.
   */
  firstStart?: 'demo' | 'empty';
  log?: (message: string) => void;
  onProgress?: Progress;
}

/** Open the database, apply migrations, load reference data (and, for a server's first start in development, the demo). */
export async function prepareDatabase(config: Config, opts: PrepareOptions): Promise<OpenDatabase> {
  const log = opts.log ?? (() => {});
  const open = await openDatabase(config.database, opts.purpose);
  try {
    const applied = await migrateToLatest(open.db as Kysely<unknown>);
    if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
    const ref = await ensureReferenceData(open.db);
    if (ref.loaded) log('Référentiel des territoires chargé (régions, départements, EPCI, communes).');
    if (opts.firstStart && !(await getSetting(open.db, 'instance.initialised'))) {
      if (opts.firstStart === 'demo' && (await organisationTotal(open.db)) === 0) {
        log('Premier démarrage : chargement du réseau de démonstration 2020…');
        await seedDemo(open.db, opts.onProgress ? { onProgress: opts.onProgress } : {});
        await setSetting(open.db, 'demo.seeded', { seed: 2020 });
      }
      await setSetting(open.db, 'instance.initialised', true);
    }
    if (opts.firstStart && (await listAccounts(open.db, { role: 'admin', page: 1, pageSize: 1 })).total === 0) {
      log(
        'Aucun compte de l’équipe nationale. Créez le premier (connexion par lien magique, ou mot de passe lu sur l’entrée standard avec --password-stdin) :\n  essaim accounts create ADRESSE@EXEMPLE.FR --role admin',
      );
    }
    return open;
  } catch (err) {
    await open.close();
    throw err;
  }
}
