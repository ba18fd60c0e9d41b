// The project list, rates and lead rates of a region's subtree at a period: the store reads, the core computes.
import { monthEnd } from '../core/projects/dates.ts';
import { type LeadRates, leadRates } from '../core/projects/leads.ts';
import { type ProjectNotice, projectNotice } from '../core/projects/notice.ts';
import {
  type ProjectAt,
  type ProjectRates,
  projectRates,
  type ThreeNots,
  threeNots,
} from '../core/projects/rates.ts';
import { type PeriodAt, projectRow } from '../core/projects/rows.ts';
import type { ProjectRuleSettings } from '../core/projects/settings.ts';
import type { Region } from '../core/types.ts';
import type { Db } from './db.ts';
import { leadsUnder } from './leads.ts';
import { projectProblems } from './projectProblems.ts';
import { projectsUnder, reportsUnder, yearEndsUnder } from './projectReads.ts';
import { childrenOf, listRegions } from './regions.ts';
import { getSetting } from './settings.ts';

/** Every project of the subtree with its row at the period (lights by the deployment's rules); or those of `codes`. */
export async function projectsAt(
  db: Db,
  regionCode: string,
  at: PeriodAt,
  codes?: readonly string[],
): Promise<{ items: ProjectAt[]; reports: Awaited<ReturnType<typeof reportsUnder>> }> {
  const rules: ProjectRuleSettings = await getSetting(db, 'projects.rules');
  const [projects, reports, yearEnds] = await Promise.all([
    projectsUnder(db, regionCode, codes),
    reportsUnder(db, regionCode, at, codes),
    yearEndsUnder(db, regionCode, at.year, codes),
  ]);
  // Earlier years' last reports go to the row (开工以来累计) only: `reports`, for 三未 and the notice, stay this year's.
  const items = projects.map((project) => {
    const ours = reports.get(project.code) ?? [];
    const before = yearEnds.get(project.code);
    return { project, row: projectRow(project, before ? [...before, ...ours] : ours, at, rules) };
  });
  return { items, reports };
}

/** `tiaodu project list`: the rows, with the project's planned and actual dates added. */
export async function projectList(db: Db, regionCode: string, at: PeriodAt) {
  return listRows((await projectsAt(db, regionCode, at)).items);
}

/** The list's rows of projects already read. */
export function listRows(items: ProjectAt[]) {
  return items.map(({ project: p, row }) => ({
    ...row,
    type: p.type,
    leader: p.leader,
    totalInvestment: p.totalInvestment,
    plannedStart: p.plannedStart,
    actualStart: p.actualStart,
    plannedFinish: p.plannedFinish,
    actualFinish: p.actualFinish,
    libraryDate: p.libraryDate,
  }));
}

/** `tiaodu project rates`. */
export async function projectRatesAt(db: Db, regionCode: string, at: PeriodAt): Promise<ProjectRates> {
  return projectRates((await projectsAt(db, regionCode, at)).items, at);
}

/** The 三未 lists of the subtree. */
export async function threeNotsAt(db: Db, regionCode: string, at: PeriodAt): Promise<ThreeNots> {
  const { items, reports } = await projectsAt(db, regionCode, at);
  return threeNots(items, reports, at);
}

/** `tiaodu lead rates`. */
export async function leadRatesAt(db: Db, regionCode: string, at: PeriodAt): Promise<LeadRates> {
  return leadRates(await leadsUnder(db, regionCode), at);
}

/**
 * The progress notice of a region at a period: its children are the regions ranked, each project counted
 * under the child it lies in. With `today`, it lists the problems overdue on the earlier of today and the
 * period's last day (a past month's notice says what was overdue then).
 */
export async function projectNoticeAt(
  db: Db,
  region: Region,
  at: PeriodAt,
  today?: string,
): Promise<ProjectNotice> {
  const { items, reports } = await projectsAt(db, region.code, at);
  const children = await childrenOf(db, region.code);
  const parents = new Map((await listRegions(db)).map((r) => [r.code, r.parentCode]));
  const childCodes = new Set(children.map((c) => c.code));
  const areaOf = (code: string): string | null => {
    for (let c: string | null | undefined = code; c; c = parents.get(c)) if (childCodes.has(c)) return c;
    return null;
  };
  const end = monthEnd(at.year, at.month);
  const problems = today
    ? { asOf: today < end ? today : end, list: await projectProblems(db, region.code) }
    : undefined;
  return projectNotice(region.name, at, items, children, areaOf, { reports, problems });
}
