import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { directoryRoutesByResource } from '../../shared/routes/directory.routes';
import { importEntity } from '../../shared/schemas/import';
import { invalid } from '../../server/errors';
import { type ExportFormat, exportBody } from '../../shared/spreadsheet/export';
import { systemActor } from '../../server/policies/actor';
import { resourceByPath } from '../../server/modules/registry';
import { importService } from '../../server/modules/imports/import-service';
import type { ImportEntity } from '../../server/modules/imports/import-specs';
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

/** What an import wrote, singular and plural. */
const importedLabel: Record<ImportEntity, [string, string]> = {
  organisations: ['structure importée', 'structures importées'],
  projects: ['projet importé', 'projets importés'],
  collectives: ['collectif importé', 'collectifs importés'],
  people: ['personne importée', 'personnes importées'],
  funds: ['fonds importé', 'fonds importés'],
};

export function importExportCommands(program: Command) {
  program
    .command('import')
    .description(
      "Importer des fiches depuis un CSV (UTF-8, ; ou ,) ou un XLSX, tout ou rien : une ligne avec l'« Identifiant » d'une fiche la modifie, une ligne sans la crée",
    )
    .argument('<entité>', importEntity.options.join(' | '))
    .argument('<fichier>', 'chemin du fichier CSV ou XLSX')
    .option('--dry-run', 'valider sans rien écrire')
    .action(async (entity: string, file: string, opts: { dryRun?: boolean }) => {
      const which = parseOrThrow(importEntity, entity, `Entité inconnue « ${entity} » : ${importEntity.options.join(', ')}.`);
      const bytes = readInput(file);
      const bar = progressBar();
      try {
        const result = await withDatabase('essaim import', ({ db }) =>
          importService(db).importFile(systemActor, which, { bytes, filename: basename(file) }, { dryRun: Boolean(opts.dryRun), onProgress: bar.update }),
        );
        bar.stop();
        say(
          result.dryRun
            ? `Fichier valide : ${plural(result.rows, 'ligne', 'lignes')} (à créer : ${result.created}, à modifier : ${result.updated}, sans changement : ${result.unchanged}) ; rien n'a été écrit.\n`
            : `${plural(result.imported, importedLabel[which][0], importedLabel[which][1])} (créations : ${result.created}, modifications : ${result.updated}, sans changement : ${result.unchanged}).\n`,
        );
      } finally {
        bar.stop();
      }
    });

  program
    .command('export')
    .description('Exporter une liste en CSV, XLSX ou JSON, filtres appliqués')
    .argument('<entité>', [...resourceByPath.keys()].join(' | '))
    .addOption(new Option('--format <format>', 'csv, xlsx ou json').choices(['csv', 'xlsx', 'json']).default('csv'))
    .option('--out <fichier>', 'fichier de sortie (sinon la sortie standard)')
    .option('--filter <clé=valeur...>', 'filtres de la liste, comme dans l’API : q=…, territory=region:84, theme=…')
    .action(async (entity: string, opts: { format: ExportFormat; out?: string; filter?: string[] }) => {
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
      const query = parseOrThrow(directoryRoutesByResource[resource.path].list.query, raw, 'Filtres invalides.');
      const rows = await withDatabase('essaim export', ({ db }) => resource.service(db).exportAll(systemActor, query));
      const text = opts.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : await exportBody(opts.format, rows, resource.csv, resource.path);
      if (opts.out) {
        writeFileSync(opts.out, text);
        tell(`${plural(rows.length, 'ligne écrite', 'lignes écrites')} dans ${opts.out}.\n`);
      } else process.stdout.write(text);
    });
}
