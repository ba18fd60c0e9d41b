import { describe, expect, it } from 'vitest';
import { builtinIndicators } from './catalog.ts';
import {
  allGreen,
  doubleHalf,
  evaluateTarget,
  requiredAmountForRest,
  requiredGrowthForRest,
  restOfYearNeeds,
  timeProgress,
} from './progress.ts';
import type { Indicator, Target } from './types.ts';

const indicator = (code: string): Indicator => builtinIndicators.find((i) => i.code === code) as Indicator;
const target = (t: Partial<Target>): Target => ({
  indicatorCode: 'fai',
  regionCode: '330106',
  year: 2025,
  kind: 'growth',
  value: 6,
  cmp: '>=',
  strength: 'expected',
  trajectory: null,
  source: null,
  quote: null,
  ...t,
});

describe('time progress (时序进度)', () => {
  it('is months ÷ 12: 1–3月 25%, June 50%, 1–10月 83.33%', () => {
    expect(timeProgress(3, null)).toBe(25);
    expect(timeProgress(6, null)).toBe(50);
    expect(timeProgress(10, null)).toBeCloseTo(83.33, 2);
  });

  it('follows a quarterly trajectory and interpolates between its checkpoints', () => {
    const t = {
      granularity: 'quarter' as const,
      checkpoints: [
        { month: 3, percent: 20 },
        { month: 6, percent: 45 },
        { month: 9, percent: 70 },
        { month: 12, percent: 100 },
      ],
    };
    expect(timeProgress(6, t)).toBe(45);
    expect(timeProgress(7, t)).toBeCloseTo(45 + 25 / 3, 10);
    expect(timeProgress(1, t)).toBeCloseTo(20 / 3, 10);
  });
});

describe('evaluating a target', () => {
  it('reports completion against an amount target and the gap to time progress', () => {
    // 1–3月 30.90% of the annual target "超过时间进度5.90个百分点".
    const p = evaluateTarget({
      target: target({ kind: 'amount', value: 1000 }),
      indicator: indicator('budget_revenue'),
      month: 3,
      ytdValue: 309,
      ytdGrowth: null,
    });
    expect(p.completion).toBeCloseTo(30.9, 10);
    expect(p.gap).toBeCloseTo(5.9, 10);
    expect(p.status).toBe('ahead');
  });

  it('measures an amount target against its trajectory, not the calendar', () => {
    const trajectory = {
      granularity: 'quarter' as const,
      checkpoints: [
        { month: 6, percent: 40 },
        { month: 12, percent: 100 },
      ],
    };
    const p = evaluateTarget({
      target: target({ kind: 'amount', value: 1000, trajectory }),
      indicator: indicator('fai'),
      month: 6,
      ytdValue: 420,
      ytdGrowth: null,
    });
    expect(p.timeProgress).toBe(40);
    expect(p.gap).toBeCloseTo(2, 10);
    expect(p.status).toBe('on_track');
  });

  it('compares year-to-date growth with a growth target in points', () => {
    const p = evaluateTarget({
      target: target({ value: 8 }),
      indicator: indicator('fai'),
      month: 6,
      ytdValue: 500,
      ytdGrowth: 5.5,
    });
    expect(p.actual).toBe(5.5);
    expect(p.gap).toBeCloseTo(-2.5, 10);
    expect(p.status).toBe('off_track');
    const q = evaluateTarget({
      target: target({ value: 8 }),
      indicator: indicator('fai'),
      month: 6,
      ytdValue: 500,
      ytdGrowth: 7,
    });
    expect(q.status).toBe('behind');
  });

  it('counts a 左右 growth target as met within half a point below it', () => {
    const p = evaluateTarget({
      target: target({ value: 5.5, cmp: '≈' }),
      indicator: indicator('gdp'),
      month: 6,
      ytdValue: null,
      ytdGrowth: 5.2,
    });
    expect(p.status).toBe('on_track');
  });

  it('treats a ceiling on a lower-is-better rate as met when the rate stays under it', () => {
    const ind = indicator('unemployment_rate');
    expect(ind.direction).toBe('down');
    const under = evaluateTarget({
      target: target({ kind: 'ceiling', value: 5.5, cmp: '<=' }),
      indicator: ind,
      month: 6,
      ytdValue: 5.1,
      ytdGrowth: null,
    });
    expect(under.gap).toBeCloseTo(0.4, 10);
    expect(under.status).toBe('on_track');
    const over = evaluateTarget({
      target: target({ kind: 'ceiling', value: 5.5, cmp: '<=' }),
      indicator: ind,
      month: 6,
      ytdValue: 8,
      ytdGrowth: null,
    });
    expect(over.status).toBe('off_track');
  });

  it('uses the indicator thresholds when it has them', () => {
    const strict = { ...indicator('fai'), alertThreshold: -0.5, excellenceThreshold: 0.5 };
    const p = evaluateTarget({
      target: target({ value: 6 }),
      indicator: strict,
      month: 6,
      ytdValue: 1,
      ytdGrowth: 5.4,
    });
    expect(p.status).toBe('off_track');
  });

  it('has no status when the figure is missing', () => {
    const p = evaluateTarget({
      target: target({}),
      indicator: indicator('fai'),
      month: 6,
      ytdValue: null,
      ytdGrowth: null,
    });
    expect(p.status).toBeNull();
    expect(p.explain.formula).toContain('差距');
  });
});

describe('双过半 and 全年红', () => {
  const amount = (completion: number) =>
    evaluateTarget({
      target: target({ kind: 'amount', value: 100 }),
      indicator: indicator('fai'),
      month: 6,
      ytdValue: completion,
      ytdGrowth: null,
    });
  const growth = (g: number) =>
    evaluateTarget({
      target: target({ value: 6 }),
      indicator: indicator('fai'),
      month: 6,
      ytdValue: 1,
      ytdGrowth: g,
    });

  it('holds at June when every task is past half and every growth at target', () => {
    expect(doubleHalf([amount(59.9), growth(6.5)], 6)).toBe(true);
    expect(doubleHalf([amount(49.9), growth(6.5)], 6)).toBe(false);
    expect(doubleHalf([amount(59.9), growth(5.9)], 6)).toBe(false);
    expect(doubleHalf([amount(59.9)], 5)).toBe(false);
  });

  it('is all green only when every indicator is on track or ahead', () => {
    expect(allGreen([amount(55), growth(7)])).toBe(true);
    expect(allGreen([amount(55), growth(5)])).toBe(false);
    expect(allGreen([])).toBe(false);
  });
});

describe('what the rest of the year needs', () => {
  it('gives the growth the remaining months must reach', () => {
    // Last year 500 by June, 1000 in all; 520 by June this year; target +6% → 1060 − 520 = 540 over 500 → 8%.
    expect(
      requiredGrowthForRest({
        ytdValue: 520,
        lastYearYtdValue: 500,
        lastYearFullYear: 1000,
        targetGrowthPct: 6,
      }),
    ).toBeCloseTo(8, 10);
  });

  it('gives the amount left and the average per remaining month', () => {
    expect(requiredAmountForRest(600, 1000, 8)).toEqual({ remaining: 400, perMonth: 100 });
  });

  it('asks a flow with an amount target for what is left, and a growth target for the rest’s growth', () => {
    const fai = indicator('fai');
    const known = { lastYearYtdValue: 500, lastYearFullYear: 1000 };
    expect(
      restOfYearNeeds({
        target: target({ kind: 'amount', value: 1000 }),
        indicator: fai,
        month: 8,
        ytdValue: 600,
        ...known,
      }),
    ).toEqual({ growth: null, remaining: 400, perMonth: 100 });
    const growth = restOfYearNeeds({
      target: target({ value: 6 }),
      indicator: fai,
      month: 6,
      ytdValue: 520,
      ...known,
    });
    expect(growth.growth).toBeCloseTo(8, 10);
    expect(growth.remaining).toBeNull();
  });

  it('asks nothing of growth at comparable prices, of a rate, or without this year’s figure', () => {
    const known = { month: 6, lastYearYtdValue: 500, lastYearFullYear: 1000 };
    const none = { growth: null, remaining: null, perMonth: null };
    expect(
      restOfYearNeeds({ target: target({}), indicator: indicator('gdp'), ytdValue: 520, ...known }),
    ).toEqual(none);
    expect(
      restOfYearNeeds({
        target: target({ kind: 'ceiling', value: 5.5 }),
        indicator: indicator('unemployment_rate'),
        ytdValue: 5,
        ...known,
      }),
    ).toEqual(none);
    expect(
      restOfYearNeeds({ target: target({}), indicator: indicator('fai'), ytdValue: null, ...known }),
    ).toEqual(none);
  });
});
