// Reading the first sheet of an XLSX workbook as rows of cell texts (row i of the result is spreadsheet row i + 1).
import ExcelJS from 'exceljs';
import { ImportError } from './types.ts';

export async function firstSheetRows(buf: Buffer, file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) {
    const expected = '工作簿中没有工作表';
    throw new ImportError([
      { file, row: 0, column: '', value: '', expected, code: 'format', message: expected },
    ]);
  }
  const rows: string[][] = [];
  // exceljs counts the columns by walking every row: asked once per cell, a 130,000-row sheet took hours.
  const columns = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return rows;
}
