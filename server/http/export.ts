import type { FastifyReply } from 'fastify';
import { type CsvColumn, toCsv } from './csv';
import { toXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'json' | 'xlsx';

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file's bytes or text in one format, for the API and the command line alike. */
export async function exportBody<T>(format: ExportFormat, rows: T[], columns: CsvColumn<T>[], name: string): Promise<string | Buffer> {
  if (format === 'csv') return toCsv(rows, columns);
  if (format === 'xlsx') return toXlsx(rows, columns, name);
  return JSON.stringify(rows);
}

/** Send every row of a list as a file (CSV or XLSX for spreadsheets, or JSON), named after the list and the day. */
export async function sendExport<T>(reply: FastifyReply, name: string, format: ExportFormat, rows: T[], columns: CsvColumn<T>[]) {
  const stamp = new Date().toISOString().slice(0, 10);
  reply.header('content-disposition', `attachment; filename="essaim-${name}-${stamp}.${format}"`);
  // Exports bypass the list serializer: they are files, not pages.
  reply.serializer((payload: unknown) => payload as string);
  return reply.type(contentTypes[format]).send(await exportBody(format, rows, columns, name));
}
