import type { Database } from '../../db/connection';
import { type ErrorDetail, forbidden, invalid, unauthorized } from '../../errors';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from '../auth/actor';
import { canOnDirectory } from '../directory/directory-policy';
import { missingReferences } from '../directory/references';
import { headerKey } from '../directory/table-columns';
import { type ImportEntity, importSpecs, type RowIssue } from './import-specs';
import { readTable } from './read-table';

/** The message for a cell holding a control character; tab, line feed and carriage return are ordinary (a description over several lines). */
function controlCharacter(cell: string): string | undefined {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f)
      return `Caractère de contrôle interdit (U+${c.toString(16).toUpperCase().padStart(4, '0')}) : retirez-le de la cellule.`;
  }
  return undefined;
}

export interface ImportResult {
  entity: ImportEntity;
  dryRun: boolean;
  rows: number;
  imported: number;
  columns: Array<{ header: string; field: string }>;
}

export type ImportProgress = (phase: 'lecture' | 'validation' | 'enregistrement', done: number, total: number) => void;

/**
 * Import a CSV or XLSX file of organisations or projects: every row is
 * validated (schema, references, duplicates) before anything is written, and
 * one bad row means nothing is imported and a report names each bad row,
 * column and reason. Valid files are written in one transaction.
 */
export function importService(db: Database) {
  return {
    async importFile(
      actor: Actor,
      entity: ImportEntity,
      file: { bytes: Uint8Array; filename?: string },
      opts: { dryRun?: boolean; onProgress?: ImportProgress } = {},
    ): Promise<ImportResult> {
      if (!canOnDirectory(actor, 'import', { entity })) throw actor.kind === 'anonymous' ? unauthorized() : forbidden();
      const spec = importSpecs[entity];
      const progress = opts.onProgress ?? (() => {});
      progress('lecture', 0, 1);
      const table = await readTable(file.bytes, file.filename);

      // Map headers to columns (French headers, folded; aliases accepted).
      const byKey = new Map<string, (typeof spec.columns)[number]>();
      // The API's field names are accepted too, so a JSON-minded export maps back.
      for (const c of spec.columns) for (const h of [c.header, ...(c.aliases ?? []), c.field.replace(/^_/, '')]) byKey.set(headerKey(h), c);
      const mapping: Array<(typeof spec.columns)[number] | undefined> = [];
      const headerIssues: ErrorDetail[] = [];
      const used = new Set<string>();
      table.headers.forEach((h, i) => {
        if (h === '') return;
        const control = controlCharacter(h);
        if (control) {
          headerIssues.push({ path: `colonne ${i + 1}`, message: control });
          return;
        }
        const col = byKey.get(headerKey(h));
        if (!col) headerIssues.push({ path: `colonne ${i + 1}`, message: `Colonne inconnue « ${h} » (attendues : ${spec.columns.map((c) => c.header).join(', ')})` });
        else if (used.has(col.field)) headerIssues.push({ path: `colonne ${i + 1}`, message: `Colonne « ${h} » en double` });
        else {
          used.add(col.field);
          mapping[i] = col;
        }
      });
      const required = spec.columns[0];
      if (required && !used.has(required.field)) headerIssues.push({ path: 'en-tête', message: `Colonne obligatoire absente : « ${required.header} »` });
      if (headerIssues.length) throw invalid('Les colonnes du fichier ne correspondent pas.', headerIssues, 'import_rejected');

      const issues: RowIssue[] = [];
      const refused: RowIssue[] = [];
      const columnOf = (field: string) => {
        const source = spec.sourceOf[field] ?? field;
        return spec.columns.find((c) => c.field === source)?.header ?? field;
      };
      const raws = table.rows.map((row, r) => {
        const raw: Record<string, unknown> = {};
        row.cells.forEach((cell, i) => {
          const col = mapping[i];
          if (!col) return;
          // Refused here, per row and column, so the dry run and the real run agree and the database never sees it.
          const control = controlCharacter(cell);
          if (control) {
            refused.push({ row: r, field: col.field, message: control });
            return;
          }
          const v = col.parse(cell);
          if (v !== undefined) raw[col.field] = v;
        });
        return raw;
      });
      progress('validation', 0, table.rows.length);
      issues.push(...(await spec.resolve(db, raws)));
      const inputs: unknown[] = [];
      raws.forEach((raw, i) => {
        const r = spec.schema.safeParse(raw);
        if (r.success) inputs[i] = r.data;
        else for (const issue of r.error.issues) issues.push({ row: i, field: String(issue.path[0] ?? ''), message: issue.message });
      });
      const valid = inputs.flatMap((x, i) => (x ? [{ x: x as never, i }] : []));
      const refs = valid.flatMap(({ x, i }) => spec.references(x).map((ref) => ({ ...ref, path: `${i}|${ref.path}` })));
      for (const d of await missingReferences(db, refs)) {
        const [row, path] = d.path.split('|') as [string, string];
        issues.push({ row: Number(row), field: path.split('.')[0] as string, message: d.message });
      }
      const checked = await spec.check(db, valid.map((v) => v.x));
      issues.push(...checked.map((c) => ({ ...c, row: valid[c.row]?.i ?? c.row })));
      progress('validation', table.rows.length, table.rows.length);

      // A refused cell was not read: the schema's "missing" for the same cell would only repeat it.
      const refusedCells = new Set(refused.map((i) => `${i.row}|${columnOf(i.field)}`));
      issues.splice(0, issues.length, ...refused, ...issues.filter((i) => !refusedCells.has(`${i.row}|${columnOf(i.field)}`)));
      if (issues.length) {
        issues.sort((a, b) => a.row - b.row);
        const badRows = new Set(issues.map((i) => i.row)).size;
        throw invalid(
          `Import refusé : ${badRows} ligne${badRows > 1 ? 's' : ''} en erreur sur ${table.rows.length}. Rien n'a été importé.`,
          issues.map((i) => ({ path: `ligne ${table.rows[i.row]?.line ?? '?'} · ${columnOf(i.field)}`, message: i.message })),
          'import_rejected',
        );
      }
      const columns = mapping.flatMap((c) => (c ? [{ header: c.header, field: c.field.replace(/^_/, '') }] : []));
      const base = { entity, rows: table.rows.length, columns };
      if (opts.dryRun) return { ...base, dryRun: true, imported: 0 };
      progress('enregistrement', 0, valid.length);
      const ids = await db.transaction().execute(async (tx) => {
        const inserted = await spec.insert(tx, valid.map((v) => v.x));
        await recordWrite(
          tx,
          actor,
          inserted.map((recordId, i) => ({ action: 'import' as const, entity, recordId, after: valid[i]?.x })),
        );
        return inserted;
      });
      progress('enregistrement', valid.length, valid.length);
      return { ...base, dryRun: false, imported: ids.length };
    },
  };
}
