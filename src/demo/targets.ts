// The demo's 2025 targets, worded as work reports word them: GDP 左右, investment 以上, revenue as an amount.
import type { Observation, Target } from '../core/types.ts';
import { round } from './paths.ts';
import { DEMO_CITY, DISTRICTS, TARGET_YEAR } from './profile.ts';

const CITY_TARGETS = { gdp: 5.5, industry: 6, fai: 4, retail: 5 };
/** 力争 stretch targets beside the expected GDP growth, where the work report sets one. */
const STRIVE_GDP: Record<string, number> = { [DEMO_CITY]: 6, '330108': 7, '330110': 7 };

export function demoTargets(all: Observation[]): Target[] {
  const lastYear = new Map(
    all
      .filter((o) => o.year === TARGET_YEAR - 1 && o.month === 12)
      .map((o) => [`${o.regionCode}|${o.indicatorCode}`, o.value ?? 0]),
  );
  const annual = (region: string, indicator: string) => lastYear.get(`${region}|${indicator}`) ?? 0;
  const out: Target[] = [];
  const regions = [
    { code: DEMO_CITY, targets: CITY_TARGETS },
    ...DISTRICTS.map((x) => ({ code: x.code, targets: x.targets })),
  ];
  for (const { code: regionCode, targets } of regions) {
    const source = `演示数据：${TARGET_YEAR}年政府工作报告`;
    const t = (x: Pick<Target, 'indicatorCode' | 'kind' | 'value' | 'cmp' | 'strength'> & Partial<Target>) =>
      out.push({ year: TARGET_YEAR, trajectory: null, source, quote: null, regionCode, ...x });
    t({ indicatorCode: 'gdp', kind: 'growth', value: targets.gdp, cmp: '≈', strength: 'expected' });
    const strive = STRIVE_GDP[regionCode];
    if (strive) t({ indicatorCode: 'gdp', kind: 'growth', value: strive, cmp: '>=', strength: 'strive' });
    t({
      indicatorCode: 'industrial_va',
      kind: 'growth',
      value: targets.industry,
      cmp: '>=',
      strength: 'expected',
    });
    t({ indicatorCode: 'fai', kind: 'growth', value: targets.fai, cmp: '>=', strength: 'expected' });
    t({
      indicatorCode: 'retail_sales',
      kind: 'growth',
      value: targets.retail,
      cmp: '≈',
      strength: 'expected',
    });
    t({
      indicatorCode: 'budget_revenue',
      kind: 'amount',
      value: round(annual(regionCode, 'budget_revenue') * 1.03, 2),
      cmp: '>=',
      strength: 'must',
    });
    t({
      indicatorCode: 'fdi',
      kind: 'amount',
      value: round(annual(regionCode, 'fdi') * 1.02, 2),
      cmp: '>=',
      strength: 'expected',
    });
    t({
      indicatorCode: 'trade_total',
      kind: 'amount',
      value: round(annual(regionCode, 'trade_total') * 1.045, 2),
      cmp: '>=',
      strength: 'expected',
      trajectory: {
        granularity: 'quarter',
        checkpoints: [
          { month: 3, percent: 20 },
          { month: 6, percent: 45 },
          { month: 9, percent: 72 },
          { month: 12, percent: 100 },
        ],
      },
    });
    t({
      indicatorCode: 'unemployment_rate',
      kind: 'ceiling',
      value: regionCode === DEMO_CITY ? 5 : 5.5,
      cmp: '<=',
      strength: 'expected',
    });
  }
  return out;
}
