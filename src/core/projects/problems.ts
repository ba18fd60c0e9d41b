// The problem list of a key project (项目问题清单): what is wrong, who coordinates it, by when, and whether it was
// solved. An open problem past its due day is overdue (逾期). Every rule takes `today` (no clock in the core).
import { daysBetween } from '../tasks/days.ts';
import type { NoticeTable } from './notice.ts';

/** One problem of a project; days are `YYYY-MM-DD`, raisedAt an ISO 8601 instant. */
export interface ProjectProblem {
  id: number;
  projectCode: string;
  projectName: string;
  region: string;
  regionCode: string;
  /** 问题描述 */
  description: string;
  /** 协调单位/责任人, as the office writes it. */
  coordinator: string;
  /** 完成时限 */
  due: string;
  /** The day it was solved; null while open. */
  resolvedOn: string | null;
  /** 解决情况, a short note. */
  resolution: string | null;
  raisedBy: string;
  raisedAt: string;
}

export interface ProblemStatus {
  /** Not solved by `today` (a problem solved later than `today` was still open then). */
  open: boolean;
  /** Open and its due day has passed: due yesterday or earlier. Due today is not yet overdue. */
  overdue: boolean;
  /** Whole days past the due day while overdue; null otherwise. */
  daysOverdue: number | null;
  /** Solved, but after its due day (the notice and the table say so). */
  resolvedLate: boolean;
}

/**
 * The state of a problem on a day.
 * @example problemStatus({ due: '2025-06-30', resolvedOn: null }, '2025-07-02') // open, overdue, 2 days
 */
export function problemStatus(p: Pick<ProjectProblem, 'due' | 'resolvedOn'>, today: string): ProblemStatus {
  const open = p.resolvedOn === null || p.resolvedOn > today;
  const overdue = open && p.due < today;
  return {
    open,
    overdue,
    daysOverdue: overdue ? daysBetween(p.due, today) : null,
    resolvedLate: !open && p.resolvedOn !== null && p.resolvedOn > p.due,
  };
}

/** A problem with its state on a day: what lists and tables show. */
export type ProblemOnDay = ProjectProblem & ProblemStatus;

export const problemsOnDay = (problems: readonly ProjectProblem[], today: string): ProblemOnDay[] =>
  problems.map((p) => ({ ...p, ...problemStatus(p, today) }));

/**
 * The problems open on a day, the longest overdue first, then by due day and project code. `overdueOnly` keeps
 * only those past their due day. When a problem was entered does not matter: one entered late for a past
 * month still tells what was open then (and TIAODU_TODAY may set the day before the clock's).
 */
export function openProblems(
  problems: readonly ProjectProblem[],
  today: string,
  overdueOnly = false,
): ProblemOnDay[] {
  return problemsOnDay(problems, today)
    .filter((p) => p.open && (!overdueOnly || p.overdue))
    .sort(
      (a, b) =>
        (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
        (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
        (a.projectCode < b.projectCode ? -1 : a.projectCode > b.projectCode ? 1 : a.id - b.id),
    );
}

/** Per project: how many problems are open and how many of them are overdue on a day. */
export function problemCounts(
  problems: readonly ProjectProblem[],
  today: string,
): Map<string, { open: number; overdue: number }> {
  const counts = new Map<string, { open: number; overdue: number }>();
  for (const p of openProblems(problems, today)) {
    const c = counts.get(p.projectCode) ?? { open: 0, overdue: 0 };
    c.open++;
    if (p.overdue) c.overdue++;
    counts.set(p.projectCode, c);
  }
  return counts;
}

/** The notice's table of problems overdue on a day (the earlier of today and the period's last day). */
export function overdueProblemsTable(problems: readonly ProjectProblem[], asOf: string): NoticeTable {
  return {
    title: `逾期未解决问题（截至${asOf}）`,
    header: ['项目编号', '项目名称', '所属地区', '问题描述', '协调单位', '完成时限', '逾期天数'],
    rows: openProblems(problems, asOf, true).map((p) => [
      p.projectCode,
      p.projectName,
      p.region,
      p.description,
      p.coordinator,
      p.due,
      p.daysOverdue,
    ]),
  };
}
