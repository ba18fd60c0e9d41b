// From an extracted target to the target a reviewer is offered: the catalogue indicator, the kind
// (growth, amount, ceiling, floor), the value in the indicator's unit, and what needs a person's eye.
import type { Comparator, Indicator, Strength, TargetKind } from '../../core/types.ts';
import type { ExtractedTarget } from './targets.ts';

export interface TargetDraft {
  indicator: string | null;
  kind: TargetKind;
  value: number;
  cmp: Comparator;
  strength: Strength;
  /** Why the draft cannot be accepted as it stands, in Chinese; null when it can. */
  problem: string | null;
}

// Money units that convert into one another (in yuan, or in US dollars).
const SCALE: Record<string, [family: string, factor: number]> = {
  元: ['CNY', 1],
  万元: ['CNY', 1e4],
  亿元: ['CNY', 1e8],
  万美元: ['USD', 1e4],
  亿美元: ['USD', 1e8],
};

function inUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = SCALE[from];
  const b = SCALE[to];
  if (!a || !b || a[0] !== b[0]) return null;
  return Number(((value * a[1]) / b[1]).toPrecision(12));
}

const FALLS = /(?:下降|降低|减少|压减|压降)(?:了)?$/;

/**
 * The target a reviewer is offered for an extracted one.
 * @example draftTarget({ indicatorCode: 'gdp', value: 5.5, unit: '%', cmp: '≈', … }, catalog)
 *   // { indicator: 'gdp', kind: 'growth', value: 5.5, cmp: '≈', strength: 'expected', problem: null }
 */
export function draftTarget(t: ExtractedTarget, catalog: Indicator[]): TargetDraft {
  const strength = t.strength ?? 'expected';
  const indicator = catalog.find((i) => i.code === t.indicatorCode) ?? null;
  const lead = t.quote.slice(0, Math.max(0, t.start - t.quoteStart));
  const falls = FALLS.test(lead);
  const range = t.cmp === 'range';
  const base = {
    indicator: indicator?.code ?? null,
    strength,
    problem: range ? `原文是区间（${t.value}–${t.valueHi}${t.unit}），已按下限设定，请核对` : null,
  };
  const cmp: Comparator = t.cmp === '>=' || t.cmp === '<=' ? t.cmp : range ? '>=' : '≈';
  if (!indicator) {
    return {
      ...base,
      kind: t.unit === '%' ? 'growth' : 'amount',
      value: t.value,
      cmp,
      problem: `指标库中没有「${t.indicator}」，请选择指标`,
    };
  }
  // A percent of an indicator kept in 亿元 or 吨标准煤/万元 can only be its growth.
  if (t.unit === '%' && indicator.unit !== '%') {
    // "单位GDP能耗下降3%以上" is growth of −3% or lower.
    if (falls)
      return {
        ...base,
        kind: 'growth',
        value: -t.value,
        cmp: cmp === '>=' ? '<=' : cmp === '<=' ? '>=' : cmp,
      };
    return { ...base, kind: 'growth', value: t.value, cmp };
  }
  const value = inUnit(t.value, t.unit, indicator.unit);
  if (value === null) {
    return {
      ...base,
      kind: 'amount',
      value: t.value,
      cmp,
      problem: `原文单位「${t.unit}」与指标单位「${indicator.unit}」不同，请核对数值`,
    };
  }
  const kind: TargetKind =
    cmp === '<=' ? 'ceiling' : cmp === '>=' && indicator.measure === 'rate' ? 'floor' : 'amount';
  // "达到5000万元" sets an amount to reach: at least that much, unless the text said 左右.
  const reach: Comparator = kind === 'amount' && t.cmp === '=' && indicator.measure !== 'rate' ? '>=' : cmp;
  return { ...base, kind, value, cmp: reach };
}

/**
 * The draft for the year the document plans for — a target's year is the document's, never the clock's.
 * With no year known the draft waits for the reviewer to set the document's year.
 */
export function datedDraft(
  t: ExtractedTarget,
  catalog: Indicator[],
  year: number | null,
): TargetDraft & { year: number | null } {
  const draft = draftTarget(t, catalog);
  const problem = draft.problem ?? (year === null ? '文件没有写明年度：请先设定文件年度，再采纳目标' : null);
  return { ...draft, year, problem };
}
