import { describe, expect, it } from 'vitest';
import { abnormalBase, withHistory } from './sectors.ts';
import type { BriefingFigure } from './types.ts';

describe('the base year and the two-year average', () => {
  it('calls a base abnormal when the sign flipped or growth moved 8 points or more, not otherwise', () => {
    expect(abnormalBase(12.8, -2)).toBe(true);
    expect(abnormalBase(3, 11)).toBe(true);
    expect(abnormalBase(5.6, 5)).toBe(false);
    expect(abnormalBase(6, 13.9)).toBe(false);
    expect(abnormalBase(0, -1.2)).toBe(false);
    expect(abnormalBase(5, null)).toBe(false);
  });

  it('computes 两年平均 from the two growths, unrounded: √(1.050 × 0.978) − 1 = 1.34%', () => {
    const f = { yoy: 5, parentYoy: null } as BriefingFigure;
    const out = withHistory(f, { lastYearYoy: -2.2, provinceYoy: 4.46 });
    expect(out.twoYearAverage).toBe(1.34);
    expect(out.lastYearYoy).toBe(-2.2);
    // 5.0 − 4.5 as printed.
    expect(out.provinceGap).toBe(0.5);
    expect(withHistory(f, { lastYearYoy: 4.6 }).twoYearAverage).toBeUndefined();
  });
});
