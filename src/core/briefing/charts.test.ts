import { describe, expect, it } from 'vitest';
import { completionChart, growthChart, subRegionChart, trendChart } from './charts.ts';
import type { BriefingFigure, BriefingSection } from './types.ts';

const fig = (f: Partial<BriefingFigure>): BriefingFigure => ({
  indicator: 'gdp',
  name: '地区生产总值',
  region: '330106',
  regionName: '西湖区',
  period: '2025-06',
  value: 100,
  unit: '亿元',
  direction: 'up',
  yoy: 5.04,
  yoyPoints: null,
  parentYoy: 4.96,
  parentGap: 0,
  previousYoy: null,
  previousPeriod: null,
  change: null,
  rank: 1,
  rankOf: 13,
  rankChange: 0,
  target: 5.5,
  targetKind: 'growth',
  completion: null,
  timeProgress: 50,
  gap: -0.5,
  status: 'behind',
  swing: false,
  forecast: false,
  ...f,
});

describe('the briefing charts', () => {
  it('draws each growth target beside the growth and the parent’s growth, rounded as the text prints them', () => {
    const c = growthChart(
      [
        fig({}),
        fig({ indicator: 'fai', name: '固定资产投资', yoy: -1.26, parentYoy: null, target: 3 }),
        fig({ indicator: 'budget_revenue', targetKind: 'amount', completion: 55 }),
        fig({ indicator: 'unemployment_rate', yoyPoints: 0.2 }),
      ],
      '全市',
    );
    expect(c?.categories).toEqual(['地区生产总值', '固定资产投资']);
    expect(c?.series).toEqual([
      { name: '同比增长', values: [5, -1.3] },
      { name: '年度目标', values: [5.5, 3] },
      { name: '全市增长', values: [5, null] },
    ]);
    expect(c?.section).toBe('overview');
  });

  it('draws amount targets’ completion beside time progress, and nothing without amount targets', () => {
    const c = completionChart([
      fig({ name: '一般公共预算收入', targetKind: 'amount', completion: 43.66, timeProgress: 50 }),
    ]);
    expect(c?.series).toEqual([
      { name: '完成年度目标', values: [43.7] },
      { name: '时序进度', values: [50] },
    ]);
    expect(completionChart([fig({})])).toBeNull();
  });

  it('lists the sub-regions best rank first, says when lower is better, and marks the region’s own growth', () => {
    const own = fig({ indicator: 'energy_intensity', name: '能耗', direction: 'down', yoy: -3.04 });
    const town = (name: string, yoy: number, rank: number) =>
      fig({ ...own, region: name, regionName: name, yoy, rank });
    const section: BriefingSection = {
      key: 'subregions',
      title: '分镇街情况',
      part: null,
      paragraphs: [],
      figures: [own, town('北山街道', -1.0, 3), town('留下街道', -5.0, 1), town('双浦镇', -2.0, 2)],
    };
    const c = subRegionChart(section, '镇街', '330106', '全区');
    expect(c?.title).toBe('分镇街能耗增速（越低越好）');
    expect(c?.categories).toEqual(['留下街道', '双浦镇', '北山街道']);
    expect(c?.series[0]?.values).toEqual([-5, -2, -1]);
    expect(c?.line).toEqual({ name: '全区', value: -3 });
    expect(c?.horizontal).toBe(true);
  });

  it('draws the trend of the growth target with the most months, each month rounded, the target as a line', () => {
    const figures = [
      fig({}),
      fig({ indicator: 'industry', name: '规模以上工业增加值', target: 6 }),
      fig({ indicator: 'fai', name: '固定资产投资', targetKind: 'amount', target: 300 }),
    ];
    const c = trendChart(figures, [
      // GDP is quarterly: two points; industry monthly: four with growth (January has none, as in NBS data).
      {
        indicator: 'gdp',
        points: [
          { period: '2025-03', yoy: 5.2 },
          { period: '2025-06', yoy: 5.04 },
        ],
      },
      {
        indicator: 'industry',
        points: [
          { period: '2025-01', yoy: null },
          { period: '2025-02', yoy: 7.26 },
          { period: '2025-03', yoy: 6.84 },
          { period: '2025-05', yoy: 6.45 },
          { period: '2025-06', yoy: 6.35 },
        ],
      },
      { indicator: 'fai', points: [1, 2, 3, 4, 5, 6].map((m) => ({ period: `2025-0${m}`, yoy: 2 })) },
    ]);
    expect(c?.title).toBe('规模以上工业增加值累计增速走势');
    expect(c?.kind).toBe('line');
    expect(c?.categories).toEqual(['1—2月', '1—3月', '1—5月', '1—6月']);
    // 7.26 → 7.3, 6.84 → 6.8, 6.45 → 6.5 (half up, as the text prints), 6.35 → 6.4.
    expect(c?.series).toEqual([{ name: '累计增长', values: [7.3, 6.8, 6.5, 6.4] }]);
    expect(c?.line).toEqual({ name: '年度目标', value: 6 });
  });

  it('names quarters for a quarterly indicator and draws no trend from a single point', () => {
    const gdp = [
      {
        indicator: 'gdp',
        points: [
          { period: '2025-03', yoy: 5.2 },
          { period: '2025-06', yoy: 5.04 },
        ],
      },
    ];
    expect(trendChart([fig({})], gdp)?.categories).toEqual(['一季度', '上半年']);
    expect(
      trendChart([fig({})], [{ indicator: 'gdp', points: [{ period: '2025-03', yoy: 5.2 }] }]),
    ).toBeNull();
  });
});
