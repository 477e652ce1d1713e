import { type CsvColumn, toCsv } from './csv';
import { toXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'json' | 'xlsx';

/** The file's bytes or text in one format, for the API and the command line alike. */
export async function exportBody<T>(format: ExportFormat, rows: T[], columns: CsvColumn<T>[], name: string): Promise<string | Uint8Array> {
  if (format === 'csv') return toCsv(rows, columns);
  if (format === 'xlsx') return toXlsx(rows, columns, name);
  return JSON.stringify(rows);
}
