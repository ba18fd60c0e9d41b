// A project's standing at a period: investment against the annual plan and 时序进度, start, finish, 入库,
// and its light (红黄绿) with the reasons in Chinese — DESIGN.md "Key projects", read precisely.
import { byEnd, monthEnd, monthsUntil } from './dates.ts';
import { clean, round2, say } from './numbers.ts';
import { DEFAULT_PROJECT_RULES, type ProjectRuleSettings } from './settings.ts';
import { sinceStart } from './sinceStart.ts';
import type { Light, Project, ProjectReport, ProjectRow } from './types.ts';

/** The period a row is read at: its year and month; "by the period" means on or before the month's last day. */
export interface PeriodAt {
  year: number;
  month: number;
}

/** month ÷ 12 × 100, 2 decimals. */
export const timeProgressAt = (month: number): number => round2((month / 12) * 100);

/**
 * 本年累计完成投资 at the period: the latest report of the period's year at or before its month; 0 without one.
 * @example doneAt(reports, { year: 2025, month: 6 }) // the May figure when June is not reported
 */
export function doneAt(reports: readonly ProjectReport[], at: PeriodAt): number {
  let best: ProjectReport | undefined;
  for (const r of reports) {
    if (r.year !== at.year || r.month > at.month) continue;
    if (!best || r.month > best.month) best = r;
  }
  return best?.done ?? 0;
}

const worse = (a: Light, b: Light): Light =>
  a === 'red' || b === 'red' ? 'red' : a === 'yellow' || b === 'yellow' ? 'yellow' : 'green';

/**
 * The project list row of one project at a period (`tiaodu project list`). `reports` may hold earlier years'
 * last reports too: they count for 开工以来累计 only, never for this year's figures.
 * @example projectRow(p, reports, { year: 2025, month: 6 }).light // 'red' when planned 2025-03 and not started
 */
export function projectRow(
  p: Project,
  reports: readonly ProjectReport[],
  at: PeriodAt,
  rules: ProjectRuleSettings = DEFAULT_PROJECT_RULES,
): ProjectRow {
  const end = monthEnd(at.year, at.month);
  const done = doneAt(reports, at);
  const exactTime = (at.month / 12) * 100;
  const exactRate = p.annualPlan > 0 ? (done / p.annualPlan) * 100 : null;
  const exactLag = exactRate === null ? null : clean(exactTime - exactRate);
  const started = byEnd(p.actualStart, end);
  const finished = byEnd(p.actualFinish, end);
  const inLibrary = byEnd(p.libraryDate, end);
  const startLateMonths = !started && p.plannedStart !== null ? monthsUntil(p.plannedStart, end) : null;
  const unlistedMonths = started && !inLibrary ? monthsUntil(p.actualStart as string, end) : null;

  let light: Light = 'green';
  const reasons: string[] = [];
  const cause = (l: Light, why: string) => {
    light = worse(light, l);
    reasons.push(why);
  };
  if (!finished) {
    if (exactLag !== null && exactLag > rules.lagYellow)
      cause(exactLag > rules.lagRed ? 'red' : 'yellow', `投资完成率低于时序进度 ${say(exactLag)} 个百分点`);
    if (startLateMonths !== null && startLateMonths >= rules.startLateYellowMonths)
      cause(
        startLateMonths >= rules.startLateRedMonths ? 'red' : 'yellow',
        `计划 ${p.plannedStart} 开工，逾期 ${startLateMonths} 个月未开工`,
      );
    if (unlistedMonths !== null && unlistedMonths >= rules.unlistedYellowMonths)
      cause(
        unlistedMonths >= rules.unlistedRedMonths ? 'red' : 'yellow',
        `${p.actualStart} 开工已 ${unlistedMonths} 个月，尚未入库`,
      );
  }
  return {
    code: p.code,
    name: p.name,
    region: p.region,
    regionCode: p.regionCode,
    unit: p.unit,
    level: p.level,
    type: p.type,
    nature: p.nature,
    annualPlan: p.annualPlan,
    done,
    rate: exactRate === null ? null : round2(exactRate),
    timeProgress: round2(exactTime),
    lag: exactLag === null ? null : round2(exactLag),
    started,
    finished,
    inLibrary,
    light,
    reasons,
    startLateMonths: startLateMonths !== null && startLateMonths >= 1 ? startLateMonths : null,
    unlistedMonths,
    ...sinceStart(reports, at, p.totalInvestment),
  };
}
