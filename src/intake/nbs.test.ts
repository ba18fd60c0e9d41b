import { describe, expect, it } from 'vitest';
import { parseNbs, parseNbsPeriod } from './nbs.ts';
import { ImportError, type ImportIssue } from './types.ts';

/** The layout of a real export (data.stats.gov.cn): trailing commas, a footer, no line break at the end. */
const frame = (rows: string[], footer = '数据来源：国家统计局,,,') =>
  [
    '\ufeff数据库：分省月度数据,,,',
    '地区：浙江省,,,',
    '时间：最近36个月,,,',
    '指标,2019年3月,2019年2月,2019年1月',
    ...rows,
    footer,
  ].join('\n');

const ROWS = ['房地产投资累计值(亿元),2133.88,1205.26,', '房地产投资累计增长(%),12.3,19.3,'];

const issuesOf = (text: string): ImportIssue[] => {
  try {
    parseNbs(text, '浙江.csv');
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error('accepted');
};

describe('the NBS export', () => {
  it('reads a complete export that ends with its footer and no line break, its blank January as missing', () => {
    const rows = parseNbs(frame(ROWS), '浙江.csv');
    expect(rows).toEqual([
      expect.objectContaining({
        indicator: '房地产投资',
        region: '浙江省',
        year: 2019,
        month: 3,
        value: 2133.88,
        yoy: 12.3,
      }),
      expect.objectContaining({ month: 2, value: 1205.26, yoy: 19.3 }),
    ]);
  });

  it('refuses an export cut inside its last value, naming the last row: the footer is missing', () => {
    // 1205.26 cut to 12: a number still, so only the missing footer tells.
    const cut = frame(ROWS).slice(0, frame(ROWS).indexOf('1205.26') + 2);
    const issues = issuesOf(cut);
    expect(issues).toEqual([
      expect.objectContaining({
        file: '浙江.csv',
        row: 5,
        column: 'C',
        code: 'truncated',
        expected: expect.stringMatching(/数据来源.*截断/),
      }),
    ]);
  });

  it('refuses a row with one cell more than the header (values shifted by a month), naming the extra cell', () => {
    const issues = issuesOf(frame(['房地产投资累计值(亿元),2133.88,1205.26,,99', ROWS[1] as string]));
    expect(issues[0]).toMatchObject({ row: 5, column: 'E', value: '99', code: 'cells' });
    expect(issues[0]?.expected).toMatch(/错位/);
  });

  it('refuses a row one empty cell wider than the header: a value split in two (512.3 as 5 and 12.3)', () => {
    const issues = issuesOf(frame(['房地产投资累计值(亿元),2133.88,1205,.26,', ROWS[1] as string]));
    expect(issues[0]).toMatchObject({ row: 5, column: 'E', value: '', code: 'cells' });
  });

  it('refuses a row with fewer cells than the header', () => {
    const issues = issuesOf(frame(['房地产投资累计值(亿元),2133.88,1205.26', ROWS[1] as string]));
    expect(issues[0]).toMatchObject({ row: 5, column: 'D', code: 'cells' });
  });

  it('refuses an export with only its frame: no data rows', () => {
    expect(issuesOf(frame([]))[0]).toMatchObject({
      code: 'empty',
      expected: expect.stringMatching(/没有数据行/),
    });
  });

  it('refuses numbers that overflow or reach 10^15 and periods outside 1949–2100 or month 1–12', () => {
    expect(issuesOf(frame(['房地产投资累计值(亿元),1e400,1205.26,', ROWS[1] as string]))[0]).toMatchObject({
      row: 5,
      column: 'B(2019年3月)',
      expected: expect.stringMatching(/超出范围/),
    });
    const period = issuesOf(frame(ROWS).replace('2019年2月', '2019年13月'));
    expect(period[0]).toMatchObject({ row: 4, column: 'C', value: '2019年13月', code: 'period' });
    expect(parseNbsPeriod('1899年')).toBeNull();
    expect(parseNbsPeriod('9999年6月')).toBeNull();
    expect(parseNbsPeriod('2019年0月')).toBeNull();
  });

  it('still names text in a number cell', () => {
    expect(issuesOf(frame(['房地产投资累计值(亿元),12x3.5,1205.26,', ROWS[1] as string]))[0]).toMatchObject({
      row: 5,
      column: 'B(2019年3月)',
      value: '12x3.5',
      code: 'number',
    });
  });
});
