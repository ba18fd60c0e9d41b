// The briefing's charts as data (what they show, not how they are drawn): the main indicators' growth against
// their targets, amount targets' completion against time progress, and the sub-regions' growth in rank order.
// Every value is one of the briefing's figures, rounded as the text prints it.
import { round1 } from './phrases.ts';
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
