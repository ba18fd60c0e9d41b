// What a printed number of the briefing is and how it was made: for the web page, each number links to its
// figure (indicator, region, period), the field it is, the formula and the inputs.
import { isFigure, NUMERIC_FIELDS, type PrintedNumber } from './numbers.ts';
import { periodLabel, round1 } from './phrases.ts';
import type { BriefingFigure } from './types.ts';

export interface NumberExplanation {
  /** 西湖区 地区生产总值 1—6月 */
  figure: string;
  /** 同比增长（%） */
  field: string;
  formula: string;
  inputs: Record<string, number | string | null>;
}

type Field = (typeof NUMERIC_FIELDS)[number];

const LABELS: Record<Field, string> = {
  value: '数值',
  yoy: '同比增长（%）',
  yoyPoints: '比上年同期（百分点）',
  parentYoy: '上级地区同比增长（%）',
  parentGap: '与上级增速之差（百分点）',
  previousYoy: '上期同比增长（%）',
  change: '增速比上期变化（百分点）',
  rank: '增速位次',
  rankOf: '参与排位的地区数',
  rankChange: '位次变化（正为前移）',
  target: '年度目标',
  completion: '完成年度目标（%）',
  timeProgress: '时序进度（%）',
  gap: '与目标之差',
  twoYearAverage: '两年平均增长（%）',
  provinceYoy: '全省同比增长（%）',
  provinceGap: '与全省增速之差（百分点）',
};

const r1 = (v: number | null) => (v === null ? null : round1(v));

function formulaOf(
  f: BriefingFigure,
  field: Field,
): { formula: string; inputs: NumberExplanation['inputs'] } {
  const label = periodLabel(f.period);
  const before = f.previousPeriod ? periodLabel(f.previousPeriod) : '上期';
  switch (field) {
    case 'value':
      if (f.explain?.value) return { formula: f.explain.value.formula, inputs: f.explain.value.inputs };
      return { formula: `统计部门发布的${label}数（${f.unit}）`, inputs: { [label]: f.value } };
    case 'yoy':
    case 'previousYoy':
      return f.explain?.yoy && field === 'yoy'
        ? {
            formula: `${f.explain.yoy.formula}${f.sameScope ? '；公布数与按上年公布数推算的不同：上年基数已按同口径调整' : ''}`,
            inputs: f.explain.yoy.inputs,
          }
        : {
            formula: '同比 = 公布的同比增速；无公布数时 (本期累计 ÷ 上年同期累计 − 1) × 100',
            inputs: { [field === 'yoy' ? label : before]: f[field] },
          };
    case 'yoyPoints':
      return {
        formula: '比上年同期 = 本期数 − 上年同期数（百分点）',
        inputs: { 本期: f.value, 差: f.yoyPoints },
      };
    case 'parentYoy':
      return { formula: '上级地区同期的同比增速（与本地区同样读取）', inputs: { 上级增速: f.parentYoy } };
    case 'parentGap':
      return {
        formula: '本地区增速 − 上级增速（各取一位小数后相减）',
        inputs: { 本地区增速: r1(f.yoy), 上级增速: r1(f.parentYoy) },
      };
    case 'change':
      return {
        formula: `${label}增速 − ${before}增速（各取一位小数后相减）`,
        inputs: { [`${label}增速`]: r1(f.yoy), [`${before}增速`]: r1(f.previousYoy) },
      };
    case 'rank':
    case 'rankOf':
    case 'rankChange':
      return {
        formula: `按累计同比增速在同级地区中排序（${f.direction === 'down' ? '越低越好' : '越高越好'}）；位次变化 = 上期位次 − 本期位次`,
        inputs: { 位次: f.rank, 参与排位: f.rankOf, 位次变化: f.rankChange },
      };
    case 'twoYearAverage':
      return {
        formula: '两年平均增长 = (√((1 + 本期增速) × (1 + 上年同期增速)) − 1) × 100',
        inputs: { 本期增速: f.yoy, 上年同期增速: f.lastYearYoy ?? null, 两年平均: f.twoYearAverage ?? null },
      };
    case 'provinceYoy':
      return { formula: '全省同期的同比增速（公布数）', inputs: { 全省增速: f.provinceYoy ?? null } };
    case 'provinceGap':
      return {
        formula: '本地区增速 − 全省增速（各取一位小数后相减）',
        inputs: { 本地区增速: r1(f.yoy), 全省增速: r1(f.provinceYoy ?? null) },
      };
    default:
      return f.explain?.target
        ? { formula: f.explain.target.formula, inputs: f.explain.target.inputs }
        : {
            formula: '完成年度目标% = 累计 ÷ 年度目标 × 100；时序进度 = 月份 ÷ 12 × 100',
            inputs: { 年度目标: f.target, 完成: f.completion, 时序进度: f.timeProgress },
          };
  }
}

/**
 * Each figure and field a printed number can be, with its formula and inputs (usually one; a small count such
 * as 1 may be more than one field). Empty when the number is none of the figures.
 */
export function explainNumber(n: PrintedNumber, figures: BriefingFigure[]): NumberExplanation[] {
  const out: NumberExplanation[] = [];
  for (const f of figures)
    for (const field of NUMERIC_FIELDS) {
      if (!isFigure(n, [{ ...pick(f, field) }])) continue;
      out.push({
        figure: `${f.regionName} ${f.name} ${periodLabel(f.period)}`,
        field: LABELS[field],
        ...formulaOf(f, field),
      });
    }
  return out;
}

/** The figure with only `field` kept among the numbers, to test one field at a time. */
function pick(f: BriefingFigure, field: Field): BriefingFigure {
  const blank = Object.fromEntries(NUMERIC_FIELDS.map((k) => [k, null]));
  return { ...f, ...blank, [field]: f[field] } as BriefingFigure;
}
