import { describe, expect, it } from 'vitest';
import { defaultPeriod, fmt, inputText } from './format.ts';

describe('plain numbers on the pages', () => {
  it('print with two decimals unless told, thousands grouped, and a dash when missing', () => {
    expect(fmt(1234.5)).toBe('1,234.50');
    expect(fmt(6.48, 1)).toBe('6.5');
    expect(fmt(-0.001)).toBe('0.00');
    expect(fmt(null)).toBe('—');
    expect(fmt(undefined, 1)).toBe('—');
    expect(fmt(Number.NaN)).toBe('—');
  });

  it('print an explanation’s inputs: numbers with two decimals, words as they are, a missing one as a dash', () => {
    expect(inputText(12345.678)).toBe('12,345.68');
    // Ranks and counts (参与排位地区数 13, 上期名次 6) are whole: no decimals.
    expect(inputText(5)).toBe('5');
    expect(inputText(13)).toBe('13');
    expect(inputText(4.5)).toBe('4.50');
    expect(inputText('公布数')).toBe('公布数');
    expect(inputText(null)).toBe('—');
  });
});

describe('the period a page opens on', () => {
  it('is the last complete month, December of last year in January', () => {
    expect(defaultPeriod(new Date('2025-07-15T08:00:00Z'))).toBe('2025-06');
    expect(defaultPeriod(new Date('2025-03-31T23:00:00Z'))).toBe('2025-02');
    expect(defaultPeriod(new Date('2025-01-02T00:00:00Z'))).toBe('2024-12');
  });
});
