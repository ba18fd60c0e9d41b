import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthValuesFromYtd, ytdFromMonthValues } from './cumulative.ts';

describe('year-to-date and month values', () => {
  it('reads a 1–2月 figure as February holding both months and January blank', () => {
    // NBS: January blank, 1–2月 = 337.58, 1–3月 = 740.48 → March alone 402.90.
    const months = monthValuesFromYtd([null, 337.58, 740.48], true);
    expect(months[0]).toBeNull();
    expect(months[1]).toBe(337.58);
    expect(months[2]).toBeCloseTo(402.9, 10);
  });

  it('takes January on its own when the indicator is published from January', () => {
    expect(monthValuesFromYtd([10, 25, 45], false)).toEqual([10, 15, 20]);
  });

  it('breaks the chain after a missing month rather than invent a value', () => {
    expect(monthValuesFromYtd([10, null, 45, 60], false)).toEqual([10, null, null, 15]);
  });

  it('accumulates month values back into year-to-date', () => {
    expect(ytdFromMonthValues([null, 20, 12], true)).toEqual([null, 20, 32]);
    expect(ytdFromMonthValues([10, 15, 20], false)).toEqual([10, 25, 45]);
  });

  it('round-trips ytd → month → ytd for any year', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        (monthly, combined) => {
          const months: (number | null)[] = monthly.map((m) => m / 100);
          if (combined) months[0] = null;
          const ytd = ytdFromMonthValues(months, combined);
          const back = monthValuesFromYtd(ytd, combined);
          back.forEach((v, i) => {
            if (months[i] === null) expect(v).toBeNull();
            else expect(v).toBeCloseTo(months[i] as number, 6);
          });
        },
      ),
    );
  });
});
