import { describe, expect, it } from 'vitest';
import { dueFromText } from './dueText.ts';

describe('a deadline written in a speech', () => {
  it('becomes the last day of the month, quarter or half-year it names, in the document year', () => {
    expect(dueFromText('6月底前', 2025)).toBe('2025-06-30');
    expect(dueFromText('二季度', 2025)).toBe('2025-06-30');
    expect(dueFromText('3季度末', 2025)).toBe('2025-09-30');
    expect(dueFromText('上半年', 2025)).toBe('2025-06-30');
    expect(dueFromText('年底前', 2025)).toBe('2025-12-31');
    expect(dueFromText('2月底前', 2024)).toBe('2024-02-29');
  });
  it('keeps a named day and the ten-day parts of a month', () => {
    expect(dueFromText('9月30日前', 2025)).toBe('2025-09-30');
    expect(dueFromText('5月上旬', 2025)).toBe('2025-05-10');
    expect(dueFromText('5月中旬', 2025)).toBe('2025-05-20');
    expect(dueFromText('5月下旬', 2025)).toBe('2025-05-31');
    expect(dueFromText('2026年3月底前', 2025)).toBe('2026-03-31');
  });
  it('gives no day for words relative to an unwritten day, a missing year or an impossible date', () => {
    expect(dueFromText('本月内', 2025)).toBeNull();
    expect(dueFromText('6月底前', null)).toBeNull();
    expect(dueFromText('2月30日前', 2025)).toBeNull();
    expect(dueFromText(null, 2025)).toBeNull();
  });
});
