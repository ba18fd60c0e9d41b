// A task's state on a given day: status, light (亮灯), days left and escalation (约谈), by the contract's rules
// (DESIGN.md "Supervision tasks", "Precise readings"). Pure: today comes in as 'YYYY-MM-DD'.
import type { Recurrence, TaskStatus } from '../types.ts';
import { cycleOf, lastEndedCycle } from './cycles.ts';
import { daysBetween } from './days.ts';
import { DEFAULT_TASK_RULES, type TaskRules } from './rules.ts';

export type TaskLight = 'green' | 'blue' | 'yellow' | 'red';

export interface TaskFacts {
  start: string;
  /** The due date of a one-time task (after any approved extension); ignored for a recurring one. */
  due: string | null;
  recurrence: Recurrence | null;
  /** Closed (办结): no light any more. */
  done: boolean;
  /** Reports that count (not sent back), in the order they were made; percent null = a note only. */
  reports: { date: string; percent: number | null }[];
}

export interface TaskState {
  /** The due date in force: a recurring task's is the end of the cycle holding today; null when none was set. */
  due: string | null;
  daysLeft: number | null;
  percent: number;
  lastReport: string | null;
  status: TaskStatus;
  light: TaskLight | null;
  /** Days the task has been red (0 when it is not). */
  redDays: number;
  escalated: boolean;
  /** Why it has its light, in Chinese, for lists and notices. */
  reasons: string[];
}

export function taskState(t: TaskFacts, today: string, rules: TaskRules = DEFAULT_TASK_RULES): TaskState {
  // A report dated after `today` has not happened yet on that day.
  const reports = t.reports.filter((r) => daysBetween(r.date, today) >= 0);
  const lastReport = reports.reduce<string | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
  let percent = 0;
  for (const r of [...reports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)))
    if (r.percent !== null) percent = r.percent;
  const from = daysBetween(t.start, today) >= 0 ? today : t.start;
  const due = t.recurrence ? cycleOf(t.recurrence, from).end : t.due;
  const daysLeft = due === null ? null : daysBetween(today, due);
  const base = { due, daysLeft, percent, lastReport };
  if (t.done) return { ...base, status: 'done', light: null, redDays: 0, escalated: false, reasons: [] };

  let redDays = 0;
  const reasons: string[] = [];
  if (t.recurrence) {
    const c = lastEndedCycle(t.recurrence, t.start, today);
    if (c && !reports.some((r) => r.date >= c.start && r.date <= c.end)) {
      redDays = daysBetween(c.end, today);
      reasons.push(`${c.start} 至 ${c.end} 周期未报送进展`);
    }
  } else if (daysLeft !== null && daysLeft < 0) {
    redDays = -daysLeft;
    reasons.push(`已超期 ${redDays} 天`);
  }
  const red = redDays > 0;

  const silent = daysBetween(lastReport ?? t.start, today);
  const yellowSilent = silent >= rules.yellowSilentDays;
  if (yellowSilent) reasons.push(`${silent} 天未报送进展`);
  let yellowBehind = false;
  if (!t.recurrence && due !== null && daysLeft !== null) {
    // share = elapsed ÷ span, clamped to 0–1; compared in whole numbers so 3/10 × 100 is exactly 30.
    const span = daysBetween(t.start, due);
    const elapsed = Math.min(Math.max(daysBetween(t.start, today), 0), Math.max(span, 0));
    const [num, den] = span > 0 ? [elapsed, span] : [daysLeft <= 0 ? 1 : 0, 1];
    yellowBehind = (percent + rules.yellowBehindPoints) * den < num * 100;
    if (yellowBehind)
      reasons.push(
        `进度 ${percent}% 落后时序进度 ${Math.round((num / den) * 1000) / 10}% 超过 ${rules.yellowBehindPoints} 个百分点`,
      );
  }
  const blue = daysLeft !== null && daysLeft >= 0 && daysLeft <= rules.blueDays;
  if (blue && !red) reasons.push(`距截止还有 ${daysLeft} 天`);

  const light: TaskLight = red ? 'red' : yellowSilent || yellowBehind ? 'yellow' : blue ? 'blue' : 'green';
  const status: TaskStatus = red ? 'overdue' : reports.length === 0 ? 'not_started' : 'in_progress';
  return { ...base, status, light, redDays, escalated: redDays > rules.escalateRedDays, reasons };
}
