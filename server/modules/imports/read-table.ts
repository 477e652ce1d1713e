import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import { AppError, invalid } from '../../errors';
import { restoreNeutralised } from '../../../shared/spreadsheet/csv';
import { type ImportLimits, importLimits, LimitExceeded, tooLargeUnzipped, tooManyColumns, tooManyRows } from './import-limits';
import { openCheckedZip } from './xlsx-read';

const asInvalid = (err: unknown) =>
  err instanceof LimitExceeded ? invalid(err.message, [], err.code) : err instanceof AppError ? err : invalid('Classeur XLSX illisible.', [], 'malformed_xlsx');

export interface Table {
  headers: string[];
  /** Data rows as text, each with its line number in the file (header = 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** CSV (UTF-8, with or without BOM, `;` or `,`) or XLSX, told apart by content. */
export async function readTable(bytes: Uint8Array, filename = '', limits: ImportLimits = importLimits): Promise<Table> {
  if (bytes.length === 0) throw invalid('Le fichier est vide.', [], 'empty_file');
  if (isZip(bytes) || /\.xlsx$/i.test(filename)) return readXlsx(bytes, limits);
  return readCsv(bytes, limits);
}

/** Text fed to the CSV parser at a time: between two, other requests get their turn. */
const CSV_CHUNK_CHARS = 256 * 1024;

/** The index just past the first line longer than the limit, if any: checked before parsing, so a line of separators is refused cheaply. */
function longLine(text: string, max: number): number | undefined {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > max) return line;
    start = stop + 1;
  }
  return undefined;
}

async function readCsv(bytes: Uint8Array, limits: ImportLimits): Promise<Table> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid("Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 ».", [], 'bad_encoding');
  }
  text = text.replace(/^\uFEFF/, '');
  const long = longLine(text, limits.maxLineChars);
  if (long !== undefined)
    throw invalid(
      `La ligne ${long} dépasse ${new Intl.NumberFormat('fr-FR').format(limits.maxLineChars)} caractères : ce fichier n'est pas un tableau lisible.`,
      [],
      'line_too_long',
    );
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let cells = 0;
  try {
    // The streaming parser, fed a chunk at a time with a turn of the event loop
    // between chunks: a 20 MB file never holds the server for seconds.
    const parser = parse({
      delimiter,
      relax_quotes: false,
      skip_empty_lines: true,
      trim: false,
      bom: true,
      max_record_size: limits.maxCellChars,
      // Bounded record by record, before the whole table is held.
      on_record: (record: string[], { records: n }: { records: number }) => {
        if (record.length > limits.maxColumns) throw tooManyColumns(limits, record.length);
        if (n > limits.maxRows + 1) throw tooManyRows(limits, 'le fichier en a davantage');
        cells += record.length;
        if (cells > limits.maxCells) throw tooManyRows(limits, `ou ${new Intl.NumberFormat('fr-FR').format(limits.maxCells)} cellules`);
        return record;
      },
    });
    const done = new Promise<void>((resolve, reject) => {
      parser.on('readable', () => {
        for (let r = parser.read() as string[] | null; r !== null; r = parser.read() as string[] | null) records.push(r);
      });
      parser.on('error', reject);
      parser.on('end', resolve);
    });
    let failed = false;
    done.catch(() => {
      failed = true;
    });
    for (let i = 0; i < text.length && !failed; ) {
      let end = Math.min(i + CSV_CHUNK_CHARS, text.length);
      // Never split a character written as two UTF-16 units (an emoji…).
      if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] as string)) end -= 1;
      parser.write(text.slice(i, end));
      i = end;
      await new Promise((r) => setImmediate(r));
    }
    parser.end();
    await done;
  } catch (err) {
    if (err instanceof LimitExceeded) throw asInvalid(err);
    const e = err as { lines?: number; message: string; code?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE')
      throw invalid(
        `Une cellule vers la ligne ${e.lines ?? '?'} dépasse ${new Intl.NumberFormat('fr-FR').format(limits.maxCellChars)} caractères.`,
        [],
        'cell_too_long',
      );
    throw invalid(`CSV illisible${e.lines ? ` vers la ligne ${e.lines}` : ''} : ${e.message}`, [], 'malformed_csv');
  }
  // An export's formula guard (a leading apostrophe) comes off, so a file exported then imported is unchanged.
  return toTable(
    records.map((r) => r.map(restoreNeutralised)),
    limits,
  );
}

/** Reads the workbook in a worker thread bounded in heap and time, after a first check of the archive's directory here. */
async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<Table> {
  // Refused here, before a worker starts, when the directory alone shows the file is too large.
  const { zip } = await openCheckedZip(bytes, limits).catch((err) => {
    throw asInvalid(err);
  });
  zip.close();
  const records = await new Promise<string[][]>((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-worker.mjs', import.meta.url), {
      workerData: { bytes, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.xlsxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            invalid(
              `Lecture du classeur trop longue (plus de ${Math.round(limits.xlsxTimeoutMs / 1000)} s) : découpez-le en plusieurs fichiers.`,
              [],
              'import_timeout',
            ),
          ),
        ),
      limits.xlsxTimeoutMs,
    );
    worker.once('message', (m: { ok: true; records: string[][] } | { ok: false; code: string; message: string }) =>
      settle(() => (m.ok ? resolve(m.records) : reject(invalid(m.message, [], m.code)))),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? asInvalid(tooLargeUnzipped(`sa lecture dépasse ${limits.xlsxHeapMb} Mo de mémoire`))
            : invalid('Classeur XLSX illisible.', [], 'malformed_xlsx'),
        ),
      ),
    );
    worker.once('exit', () => settle(() => reject(invalid('Classeur XLSX illisible.', [], 'malformed_xlsx'))));
  });
  return toTable(records, limits);
}

function toTable(records: string[][], limits: ImportLimits): Table {
  const [headerRow, ...data] = records;
  if (!headerRow || headerRow.every((h) => h.trim() === '')) throw invalid('La première ligne doit donner les noms des colonnes.', [], 'missing_header');
  const rows = data.map((cells, i) => ({ line: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw invalid('Le fichier ne contient aucune ligne de données.', [], 'empty_file');
  if (rows.length > limits.maxRows) throw asInvalid(tooManyRows(limits, `${rows.length} reçues`));
  return { headers: headerRow.map((h) => h.trim()), rows };
}
