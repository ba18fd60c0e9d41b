import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contribution,
  percentagePoints,
  pickGrowth,
  readGrowth,
  share,
  twoYearAverageFromValues,
  twoYearAverageGrowth,
  yoyGap,
  yoyGrowth,
} from './growth.ts';

describe('year-on-year growth', () => {
  it('is (this ÷ same period last year − 1) × 100', () => {
    expect(yoyGrowth(110, 100)).toBeCloseTo(10, 10);
    // 云南 2019-06 against 2018-06, from the NBS file: published 28.8.
    expect(yoyGrowth(1729.11, 1342.21)).toBeCloseTo(28.826, 3);
    expect(yoyGrowth(90, 100)).toBeCloseTo(-10, 10);
  });

  it('is missing, not infinite, when last year is missing or zero', () => {
    expect(yoyGrowth(5, null)).toBeNull();
    expect(yoyGrowth(5, 0)).toBeNull();
    expect(yoyGrowth(null, 5)).toBeNull();
  });

  it('flags a published figure more than 0.1 pp from the derived one', () => {
    expect(yoyGap(28.8, 28.83).flagged).toBe(false);
    expect(yoyGap(7.8, 7.65).flagged).toBe(true);
    expect(yoyGap(7.8, 7.65).gap).toBeCloseTo(0.15, 10);
    expect(yoyGap(null, 7.65)).toEqual({ gap: null, flagged: false });
  });
});

describe('two-year average growth', () => {
  it('matches the published examples (比2019年增长72.1%，两年平均增长31.2%)', () => {
    expect(twoYearAverageFromValues(172.1, 100)).toBeCloseTo(31.2, 1);
    expect(twoYearAverageFromValues(114.8, 100)).toBeCloseTo(7.1, 1);
  });

  it('is the geometric mean of two yearly growths', () => {
    // (1.1 × 1.0)^½ = 1.0488
    expect(twoYearAverageGrowth(10, 0)).toBeCloseTo(4.88, 2);
    fc.assert(
      fc.property(fc.double({ min: -50, max: 100, noNaN: true }), (g) => {
        expect(twoYearAverageGrowth(g, g)).toBeCloseTo(g, 8);
      }),
    );
  });
});

describe('percentage points, share and contribution', () => {
  it('takes the difference of two rates in points', () => {
    expect(percentagePoints(8.1, 5.9)).toBeCloseTo(2.2, 10);
  });

  it('computes a share of the whole', () => {
    expect(share(25, 200)).toBe(12.5);
    expect(share(1, 0)).toBeNull();
  });

  it('computes 拉动 and 贡献率 as in the worked example (17.9 pp, 60.4%)', () => {
    const c = contribution({ partNow: 3433, partBase: 2556, wholeNow: 4888 + 1453, wholeBase: 4888 });
    expect(c?.points).toBeCloseTo(17.9, 1);
    expect(c?.rate).toBeCloseTo(60.4, 1);
  });

  it('computes the FAI manufacturing example (贡献率 74.6%, 拉动 14.6 pp)', () => {
    const c = contribution({
      partNow: 23.58,
      partBase: 23.58 / 1.27,
      wholeNow: 40.98,
      wholeBase: 40.98 / 1.196,
    });
    expect(c?.rate).toBeCloseTo(74.6, 1);
    expect(c?.points).toBeCloseTo(14.6, 1);
  });

  it('makes contribution rate times whole growth equal the points pulled', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (partBase, restBase, partNow, restNow) => {
          const wholeBase = partBase + restBase;
          const wholeNow = partNow + restNow;
          fc.pre(Math.abs(wholeNow - wholeBase) > 1e-3);
          const c = contribution({ partNow, partBase, wholeNow, wholeBase });
          const wholeGrowth = (wholeNow / wholeBase - 1) * 100;
          expect(((c?.rate ?? 0) * wholeGrowth) / 100).toBeCloseTo(c?.points ?? 0, 6);
        },
      ),
    );
  });
});

describe('the growth shown (published or derived)', () => {
  it('takes the published figure, even zero, over the derived one', () => {
    expect(pickGrowth(7.8, 7.65)).toBe(7.8);
    expect(pickGrowth(0, 7.65)).toBe(0);
    expect(pickGrowth(null, 7.65)).toBe(7.65);
    expect(pickGrowth(null, null)).toBeNull();
  });

  it('derives growth from the values for nominal indicators, to two decimals, and flags a gap to the published one', () => {
    const fai = { comparable: false };
    // 1–6月 319.56 against 307.27: (319.56 ÷ 307.27 − 1) × 100 = 3.9997… → 4
    expect(readGrowth(fai, { value: 319.56, yoy: null, lastValue: 307.27 }).yoy).toBe(4);
    const both = readGrowth(fai, { value: 110, yoy: 10.3, lastValue: 100 });
    expect(both).toMatchObject({ yoy: 10.3, yoyPublished: 10.3, yoyDerived: 10, flagged: true });
  });

  it('never derives growth at comparable prices from nominal values', () => {
    const gdp = { comparable: true };
    expect(readGrowth(gdp, { value: 110, yoy: null, lastValue: 100 })).toMatchObject({
      yoy: null,
      yoyDerived: null,
    });
    expect(readGrowth(gdp, { value: 110, yoy: 5.2, lastValue: 100 }).yoy).toBe(5.2);
  });
});
