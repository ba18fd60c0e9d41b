// The progress notice's breakdowns beside levels and regions: by type (产业/基础设施…), by responsible unit
// ranked, and the units whose started projects sent no report for the month (迟报) — from the same rows.
import { rankItems } from '../rank.ts';
import { byEnd, monthEnd } from './dates.ts';
import { type ProjectAt, type ProjectRates, projectRates } from './rates.ts';
import type { PeriodAt } from './rows.ts';
import { PROJECT_TYPES, type ProjectReport } from './types.ts';

export interface BreakdownTable {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

type Cells = (r: ProjectRates) => (string | number | null)[];

/** Rates by project type; projects without a type under 未分类. */
export function byTypeTable(items: readonly ProjectAt[], at: PeriodAt, header: string[], cells: Cells) {
  const groups = [...PROJECT_TYPES, null].map((type) => ({
    name: type ?? '未分类',
    items: items.filter((i) => (i.project.type ?? null) === type),
  }));
  return {
    title: '分类型推进情况',
    header: ['类型', ...header],
    rows: groups.filter((g) => g.items.length > 0).map((g) => [g.name, ...cells(projectRates(g.items, at))]),
  } satisfies BreakdownTable;
}

/**
 * A unit's name as the notice prints it: the name alone, or with its region when units of that name sit in
 * several regions (every district has its 发改局).
 */
function unitLabels(items: readonly ProjectAt[]): (p: ProjectAt['project']) => string {
  const regions = new Map<string, Set<string>>();
  for (const { project: p } of items)
    if (p.unit) regions.set(p.unit, (regions.get(p.unit) ?? new Set()).add(p.unitRegion ?? ''));
  return (p) =>
    !p.unit
      ? '未明确责任单位'
      : (regions.get(p.unit)?.size ?? 0) > 1 && p.unitRegion
        ? `${p.unit}（${p.unitRegion}）`
        : p.unit;
}

/** Rates by responsible unit, ranked by investment completion (ties share a rank; no plan ranks last). */
export function byUnitTable(items: readonly ProjectAt[], at: PeriodAt, header: string[], cells: Cells) {
  const label = unitLabels(items);
  const groups = new Map<string, ProjectAt[]>();
  for (const i of items) groups.set(label(i.project), [...(groups.get(label(i.project)) ?? []), i]);
  const rated = [...groups].map(([name, list]) => ({ name, rates: projectRates(list, at) }));
  const ranks = rankItems(
    rated.map((u) => ({ key: u.name, value: u.rates.investmentRate })),
    'up',
  );
  const rank = (name: string) => ranks.get(name) ?? Number.POSITIVE_INFINITY;
  return {
    title: '各责任单位推进情况（按投资完成率排名）',
    header: ['名次', '责任单位', ...header],
    rows: rated
      .sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1))
      .map((u) => [ranks.get(u.name) ?? null, u.name, ...cells(u.rates)]),
  } satisfies BreakdownTable;
}

/**
 * 迟报: projects started by the month's end and not finished whose latest report of the year is for an earlier
 * month (or none), grouped by unit — the units to chase before the notice goes out.
 */
export function lateReportsTable(
  items: readonly ProjectAt[],
  reports: ReadonlyMap<string, readonly ProjectReport[]>,
  at: PeriodAt,
): BreakdownTable {
  const end = monthEnd(at.year, at.month);
  const label = unitLabels(items);
  const late = new Map<string, string[]>();
  for (const { project: p, row } of items) {
    if (!byEnd(p.actualStart, end) || row.finished) continue;
    const months = (reports.get(p.code) ?? []).filter((r) => r.year === at.year).map((r) => r.month);
    if (months.includes(at.month)) continue;
    late.set(label(p), [...(late.get(label(p)) ?? []), p.name]);
  }
  return {
    title: `${at.month}月未报送月报的项目（按责任单位）`,
    header: ['责任单位', '未报项目数', '项目名称'],
    rows: [...late]
      .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
      .map(([unit, names]) => [unit, names.length, names.join('、')]),
  };
}
