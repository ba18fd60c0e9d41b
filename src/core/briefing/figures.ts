// Figures of the sections other modules fill (重点项目、督查督办、考核): a count, an amount or a rate of the
// region at the period, with none of a statistic's growth, rank or target unless the module gives one.
import type { BriefingFigure } from './types.ts';

export interface PlainFigure {
  indicator: string;
  name: string;
  region: { code: string; name: string };
  period: string;
  value: number | null;
  unit: string;
}

/** A figure with only a value (and what `more` adds: a time progress, a lag, a rank). */
export function plainFigure(f: PlainFigure, more: Partial<BriefingFigure> = {}): BriefingFigure {
  return {
    indicator: f.indicator,
    name: f.name,
    region: f.region.code,
    regionName: f.region.name,
    period: f.period,
    value: f.value,
    unit: f.unit,
    direction: 'up',
    yoy: null,
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
    forecast: false,
    ...more,
  };
}

/**
 * Collects a section's figures while its sentences are written: `put` files a figure and returns what the text
 * prints of it, so nothing is printed that is not filed.
 */
export function figureBook(region: { code: string; name: string }, period: string, source: string) {
  const figures: BriefingFigure[] = [];
  const put = (
    indicator: string,
    name: string,
    value: number,
    unit: string,
    more: Partial<BriefingFigure> = {},
    formula?: string,
  ): BriefingFigure => {
    const explain = {
      value: {
        formula: `${source}：${formula ?? `${name}（${unit}）`}`,
        inputs: { [name]: value },
        result: value,
      },
      ...more.explain,
    };
    const f = plainFigure({ indicator, name, region, period, value, unit }, { ...more, explain });
    figures.push(f);
    return f;
  };
  return { figures, put };
}
