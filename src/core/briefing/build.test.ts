import { describe, expect, it } from 'vitest';
import type { Overview, OverviewRow } from '../overview.ts';
import { buildBriefing } from './build.ts';
import { numbersIn, untracedNumbers } from './numbers.ts';

const row = (r: Partial<OverviewRow>): OverviewRow => ({
  indicator: 'fai',
  name: '固定资产投资',
  unit: '亿元',
  direction: 'up',
  dataPeriod: '2025-06',
  value: 319.56,
  yoy: 4,
  yoyPoints: null,
  parentYoy: 3.1,
  target: 4,
  targetKind: 'growth',
  actual: 4,
  actualUnit: '%',
  completion: null,
  timeProgress: 50,
  gap: 0,
  status: 'on_track',
  rank: 10,
  rankOf: 13,
  rankChange: 0,
  previousYoy: 3.4,
  previousPeriod: '2025-05',
  swing: false,
  ...r,
});

const overview = (rows: OverviewRow[], o: Partial<Overview> = {}): Overview => ({
  region: { code: '330106', name: '西湖区' },
  parent: { code: '330100', name: '杭州市' },
  period: '2025-06',
  rows,
  doubleHalf: false,
  allGreen: false,
  ...o,
});

const fiscal = row({
  indicator: 'budget_revenue',
  name: '一般公共预算收入',
  value: 113.95,
  yoy: 4.1,
  parentYoy: 5.3,
  target: 261,
  targetKind: 'amount',
  actual: 113.95,
  actualUnit: '亿元',
  completion: 43.66,
  gap: -6.34,
  status: 'behind',
  rank: 11,
  previousYoy: 3.4,
});
const estate = row({
  indicator: 'real_estate_investment',
  name: '房地产开发投资',
  value: 134.54,
  yoy: -1.9,
  parentYoy: -3,
  target: null,
  targetKind: null,
  gap: null,
  status: null,
  rank: 4,
  rankChange: 1,
});

describe('the briefing built from the overview', () => {
  const b = buildBriefing({ overview: overview([row({}), estate, fiscal]), level: 3, subRegions: [] });

  it('is titled 2025年1—6月西湖区经济运行情况分析', () => {
    expect(b.title).toBe('2025年1—6月西湖区经济运行情况分析');
  });

  it('judges the targets in the verdict: one of two behind, 双过半 not reached at June, best and worst named', () => {
    expect(b.verdict).toContain(
      '纳入年度目标的二项主要指标中，一项达到或快于时序进度，一项滞后于时序进度（一般公共预算收入）',
    );
    expect(b.verdict).toContain('尚未全面实现“双过半”');
    expect(b.verdict).toContain(
      '固定资产投资319.56亿元，同比增长4.0%，达到年度目标（增长4.0%），完成情况最好',
    );
    expect(b.verdict).toContain(
      '一般公共预算收入113.95亿元，同比增长4.1%，完成年度目标（261.00亿元）的43.7%，低于时序进度（50.0%）6.3个百分点，差距最大',
    );
  });

  it('says 实现“双过半” when the overview says so at June and 全年红 at December', () => {
    const june = buildBriefing({
      overview: overview([row({})], { doubleHalf: true }),
      level: 3,
      subRegions: [],
    });
    expect(june.verdict).toContain('实现“双过半”');
    const dec = buildBriefing({
      overview: overview([row({ dataPeriod: '2025-12' })], { period: '2025-12', allGreen: true }),
      level: 3,
      subRegions: [],
    });
    expect(dec.verdict).toContain('实现“全年红”');
    expect(dec.title).toBe('2025年1—12月西湖区经济运行情况分析');
  });

  it('writes the investment block with the sub-item that declines, never 增长-1.9%', () => {
    const inv = b.sections.find((s) => s.key === 'investment');
    expect(inv?.paragraphs[0]).toBe(
      '1—6月，全区固定资产投资319.56亿元，同比增长4.0%，高于全市（3.1%）0.9个百分点，增速比1—5月提高0.6个百分点，居全市13个区、县（市）第10位，位次与1—5月持平；达到年度目标（增长4.0%）。其中，房地产开发投资134.54亿元，下降1.9%。',
    );
    expect(JSON.stringify(b)).not.toMatch(/增长-/);
  });

  it('leaves out what it has no figure for: no parent, no last period, no sections without data', () => {
    const bare = buildBriefing({
      overview: overview([row({ parentYoy: null, previousYoy: null, previousPeriod: null, rank: null })], {
        parent: null,
      }),
      level: 3,
      subRegions: [],
    });
    const inv = bare.sections.find((s) => s.key === 'investment');
    expect(inv?.paragraphs[0]).toBe(
      '1—6月，全区固定资产投资319.56亿元，同比增长4.0%；达到年度目标（增长4.0%）。',
    );
    expect(bare.sections.map((s) => s.key)).toEqual(['overview', 'investment']);
  });

  it('lists problems from the figures and next steps from the phrase library', () => {
    const problems = b.sections.find((s) => s.key === 'problems');
    expect(problems?.paragraphs).toEqual([
      '部分指标完成进度滞后于时序进度。一般公共预算收入完成年度目标（261.00亿元）的43.7%，低于时序进度（50.0%）6.3个百分点。',
      '部分指标增速低于全市平均水平。一般公共预算收入增长4.1%，低于全市（5.3%）1.2个百分点。',
      '部分指标负增长。房地产开发投资下降1.9%。',
    ]);
    const next = b.sections.find((s) => s.key === 'next');
    expect(next?.paragraphs[0]).toBe(
      '加强一般公共预算收入征管，挖掘重点税源，做到应收尽收，确保收入进度与时序进度同步。',
    );
  });

  it('prints no number that is not one of its section’s figures', () => {
    for (const s of b.sections) expect(untracedNumbers(s), s.key).toEqual([]);
  });

  it('finds an invented number: the check can fail', () => {
    const s = b.sections.find((x) => x.key === 'investment');
    if (!s) throw new Error('no investment section');
    expect(untracedNumbers({ ...s, paragraphs: ['固定资产投资增长4.4%'] })).toEqual([
      '4.4（固定资产投资增长4.4%…）',
    ]);
    expect(numbersIn('1—6月，增长1.5倍，8,102.58亿元').map((n) => n.value)).toEqual([1.5, 8102.58]);
  });

  it('leaves out an empty projects section and keeps a filled one before the problems', () => {
    const filled = {
      key: 'projects' as const,
      title: '重点项目',
      part: null,
      paragraphs: ['全区重点项目建设有序推进。'],
      figures: [],
    };
    const empty = { ...filled, key: 'tasks' as const, paragraphs: [] };
    const keys = buildBriefing({
      overview: overview([fiscal]),
      level: 3,
      subRegions: [],
      extra: [filled, empty],
    }).sections.map((s) => s.key);
    expect(keys).toEqual(['overview', 'fiscal', 'projects', 'problems', 'next']);
  });

  it('says a forecast with 预计 and lists it among the problems as not yet confirmed', () => {
    const gdp = {
      indicator: 'gdp',
      name: '地区生产总值',
      unit: '亿元',
      direction: 'up' as const,
      period: '2025-06',
      value: 910,
      yoy: 5.9,
    };
    const withForecast = buildBriefing({
      overview: overview([fiscal]),
      level: 3,
      subRegions: [],
      forecasts: [gdp],
    });
    const section = withForecast.sections.find((s) => s.key === 'gdp');
    expect(section?.paragraphs).toEqual([
      '预计上半年，全区地区生产总值910.00亿元，同比增长5.9%（预计数，以统计部门发布为准）。',
    ]);
    expect(section?.figures[0]?.forecast).toBe(true);
    const problems = withForecast.sections.find((s) => s.key === 'problems');
    expect(problems?.paragraphs.at(-1)).toBe(
      '部分指标为预计数，尚待统计部门核实。地区生产总值上半年为预计数。',
    );
    for (const s of withForecast.sections) expect(untracedNumbers(s), s.key).toEqual([]);
  });

  it('says none of the towns grew faster than the district as 均未高于, never 〇个', () => {
    const league = [6, 5, 4].map((yoy, i) => ({
      region: `镇${i + 1}`,
      code: `T${i}`,
      value: 10,
      yoy,
      rank: i + 1,
      rankOf: 3,
      rankChange: 0,
    }));
    const b2 = buildBriefing({
      overview: overview([row({ yoy: 7 })]),
      level: 3,
      subRegions: [{ indicator: 'fai', rows: league }],
    });
    const text = b2.sections.find((s) => s.key === 'subregions')?.paragraphs[0] ?? '';
    expect(text).toBe(
      '1—6月，固定资产投资增速从高到低依次为镇1（增长6.0%）、镇2（增长5.0%）和镇3（增长4.0%）；三个镇街增速均未高于全区（7.0%）。',
    );
    expect(text).not.toContain('〇');
  });
});
