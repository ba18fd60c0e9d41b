// The briefing of a region and period, built from the region–period overview and the league of its
// sub-regions (both read by the store): title, verdict, sector blocks, sub-regions, 存在问题 and 下步工作.
import { formatPercent, isLagging } from '../format.ts';
import type { Overview } from '../overview.ts';
import { completionChart, growthChart, subRegionChart, type TrendInput, trendChart } from './charts.ts';
import {
  chineseCount,
  growthPhrase,
  peersWord,
  periodLabel,
  pointsBetween,
  selfName,
  targetPhrase,
} from './phrases.ts';
import { type PhraseLibrary, problemSections } from './problems.ts';
import {
  type Context,
  type FigureHistory,
  type ForecastFigure,
  figureOfForecast,
  figureOfRow,
  figureSentence,
  forecastSentence,
  labelOf,
  SECTORS,
  subItemsSentence,
  valueGrowth,
  withHistory,
} from './sectors.ts';
import { mainTable, moduleTable, subRegionTable } from './tables.ts';
import type { Briefing, BriefingFigure, BriefingSection } from './types.ts';

/** One sub-region's row of a league among the region's children by growth (`league --by yoy --parent`). */
export interface SubRegionRow {
  region: string;
  code: string;
  value: number | null;
  yoy: number | null;
  rank: number | null;
  rankOf: number;
  rankChange: number | null;
}

export interface BriefingInput {
  overview: Overview;
  /** The region's level (3 a district): names its siblings and children. */
  level: number;
  /** Leagues of the region's children, for the indicators the sub-region section covers. */
  subRegions: { indicator: string; rows: SubRegionRow[] }[];
  /** Forecasts (预计) later than the published figures: said as forecasts, listed among the problems. */
  forecasts?: ForecastFigure[];
  /** Sections other modules fill (projects, tasks); an empty one is left out. */
  extra?: BriefingSection[];
  library?: PhraseLibrary;
  /** Per indicator, last year's growth of the period and the province's growth (the GDP block states them). */
  history?: Record<string, FigureHistory>;
  /** The growth-target indicators' cumulative growth month by month this year (the trend chart). */
  trends?: TrendInput[];
}

/** The indicators the sub-region section ranks: those with a target, GDP first, at most five. */
export function subRegionIndicators(o: Overview): string[] {
  return o.rows
    .filter((r) => r.target !== null && r.value !== null)
    .map((r) => r.indicator)
    .slice(0, 5);
}

function verdictOf(o: Overview, figures: BriefingFigure[], self: string): string {
  const month = Number(o.period.slice(5, 7));
  const head = `${periodLabel(o.period)}，${self}`;
  const judged = figures.filter((f) => f.target !== null && f.status !== null);
  if (judged.length === 0) return `${head}主要经济指标运行情况如下。`;
  const good = judged.filter((f) => !isLagging(f.status));
  const lagging = judged.filter((f) => isLagging(f.status));
  const share = good.length / judged.length;
  const tone = share >= 0.8 ? '总体平稳、稳中向好' : share >= 0.5 ? '总体平稳' : '面临较大压力';
  const parts = [`${head}经济运行${tone}。`];
  const n = chineseCount(judged.length);
  parts.push(
    lagging.length === 0
      ? `纳入年度目标的${n}项主要指标全部达到或快于时序进度`
      : good.length === 0
        ? `纳入年度目标的${n}项主要指标均滞后于时序进度`
        : `纳入年度目标的${n}项主要指标中，${chineseCount(good.length)}项达到或快于时序进度，${chineseCount(lagging.length)}项滞后于时序进度（${lagging.map((f) => f.name).join('、')}）`,
  );
  if (month === 6) parts.push(o.doubleHalf ? '，实现“双过半”。' : '，尚未全面实现“双过半”。');
  else if (month === 12) parts.push(o.allGreen ? '，实现“全年红”。' : '，未能实现“全年红”。');
  else parts.push('。');
  // A ceiling's margin is not a lead or a lag on the year's work: growth and amount targets are compared.
  const ranked = judged
    .filter((f) => f.gap !== null && (f.targetKind === 'growth' || f.targetKind === 'amount'))
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0));
  const best = ranked[0];
  const worst = ranked.at(-1);
  if (best && worst && best !== worst) {
    parts.push(`从目标完成看，${valueGrowth(best)}，${targetPhrase(best)}，完成情况最好；`);
    const weak = (worst.gap ?? 0) < 0 ? '差距最大' : '相对偏慢';
    parts.push(`${valueGrowth(worst)}，${targetPhrase(worst)}，${weak}。`);
  }
  return parts.join('');
}

function sectorSections(
  figures: BriefingFigure[],
  forecasts: BriefingFigure[],
  ctx: Context,
): BriefingSection[] {
  const out: BriefingSection[] = [];
  for (const sector of SECTORS) {
    const mine = figures.filter((f) => sector.indicators.includes(f.indicator) && f.value !== null);
    const guessed = forecasts.filter((f) => sector.indicators.includes(f.indicator));
    if (mine.length === 0) {
      if (guessed.length > 0)
        out.push({
          key: sector.key,
          title: sector.title,
          part: '主要经济指标完成情况',
          paragraphs: guessed.map((f) => forecastSentence(f, ctx)),
          figures: guessed,
        });
      continue;
    }
    const [lead, ...rest] = mine as [BriefingFigure, ...BriefingFigure[]];
    const full = rest.filter((f) => f.target !== null);
    const minor = rest.filter((f) => f.target === null);
    const first = figureSentence(lead, ctx);
    const sub = subItemsSentence(minor);
    const paragraphs = [
      sub ? `${first}${sector.key === 'gdp' ? sub.replace('其中', '分产业看') : sub}` : first,
      ...full.map((f) => figureSentence(f, ctx)),
    ];
    out.push({
      key: sector.key,
      title: sector.title,
      part: '主要经济指标完成情况',
      paragraphs,
      figures: mine,
    });
  }
  return out;
}

function subRegionSection(
  input: BriefingInput,
  figures: BriefingFigure[],
  ctx: Context,
): BriefingSection | null {
  const word = peersWord(input.level + 1);
  const paragraphs: string[] = [];
  const used: BriefingFigure[] = [];
  for (const league of input.subRegions) {
    const own = figures.find((f) => f.indicator === league.indicator);
    const ranked = league.rows
      .filter((r) => r.rank !== null && r.yoy !== null)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    if (!own || ranked.length < 2) continue;
    const rows = ranked.map((r) => ({
      ...own,
      region: r.code,
      regionName: r.region,
      value: r.value,
      yoy: r.yoy,
      yoyPoints: null,
      parentYoy: own.yoy,
      parentGap: pointsBetween(r.yoy, own.yoy),
      previousYoy: null,
      change: null,
      rank: r.rank,
      rankOf: r.rankOf,
      rankChange: r.rankChange,
      target: null,
      targetKind: null,
      completion: null,
      timeProgress: null,
      gap: null,
      status: null,
      swing: false,
      // The sub-region's growth is read by the league, not the region's own reading; none of its history.
      explain: {},
      twoYearAverage: null,
      lastYearYoy: null,
      provinceYoy: null,
      provinceGap: null,
      sameScope: false,
    }));
    const say = (fs: typeof rows) => fs.map((f) => `${f.regionName}（${growthPhrase(f.yoy)}）`);
    const list = (xs: string[]) =>
      xs.length > 1 ? `${xs.slice(0, -1).join('、')}和${xs.at(-1)}` : (xs[0] ?? '');
    const what = own.direction === 'up' ? '增速' : '排名';
    let text = `${labelOf(own)}，${own.name}`;
    if (rows.length >= 6) {
      text += `${what}居前三位的是${list(say(rows.slice(0, 3)))}；居后三位的是${list(say(rows.slice(-3)))}`;
    } else text += `${what}从高到低依次为${list(say(rows))}`;
    const above = rows.filter((f) => (f.parentGap ?? 0) > 0).length;
    const all = `${chineseCount(rows.length)}个${word}`;
    const vs = `${ctx.self}（${formatPercent(own.yoy)}）`;
    text +=
      above === 0
        ? `；${all}增速均未高于${vs}`
        : above === rows.length
          ? `；${all}增速均高于${vs}`
          : `；${all}中，${chineseCount(above)}个增速高于${vs}`;
    const up = [...rows].sort((a, b) => (b.rankChange ?? 0) - (a.rankChange ?? 0))[0];
    const down = [...rows].sort((a, b) => (a.rankChange ?? 0) - (b.rankChange ?? 0))[0];
    const moves: string[] = [];
    if (up?.rankChange && up.rankChange > 0)
      moves.push(`位次前移最多的是${up.regionName}（前移${up.rankChange}位）`);
    if (down?.rankChange && down.rankChange < 0)
      moves.push(`后退最多的是${down.regionName}（后退${-down.rankChange}位）`);
    paragraphs.push(`${text}${moves.length ? `；${moves.join('，')}` : ''}。`);
    used.push(own, ...rows);
  }
  if (paragraphs.length === 0) return null;
  return { key: 'subregions', title: `分${word}情况`, part: null, paragraphs, figures: used };
}

/** The briefing: every paragraph from figures, every figure from the overview or the sub-regions' league. */
export function buildBriefing(input: BriefingInput): Briefing {
  const o = input.overview;
  const figures = o.rows.map((r) =>
    withHistory(figureOfRow(r, o.region, o.period), input.history?.[r.indicator]),
  );
  const forecasts = (input.forecasts ?? []).map((f) => figureOfForecast(f, o.region));
  const parentSelf = o.parent ? selfName(o.parent.name) : null;
  const ctx: Context = {
    self: selfName(o.region.name),
    parent: parentSelf,
    among: (n) => `${parentSelf ?? ''}${n}个${peersWord(input.level)}`,
  };
  const verdict = verdictOf(o, figures, ctx.self);
  const judged = figures.filter((f) => f.target !== null);
  const sections: BriefingSection[] = [
    { key: 'overview', title: '总体情况', part: null, paragraphs: [verdict], figures: judged },
    ...sectorSections(figures, forecasts, ctx),
  ];
  const sub = subRegionSection(input, figures, ctx);
  if (sub) sections.push(sub);
  const extras = (input.extra ?? []).filter((extra) => extra.paragraphs.length > 0);
  sections.push(...extras);
  sections.push(...problemSections([...figures, ...forecasts], ctx, input.library));
  const tables = [mainTable(o, figures, parentSelf)];
  const subTable = sub ? subRegionTable(sub, peersWord(input.level + 1), o.region.code) : null;
  if (subTable) tables.push(subTable);
  const modules = moduleTable(extras);
  if (modules) tables.push(modules);
  const charts = [
    growthChart(judged, parentSelf),
    completionChart(judged),
    trendChart(judged, input.trends ?? []),
    sub ? subRegionChart(sub, peersWord(input.level + 1), o.region.code, ctx.self) : null,
  ].filter((c) => c !== null);
  return {
    region: o.region,
    period: o.period,
    title: `${o.period.slice(0, 4)}年${periodLabel(o.period)}${o.region.name}经济运行情况分析`,
    verdict,
    sections,
    tables,
    charts,
  };
}
