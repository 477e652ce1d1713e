import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { frenchSize, type ImportLimits, LimitExceeded, tooLargeUnzipped, tooManyColumns, tooManyRows } from './import-limits';

/**
 * Reading an XLSX workbook with every size bounded before it is read: the
 * archive's central directory (entry count, each part's declared size and
 * their total), each part again while it is inflated (declared sizes can lie:
 * yauzl stops a stream that inflates past its declared size), the sheet's
 * declared dimension, then each row and column as the sheet is streamed.
 * Runs in a worker thread (see `xlsx-worker.mjs`), which bounds heap and time.
 */

const malformed = (why: string) => new LimitExceeded('malformed_xlsx', `Classeur XLSX illisible : ${why}.`);

/** Opens the archive and checks its central directory against the limits, without inflating anything. */
export async function openCheckedZip(bytes: Uint8Array, limits: ImportLimits): Promise<{ zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw malformed("ce n'est pas une archive ZIP valide");
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    const n = new Intl.NumberFormat('fr-FR');
    throw tooLargeUnzipped(`${n.format(zip.entryCount)} fichiers dans l'archive (au plus ${n.format(limits.maxZipEntries)})`);
  }
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => {
      zip.close();
      reject(err);
    };
    zip.on('error', () => fail(malformed('répertoire de l’archive corrompu')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.uncompressedSize > limits.maxPartBytes)
        return fail(tooLargeUnzipped(`${entry.fileName} ferait ${frenchSize(entry.uncompressedSize)} (au plus ${frenchSize(limits.maxPartBytes)} par partie)`));
      total += entry.uncompressedSize;
      if (total > limits.maxUnzippedBytes)
        return fail(tooLargeUnzipped(`plus de ${frenchSize(total)} au total (au plus ${frenchSize(limits.maxUnzippedBytes)})`));
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
  return { zip, entries };
}

/** A part's text, chunk by chunk, decoded as UTF-8 across chunk boundaries; an inflation past the declared size is refused. */
async function partStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  const stream = await zip.openReadStreamPromise(entry);
  stream.setEncoding('utf8');
  return stream;
}

async function* guarded(stream: Readable, name: string): AsyncGenerator<string> {
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (err) {
    if (/too many bytes|expected \d+/i.test((err as Error).message)) throw tooLargeUnzipped(`${name} dépasse la taille qu’il déclare`);
    throw malformed(`partie ${name} corrompue`);
  }
}

/** exceljs's streaming reader, driven part by part (its own `parse` inflates without bounds and buffers sheets to temporary files). */
interface StreamingInternals {
  workbookRels?: Array<{ Id: string; Target: string }>;
  model?: { sheets?: Array<{ rId: string }> };
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** Column letters → number: "XFD" → 16384. */
const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Refuses a sheet whose declared used range (`<dimension ref="A1:XFD1048576"/>`) is past the limits, before its rows are read. */
async function* checkDimension(chunks: AsyncIterable<string>, limits: ImportLimits): AsyncGenerator<string> {
  let head = '';
  let checked = false;
  for await (const chunk of chunks) {
    if (!checked) {
      head += chunk;
      const m = head.match(/<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/);
      if (m || head.includes('<sheetData') || head.length > 64 * 1024) {
        checked = true;
        head = '';
        if (m?.[3] && m[4]) {
          const columns = columnNumber(m[3]) - columnNumber(m[1] as string) + 1;
          const rows = Number(m[4]) - Number(m[2]);
          if (columns > limits.maxColumns) throw tooManyColumns(limits, columns);
          if (rows > limits.maxRows) throw tooManyRows(limits, `la feuille en déclare ${new Intl.NumberFormat('fr-FR').format(rows)}`);
        }
      }
    }
    yield chunk;
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text ?? '').join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return '';
}

/** The first sheet of the workbook as rows of text (header first), every size bounded. */
export async function readXlsxRecords(bytes: Uint8Array, limits: ImportLimits): Promise<string[][]> {
  const { zip, entries } = await openCheckedZip(bytes, limits);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
      sharedStrings: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as StreamingInternals;
    const part = async (name: string) => {
      const entry = entries.get(name);
      return entry ? partStream(zip, entry) : undefined;
    };
    const rels = await part('xl/_rels/workbook.xml.rels');
    const book = await part('xl/workbook.xml');
    try {
      if (rels) await reader._parseRels(rels);
      if (book) await reader._parseWorkbook(book);
      const strings = await part('xl/sharedStrings.xml');
      if (strings) for await (const _ of reader._parseSharedStrings(strings));
      const styles = await part('xl/styles.xml');
      if (styles) await reader._parseStyles(styles);
    } catch (err) {
      if (err instanceof LimitExceeded) throw err;
      if (/too many bytes|expected \d+/i.test((err as Error).message)) throw tooLargeUnzipped('une partie dépasse la taille qu’elle déclare');
      throw malformed('structure du classeur corrompue');
    }
    reader.sharedStrings ??= [];

    // The first sheet in the workbook's order, else the first sheet file.
    const firstRel = reader.model?.sheets?.[0]?.rId;
    const target = reader.workbookRels?.find((r) => r.Id === firstRel)?.Target;
    const sheetPath = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
    const sheetName =
      (sheetPath && entries.has(sheetPath) ? sheetPath : undefined) ??
      [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
    const sheetEntry = sheetName ? entries.get(sheetName) : undefined;
    if (!sheetName || !sheetEntry) throw new LimitExceeded('malformed_xlsx', 'Le classeur ne contient aucune feuille.');

    const chunks = checkDimension(guarded(await partStream(zip, sheetEntry), sheetName), limits);
    const sheetNo = sheetName.match(/(\d+)\.xml$/)?.[1] ?? '1';
    const [worksheet] = [...reader._parseWorksheet(chunks, sheetNo)];
    if (!worksheet) throw malformed('feuille illisible');

    const records: string[][] = [];
    let cellCount = 0;
    try {
      for await (const row of worksheet.value) {
        if (!Number.isInteger(row.number) || row.number < 1) throw malformed('numéro de ligne invalide');
        if (row.number > limits.maxRows + 1) throw tooManyRows(limits, `la feuille va jusqu’à la ligne ${new Intl.NumberFormat('fr-FR').format(row.number)}`);
        if (row.cellCount > limits.maxColumns) throw tooManyColumns(limits, row.cellCount);
        cellCount += row.cellCount;
        if (cellCount > limits.maxCells) throw tooManyRows(limits, `ou ${new Intl.NumberFormat('fr-FR').format(limits.maxCells)} cellules`);
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const text = cellText(row.getCell(c).value);
          if (text.length > limits.maxCellChars)
            throw new LimitExceeded('cell_too_long', `Une cellule de la ligne ${row.number} dépasse ${limits.maxCellChars} caractères.`);
          cells.push(text);
        }
        records[row.number - 1] = cells;
      }
    } catch (err) {
      if (err instanceof LimitExceeded) throw err;
      throw malformed('feuille corrompue');
    }
    // Rows the sheet leaves out are empty rows (bounded above by maxRows).
    return Array.from(records, (r) => r ?? []);
  } finally {
    zip.close();
  }
}
