// Reading the first sheet of an XLSX workbook as rows of cell texts (row i of the result is spreadsheet row i + 1).
import type ExcelJS from 'exceljs';
import { unquoteCell } from './cells.ts';
import { columnLetter, fileError, ImportError, type ImportIssue } from './types.ts';
import { zipIsWhole } from './zip.ts';

/** A workbook from its bytes; a damaged or cut file (zip, CRC or XML errors of any kind) is refused in words. */
export async function loadWorkbook(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const damaged = () =>
    fileError(
      file,
      'format',
      '文件不是有效的 XLSX（可能已损坏或不完整）；请在 Excel 或 WPS 中打开后重新保存',
    );
  if (!zipIsWhole(buf)) throw damaged();
  // Loaded here, not with the module: exceljs costs a command a fifth of a second, and most imports are CSV.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw damaged();
  }
  return wb;
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The text a person sees in a cell; undefined for a formula whose result was never saved. */
function cellText(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return unquoteCell(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoDay(v);
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined) return undefined;
    if (result instanceof Date) return isoDay(result);
    if (result !== null && typeof result === 'object' && 'error' in result) return String(result.error);
    return typeof result === 'string' ? unquoteCell(result) : String(result);
  }
  return unquoteCell(cell.text ?? '');
}

/** The first sheet's rows of cell texts. A formula cell without a saved result is refused, naming the cell. */
export async function firstSheetRows(buf: Buffer, file: string): Promise<string[][]> {
  const wb = await loadWorkbook(buf, file);
  const sheet = wb.worksheets[0];
  if (!sheet) throw fileError(file, 'format', '工作簿中没有工作表');
  const rows: string[][] = [];
  const issues: ImportIssue[] = [];
  // exceljs counts the columns by walking every row: asked once per cell, a 130,000-row sheet took hours.
  const columns = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const text = cellText(row.getCell(c));
      if (text === undefined && issues.length < 100) {
        const expected = `单元格 ${columnLetter(c - 1)}${r} 是公式，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次，或把公式换成数值`;
        issues.push({
          file,
          row: r,
          column: columnLetter(c - 1),
          value: '',
          expected,
          code: 'formula',
          message: expected,
        });
      }
      cells.push(text ?? '');
    }
    rows.push(cells);
  }
  if (issues.length > 0) throw new ImportError(issues);
  return rows;
}
