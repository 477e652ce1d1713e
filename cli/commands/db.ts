import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { migrateToLatest, migrationStatus, rollbackOne } from '../../server/db/migrator';
import { withDatabase } from '../context';
import { say } from '../output';

export function dbCommands(program: Command) {
  const db = program.command('db').description('Schéma de la base : migrations horodatées (up/down)');
  db.command('migrate')
    .description('Appliquer les migrations en attente')
    .action(async () => {
      const done = await withDatabase('essaim db migrate', (o) => migrateToLatest(o.db as Kysely<unknown>), { prepare: false });
      say(done.length ? `${done.join('\n')}\n` : 'Base à jour : aucune migration en attente.\n');
    });
  db.command('rollback')
    .description('Annuler la dernière migration appliquée')
    .action(async () => {
      const done = await withDatabase('essaim db rollback', (o) => rollbackOne(o.db as Kysely<unknown>), { prepare: false });
      say(done.length ? `${done.join('\n')}\n` : 'Aucune migration à annuler.\n');
    });
  db.command('status')
    .description('Lister les migrations et leur état')
    .action(async () => {
      const list = await withDatabase('essaim db status', (o) => migrationStatus(o.db as Kysely<unknown>), { prepare: false });
      for (const m of list) process.stdout.write(`${m.executedAt ? `appliquée le ${m.executedAt.toISOString()}` : 'en attente          '}  ${m.name}\n`);
    });
}
