// Recurrence cycles of a recurring task: calendar weeks (Monday–Sunday), months and quarters. A recurring task
// is due at the end of the cycle that holds today and must be reported once in every cycle.
import type { Recurrence } from '../types.ts';
import { addDays, dayNumber, isoWeekday, lastDayOfMonth } from './days.ts';

export interface Cycle {
  start: string;
  end: string;
}

/** The cycle that holds `day`. */
export function cycleOf(recurrence: Recurrence, day: string): Cycle {
  if (recurrence === 'weekly') {
    const start = addDays(day, 1 - isoWeekday(day));
    return { start, end: addDays(start, 6) };
  }
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = recurrence === 'monthly' ? month : month - ((month - 1) % 3);
  const last = recurrence === 'monthly' ? month : first + 2;
  return {
    start: `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`,
    end: lastDayOfMonth(year, last),
  };
}

/** The cycle just before `c`. */
export const previousCycle = (recurrence: Recurrence, c: Cycle): Cycle =>
  cycleOf(recurrence, addDays(c.start, -1));

/**
 * The last cycle that has ended by `today` (its end before today) and ended after the task's start, or null
 * when none has: the cycle whose report decides whether a recurring task is red.
 */
export function lastEndedCycle(recurrence: Recurrence, start: string, today: string): Cycle | null {
  const prev = previousCycle(recurrence, cycleOf(recurrence, today));
  return dayNumber(prev.end) > dayNumber(start) ? prev : null;
}
