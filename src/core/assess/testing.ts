// Fixtures for the assessment tests: two indicators (higher and lower is better) and data built from plain lists.
import type { Indicator } from '../types.ts';
import type { AssessData, AssessGroup, InputValue, StatData } from './score.ts';

const indicator = (code: string, name: string, direction: Indicator['direction']): Indicator => ({
  code,
  name,
  aliases: [],
  unit: '亿元',
  frequency: 'month',
  measure: 'flow',
  aggregation: 'sum',
  direction,
  comparable: false,
  janFebCombined: false,
  reportingUnit: null,
  leader: null,
  intake: 'file',
  alertThreshold: null,
  excellenceThreshold: null,
});

export const INDICATORS = [
  indicator('gdp', '地区生产总值', 'up'),
  indicator('energy', '单位GDP能耗', 'down'),
];

/** One group of regions A, B, C … (codes a, b, c …). */
export function group(name: string, codes: string[]): AssessGroup {
  return { name, members: codes.map((c) => ({ code: c, name: c.toUpperCase() })) };
}

/** A statistics item's data from `{ code: x }` (null = no data) and optional targets. */
export function stat(
  xs: Record<string, number | null>,
  direction: Indicator['direction'] = 'up',
  targets: Record<string, number> = {},
): StatData {
  return {
    direction,
    unit: '亿元',
    values: new Map(Object.entries(xs).map(([c, x]) => [c, { x, target: targets[c] ?? null }])),
  };
}

export function data(
  groups: AssessGroup[],
  stats: Record<string, StatData>,
  inputs: Record<string, Record<string, InputValue>> = {},
  bonus: Record<string, number> = {},
  penalty: Record<string, number> = {},
): AssessData {
  return {
    groups,
    stats: new Map(Object.entries(stats)),
    inputs: new Map(Object.entries(inputs).map(([k, v]) => [k, new Map(Object.entries(v))])),
    bonus: new Map(Object.entries(bonus)),
    penalty: new Map(Object.entries(penalty)),
  };
}
