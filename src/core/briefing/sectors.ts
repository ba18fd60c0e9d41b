// The sector blocks of a briefing (工业、投资、消费 …): which indicators each holds, in the usual order, and the
// sentences that state a figure: value, growth, the parent's, the last period's, the rank and the target.
import { round2, twoYearAverageGrowth } from '../growth.ts';
import type { OverviewRow } from '../overview.ts';
import {
  changePhrase,
  forecastPrefix,
  formatAmount,
  growthPhrase,
  periodLabel,
  pointsBetween,
  rankPhrase,
  ratePhrase,
  targetPhrase,
  vsParentPhrase,
} from './phrases.ts';
import type { BriefingFigure, SectionKey } from './types.ts';

/** The sector blocks in the order briefings take them, with their headings and indicators. */
export const SECTORS: { key: SectionKey; title: string; indicators: string[] }[] = [
  {
    key: 'gdp',
    title: '地区生产总值',
    indicators: ['gdp', 'primary_industry_va', 'secondary_industry_va', 'tertiary_industry_va'],
  },
  { key: 'agriculture', title: '农业生产', indicators: ['agriculture_output', 'grain_output'] },
  {
    key: 'industry',
    title: '工业生产',
    indicators: [
      'industrial_va',
      'industrial_output',
      'industrial_profit',
      'electricity_total',
      'electricity_industrial',
      'energy_intensity',
      'new_above_scale_firms',
    ],
  },
  {
    key: 'investment',
    title: '固定资产投资',
    indicators: [
      'fai',
      'fai_industrial',
      'fai_manufacturing',
      'fai_infrastructure',
      'fai_private',
      'real_estate_investment',
      'residential_investment',
      'housing_sales_area',
      'housing_sales_value',
    ],
  },
  {
    key: 'consumption',
    title: '消费和服务业',
    indicators: [
      'retail_sales',
      'wholesale_retail_sales',
      'catering_revenue',
      'service_revenue',
      'tourism_revenue',
      'cargo_throughput',
      'market_entities',
    ],
  },
  {
    key: 'trade',
    title: '对外经济',
    indicators: ['trade_total', 'exports', 'imports', 'fdi', 'domestic_investment'],
  },
  { key: 'fiscal', title: '财政收支', indicators: ['budget_revenue', 'tax_revenue', 'budget_expenditure'] },
  { key: 'finance', title: '金融信贷', indicators: ['deposits', 'loans'] },
  { key: 'prices', title: '物价', indicators: ['cpi'] },
  {
    key: 'income',
    title: '居民收入和就业',
    indicators: ['disposable_income', 'urban_income', 'rural_income', 'unemployment_rate'],
  },
];

export const sectorOf = (indicator: string): SectionKey | null =>
  SECTORS.find((s) => s.indicators.includes(indicator))?.key ?? null;

/** A figure of the region's overview row, with the differences the text prints. */
export function figureOfRow(
  r: OverviewRow,
  region: { code: string; name: string },
  period: string,
): BriefingFigure {
  return {
    indicator: r.indicator,
    name: r.name,
    region: region.code,
    regionName: region.name,
    period: r.dataPeriod ?? period,
    value: r.value,
    unit: r.unit,
    direction: r.direction,
    yoy: r.yoy,
    yoyPoints: r.yoyPoints,
    parentYoy: r.parentYoy,
    parentGap: r.yoyPoints === null ? pointsBetween(r.yoy, r.parentYoy) : null,
    previousYoy: r.previousYoy,
    previousPeriod: r.previousPeriod,
    change: r.yoyPoints === null ? pointsBetween(r.yoy, r.previousYoy) : null,
    rank: r.rank,
    rankOf: r.rankOf,
    rankChange: r.rankChange,
    target: r.target,
    targetKind: r.targetKind,
    completion: r.completion,
    timeProgress: r.timeProgress,
    gap: r.gap,
    status: r.status,
    swing: r.swing,
    forecast: false,
    ...(r.sameScope ? { sameScope: true } : {}),
    explain: {
      ...(r.growthExplain ? { yoy: r.growthExplain } : {}),
      ...(r.explain ? { target: r.explain } : {}),
    },
  };
}

/** Whether a figure is a rate stated with its change in 百分点 (失业率), not a growth. */
export const isRate = (f: BriefingFigure): boolean => f.yoyPoints !== null;

/** Quarterly figures (GDP and its three sectors) are named 一季度/上半年; monthly ones 1—N月. */
const QUARTERLY = new Set(['gdp', 'primary_industry_va', 'secondary_industry_va', 'tertiary_industry_va']);

export const labelOf = (f: BriefingFigure, period = f.period): string =>
  periodLabel(period, { quarterly: QUARTERLY.has(f.indicator), year: Number(f.period.slice(0, 4)) });

/** 地区生产总值902.88亿元，同比增长5.8%: the value and its growth (or a rate's change), what is known of it. */
export function valueGrowth(f: BriefingFigure): string {
  const value = f.value === null ? '' : formatAmount(f.value, f.unit);
  const growth = isRate(f) ? ratePhrase(f.yoyPoints) : growthPhrase(f.yoy);
  const g = growth === null ? '' : isRate(f) ? growth : `${f.sameScope ? '按同口径计算，' : ''}同比${growth}`;
  return `${f.name}${value}${value && g ? '，' : ''}${g}`;
}

export interface Context {
  /** 全区 */
  self: string;
  /** 全市 (the parent as its own people say it), null for the top region. */
  parent: string | null;
  /** 全市13个区、县（市）: whom the rank is among. */
  among: (rankOf: number) => string;
}

/**
 * The full sentence of a figure: 1—6月，全区规模以上工业增加值193.12亿元，同比增长6.0%，高于全市（5.6%）0.4个百分点，
 * 比1—5月回落0.2个百分点，居…第5位，位次比1—5月后退2位；高于年度目标（增长5.5%）0.5个百分点。
 */
export function figureSentence(f: BriefingFigure, ctx: Context): string {
  const twoYear = f.twoYearAverage == null ? '' : `，两年平均${growthPhrase(f.twoYearAverage)}`;
  const parts = [`${labelOf(f)}，${ctx.self}${valueGrowth(f)}${twoYear}`];
  if (!isRate(f)) {
    const vsParent = ctx.parent ? vsParentPhrase(f.yoy, f.parentYoy, ctx.parent) : null;
    const vsProvince = f.provinceYoy == null ? null : vsParentPhrase(f.yoy, f.provinceYoy, '全省');
    const vs = [vsParent, vsProvince].filter((x) => x !== null);
    if (vs.length) parts.push(vs.join('、'));
    const before = f.previousPeriod ? labelOf(f, f.previousPeriod) : null;
    const change = before ? changePhrase(f.yoy, f.previousYoy, before) : null;
    if (change) parts.push(`增速${change}`);
    const rank = f.rankOf ? rankPhrase(f.rank, f.rankChange, ctx.among(f.rankOf), before) : null;
    if (rank) parts.push(rank);
  }
  const target = targetPhrase(f);
  return `${parts.join('，')}${target ? `；${target}` : ''}。`;
}

/** 预计1—6月，全区地区生产总值910.00亿元，同比增长5.9%（预计数）: a forecast, said as one. */
export function forecastSentence(f: BriefingFigure, ctx: Context): string {
  return `${forecastPrefix(f.forecast)}${labelOf(f)}，${ctx.self}${valueGrowth(f)}（预计数，以统计部门发布为准）。`;
}

/** A forecast (预计) of the region that is later than its published figure, from the store. */
export interface ForecastFigure {
  indicator: string;
  name: string;
  unit: string;
  direction: BriefingFigure['direction'];
  period: string;
  value: number | null;
  yoy: number | null;
}

export function figureOfForecast(f: ForecastFigure, region: { code: string; name: string }): BriefingFigure {
  return {
    ...f,
    region: region.code,
    regionName: region.name,
    yoyPoints: null,
    parentYoy: null,
    parentGap: null,
    previousYoy: null,
    previousPeriod: null,
    change: null,
    rank: null,
    rankOf: null,
    rankChange: null,
    target: null,
    targetKind: null,
    completion: null,
    timeProgress: null,
    gap: null,
    status: null,
    swing: false,
    forecast: true,
  };
}

/** 其中，工业投资59.09亿元，增长9.4%；…: the block's lesser figures in one sentence. */
export function subItemsSentence(figures: BriefingFigure[]): string | null {
  const items = figures.map((f) => valueGrowth(f).replace('同比', '')).filter((s) => s !== '');
  return items.length ? `其中，${items.join('；')}。` : null;
}

/**
 * A base year is abnormal (2020's slump, a rebound after it) when last year's growth of the period had the
 * other sign than this year's, or differed from it by this many points or more.
 */
export const ABNORMAL_BASE_PP = 8;

export function abnormalBase(yoy: number | null, lastYearYoy: number | null): boolean {
  if (yoy === null || lastYearYoy === null) return false;
  const flipped =
    Math.abs(yoy) >= 0.05 && Math.abs(lastYearYoy) >= 0.05 && Math.sign(yoy) !== Math.sign(lastYearYoy);
  return flipped || Math.abs(yoy - lastYearYoy) >= ABNORMAL_BASE_PP;
}

/** What the store read beyond the overview for a figure: last year's growth and the province's. */
export interface FigureHistory {
  lastYearYoy?: number | null;
  provinceYoy?: number | null;
}

/**
 * The figure with last year's growth, the 两年平均 (from the two published growths, unrounded) when the base
 * year was abnormal, and the province's growth with its gap.
 * @example withHistory({ ...gdp, yoy: 12.8 }, { lastYearYoy: -2 }).twoYearAverage // 5.14
 */
export function withHistory(f: BriefingFigure, h: FigureHistory | undefined): BriefingFigure {
  if (!h) return f;
  const out = { ...f };
  if (h.lastYearYoy != null) {
    out.lastYearYoy = h.lastYearYoy;
    if (abnormalBase(f.yoy, h.lastYearYoy))
      out.twoYearAverage = round2(twoYearAverageGrowth(f.yoy, h.lastYearYoy));
  }
  if (h.provinceYoy != null) {
    out.provinceYoy = h.provinceYoy;
    out.provinceGap = pointsBetween(f.yoy, h.provinceYoy);
  }
  return out;
}
