// The project progress notice (重点项目推进情况通报) as words and tables, from the same figures as
// `project list` and `project rates`: totals, rates by level and type, regions and units ranked, the red and
// yellow lists, 三未, the units late with their monthly reports and the overdue problems.
import { rankItems } from '../rank.ts';
import { byTypeTable, byUnitTable, lateReportsTable } from './noticeBreakdowns.ts';
import { say } from './numbers.ts';
import { overdueProblemsTable, type ProjectProblem } from './problems.ts';
import { type ProjectAt, type ProjectRates, projectRates, threeNots } from './rates.ts';
import type { PeriodAt } from './rows.ts';
import { PROJECT_LEVELS, type ProjectReport, type ProjectRow } from './types.ts';

export interface NoticeTable {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

export interface ProjectNotice {
  title: string;
  /** The opening, one paragraph per point. */
  paragraphs: string[];
  tables: NoticeTable[];
  totals: ProjectRates;
}

/** A rate in a sentence: '66.67%', or '—' when there is nothing to divide by. */
const pct = (x: number | null) => (x === null ? '—' : `${say(x)}%`);

function overview(name: string, at: PeriodAt, r: ProjectRates): string[] {
  const lag = r.investmentRate === null ? null : r.timeProgress - r.investmentRate;
  const against =
    lag === null
      ? ''
      : lag > 0
        ? `，低于时序进度 ${say(lag)} 个百分点`
        : `，达到时序进度（${say(r.timeProgress)}%）`;
  return [
    `截至${at.year}年${at.month}月底，${name}共有重点项目 ${r.projects} 个，年度计划投资 ${say(r.annualPlan)} 万元。1—${at.month}月累计完成投资 ${say(r.done)} 万元，完成年度计划的 ${pct(r.investmentRate)}${against}。`,
    `已开工 ${r.started} 个，开工率 ${pct(r.startRate)}；新建项目计划开工 ${r.newPlannedByNow} 个，已开工 ${r.newStarted} 个，新开工率 ${pct(r.newStartRate)}；计划竣工 ${r.toFinish} 个，已竣工 ${r.finished} 个，竣工率 ${pct(r.finishRate)}；已开工项目入库 ${r.inLibrary} 个，入库率 ${pct(r.inLibraryRate)}。`,
    `亮灯情况：红灯 ${r.red} 个、黄灯 ${r.yellow} 个、绿灯 ${r.green} 个。`,
  ];
}

const RATE_HEADER = [
  '项目数',
  '年度计划投资(万元)',
  '累计完成(万元)',
  '完成率(%)',
  '开工率(%)',
  '竣工率(%)',
  '入库率(%)',
];
const rateCells = (r: ProjectRates) => [
  r.projects,
  r.annualPlan,
  r.done,
  r.investmentRate,
  r.startRate,
  r.finishRate,
  r.inLibraryRate,
];

function lightTable(title: string, rows: ProjectRow[]): NoticeTable {
  return {
    title,
    header: ['项目编号', '项目名称', '所属地区', '责任单位', '完成率(%)', '原因'],
    rows: rows.map((p) => [p.code, p.name, p.region, p.unit, p.rate, p.reasons.join('；')]),
  };
}

/**
 * The notice of a region at a period. `areas` are the regions the notice ranks (the region's children) and
 * `areaOf` which of them a project belongs to; projects of the region itself are in the totals only. With
 * `reports` (the latest per project, as the rows were made from) it lists 三未 and the late reporters; with
 * `problems` the problems overdue on `asOf`.
 * @example projectNotice('西湖区', { year: 2025, month: 6 }, items, children, areaOf).tables[1].title // '各地区推进情况'
 */
export function projectNotice(
  name: string,
  at: PeriodAt,
  items: readonly ProjectAt[],
  areas: readonly { code: string; name: string }[],
  areaOf: (regionCode: string) => string | null,
  more: {
    reports?: ReadonlyMap<string, readonly ProjectReport[]>;
    problems?: { asOf: string; list: readonly ProjectProblem[] };
  } = {},
): ProjectNotice {
  const { reports, problems } = more;
  const totals = projectRates(items, at);
  const byLevel = PROJECT_LEVELS.map((level) => ({
    level,
    items: items.filter((i) => i.project.level === level),
  }))
    .filter((l) => l.items.length > 0)
    .map((l) => [l.level, ...rateCells(projectRates(l.items, at))]);
  const areaRates = areas
    .map((a) => ({
      area: a,
      rates: projectRates(
        items.filter((i) => areaOf(i.project.regionCode) === a.code),
        at,
      ),
    }))
    .filter((a) => a.rates.projects > 0);
  const ranks = rankItems(
    areaRates.map((a) => ({ key: a.area.code, value: a.rates.investmentRate })),
    'up',
  );
  const byArea = areaRates
    .map((a) => ({ ...a, rank: ranks.get(a.area.code) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.area.code < b.area.code ? -1 : 1))
    .map((a) => [a.rank, a.area.name, ...rateCells(a.rates), a.rates.red, a.rates.yellow]);
  const rows = items.map((i) => i.row);
  const tables: NoticeTable[] = [
    {
      title: '总体推进情况',
      header: ['级别', ...RATE_HEADER],
      rows: [['合计', ...rateCells(totals)], ...byLevel],
    },
    byTypeTable(items, at, RATE_HEADER, rateCells),
  ];
  if (byArea.length > 0)
    tables.push({
      title: '各地区推进情况（按投资完成率排名）',
      header: ['名次', '地区', ...RATE_HEADER, '红灯', '黄灯'],
      rows: byArea,
    });
  tables.push(byUnitTable(items, at, RATE_HEADER, rateCells));
  tables.push(
    lightTable(
      '红灯项目',
      rows.filter((r) => r.light === 'red'),
    ),
  );
  tables.push(
    lightTable(
      '黄灯项目',
      rows.filter((r) => r.light === 'yellow'),
    ),
  );
  if (reports) {
    const nots = threeNots(items, reports, at);
    const list = (kind: string, rs: ProjectRow[]) => rs.map((p) => [kind, p.code, p.name, p.region, p.unit]);
    tables.push({
      title: '“三未”项目',
      header: ['类别', '项目编号', '项目名称', '所属地区', '责任单位'],
      rows: [
        ...list('计划未开工', nots.notStarted),
        ...list('开工未推进', nots.stalled),
        ...list('到期未竣工', nots.notFinished),
      ],
    });
    tables.push(lateReportsTable(items, reports, at));
  }
  if (problems) tables.push(overdueProblemsTable(problems.list, problems.asOf));
  return {
    title: `${name}${at.year}年1—${at.month}月重点项目推进情况通报`,
    paragraphs: overview(name, at, totals),
    tables,
    totals,
  };
}
