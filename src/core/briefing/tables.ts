// The attached tables: 主要经济指标完成情况表 (one row per indicator of the overview) and the sub-regions' league.
import { amountDigits, formatAmount, formatGrowth } from '../format.ts';
import type { Overview } from '../overview.ts';
import { periodLabel, round1 } from './phrases.ts';
import type { BriefingFigure, BriefingSection, BriefingTable, Cell } from './types.ts';

const num = (v: number | null, digits: number): Cell =>
  v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

/** 目标 as the table states it: 增长5.5%, 261.00亿元, ≤5.5%. */
function targetCell(f: BriefingFigure): Cell {
  if (f.target === null) return null;
  if (f.targetKind === 'growth') return formatGrowth(f.target);
  const bound = f.targetKind === 'ceiling' ? '≤' : f.targetKind === 'floor' ? '≥' : '';
  return `${bound}${formatAmount(f.target, f.unit)}`;
}

/** 指标 | 单位 | 1—N月 | 同比增长% | 全市 | 位次 | 年度目标 | 完成% | 时序进度%. */
export function mainTable(o: Overview, figures: BriefingFigure[], parent: string | null): BriefingTable {
  const rows = figures.map((f) => [
    f.name,
    f.unit,
    f.value === null ? null : num(f.value, amountDigits(f.value, f.unit)),
    num(f.yoyPoints === null ? f.yoy : null, 1),
    num(f.yoyPoints === null ? f.parentYoy : null, 1),
    f.rank === null ? null : `${f.rank}/${f.rankOf}`,
    targetCell(f),
    f.targetKind === 'amount' ? num(f.completion, 1) : null,
    f.target === null ? null : num(f.timeProgress, 1),
  ]);
  return {
    key: 'main',
    title: '主要经济指标完成情况表',
    header: [
      '指标',
      '单位',
      periodLabel(o.period),
      '同比增长%',
      `${parent ?? '上级'}增长%`,
      '位次',
      '年度目标',
      '完成%',
      '时序进度%',
    ],
    digits: [null, null, null, 1, 1, null, null, 1, 1],
    rowDigits: figures.map((f) => (f.value === null ? 0 : amountDigits(f.value, f.unit))),
    rows,
  };
}

/** 地区 | each indicator's 增长% and 位次, from the sub-region section's figures. */
export function subRegionTable(
  section: BriefingSection,
  word: string,
  regionCode: string,
): BriefingTable | null {
  const children = section.figures.filter((f) => f.region !== regionCode);
  const indicators = [...new Set(children.map((f) => f.indicator))];
  if (indicators.length === 0) return null;
  const names = new Map(children.map((f) => [f.indicator, f.name]));
  const regions = [...new Map(children.map((f) => [f.region, f.regionName])).entries()];
  const rows = regions.map(([code, name]) => [
    name,
    ...indicators.flatMap((i) => {
      const f = children.find((c) => c.region === code && c.indicator === i);
      return [f ? num(f.yoy === null ? null : round1(f.yoy), 1) : null, f?.rank ?? null];
    }),
  ]);
  return {
    key: 'subregions',
    title: `分${word}主要指标增速及位次`,
    header: ['地区', ...indicators.flatMap((i) => [`${names.get(i)}增长%`, '位次'])],
    digits: [null, ...indicators.flatMap(() => [1, 0])],
    rows,
  };
}

/** 板块 | 指标 | 地区 | 数值 | 单位: the figures of the sections other modules fill (projects, tasks, assessment). */
export function moduleTable(sections: BriefingSection[]): BriefingTable | null {
  const rows = sections.flatMap((s) =>
    s.figures.map((f): Cell[] => [s.title, f.name, f.regionName, f.value, f.unit]),
  );
  if (rows.length === 0) return null;
  return {
    key: 'modules',
    title: '重点项目、督查督办和考核主要数据',
    header: ['板块', '指标', '地区', '数值', '单位'],
    // The value column keeps each figure's own decimals (a count, an amount, a rate of two decimals).
    digits: [null, null, null, null, null],
    rows,
  };
}
