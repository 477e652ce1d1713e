import { type Command, InvalidArgumentError, Option } from 'commander';
import { setSetting } from '../../server/db/settings-queries';
import { invalid } from '../../server/errors';
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
    .addOption(
      new Option('--scale <échelle>', 'demo : le réseau 2020 ; national : 250 000 structures et 20 000 projets').choices(['demo', 'national']).default('demo'),
    )
    .option('--seed <n>', 'graine du générateur', integer, 2020)
    .option(
      '--allow-demo-accounts-in-production',
      'en production (NODE_ENV=production), charger quand même le réseau fictif et ses comptes au mot de passe public, équipe nationale comprise',
    )
    .action(async (opts: { scale: 'demo' | 'national'; seed: number; allowDemoAccountsInProduction?: boolean }) => {
      const bar = progressBar();
      const started = Date.now();
      await withDatabase('essaim seed', async ({ db }, config) => {
        // The demo's accounts sign in with the password printed in the README.
        if (config.env === 'production' && !opts.allowDemoAccountsInProduction) {
          throw invalid(
            'Refusé en production : le réseau de démonstration crée des comptes dont le mot de passe est public (dont un compte de l’équipe nationale) et des données fictives. Ouvrez les vrais comptes avec « essaim accounts create ADRESSE --role admin » ; pour une instance de démonstration seulement, relancez avec --allow-demo-accounts-in-production.',
            [],
            'demo_refused_in_production',
          );
        }
        if (opts.scale === 'national') await seedNational(db, { seed: opts.seed, onProgress: bar.update });
        else await seedDemo(db, { seed: opts.seed, onProgress: bar.update });
        await setSetting(db, 'demo.seeded', { seed: opts.seed, scale: opts.scale });
        await setSetting(db, 'instance.initialised', true);
      });
      bar.stop();
      tell(
        `${opts.scale === 'national' ? 'Jeu national' : 'Réseau de démonstration 2020'} chargé en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s.\n`,
      );
    });
}
