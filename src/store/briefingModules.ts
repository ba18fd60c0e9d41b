// The briefing's sections from the other modules, read as their own commands read them: 重点项目 (`project rates`,
// `lead rates`), 督查督办 (`task list` on the day, through the notice's counts), 考核 (the published run).
import { assessmentSection } from '../core/briefing/assessmentSection.ts';
import { projectsSection } from '../core/briefing/projectsSection.ts';
import { tasksSection } from '../core/briefing/tasksSection.ts';
import type { BriefingSection } from '../core/briefing/types.ts';
import { lastDayOfMonth } from '../core/tasks/days.ts';
import type { Region } from '../core/types.ts';
import { publishedRuns } from './assessRuns.ts';
import type { Db } from './db.ts';
import { leadRatesAt, projectRatesAt } from './projectViews.ts';
import { listTaskRows } from './taskList.ts';

/**
 * The day the supervision figures are read on: the period's last day, or `today` while the period runs.
 * @example supervisionDay(2025, 6, '2025-06-12') // '2025-06-12'; supervisionDay(2025, 6, '2025-12-04') // '2025-06-30'
 */
export function supervisionDay(year: number, month: number, today?: string): string {
  const end = lastDayOfMonth(year, month);
  return today !== undefined && today < end ? today : end;
}

/**
 * The projects, tasks and assessment sections of a region's briefing (each null without data). Tasks count
 * from their start: one begun after the day was not yet assigned then.
 */
export async function moduleSections(
  db: Db,
  region: Region,
  year: number,
  month: number,
  today?: string,
): Promise<BriefingSection[]> {
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const place = { code: region.code, name: region.name };
  const at = { year, month };
  const projects = projectsSection({
    region: place,
    period,
    projects: await projectRatesAt(db, region.code, at),
    leads: await leadRatesAt(db, region.code, at),
  });
  const asOf = supervisionDay(year, month, today);
  const rows = (await listTaskRows(db, { today: asOf, regionCode: region.code })).filter(
    (t) => t.start <= asOf,
  );
  const tasks = tasksSection({ region: place, period, asOf, rows });
  // The latest run published for the region's children at the period (a scheme's ranking of them).
  const run = (await publishedRuns(db))
    .filter((r) => r.parentCode === region.code && r.period === period)
    .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : -1))[0];
  const assessment = run
    ? assessmentSection({ region: place, period, scheme: run.schemeName, rows: run.rows })
    : null;
  return [projects, tasks, assessment].filter((s) => s !== null);
}
