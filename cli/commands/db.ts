import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { backupDatabase, restoreDatabase } from '../../server/db/backup';
import { migrateToLatest, migrationStatus, rollbackOne } from '../../server/db/migrator';
import { plural } from '../../shared/format';
import { withDatabase } from '../context';
import { say, tell } from '../output';

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
  db.command('backup')
    .description('Sauvegarder toute la base dans FILE (JSON compressé ; base intégrée ou PostgreSQL, restaurable dans l’une ou l’autre)')
    .argument('<file>', 'fichier à créer (il ne doit pas exister)')
    .action(async (file: string) => {
      const tables = await withDatabase('essaim db backup', (o) => backupDatabase(o.db as Kysely<unknown>, file, o.kind), { prepare: false });
      const rows = tables.reduce((n, t) => n + t.rows, 0);
      say(`Sauvegarde écrite : ${file} (${plural(tables.length, 'table')}, ${plural(rows, 'ligne')}).\n`);
    });
  db.command('restore')
    .description('Restaurer une sauvegarde dans une base vide (refusé, code 4, si la base a déjà des tables, sauf --force qui la remplace)')
    .argument('<file>', 'sauvegarde écrite par essaim db backup')
    .option('--force', 'remplacer le contenu d’une base qui a déjà des tables')
    .action(async (file: string, opts: { force?: boolean }) => {
      const done = await withDatabase('essaim db restore', (o) => restoreDatabase(o.db as Kysely<unknown>, file, { force: Boolean(opts.force) }), {
        prepare: false,
      });
      for (const m of done.migrated) tell(`${m}\n`);
      const rows = done.tables.reduce((n, t) => n + t.rows, 0);
      say(`Sauvegarde restaurée : ${plural(done.tables.length, 'table')}, ${plural(rows, 'ligne')}, nombres et sommes de contrôle vérifiés.\n`);
    });
}
