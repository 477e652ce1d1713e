/** A CSV column: French header and how to read the value from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined | string[];
}

function cell(v: string | number | boolean | null | undefined | string[]): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join('|') : typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v);
  // Formula injection: a cell that a spreadsheet would evaluate is quoted as text.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Semicolon-separated UTF-8 with a BOM, as French spreadsheets expect; lists
 * are joined with `|`, booleans are oui/non — the format the importer reads.
 */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(';')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
