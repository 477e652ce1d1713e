import type { FastifyReply } from 'fastify';
import type { CsvColumn } from '../../shared/spreadsheet/csv';
import { type ExportFormat, exportBody } from '../../shared/spreadsheet/export';

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Send every row of a list as a file (CSV or XLSX for spreadsheets, or JSON), named after the list and the day. */
export async function sendExport<T>(reply: FastifyReply, name: string, format: ExportFormat, rows: T[], columns: CsvColumn<T>[]) {
  const stamp = new Date().toISOString().slice(0, 10);
  reply.header('content-disposition', `attachment; filename="essaim-${name}-${stamp}.${format}"`);
  // Exports bypass the list serializer: they are files, not pages.
  reply.serializer((payload: unknown) => payload as string);
  const body = await exportBody(format, rows, columns, name);
  return reply.type(contentTypes[format]).send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
