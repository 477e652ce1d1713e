import { type Command, InvalidArgumentError, Option } from 'commander';
import { setSetting } from '../../server/db/settings-queries';
import { seedDemo } from '../../server/seed/demo';
import { seedNational } from '../../server/seed/national';
import { withDatabase } from '../context';
import { tell } from '../output';
import { progressBar } from '../progress';

const integer = (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('nombre entier attendu');
  return Number(v);
};

export function seedCommand(program: Command) {
  program
    .command('seed')
    .description('Charger des données : le réseau de démonstration 2020, ou un jeu national pour les mesures')
    .requiredOption('--demo', 'le réseau de démonstration (déterministe)')
    .addOption(new Option('--scale <échelle>', 'demo : le réseau 2020 ; national : 250 000 structures et 20 000 projets').choices(['demo', 'national']).default('demo'))
    .option('--seed <n>', 'graine du générateur', integer, 2020)
    .action(async (opts: { scale: 'demo' | 'national'; seed: number }) => {
      const bar = progressBar();
      const started = Date.now();
      await withDatabase('essaim seed', async ({ db }) => {
        if (opts.scale === 'national') await seedNational(db, { seed: opts.seed, onProgress: bar.update });
        else await seedDemo(db, { seed: opts.seed, onProgress: bar.update });
        await setSetting(db, 'demo.seeded', { seed: opts.seed, scale: opts.scale });
        await setSetting(db, 'instance.initialised', true);
      });
      bar.stop();
      tell(`${opts.scale === 'national' ? 'Jeu national' : 'Réseau de démonstration 2020'} chargé en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s.\n`);
    });
}
