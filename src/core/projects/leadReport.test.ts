import { describe, expect, it } from 'vitest';
import { leadBreakdown, leadList, leadReport, rankAreas } from './leadReport.ts';
import { leadRates } from './leads.ts';
import { lead } from './testing.ts';
import type { Lead } from './types.ts';

const JUNE = { year: 2025, month: 6 };
const xihuUnit = { unit: '投资促进局', unitRegionCode: '330106', unitRegion: '西湖区' };
const binjiang = { regionCode: '330108', region: '滨江区' };

/** A city (330100) with three districts; one lead of the city itself, one signed last year, one not signed. */
const LEADS: Lead[] = [
  lead({
    code: 'A',
    ...xihuUnit,
    industry: '数字经济',
    contract: 30000,
    signed: '2025-02-10',
    registered: '2025-03-01',
    started: '2025-05-20',
    fundsArrived: 8000,
  }),
  lead({
    code: 'B',
    ...xihuUnit,
    industry: '先进制造',
    contract: 10000,
    signed: '2025-06-30',
    registered: '2025-07-01',
    fundsArrived: 1000,
  }),
  lead({
    code: 'C',
    ...binjiang,
    unit: '投资促进局',
    unitRegionCode: '330108',
    unitRegion: '滨江区',
    industry: '数字经济',
    contract: 40000,
    signed: '2025-03-15',
    registered: '2025-04-01',
    started: '2025-06-01',
    producing: '2025-06-20',
    fundsArrived: 20000,
  }),
  lead({
    code: 'D',
    regionCode: '330100',
    region: '杭州市',
    unit: '市商务局',
    unitRegionCode: '330100',
    unitRegion: '杭州市',
    contract: 5000,
    signed: '2025-01-20',
  }),
  lead({
    code: 'E',
    regionCode: '330102',
    region: '上城区',
    industry: '文旅',
    contract: 9999,
    signed: '2024-11-01',
    fundsArrived: 500,
  }),
  lead({ code: 'F', contract: 7000 }),
];
const AREAS = [
  { code: '330102', name: '上城区' },
  { code: '330106', name: '西湖区' },
  { code: '330108', name: '滨江区' },
];
const areaOf = (c: string) => (c === '330100' ? null : c);

describe('the lead breakdowns', () => {
  const b = leadBreakdown(LEADS, JUNE, AREAS, areaOf);

  it('gives the totals of lead rates, over the four leads signed in 2025 by June', () => {
    // A, B, C, D: 85000 contracted; registered A, C (B registers in July); started A, C; producing C;
    // funds 8000 + 1000 + 20000 + 0 = 29000 → 29000 / 85000 = 34.12 %.
    expect(b.totals).toEqual({
      signed: 4,
      contract: 85000,
      registered: 2,
      started: 2,
      producing: 1,
      fundsArrived: 29000,
      registerRate: 50,
      startRate: 50,
      productionRate: 25,
      fundsRate: 34.12,
    });
    expect(b.totals).toEqual(leadRates(LEADS, JUNE));
  });

  it('ranks the districts by amount signed, a tie by start rate, and ranks a district that signed nothing last', () => {
    // 西湖 A + B = 40000, one of two started (50 %); 滨江 C = 40000, started (100 %) → 滨江 first.
    expect(b.byArea.map((a) => [a.rank, a.name, a.signed, a.contract, a.startRate, a.fundsRate])).toEqual([
      [1, '滨江区', 1, 40000, 100, 50],
      [2, '西湖区', 2, 40000, 50, 22.5],
      [3, '上城区', 0, 0, null, null],
    ]);
    // The city's own lead D is in the totals only: 2 + 1 + 0 + 1 = 4.
    expect(b.byArea.reduce((s, a) => s + a.signed, 0) + 1).toBe(b.totals.signed);
  });

  it('shares a rank only when both the amount and the start rate are equal', () => {
    const r = leadRates([], JUNE);
    const ranked = rankAreas([
      { ...r, contract: 10, startRate: 50, n: 'a' },
      { ...r, contract: 10, startRate: 50, n: 'b' },
      { ...r, contract: 5, startRate: 100, n: 'c' },
    ]);
    expect(ranked.map((a) => [a.n, a.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('groups by industry, the unclassified apart, and leaves out an industry with nothing signed this year', () => {
    // 数字经济 A + C: 70000, funds 28000 (40 %), both registered and started, C producing (50 %).
    expect(
      b.byIndustry.map((g) => [g.name, g.signed, g.contract, g.registerRate, g.productionRate, g.fundsRate]),
    ).toEqual([
      ['数字经济', 2, 70000, 100, 50, 40],
      ['先进制造', 1, 10000, 0, 0, 10],
      ['未分类', 1, 5000, 0, 0, 0],
    ]);
    expect(b.byIndustry.reduce((s, g) => s + g.contract, 0)).toBe(b.totals.contract);
  });

  it('tells apart two units of the same name by their region', () => {
    expect(b.byUnit.map((g) => [g.name, g.signed, g.contract, g.fundsArrived])).toEqual([
      ['投资促进局（滨江区）', 1, 40000, 20000],
      ['投资促进局（西湖区）', 2, 40000, 9000],
      ['市商务局', 1, 5000, 0],
    ]);
  });
});

describe('the lead list', () => {
  it('gives each lead the stage reached by the period end and whether the rates count it', () => {
    expect(leadList(LEADS, JUNE).map((l) => [l.code, l.stage, l.counted])).toEqual([
      ['A', '开工', true],
      ['B', '签约', true],
      ['C', '投产', true],
      ['D', '签约', true],
      ['E', '签约', false],
      ['F', '在谈', false],
    ]);
  });
});

describe('the monthly attraction report', () => {
  const r = leadReport('杭州市', JUNE, LEADS, AREAS, areaOf);

  it('says the totals and the leading district in words', () => {
    expect(r.title).toBe('杭州市2025年6月招商引资月报');
    expect(r.paragraphs).toEqual([
      '2025年1—6月，杭州市新签约招商项目 4 个，签约金额 85000 万元。其中已注册 2 个，履约率 50%；已开工 2 个，开工率 50%；已投产 1 个，投产率 25%；累计到位资金 29000 万元，资金到位率 34.12%。',
      '分地区看，签约金额居首位的是滨江区（40000 万元）；上城区本年尚无签约项目。各地区按签约金额排名，金额相同的按开工率排名。',
    ]);
  });

  it('has the totals, the ranked regions, industries, units and the leads signed this year as tables', () => {
    expect(r.tables.map((t) => t.title)).toEqual([
      '总体情况',
      '各地区情况（按签约金额排名）',
      '分产业类别情况',
      '分责任单位情况',
      '本年签约项目清单',
    ]);
    expect(r.tables[0]?.rows).toEqual([['合计', 4, 85000, 50, 50, 25, 29000, 34.12]]);
    expect(r.tables[1]?.rows[0]).toEqual([1, '滨江区', 1, 40000, 100, 100, 100, 20000, 50]);
    expect(r.tables[4]?.rows.map((row) => [row[0], row[5]])).toEqual([
      ['C', '投产'],
      ['A', '开工'],
      ['B', '签约'],
      ['D', '签约'],
    ]);
  });
});
