import type { FastifyReply } from 'fastify';
import { type CsvColumn, toCsv } from './csv';

/** Send every row of a list as a file (CSV for spreadsheets, or JSON), named after the list and the day. */
export function sendExport<T>(reply: FastifyReply, name: string, format: 'csv' | 'json', rows: T[], columns: CsvColumn<T>[]) {
  const stamp = new Date().toISOString().slice(0, 10);
  reply.header('content-disposition', `attachment; filename="essaim-${name}-${stamp}.${format}"`);
  // Exports bypass the list serializer: they are files, not pages.
  reply.serializer((payload: unknown) => payload as string);
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(rows, columns));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows));
}
