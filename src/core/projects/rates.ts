// The rates of a set of projects at a period (`tiaodu project rates`) and the 三未 lists.
import { byEnd, monthEnd } from './dates.ts';
import { percent, round2 } from './numbers.ts';
import { doneAt, type PeriodAt, timeProgressAt } from './rows.ts';
import type { Project, ProjectReport, ProjectRow } from './types.ts';

export interface ProjectRates {
  projects: number;
  annualPlan: number;
  done: number;
  investmentRate: number | null;
  timeProgress: number;
  started: number;
  startRate: number | null;
  newPlannedByNow: number;
  newStarted: number;
  newStartRate: number | null;
  toFinish: number;
  finished: number;
  finishRate: number | null;
  inLibrary: number;
  inLibraryRate: number | null;
  red: number;
  yellow: number;
  green: number;
}

/** A project with its row at the period, as the rates and lists read them. */
export interface ProjectAt {
  project: Project;
  row: ProjectRow;
}

/**
 * The rates of the contract over `items`: numerators count what happened by the period whatever the plan said
 * (an early start counts, so a rate can pass 100); denominators include plans dated in earlier years.
 * @example projectRates(items, { year: 2025, month: 6 }).startRate // started ÷ projects × 100
 */
export function projectRates(items: readonly ProjectAt[], at: PeriodAt): ProjectRates {
  const end = monthEnd(at.year, at.month);
  const count = (f: (i: ProjectAt) => boolean) => items.filter(f).length;
  const isNew = (i: ProjectAt) => i.project.nature === '新建';
  const annualPlan = round2(items.reduce((s, i) => s + i.project.annualPlan, 0));
  const done = round2(items.reduce((s, i) => s + i.row.done, 0));
  const started = count((i) => i.row.started);
  const newPlannedByNow = count((i) => isNew(i) && byEnd(i.project.plannedStart, end));
  const newStarted = count((i) => isNew(i) && i.row.started);
  const toFinish = count((i) => byEnd(i.project.plannedFinish, end));
  const finished = count((i) => i.row.finished);
  const inLibrary = count((i) => i.row.started && i.row.inLibrary);
  return {
    projects: items.length,
    annualPlan,
    done,
    investmentRate: percent(done, annualPlan),
    timeProgress: timeProgressAt(at.month),
    started,
    startRate: percent(started, items.length),
    newPlannedByNow,
    newStarted,
    newStartRate: percent(newStarted, newPlannedByNow),
    toFinish,
    finished,
    finishRate: percent(finished, toFinish),
    inLibrary,
    inLibraryRate: percent(inLibrary, started),
    red: count((i) => i.row.light === 'red'),
    yellow: count((i) => i.row.light === 'yellow'),
    green: count((i) => i.row.light === 'green'),
  };
}

/** The 三未 lists: 计划未开工, 开工未推进 (started, not finished, no new investment over the month), 到期未竣工. */
export interface ThreeNots {
  notStarted: ProjectRow[];
  stalled: ProjectRow[];
  notFinished: ProjectRow[];
}

/**
 * 三未 at the period. A started project is stalled when its 本年累计 has not grown since the month before (a
 * January figure is compared with 0) and it started before the period's month.
 */
export function threeNots(
  items: readonly ProjectAt[],
  reports: ReadonlyMap<string, readonly ProjectReport[]>,
  at: PeriodAt,
): ThreeNots {
  const end = monthEnd(at.year, at.month);
  const monthStart = `${end.slice(0, 8)}01`;
  const before = (code: string) =>
    at.month === 1 ? 0 : doneAt(reports.get(code) ?? [], { year: at.year, month: at.month - 1 });
  const out: ThreeNots = { notStarted: [], stalled: [], notFinished: [] };
  for (const { project, row } of items) {
    if (!row.started && byEnd(project.plannedStart, end)) out.notStarted.push(row);
    if (
      row.started &&
      !row.finished &&
      (project.actualStart as string) < monthStart &&
      row.done <= before(project.code)
    )
      out.stalled.push(row);
    if (!row.finished && byEnd(project.plannedFinish, end)) out.notFinished.push(row);
  }
  return out;
}
