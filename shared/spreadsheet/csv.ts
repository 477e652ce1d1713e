import { stringify } from 'csv-stringify/sync';

type CellValue = string | number | boolean | null | undefined | string[];

/** A CSV column: French header and how to read the value from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CellValue;
}

const plainNumber = /^[+-]?\d+([.,]\d+)?$/;

/**
 * Formula injection guard: a spreadsheet evaluates a cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, so such a cell gets a
 * leading apostrophe (shown as text) — unless the whole cell is a plain number
 * such as `-12` or `+33`, which no spreadsheet can turn into a call.
 *
 * @example neutraliseFormula("-2+3+cmd|' /C calc'!A0") // → "'-2+3+cmd|' /C calc'!A0"
 * @example neutraliseFormula('-12,5') // → '-12,5'
 */
export function neutraliseFormula(s: string): string {
  // Text that already starts with apostrophes before such a character gets one more, so the importer's undoing is exact.
  return /^'*[=+\-@\t\r]/.test(s) && !plainNumber.test(s) ? `'${s}` : s;
}

/** The apostrophe `neutraliseFormula` added, taken off again when a file comes back to the importer. */
export function restoreNeutralised(s: string): string {
  return /^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Lists are joined with `|` and booleans written oui/non, as the importer reads them. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('|');
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  return String(v);
}

/**
 * Semicolon-separated UTF-8 with a BOM, as French spreadsheets expect; lists
 * are joined with `|`, booleans are oui/non — the format the importer reads.
 */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const records = [columns.map((c) => neutraliseFormula(c.header))];
  for (const r of rows) records.push(columns.map((c) => neutraliseFormula(cellText(c.value(r)))));
  return stringify(records, { delimiter: ';', record_delimiter: '\r\n', bom: true });
}
