import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { invalid } from '../../errors';
import { restoreNeutralised } from '../../http/csv';

export const MAX_IMPORT_ROWS = 100_000;

export interface Table {
  headers: string[];
  /** Data rows as text, each with its line number in the file (header = 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** CSV (UTF-8, with or without BOM, `;` or `,`) or XLSX, told apart by content. */
export async function readTable(bytes: Uint8Array, filename = ''): Promise<Table> {
  if (bytes.length === 0) throw invalid('Le fichier est vide.', [], 'empty_file');
  if (isZip(bytes) || /\.xlsx$/i.test(filename)) return readXlsx(bytes);
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid("Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 ».", [], 'bad_encoding');
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_quotes: false, skip_empty_lines: true, trim: false, bom: true });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw invalid(`CSV illisible${e.lines ? ` vers la ligne ${e.lines}` : ''} : ${e.message}`, [], 'malformed_csv');
  }
  // An export's formula guard (a leading apostrophe) comes off, so a file exported then imported is unchanged.
  return toTable(records.map((r) => r.map(restoreNeutralised)));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw invalid('Classeur XLSX illisible.', [], 'malformed_xlsx');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw invalid('Le classeur ne contient aucune feuille.', [], 'malformed_xlsx');
  const records: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    records[n - 1] = cells;
  });
  return toTable(Array.from(records, (r) => r ?? []));
}

function toTable(records: string[][]): Table {
  const [headerRow, ...data] = records;
  if (!headerRow || headerRow.every((h) => h.trim() === '')) throw invalid("La première ligne doit donner les noms des colonnes.", [], 'missing_header');
  const rows = data
    .map((cells, i) => ({ line: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw invalid('Le fichier ne contient aucune ligne de données.', [], 'empty_file');
  if (rows.length > MAX_IMPORT_ROWS) throw invalid(`Au plus ${MAX_IMPORT_ROWS} lignes par import (${rows.length} reçues).`, [], 'too_many_rows');
  return { headers: headerRow.map((h) => h.trim()), rows };
}
