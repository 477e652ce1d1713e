import type { Kysely } from 'kysely';
import type { Config } from './config';
import { type OpenDatabase, openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrator';
import { getSetting, setSetting } from './db/settings-queries';
import { organisationTotal } from './modules/organisations/organisation-queries';
import { ensureReferenceData } from './modules/territories/territory-reference';
import { type Progress, seedDemo } from './seed/demo';

export interface PrepareOptions {
  purpose: string;
  /** Load the demo network when the instance starts for the first time. */
  seedDemoOnFirstStart?: boolean;
  log?: (message: string) => void;
  onProgress?: Progress;
}

/** Open the database, apply migrations, load reference data (and the demo on first start). */
export async function prepareDatabase(config: Config, opts: PrepareOptions): Promise<OpenDatabase> {
  const log = opts.log ?? (() => {});
  const open = await openDatabase(config.database, opts.purpose);
  try {
    const applied = await migrateToLatest(open.db as Kysely<unknown>);
    if (applied.length) log(`Migrations appliquées : ${applied.join(', ')}`);
    const ref = await ensureReferenceData(open.db);
    if (ref.loaded) log('Référentiel des territoires chargé (régions, départements, EPCI, communes).');
    if (opts.seedDemoOnFirstStart && !(await getSetting(open.db, 'instance.initialised'))) {
      if ((await organisationTotal(open.db)) === 0) {
        log('Premier démarrage : chargement du réseau de démonstration 2020…');
        await seedDemo(open.db, opts.onProgress ? { onProgress: opts.onProgress } : {});
        await setSetting(open.db, 'demo.seeded', { seed: 2020 });
      }
      await setSetting(open.db, 'instance.initialised', true);
    }
    return open;
  } catch (err) {
    await open.close();
    throw err;
  }
}
