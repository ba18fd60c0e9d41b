// The briefing's charts as data (what they show, not how they are drawn): the main indicators' growth against
// their targets, amount targets' completion against time progress, the sub-regions' growth in rank order, and
// the trend of one indicator's cumulative growth through the year against its target.
// Every value is one of the briefing's figures, rounded as the text prints it.
import { periodLabel, round1 } from './phrases.ts';
import type { BriefingChart, BriefingFigure, BriefingSection } from './types.ts';

const r1 = (v: number | null): number | null => (v === null ? null : round1(v));

/** 主要指标增速与年度目标: growth, the growth target and the parent's growth of each growth-target indicator. */
export function growthChart(judged: BriefingFigure[], parent: string | null): BriefingChart | null {
  const fs = judged.filter((f) => f.targetKind === 'growth' && f.yoy !== null && f.yoyPoints === null);
  if (fs.length === 0) return null;
  const series = [
    { name: '同比增长', values: fs.map((f) => r1(f.yoy)) },
    { name: '年度目标', values: fs.map((f) => f.target) },
  ];
  if (parent && fs.some((f) => f.parentYoy !== null))
    series.push({ name: `${parent}增长`, values: fs.map((f) => r1(f.parentYoy)) });
  return {
    key: 'growth',
    title: '主要指标增速与年度目标',
    section: 'overview',
    unit: '%',
    categories: fs.map((f) => f.name),
    series,
    horizontal: false,
    lowerIsBetter: false,
    line: null,
  };
}

/** 总量目标完成进度: completion of each amount target beside the time progress. */
export function completionChart(judged: BriefingFigure[]): BriefingChart | null {
  const fs = judged.filter((f) => f.targetKind === 'amount' && f.completion !== null);
  if (fs.length === 0) return null;
  return {
    key: 'completion',
    title: '总量指标完成年度目标进度',
    section: 'overview',
    unit: '%',
    categories: fs.map((f) => f.name),
    series: [
      { name: '完成年度目标', values: fs.map((f) => r1(f.completion)) },
      { name: '时序进度', values: fs.map((f) => r1(f.timeProgress)) },
    ],
    horizontal: false,
    lowerIsBetter: false,
    line: null,
  };
}

/**
 * 分镇街（区县）X增速: the first ranked indicator's sub-regions, best rank first (for an indicator where lower
 * is better, the lowest growth first, and the title says so), with the region's own growth as a line.
 */
export function subRegionChart(
  section: BriefingSection,
  word: string,
  regionCode: string,
  self: string,
): BriefingChart | null {
  const own = section.figures.find((f) => f.region === regionCode);
  if (!own) return null;
  const rows = section.figures
    .filter((f) => f.region !== regionCode && f.indicator === own.indicator && f.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  if (rows.length < 2) return null;
  const lower = own.direction === 'down';
  return {
    key: 'subregions',
    title: `分${word}${own.name}增速${lower ? '（越低越好）' : ''}`,
    section: 'subregions',
    unit: '%',
    categories: rows.map((f) => f.regionName),
    series: [{ name: '同比增长', values: rows.map((f) => r1(f.yoy)) }],
    horizontal: true,
    lowerIsBetter: lower,
    line: own.yoy === null ? null : { name: self, value: round1(own.yoy) },
  };
}

/** One indicator's cumulative growth, month by month of the year so far (its published or derived yoy). */
export interface TrendInput {
  indicator: string;
  points: { period: string; yoy: number | null }[];
}

/**
 * 累计增速走势: of the growth-target indicators, the one with the most months this year (GDP, quarterly, only
 * when no monthly one has more), its cumulative growth through the year with the annual target as a line.
 * Needs two points at least.
 */
export function trendChart(judged: BriefingFigure[], trends: TrendInput[]): BriefingChart | null {
  const candidates = judged
    .filter((f) => f.targetKind === 'growth' && f.yoyPoints === null)
    .map((f) => ({
      f,
      points: (trends.find((t) => t.indicator === f.indicator)?.points ?? []).filter((p) => p.yoy !== null),
    }))
    .filter((c) => c.points.length >= 2);
  const best = candidates.reduce<(typeof candidates)[number] | null>(
    (a, c) => (a === null || c.points.length > a.points.length ? c : a),
    null,
  );
  if (!best) return null;
  const quarterly = best.points.every((p) => Number(p.period.slice(5, 7)) % 3 === 0);
  return {
    key: 'trend',
    kind: 'line',
    title: `${best.f.name}累计增速走势`,
    section: 'overview',
    unit: '%',
    categories: best.points.map((p) => periodLabel(p.period, { quarterly })),
    series: [{ name: '累计增长', values: best.points.map((p) => r1(p.yoy)) }],
    horizontal: false,
    lowerIsBetter: best.f.direction === 'down',
    line: best.f.target === null ? null : { name: '年度目标', value: best.f.target },
  };
}
