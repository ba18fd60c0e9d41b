import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError } from './types.ts';
import { parseWideReport, periodFromTitle, readWideCsv, readWideXlsx } from './wide.ts';

const csv = `2025年1-6月各区县主要经济指标,,,,,
地区,规上工业增加值(亿元),,,固定资产投资(亿元),
,本月,累计,同比(%),累计,同比(%)
西湖区,12.5,70.25,6.1,312.5,4.2
滨江区,30,180.5,9.8,280,-1.5
全市,42.5,250.75,8.6,592.5,1.5
注：全市为各区合计,,,,,
`;

describe('the wide 报表 layout', () => {
  it('reads the period from the title', () => {
    expect(periodFromTitle('2025年1-6月各区县主要经济指标')).toEqual({ year: 2025, month: 6 });
    expect(periodFromTitle('2025年1—11月经济运行主要指标')).toEqual({ year: 2025, month: 11 });
    expect(periodFromTitle('2024年上半年镇街经济指标')).toEqual({ year: 2024, month: 6 });
    expect(periodFromTitle('2024年前三季度')).toEqual({ year: 2024, month: 9 });
    expect(periodFromTitle('2024年一季度')).toEqual({ year: 2024, month: 3 });
    expect(periodFromTitle('主要经济指标')).toBeNull();
  });

  it('reads each region × indicator with its month value, ytd value and growth', () => {
    const rows = readWideCsv(csv, '报表.csv');
    const xihu = rows.find((r) => r.region === '西湖区' && r.indicator === '规上工业增加值');
    expect(xihu).toMatchObject({ year: 2025, month: 6, value: 70.25, yoy: 6.1, monthValue: 12.5 });
    expect(xihu?.loc.value).toEqual({ row: 4, column: 'C(规上工业增加值)' });
    const binjiang = rows.find((r) => r.region === '滨江区' && r.indicator === '固定资产投资');
    expect(binjiang).toMatchObject({ value: 280, yoy: -1.5 });
    expect(rows.filter((r) => r.region === '全市')).toHaveLength(2);
    expect(rows).toHaveLength(6);
  });

  it('names the row and column of a text in a number cell', () => {
    const bad = csv.replace('312.5', '三百');
    const err = (() => {
      try {
        readWideCsv(bad, '报表.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]).toMatchObject({
      row: 4,
      column: 'E(固定资产投资)',
      value: '三百',
    });
  });

  it('refuses a report whose title gives no period', () => {
    expect(() =>
      parseWideReport([['各区县主要经济指标'], ['地区', '固定资产投资'], ['西湖区', '1']], 'x.csv'),
    ).toThrow(/期间/);
  });

  it('reads an XLSX report whose indicator headers are merged over their columns', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('报表');
    s.addRow(['2025年1-6月各区县主要经济指标']);
    s.mergeCells('A1:F1');
    s.addRow(['地区', '规上工业增加值(亿元)', '', '', '固定资产投资(亿元)', '']);
    s.mergeCells('B2:D2');
    s.mergeCells('E2:F2');
    s.addRow(['', '本月', '累计', '同比(%)', '累计', '同比(%)']);
    s.addRow(['西湖区', 12.5, 70.25, 6.1, 312.5, 4.2]);
    const rows = await readWideXlsx(Buffer.from(await wb.xlsx.writeBuffer()), '报表.xlsx');
    expect(rows.find((r) => r.indicator === '固定资产投资')).toMatchObject({
      region: '西湖区',
      value: 312.5,
      yoy: 4.2,
    });
    expect(rows.find((r) => r.indicator === '规上工业增加值')).toMatchObject({
      value: 70.25,
      monthValue: 12.5,
    });
  });

  it('refuses a header whose shifted cell gives one indicator two columns of the same figure', () => {
    // 固定资产投资 slipped one column right: its 累计 column now reads as a second 累计 of 规上工业增加值.
    const shifted = csv.replace(
      '地区,规上工业增加值(亿元),,,固定资产投资(亿元),',
      '地区,规上工业增加值(亿元),,,,固定资产投资(亿元)',
    );
    const issue = (() => {
      try {
        readWideCsv(shifted, '报表.csv');
      } catch (e) {
        return (e as ImportError).issues[0];
      }
    })();
    expect(issue).toMatchObject({
      row: 3,
      column: 'E',
      value: '累计',
      code: 'header',
      expected: expect.stringMatching(/规上工业增加值.*C.*E/),
    });
  });

  it('refuses a data row with a cell more or less than the header, naming where', () => {
    const more = (() => {
      try {
        readWideCsv(csv.replace('滨江区,30,180.5,9.8,280,-1.5', '滨江区,30,180,5,9.8,280,-1.5'), '报表.csv');
      } catch (e) {
        return (e as ImportError).issues[0];
      }
    })();
    expect(more).toMatchObject({ row: 5, column: 'G', code: 'cells' });
    const fewer = (() => {
      try {
        readWideCsv(csv.replace('滨江区,30,180.5,9.8,280,-1.5', '滨江区,30,180.5,9.8,280'), '报表.csv');
      } catch (e) {
        return (e as ImportError).issues[0];
      }
    })();
    expect(fewer).toMatchObject({ row: 5, column: 'F', code: 'cells' });
  });
});
