import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseLongSheet } from './long.ts';
import { ImportError, type ImportIssue } from './types.ts';
import { firstSheetRows } from './xlsx.ts';

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const refusal = async (buf: Buffer): Promise<ImportIssue[]> => {
  const e = await firstSheetRows(buf, '数据.xlsx').then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return (e as ImportError).issues;
};

const HEADER = ['指标', '地区', '期间', '数值'];

describe('reading an XLSX sheet', () => {
  it('refuses a damaged or incomplete workbook in words, whatever the zip error', async () => {
    const good = await workbook([HEADER, ['固定资产投资', '西湖区', '2025-06', 1]]);
    const flipped = Buffer.from(good);
    for (let i = 200; i < 600; i++) flipped[i] = (flipped[i] as number) ^ 0x5a;
    for (const bad of [
      good.subarray(0, good.length >> 1),
      good.subarray(0, 30),
      flipped,
      Buffer.from('PK\u0003\u0004 这不是压缩文件'),
    ]) {
      expect(await refusal(bad)).toEqual([
        expect.objectContaining({
          file: '数据.xlsx',
          code: 'format',
          expected: expect.stringMatching(/^文件不是有效的 XLSX（可能已损坏或不完整）/),
        }),
      ]);
    }
  });

  it('refuses a workbook altered by one bit that ExcelJS alone reads without complaint, with a value changed or lost', async () => {
    const good = await workbook([HEADER, ['固定资产投资', '西湖区', '2025-06', 111.25]]);
    let altered: Buffer | null = null;
    for (let i = 0; i < good.length && !altered; i++) {
      const b = Buffer.from(good);
      b[i] = (b[i] as number) ^ 0x01;
      const wb = new ExcelJS.Workbook();
      const loaded = await wb.xlsx.load(b as unknown as ArrayBuffer).then(
        () => true,
        () => false,
      );
      const sheet = loaded ? wb.worksheets[0] : undefined;
      if (sheet && sheet.getRow(2).getCell(4).value !== 111.25) altered = b;
    }
    expect(altered).not.toBeNull();
    expect(await refusal(altered as Buffer)).toEqual([
      expect.objectContaining({ code: 'format', expected: expect.stringMatching(/^文件不是有效的 XLSX/) }),
    ]);
  });

  it('refuses a formula cell whose result was never saved, naming the cell', async () => {
    const rows: ExcelJS.CellValue[][] = [HEADER];
    for (let i = 0; i < 5; i++) rows.push(['固定资产投资', '西湖区', `2025-0${i + 1}`, i]);
    rows.push(['固定资产投资', '西湖区', { formula: 'TEXT(DATE(2025,6,1),"yyyy-mm")' }, 3]);
    const issues = await refusal(await workbook(rows));
    expect(issues).toEqual([
      expect.objectContaining({
        row: 7,
        column: 'C',
        code: 'formula',
        expected: expect.stringMatching(/单元格 C7 是公式/),
      }),
    ]);
  });

  it('reads a formula cell by its saved result, and an error result as its text', async () => {
    const sheet = await firstSheetRows(
      await workbook([
        HEADER,
        ['固定资产投资', '西湖区', '2025-06', { formula: 'SUM(100,11.25)', result: 111.25 }],
        ['固定资产投资', '滨江区', '2025-06', { formula: '1/0', result: { error: '#DIV/0!' } }],
      ]),
      '数据.xlsx',
    );
    expect(sheet[1]).toEqual(['固定资产投资', '西湖区', '2025-06', '111.25']);
    expect(sheet[2]?.[3]).toBe('#DIV/0!');
  });

  it('refuses a sheet cell with a number that is too large, as in a CSV', async () => {
    const sheet = await firstSheetRows(
      await workbook([HEADER, ['固定资产投资', '西湖区', '2025-06', 1e300]]),
      '数据.xlsx',
    );
    expect(() => parseLongSheet(sheet, '数据.xlsx')).toThrow(/第2行 第D列「1e\+300」：数值超出范围/);
  });

  it('reads text the app neutralised with an apostrophe as it was', async () => {
    const sheet = await firstSheetRows(
      await workbook([HEADER, ['\'=HYPERLINK("http://x")', "'-西湖区", "'2025", 1]]),
      '数据.xlsx',
    );
    expect(sheet[1]).toEqual(['=HYPERLINK("http://x")', '-西湖区', "'2025", '1']);
  });
});
