// A table as a file: CSV (csv-stringify, with a BOM so Excel reads the Chinese as UTF-8) or XLSX
// (exceljs, loaded only when someone exports: it is large).
import { stringify } from 'csv-stringify/browser/esm/sync';
import { downloadBlob, fileStem } from '../export/download.ts';
import type { TableData } from './model.ts';

export type TableFormat = 'csv' | 'xlsx';

export function tableCsv(data: TableData): string {
  return `\uFEFF${stringify([data.columns.map((c) => c.label), ...data.rows])}`;
}

export async function tableXlsx(data: TableData, sheetName: string): Promise<ArrayBuffer> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'cadre-graph';
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'cadre-graph');
  sheet.columns = data.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: c.numeric ? Math.max(6, c.label.length * 2) : 18,
  }));
  for (const row of data.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function downloadTable(data: TableData, format: TableFormat, name: string): Promise<void> {
  const stem = fileStem(`cadre-graph-${data.request.of}`);
  if (format === 'csv')
    downloadBlob(`${stem}.csv`, new Blob([tableCsv(data)], { type: 'text/csv;charset=utf-8' }));
  else
    downloadBlob(
      `${stem}.xlsx`,
      new Blob([await tableXlsx(data, name)], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
}
