import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { importEntity } from '../../shared/schemas/import';
import { invalid } from '../../server/errors';
import { toCsv } from '../../server/http/csv';
import { systemActor } from '../../server/modules/auth/actor';
import { resourceByPath } from '../../server/modules/directory/resources';
import { importService } from '../../server/modules/imports/import-service';
import { parseOrThrow } from '../../server/validation';
import { withDatabase } from '../context';
import { tell, say } from '../output';
import { plural } from '../../shared/format';
import { progressBar } from '../progress';

function readInput(file: string) {
  try {
    return readFileSync(file);
  } catch (err) {
    throw invalid(`Impossible de lire ${file} : ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, [], 'unreadable_file');
  }
}

export function importExportCommands(program: Command) {
  program
    .command('import')
    .description('Importer des structures ou des projets depuis un CSV (UTF-8, ; ou ,) ou un XLSX : tout ou rien')
    .argument('<entité>', 'organisations | projects')
    .argument('<fichier>', 'chemin du fichier CSV ou XLSX')
    .option('--dry-run', 'valider sans rien écrire')
    .action(async (entity: string, file: string, opts: { dryRun?: boolean }) => {
      const which = parseOrThrow(importEntity, entity, `Entité inconnue « ${entity} » : organisations ou projects.`);
      const bytes = readInput(file);
      const bar = progressBar();
      try {
        const result = await withDatabase('essaim import', ({ db }) =>
          importService(db).importFile(systemActor, which, { bytes, filename: basename(file) }, { dryRun: Boolean(opts.dryRun), onProgress: bar.update }),
        );
        bar.stop();
        say(
          result.dryRun
            ? `Fichier valide : ${plural(result.rows, 'ligne prête', 'lignes prêtes')} à importer (rien n'a été écrit).\n`
            : `${which === 'organisations' ? plural(result.imported, 'structure importée', 'structures importées') : plural(result.imported, 'projet importé', 'projets importés')}.\n`,
        );
      } finally {
        bar.stop();
      }
    });

  program
    .command('export')
    .description('Exporter une liste en CSV ou JSON, filtres appliqués')
    .argument('<entité>', [...resourceByPath.keys()].join(' | '))
    .addOption(new Option('--format <format>', 'csv ou json').choices(['csv', 'json']).default('csv'))
    .option('--out <fichier>', 'fichier de sortie (sinon la sortie standard)')
    .option('--filter <clé=valeur...>', 'filtres de la liste, comme dans l’API : q=…, territory=region:84, theme=…')
    .action(async (entity: string, opts: { format: 'csv' | 'json'; out?: string; filter?: string[] }) => {
      const resource = resourceByPath.get(entity);
      if (!resource) throw invalid(`Entité inconnue « ${entity} » : ${[...resourceByPath.keys()].join(', ')}.`, [], 'unknown_entity');
      const raw: Record<string, string | string[]> = {};
      for (const f of opts.filter ?? []) {
        const eq = f.indexOf('=');
        if (eq < 1) throw invalid(`Filtre mal formé « ${f} » : clé=valeur attendu.`, [], 'invalid_filter');
        const k = f.slice(0, eq);
        const v = f.slice(eq + 1);
        const prev = raw[k];
        raw[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
      }
      const query = parseOrThrow(resource.listQuery, raw, 'Filtres invalides.');
      const rows = await withDatabase('essaim export', ({ db }) => resource.service(db).exportAll(systemActor, query));
      const text = opts.format === 'csv' ? toCsv(rows, resource.csv) : `${JSON.stringify(rows, null, 2)}\n`;
      if (opts.out) {
        writeFileSync(opts.out, text);
        tell(`${plural(rows.length, 'ligne écrite', 'lignes écrites')} dans ${opts.out}.\n`);
      } else process.stdout.write(text);
    });
}
