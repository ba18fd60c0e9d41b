// Calendar days as 'YYYY-MM-DD' strings, counted in whole days (UTC, so no daylight-saving hour can shift a day).
import { parseDay } from '../period.ts';

const MS_PER_DAY = 86_400_000;

/** A day's number since 1970-01-01; throws on a string that is not a real day (callers check input first). */
export function dayNumber(day: string): number {
  const d = parseDay(day);
  if (!d) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY;
}

export function dayOfNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** b − a in whole days (positive when b is later). */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

export const addDays = (day: string, n: number): string => dayOfNumber(dayNumber(day) + n);

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const w = new Date(dayNumber(day) * MS_PER_DAY).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The last day of a month (month 1–12; months past 12 roll into later years). */
export function lastDayOfMonth(year: number, month: number): string {
  return dayOfNumber(Date.UTC(year, month, 0) / MS_PER_DAY);
}

export const isDay = (s: string): boolean => parseDay(s) !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);
