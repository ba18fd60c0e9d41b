// A speech's deadline words as a day: 6月底前 → 06-30, 二季度 → 06-30, 上半年 → 06-30, 年底前 → 12-31,
// 9月30日前 → 09-30, 5月上旬 → 05-10. Words relative to a day nobody wrote down (本月内, 本周内) give null:
// the task then takes its source kind's default time limit.
import { isDay, lastDayOfMonth } from './days.ts';

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** The day a deadline written in a document of `year` stands for, or null when it names no fixed day. */
export function dueFromText(text: string | null | undefined, year: number | null): string | null {
  const s = (text ?? '').replace(/\s+/g, '');
  if (isDay(s)) return s;
  const y = Number(/^(20\d{2})年/.exec(s)?.[1] ?? year ?? Number.NaN);
  if (!Number.isInteger(y)) return null;
  const q = /([一二三四1-4])季度/.exec(s);
  if (q) return lastDayOfMonth(y, (QUARTER[q[1] as string] as number) * 3);
  if (/上半年/.test(s)) return `${y}-06-30`;
  if (/下半年|年底|年末|年内/.test(s)) return `${y}-12-31`;
  const m = /(\d{1,2})月(?:(\d{1,2})日|(上旬|中旬|下旬|底|末))?/.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (m[2]) {
    const d = `${y}-${mm}-${m[2].padStart(2, '0')}`;
    return isDay(d) ? d : null;
  }
  if (m[3] === '上旬') return `${y}-${mm}-10`;
  if (m[3] === '中旬') return `${y}-${mm}-20`;
  return lastDayOfMonth(y, month);
}
