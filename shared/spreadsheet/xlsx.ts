import ExcelJS from 'exceljs';
import { type CsvColumn, cellText } from './csv';

/**
 * A list as an XLSX workbook: one sheet, French headers, the same columns as
 * the CSV export (so the importer reads it back). Text is written as text
 * cells, never as formulas, so a value such as `=HYPERLINK(…)` or
 * `-2+3+cmd|…` is shown, not evaluated; numbers stay numbers.
 */
export async function toXlsx<T>(rows: T[], columns: CsvColumn<T>[], sheetName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Essaim';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of rows)
    ws.addRow(
      columns.map((c) => {
        const v = c.value(r);
        return typeof v === 'number' ? v : cellText(v);
      }),
    );
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(12, c.header.length + 2));
  });
  if (columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
