// The periodic supervision notice (督办通报): by lead unit, tasks assigned, done on time, done late, overdue and in
// hand; the red and yellow lists; the 约谈 list (escalated). Built from the task list's rows on one day.
import type { TaskStatus } from '../types.ts';
import { daysBetween } from './days.ts';
import type { TaskLight } from './lights.ts';

export interface NoticeTask {
  id: number;
  title: string;
  lead: string[];
  support: string[];
  due: string | null;
  percent: number;
  status: TaskStatus;
  light: TaskLight | null;
  daysLeft: number | null;
  lastReport: string | null;
  escalated: boolean;
  redDays: number;
  reasons: string[];
  closedOn: string | null;
}

export interface NoticeUnitLine {
  unit: string;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inHand: number;
}

export interface TaskNotice {
  title: string;
  today: string;
  total: number;
  byUnit: NoticeUnitLine[];
  red: NoticeTask[];
  yellow: NoticeTask[];
  escalated: NoticeTask[];
}

/** Done on time: closed on or before the due date in force (a recurring task has no single one: on time). */
export const onTime = (t: NoticeTask) =>
  t.closedOn !== null && (t.due === null || daysBetween(t.closedOn, t.due) >= 0);

export function buildNotice(rows: NoticeTask[], today: string, title = '督办事项落实情况通报'): TaskNotice {
  const units = new Map<string, NoticeUnitLine>();
  for (const t of rows)
    for (const unit of t.lead) {
      const line = units.get(unit) ?? {
        unit,
        assigned: 0,
        doneOnTime: 0,
        doneLate: 0,
        overdue: 0,
        inHand: 0,
      };
      line.assigned++;
      if (t.status === 'done') onTime(t) ? line.doneOnTime++ : line.doneLate++;
      else if (t.status === 'overdue') line.overdue++;
      else line.inHand++;
      units.set(unit, line);
    }
  // The units with most overdue first, then most assigned; names break ties so the order is stable.
  const byUnit = [...units.values()].sort(
    (a, b) =>
      b.overdue - a.overdue || b.assigned - a.assigned || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
  const mostRed = (a: NoticeTask, b: NoticeTask) => b.redDays - a.redDays || a.id - b.id;
  return {
    title,
    today,
    total: rows.length,
    byUnit,
    red: rows.filter((t) => t.light === 'red').sort(mostRed),
    yellow: rows.filter((t) => t.light === 'yellow'),
    escalated: rows.filter((t) => t.escalated).sort(mostRed),
  };
}
