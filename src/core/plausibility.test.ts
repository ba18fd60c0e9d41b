import { describe, expect, it } from 'vitest';
import { ERROR_CODES, httpStatus, isErrorCode } from './errors.ts';
import { type EntryToCheck, implausibilities } from './plausibility.ts';

const fai = { measure: 'flow', comparable: false, unit: '亿元' } as const;
const gdp = { measure: 'flow', comparable: true, unit: '亿元' } as const;
const rate = { measure: 'rate', comparable: false, unit: '%' } as const;
const entry = (e: Partial<EntryToCheck>): EntryToCheck => ({
  indicator: fai,
  value: null,
  yoy: null,
  before: null,
  growthBefore: null,
  lastYear: null,
  ...e,
});

describe('implausibilities of a value entered by hand', () => {
  it('finds nothing in an ordinary month: cumulative up, growth steady, near last year', () => {
    // 1–6月 110 after 1–5月 92; growth 110/100 − 1 = 10.0% after 8.0% (2 points); 1.1 times last year.
    expect(
      implausibilities(
        entry({ value: 110, before: { period: '2025-05', value: 92 }, growthBefore: 8, lastYear: 100 }),
      ),
    ).toEqual([]);
  });

  it('asks about a cumulative flow lower than last month’s of the same year, with both figures', () => {
    const [p, ...rest] = implausibilities(entry({ value: 90, before: { period: '2025-05', value: 100 } }));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'cumulative_drop', value: 90, before: 100, period: '2025-05' });
    expect(p?.message).toBe('本期累计 90.00亿元 低于 2025-05 的累计 100.00亿元：累计值不应减少');
  });

  it('lets a stock or a rate fall from one month to the next', () => {
    expect(
      implausibilities(entry({ indicator: rate, value: 4.8, before: { period: '2025-05', value: 5.1 } })),
    ).toEqual([]);
  });

  it('asks about growth entered 30% after 6% (24 points, more than 5)', () => {
    const [p] = implausibilities(entry({ yoy: 30, growthBefore: 6 }));
    expect(p).toMatchObject({ kind: 'swing', from: 6, to: 30, change: 24, thresholdPp: 5 });
    expect(p?.message).toBe('增速 30.0% 较上期 6.0% 变动 +24.0个百分点，超过 5 个百分点');
  });

  it('checks the growth the value implies when none is entered: 150 against 100 is 50%, 45 points above 5%', () => {
    const found = implausibilities(entry({ value: 150, lastYear: 100, growthBefore: 5 }));
    expect(found.map((p) => p.kind)).toEqual(['swing']);
    expect(found[0]).toMatchObject({ to: 50, change: 45 });
  });

  it('takes exactly the threshold for no swing, and a per-indicator threshold when given', () => {
    expect(implausibilities(entry({ yoy: 11, growthBefore: 6 }))).toEqual([]);
    expect(implausibilities(entry({ yoy: 9, growthBefore: 6 }), 2).map((p) => p.kind)).toEqual(['swing']);
  });

  it('never derives a comparable-price growth from values: GDP 150 against 100 with no growth entered is no swing', () => {
    expect(
      implausibilities(entry({ indicator: gdp, value: 150, lastYear: 100, growthBefore: 5 })).map(
        (p) => p.kind,
      ),
    ).toEqual([]);
  });

  it('asks about a value more than ten times last year’s (a slipped decimal point): 1,200 against 100 is 12.0 times', () => {
    const found = implausibilities(entry({ indicator: gdp, value: 1200, lastYear: 100 }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'magnitude', value: 1200, lastYear: 100, ratio: 12 });
    expect(found[0]?.message).toBe('本期 1,200.00亿元 是上年同期 100.00亿元 的 12.0 倍');
  });

  it('asks about a value less than a tenth of last year’s: 5 against 100 is 5.0%, 1 against 7,577.6 is 0.013%', () => {
    const found = implausibilities(entry({ indicator: gdp, value: 5, lastYear: 100 }));
    expect(found[0]?.message).toBe('本期 5.00亿元 只有上年同期 100.00亿元 的 5.0%，不到十分之一');
    const tiny = implausibilities(entry({ indicator: gdp, value: 1, lastYear: 7577.6 }));
    expect(tiny[0]?.message).toBe('本期 1.00亿元 只有上年同期 7,577.60亿元 的 0.013%，不到十分之一');
    // Exactly ten times, or exactly a tenth, passes.
    expect(implausibilities(entry({ indicator: gdp, value: 1000, lastYear: 100 }))).toEqual([]);
    expect(implausibilities(entry({ indicator: gdp, value: 10, lastYear: 100 }))).toEqual([]);
  });

  it('lists every problem of one value: a slipped digit drops the cumulative, swings growth and is a tenth of last year', () => {
    // 9 typed for 90: below 1–5月 80; 9/100 − 1 = −91.0% after 8.0% (−99 points); 0.09 of last year.
    const found = implausibilities(
      entry({ value: 9, before: { period: '2025-05', value: 80 }, growthBefore: 8, lastYear: 100 }),
    );
    expect(found.map((p) => p.kind)).toEqual(['cumulative_drop', 'swing', 'magnitude']);
    expect(found[1]).toMatchObject({ to: -91, change: -99 });
  });

  it('says nothing without figures to compare with', () => {
    expect(implausibilities(entry({ value: 90, yoy: 40 }))).toEqual([]);
    expect(implausibilities(entry({ value: 90, lastYear: 0 }))).toEqual([]);
  });
});

describe('error codes', () => {
  it('answer an implausible entry with 409 and know only their own codes', () => {
    expect(httpStatus('observation.implausible')).toBe(409);
    expect(isErrorCode('observation.implausible')).toBe(true);
    expect(isErrorCode('observation.nonsense')).toBe(false);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
