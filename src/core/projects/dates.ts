// Dates of the project register: a day `YYYY-MM-DD`, or a month `YYYY-MM` read as that month's last day,
// and month arithmetic on them ("planned 2025-03 + 3 months = 2025-06-30").
import { parseDay } from '../period.ts';

/** How many days a month has (month 1–12). */
export const daysInMonth = (year: number, month: number): number =>
  [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1] as number;

const iso = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The last day of a month as `YYYY-MM-DD`: the end of a period `YYYY-MM`. */
export const monthEnd = (year: number, month: number): string => iso(year, month, daysInMonth(year, month));

/**
 * A date cell of the register: '' → null (not yet); `YYYY-MM-DD` (also with `/` or `.`, or one-digit month and
 * day) → that day; `YYYY-MM` or `YYYY年M月` → that month's last day; an impossible date → undefined.
 * @example readProjectDate('2025-03') // '2025-03-31'
 */
export function readProjectDate(raw: string): string | null | undefined {
  const s = raw.trim().replace(/[/.．／]/g, '-');
  if (s === '') return null;
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (day) {
    const text = iso(Number(day[1]), Number(day[2]), Number(day[3]));
    return parseDay(text) && validYear(Number(day[1])) ? text : undefined;
  }
  const month = /^(\d{4})-(\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return m >= 1 && m <= 12 && validYear(y) ? monthEnd(y, m) : undefined;
  }
  return undefined;
}

/** Projects are planned within a lifetime: a year outside 1949–2100 is a typo. */
const validYear = (y: number) => y >= 1949 && y <= 2100;

/**
 * A day plus n months. A month's last day goes to the target month's last day (03-31 + 3 → 06-30; 02-28 + 1 →
 * 03-31); any other day keeps its number, cut to the target month's length (01-30 + 1 → 02-28).
 */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const [ty, tm] = [Math.floor(index / 12), (index % 12) + 1];
  const last = daysInMonth(ty, tm);
  return iso(ty, tm, d === daysInMonth(y, m) ? last : Math.min(d, last));
}

/**
 * Whole months from `day` to `end`: the largest n with day + n months ≤ end (0 when day ≤ end < day + 1 month);
 * null when day is after end.
 * @example monthsUntil('2025-03-31', '2025-06-30') // 3
 */
export function monthsUntil(day: string, end: string): number | null {
  if (day > end) return null;
  const [y, m] = day.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  let n = (ey - y) * 12 + (em - m);
  while (n > 0 && addMonths(day, n) > end) n--;
  return n;
}

/** Whether a date is set and falls on or before the end of the period. */
export const byEnd = (day: string | null, end: string): day is string => day !== null && day <= end;
