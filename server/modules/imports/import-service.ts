import type { Database, Executor } from '../../db/connection';
import { type ErrorDetail, invalid } from '../../errors';
import { authorize, can } from '../../policies/authorize';
import { hasControlCharacter } from '../../../shared/schemas/common';
import { recordWrite } from '../audit/audit-service';
import type { Actor } from '../../policies/actor';
import { importPolicy } from './import-policy';
import { storedInput } from '../directory/directory-service';
import { missingReferences } from '../directory/references';
import { headerKey, type TableColumn } from '../../../shared/spreadsheet/columns';
import { type ImportEntity, type ImportSpec, importSpecs, linksOf, type RowIssue, resolveLinks } from './import-specs';
import { readTable } from './read-table';

/** The message for a cell holding a control character; tab, line feed and carriage return are ordinary (a description over several lines). */
function controlCharacter(cell: string): string | undefined {
  if (!hasControlCharacter(cell, true)) return undefined;
  const c = [...cell].find((ch) => hasControlCharacter(ch, true))?.charCodeAt(0) ?? 0;
  return `Caractère de contrôle interdit (U+${c.toString(16).toUpperCase().padStart(4, '0')}) : retirez-le de la cellule.`;
}

export interface ImportResult {
  entity: ImportEntity;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  imported: number;
  columns: Array<{ header: string; field: string }>;
}

/** Past this many rows, an import from the web runs as a job the page follows. */
export const ROWS_FOR_A_JOB = 1000;

/** What an import job carries: the file itself (base64), kept with the job until it ends. */
export interface ImportJobData {
  entity: ImportEntity;
  filename: string;
  file: string;
}

export type ImportProgress = (phase: 'lecture' | 'validation' | 'enregistrement', done: number, total: number) => void;

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's writable fields in one canonical text, to tell a row that changes it from one that does not. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

type Planned = { i: number; input: unknown; id?: string; before?: { id: string } };

/**
 * Import a CSV or XLSX file of one directory entity, all or nothing: a row
 * carrying a record's `Identifiant` updates that record (merged over it, then
 * checked and authorised as an update is), a row without creates one. Every
 * row is validated (cells, schema, links, duplicates, permissions) before
 * anything is written; one bad row means nothing is imported and a report
 * names each bad row, column and reason. The dry run counts what would be
 * created, updated and left unchanged; a real run writes in one transaction,
 * each write audited.
 */
export function importService(db: Database) {
  return {
    /**
     * An import from the web: a large file (over ROWS_FOR_A_JOB rows, not a dry
     * run) becomes a job that reports its progress, and the answer is its id
     * (202); a smaller one is imported during the request.
     */
    async start(
      actor: Actor,
      entity: ImportEntity,
      file: { bytes: Uint8Array; filename?: string },
      opts: { dryRun?: boolean; enqueue?: (data: ImportJobData) => Promise<string> },
    ): Promise<{ result: ImportResult } | { jobId: string }> {
      authorize(actor, 'import', { policy: importPolicy });
      if (!opts.dryRun && opts.enqueue) {
        const table = await readTable(file.bytes, file.filename);
        if (table.rows.length > ROWS_FOR_A_JOB) {
          const jobId = await opts.enqueue({ entity, filename: file.filename ?? '', file: Buffer.from(file.bytes).toString('base64') });
          return { jobId };
        }
      }
      return { result: await this.importFile(actor, entity, file, { dryRun: opts.dryRun ?? false }) };
    },

    async importFile(
      actor: Actor,
      entity: ImportEntity,
      file: { bytes: Uint8Array; filename?: string },
      opts: { dryRun?: boolean; onProgress?: ImportProgress; onCommit?: (tx: Executor, result: ImportResult) => Promise<void> } = {},
    ): Promise<ImportResult> {
      authorize(actor, 'import', { policy: importPolicy });
      const spec = importSpecs[entity] as ImportSpec;
      const progress = opts.onProgress ?? (() => {});
      progress('lecture', 0, 1);
      const table = await readTable(file.bytes, file.filename);

      // Map headers to columns (French headers, folded; aliases accepted).
      const byKey = new Map<string, TableColumn<never>>();
      // The API's field names are accepted too, so a JSON-minded export maps back.
      for (const c of spec.columns) for (const h of [c.header, ...(c.aliases ?? []), c.field.replace(/^_/, '')]) byKey.set(headerKey(h), c);
      const mapping: Array<TableColumn<never> | undefined> = [];
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
        if (!col)
          headerIssues.push({ path: `colonne ${i + 1}`, message: `Colonne inconnue « ${h} » (attendues : ${spec.columns.map((c) => c.header).join(', ')})` });
        else if (used.has(col.field)) headerIssues.push({ path: `colonne ${i + 1}`, message: `Colonne « ${h} » en double` });
        else {
          used.add(col.field);
          if (!col.readOnly) mapping[i] = col;
        }
      });
      const required = spec.columns[0];
      if (required && !used.has(required.field) && !used.has('id'))
        headerIssues.push({ path: 'en-tête', message: `Colonne obligatoire absente : « ${required.header} » (ou « Identifiant » pour modifier des fiches)` });
      if (headerIssues.length) throw invalid('Les colonnes du fichier ne correspondent pas.', headerIssues, 'import_rejected');

      const sourceOf = Object.fromEntries([
        ...linksOf(spec).map((l) => [l.to, l.from]),
        ...spec.columns.filter((c) => c.themes).map((c) => ['themes', c.field]),
      ]);
      const columnOf = (field: string) => {
        const source = sourceOf[field] ?? field;
        return spec.columns.find((c) => c.field === source)?.header ?? field;
      };
      const issues: RowIssue[] = [];
      const refused: RowIssue[] = [];
      const ids: Array<string | undefined> = [];
      const raws = table.rows.map((row, r) => {
        const raw: Record<string, unknown> = {};
        const blank: TableColumn<never>[] = [];
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
          else blank.push(col);
        });
        const id = raw.id;
        delete raw.id;
        if (typeof id === 'string') {
          if (uuidRe.test(id)) ids[r] = id.toLowerCase();
          else issues.push({ row: r, field: 'id', message: `Identifiant invalide : ${id} (laissez la cellule vide pour créer une fiche)` });
          // On a row that updates, an emptied cell clears the field.
          for (const col of blank) if (col.empty !== undefined) raw[col.field] = col.empty;
        }
        return raw;
      });
      progress('validation', 0, table.rows.length);

      // The records the rows update, as they are now.
      const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
      const stored = new Map<string, { id: string }>();
      for (let i = 0; i < wanted.length; i += 2000) for (const rec of await spec.store.getMany(db, wanted.slice(i, i + 2000))) stored.set(rec.id, rec);
      const seenIds = new Map<string, number>();
      ids.forEach((id, r) => {
        if (!id) return;
        if (!stored.has(id)) issues.push({ row: r, field: 'id', message: `Aucune fiche (${spec.label}) avec l'identifiant ${id}` });
        const first = seenIds.get(id);
        if (first !== undefined)
          issues.push({ row: r, field: 'id', message: `Identifiant en double dans le fichier (déjà à la ligne ${table.rows[first]?.line})` });
        else seenIds.set(id, r);
      });

      for (const issue of await resolveLinks(db, spec, raws)) issues.push(issue);
      const planned: Planned[] = [];
      raws.forEach((raw, i) => {
        const id = ids[i];
        const before = id ? stored.get(id) : undefined;
        if (id && !before) return;
        const r = spec.store.schemas.input.safeParse(before ? { ...storedInput(spec.store, before, spec.store.schemas.fields.shape), ...raw } : raw);
        if (!r.success) {
          for (const issue of r.error.issues) issues.push({ row: i, field: String(issue.path[0] ?? ''), message: issue.message });
          return;
        }
        // The same permission as a create or an update, on the record before and after the change.
        const policy = spec.store.policy;
        const allowed = before
          ? can(actor, 'update', { policy, record: before }) &&
            can(actor, 'change', { policy, record: { before, after: { ...(r.data as object), id } as never } })
          : can(actor, 'create', { policy, record: r.data as never });
        if (!allowed) {
          issues.push({ row: i, field: 'id', message: before ? 'Vous ne pouvez pas modifier cette fiche.' : 'Vous ne pouvez pas créer cette fiche.' });
          return;
        }
        planned.push({ i, input: r.data, ...(id && before ? { id, before } : {}) });
      });
      const refs = planned.flatMap(({ input, i }) => spec.store.references(input).map((ref) => ({ ...ref, path: `${i}|${ref.path}` })));
      for (const d of await missingReferences(db, refs)) {
        const [row, path] = d.path.split('|') as [string, string];
        issues.push({ row: Number(row), field: path.split('.')[0] as string, message: d.message });
      }
      const checked = (await spec.check?.(db, planned)) ?? [];
      for (const c of checked) issues.push({ ...c, row: planned[c.row]?.i ?? c.row });
      progress('validation', table.rows.length, table.rows.length);

      // A refused cell was not read: the schema's "missing" for the same cell would only repeat it.
      const refusedCells = new Set(refused.map((i) => `${i.row}|${columnOf(i.field)}`));
      // (No spread: a file of 100,000 bad rows gives more issues than a call takes arguments.)
      const report = refused.concat(issues.filter((i) => !refusedCells.has(`${i.row}|${columnOf(i.field)}`)));
      if (report.length) {
        report.sort((a, b) => a.row - b.row);
        const badRows = new Set(report.map((i) => i.row)).size;
        throw invalid(
          `Import refusé : ${badRows} ligne${badRows > 1 ? 's' : ''} en erreur sur ${table.rows.length}. Rien n'a été importé.`,
          report.map((i) => ({ path: `ligne ${table.rows[i.row]?.line ?? '?'} · ${columnOf(i.field)}`, message: i.message })),
          'import_rejected',
        );
      }

      const creates = planned.filter((p) => !p.before);
      const updates = planned.filter(
        (p) =>
          p.before &&
          canonical(spec.store.schemas.input.safeParse(storedInput(spec.store, p.before, spec.store.schemas.fields.shape)).data ?? null) !== canonical(p.input),
      );
      const columns = mapping.flatMap((c) => (c ? [{ header: c.header, field: c.field.replace(/^_/, '') }] : []));
      const counts = { created: creates.length, updated: updates.length, unchanged: planned.length - creates.length - updates.length };
      const base = { entity, rows: table.rows.length, columns, ...counts };
      if (opts.dryRun) return { ...base, dryRun: true, imported: 0 };
      progress('enregistrement', 0, creates.length + updates.length);
      const result: ImportResult = { ...base, dryRun: false, imported: creates.length + updates.length };
      await db.transaction().execute(async (tx) => {
        const inserted = await spec.store.insert(
          tx,
          creates.map((c) => c.input),
        );
        await recordWrite(
          tx,
          actor,
          inserted.map((recordId, i) => ({ action: 'import' as const, entity, recordId, after: creates[i]?.input })),
        );
        for (const u of updates) await spec.store.update(tx, u.id as string, u.input);
        const after = new Map<string, unknown>();
        for (let i = 0; i < updates.length; i += 2000)
          for (const rec of await spec.store.getMany(
            tx,
            updates.slice(i, i + 2000).map((u) => u.id as string),
          ))
            after.set(rec.id, rec);
        await recordWrite(
          tx,
          actor,
          updates.map((u) => ({ action: 'update' as const, entity, recordId: u.id as string, before: u.before, after: after.get(u.id as string) })),
        );
        // A job records its end with the rows it wrote (imports run as a job are done once).
        await opts.onCommit?.(tx, result);
      });
      progress('enregistrement', creates.length + updates.length, creates.length + updates.length);
      return result;
    },
  };
}
