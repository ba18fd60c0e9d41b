// Extensions (延期): asked with a reason up to and including the due date, to a later day; refused after the due
// date, for a recurring task (each cycle has its own end) and for a closed one.
import type { Recurrence } from '../types.ts';
import { daysBetween, isDay } from './days.ts';

export type ExtensionCheck = { ok: true } | { ok: false; problem: string };

export function checkExtension(
  task: { due: string | null; recurrence: Recurrence | null; done: boolean },
  to: string,
  reason: string,
  today: string,
): ExtensionCheck {
  const no = (problem: string): ExtensionCheck => ({ ok: false, problem });
  if (task.done) return no('任务已办结，不能延期');
  if (task.recurrence || !task.due) return no('周期性任务按周期截止，不能延期');
  if (!isDay(to)) return no(`延期日期应为 YYYY-MM-DD 的真实日期，收到「${to}」`);
  if (reason.trim() === '') return no('延期须说明理由');
  if (daysBetween(task.due, today) > 0)
    return no(`已过截止日期 ${task.due}，不能再申请延期（延期须在截止日期当天或之前申请）`);
  if (daysBetween(task.due, to) <= 0) return no(`延期后的日期 ${to} 应晚于现截止日期 ${task.due}`);
  return { ok: true };
}
