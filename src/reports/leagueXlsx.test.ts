import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { leagueXlsx } from './leagueXlsx.ts';

describe('the league table as XLSX', () => {
  it('writes a title, a header and one row per region that read back with their ranks and arrows', async () => {
    const row = (region: string, rank: number, value: number, yoy: number, rankChange: number | null) => ({
      region,
      code: region,
      level: 3,
      value,
      yoy,
      yoyPublished: yoy,
      yoyDerived: yoy,
      rank,
      rankOf: 3,
      rankBefore: null,
      rankChange,
      previousPeriod: '2025-05',
    });
    const buf = await leagueXlsx({
      indicator: '固定资产投资',
      unit: '亿元',
      period: '2025-06',
      by: 'yoy',
      rows: [
        row('滨江区', 1, 280.25, 9.8, 2),
        row('西湖区', 2, 312.5, 4.2, -1),
        row('上城区', 2, 100, 4.2, null),
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const s = wb.worksheets[0];
    expect(s?.getCell('A1').text).toBe('2025年1—6月固定资产投资各地区排位（按增速）');
    expect(s?.getRow(2).values).toEqual([
      undefined,
      '排位',
      '地区',
      '固定资产投资（亿元）',
      '同比增长（%）',
      '位次变化',
    ]);
    expect(s?.getRow(3).values).toEqual([undefined, 1, '滨江区', 280.25, 9.8, '↑2']);
    expect(s?.getRow(4).values).toEqual([undefined, 2, '西湖区', 312.5, 4.2, '↓1']);
    expect(s?.getRow(5).getCell(1).value).toBe(2);
    expect(s?.getColumn(3).numFmt).toBe('0.00');
  });

  it('says when lower is better and prints a rate with one decimal', async () => {
    const row = (region: string, rank: number, value: number) => ({
      region,
      code: region,
      level: 3,
      value,
      yoy: null,
      yoyPublished: null,
      yoyDerived: null,
      rank,
      rankOf: 2,
      rankBefore: null,
      rankChange: 0,
      previousPeriod: '2025-05',
    });
    const buf = await leagueXlsx({
      indicator: '城镇调查失业率',
      unit: '%',
      direction: 'down',
      period: '2025-06',
      by: 'value',
      rows: [row('上城区', 1, 4.3), row('西湖区', 2, 5)],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const s = wb.worksheets[0];
    expect(s?.getCell('A1').text).toBe('2025年1—6月城镇调查失业率各地区排位（按总量，越低越好）');
    expect(s?.getColumn(3).numFmt).toBe('0.0');
    expect(s?.getRow(3).values).toEqual([undefined, 1, '上城区', 4.3, undefined, '—']);
  });
});
