// Periods as 'YYYY-MM' (the last month covered): parsing, formatting and stepping.
import type { Period } from './types.ts';

/** '2019-06' or '2019-6' → { year: 2019, month: 6 }; anything else → null. */
export function parsePeriod(s: string): Period | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

export const formatPeriod = (p: Period): string => `${p.year}-${String(p.month).padStart(2, '0')}`;

export const lastYear = (p: Period): Period => ({ year: p.year - 1, month: p.month });

export const previousMonth = (p: Period): Period =>
  p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };

export const comparePeriods = (a: Period, b: Period): number => a.year - b.year || a.month - b.month;

/** A calendar day `YYYY-MM-DD`, or null when it is not a real day (2025-02-30). */
export function parseDay(s: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCMonth() === month - 1 && t.getUTCDate() === day ? { year, month, day } : null;
}
