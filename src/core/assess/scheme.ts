// The assessment scheme (考核方案) as data: its type and a check that says in Chinese exactly what is wrong.
import { TiaoduError } from '../errors.ts';
import type { Indicator } from '../types.ts';
import { readSource, type Source } from './source.ts';

export type Measure = 'yoy' | 'value' | 'completion';

export type Rule =
  | { kind: 'rank'; step: number }
  | { kind: 'deviation'; base: number; perPoint: number; min: number; max: number }
  | { kind: 'completion'; max: number }
  | { kind: 'efficacy'; base: number }
  | { kind: 'bands'; bands: { min: number; share: number }[] }
  | { kind: 'scaled'; of: number }
  | { kind: 'manual' }
  | { kind: 'veto' };

export type RuleKind = Rule['kind'];

/** Rules scored from statistics, and rules scored from entered inputs. */
export const STAT_KINDS: RuleKind[] = ['rank', 'deviation', 'completion', 'efficacy', 'bands'];
export const INPUT_KINDS: RuleKind[] = ['scaled', 'manual', 'veto'];

export interface SchemeItem {
  name: string;
  /** The indicator's code (resolved from a code, name or alias), for statistics items. */
  indicator: string | null;
  measure: Measure | null;
  input: boolean;
  /** Points at stake; 0 for a veto. */
  weight: number;
  rule: Rule;
  /** Where an input item's figures are read from (the projects module) instead of being entered; none: entered. */
  source?: Source | null;
}

export interface Scheme {
  name: string;
  parent: string;
  period: string | null;
  /** Group name → region names or codes, or the name of a region group (地区分组). None: one group. */
  groups: Record<string, string[] | string> | null;
  items: SchemeItem[];
  bonus: { max: number } | null;
  penalty: { max: number } | null;
  /** The declared full score (满分), when the scheme gives one: the weights must add up to it. */
  total: number | null;
  /** Red and black lists (红榜、黑榜) of each group: the top and bottom places, when the scheme names them. */
  lists?: Lists | null;
}

export interface Lists {
  red: { top: number } | null;
  black: { bottom: number } | null;
}

const bad = (message: string): never => {
  throw new TiaoduError('assess.scheme', `考核方案有误：${message}`);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function num(o: Obj, key: string, where: string, opts: { dflt?: number; min?: number } = {}): number {
  const v = o[key] ?? opts.dflt;
  if (!isNum(v)) return bad(`${where}的参数 ${key} 应为数字，收到 ${JSON.stringify(o[key] ?? null)}`);
  if (opts.min !== undefined && v < opts.min)
    return bad(`${where}的参数 ${key} 不能小于 ${opts.min}，收到 ${v}`);
  return v;
}

const KIND_LIST = [...STAT_KINDS, ...INPUT_KINDS].join('、');

function readRule(raw: unknown, where: string): Rule {
  if (!isObj(raw)) return bad(`${where}缺少计分规则 rule（如 {"kind":"rank","step":0.05}）`);
  const kind = raw.kind;
  switch (kind) {
    case 'rank':
      return { kind, step: num(raw, 'step', where, { min: 0 }) };
    case 'deviation': {
      const min = num(raw, 'min', where, { dflt: 0 });
      // No max: no upper clamp.
      const max = raw.max === undefined ? Number.POSITIVE_INFINITY : num(raw, 'max', where);
      if (min > max) bad(`${where}的参数 min（${min}）大于 max（${max}）`);
      return { kind, base: num(raw, 'base', where), perPoint: num(raw, 'perPoint', where), min, max };
    }
    case 'completion':
      return { kind, max: num(raw, 'max', where, { min: 0 }) };
    case 'efficacy': {
      const base = num(raw, 'base', where, { dflt: 0.6, min: 0 });
      if (base > 1) bad(`${where}的参数 base 应在 0—1 之间，收到 ${base}`);
      return { kind, base };
    }
    case 'bands': {
      const list = raw.bands;
      if (!Array.isArray(list) || list.length === 0)
        return bad(`${where}的参数 bands 应为非空数组，如 [{"min":8,"share":1}]`);
      const bands = list.map((b, i) => {
        const at = `${where}第${i + 1}档`;
        if (!isObj(b)) return bad(`${at}应为 {"min":…,"share":…}`);
        return { min: num(b, 'min', at), share: num(b, 'share', at, { min: 0 }) };
      });
      return { kind, bands };
    }
    case 'scaled': {
      const of = num(raw, 'of', where);
      if (of <= 0) bad(`${where}的参数 of 应大于 0，收到 ${of}`);
      return { kind, of };
    }
    case 'manual':
    case 'veto':
      return { kind };
    default:
      return bad(`${where}的计分规则「${String(kind ?? '')}」未知，应为 ${KIND_LIST} 之一`);
  }
}

const findIndicator = (indicators: Indicator[], s: string) =>
  indicators.find((i) => i.code === s) ??
  indicators.find((i) => i.name === s) ??
  indicators.find((i) => i.aliases.includes(s));

function readItem(raw: unknown, n: number, indicators: Indicator[]): SchemeItem {
  if (!isObj(raw)) return bad(`第${n}项应为对象`);
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) return bad(`第${n}项缺少名称 name`);
  const where = `第${n}项「${name}」`;
  const rule = readRule(raw.rule, where);
  const input = raw.input === true;
  if (INPUT_KINDS.includes(rule.kind) && !input)
    bad(`${where}的规则 ${rule.kind} 按录入分值计分，应写 "input": true`);
  if (STAT_KINDS.includes(rule.kind) && input)
    bad(`${where}是录入项（input），规则 ${rule.kind} 只用于统计指标，录入项应为 scaled、manual 或 veto`);
  let indicator: string | null = null;
  let measure: Measure | null = null;
  if (!input) {
    if (typeof raw.indicator !== 'string' || !raw.indicator.trim())
      return bad(`${where}既没有指标 indicator，也不是录入项（"input": true）`);
    const found = findIndicator(indicators, raw.indicator.trim());
    if (!found) return bad(`${where}的指标「${raw.indicator}」未知（不在指标目录中）`);
    indicator = found.code;
    const m = raw.measure ?? (rule.kind === 'completion' ? 'completion' : 'yoy');
    if (m !== 'yoy' && m !== 'value' && m !== 'completion')
      return bad(`${where}的 measure「${String(m)}」未知，应为 yoy、value 或 completion`);
    measure = m;
  }
  const needsWeight = rule.kind !== 'veto' && rule.kind !== 'manual';
  const weight = needsWeight ? num(raw, 'weight', where, { min: 0 }) : isNum(raw.weight) ? raw.weight : 0;
  if (raw.source === undefined || raw.source === null)
    return { name, indicator, measure, input, weight, rule };
  if (!input) bad(`${where}有取数来源 source，是录入项，应写 "input": true（不要写指标 indicator）`);
  if (rule.kind === 'veto') bad(`${where}是一票否决项，不能从重点项目取数，请按地区录入「否决」`);
  return { name, indicator, measure, input, weight, rule, source: readSource(raw.source, where) };
}

function readCap(raw: unknown, key: 'bonus' | 'penalty'): { max: number } | null {
  if (raw === undefined || raw === null) return null;
  if (!isObj(raw)) return bad(`${key} 应为 {"max":数字}`);
  return { max: num(raw, 'max', key === 'bonus' ? '加分（bonus）' : '减分（penalty）', { min: 0 }) };
}

/** The red and black lists of a scheme (`lists`), checked; none when the scheme names none. */
export function readLists(raw: unknown): Lists | null {
  if (raw === undefined || raw === null) return null;
  const shape = 'lists 应为 {"red":{"top":3},"black":{"bottom":2}}（红榜取每组前几名，黑榜取每组后几名）';
  if (!isObj(raw)) return bad(shape);
  const part = (key: 'red' | 'black', field: 'top' | 'bottom') => {
    const v = raw[key];
    if (v === undefined || v === null) return null;
    if (!isObj(v)) return bad(shape);
    const k = num(v, field, key === 'red' ? '红榜（lists.red）' : '黑榜（lists.black）', { min: 1 });
    if (!Number.isInteger(k)) bad(`lists.${key}.${field} 应为正整数，收到 ${k}`);
    return k;
  };
  const top = part('red', 'top');
  const bottom = part('black', 'bottom');
  return { red: top === null ? null : { top }, black: bottom === null ? null : { bottom } };
}

function readGroups(raw: unknown): Scheme['groups'] {
  if (raw === undefined || raw === null) return null;
  if (!isObj(raw) || Object.keys(raw).length === 0)
    return bad('groups 应为 {"分组名":["地区",…]} 或 {"分组名":"地区分组名"}');
  const out: Record<string, string[] | string> = {};
  for (const [name, members] of Object.entries(raw)) {
    if (typeof members === 'string' && members.trim()) out[name] = members.trim();
    else if (Array.isArray(members) && members.every((m) => typeof m === 'string')) {
      if (members.length < 2) bad(`分组「${name}」只有 ${members.length} 个地区，一组至少需要 2 个`);
      out[name] = members.map((m) => m.trim());
    } else bad(`分组「${name}」应为地区名称的数组或一个地区分组的名称`);
  }
  return out;
}

/**
 * Reads a scheme from its JSON, checking everything that can be checked without the data: known indicators,
 * rule kinds and their parameters, input items, weights against the declared total, group sizes.
 * @example readScheme({ name: '考核', parent: '天门市', items: [{ name: '项目拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } }] }, [])
 */
export function readScheme(raw: unknown, indicators: Indicator[]): Scheme {
  if (!isObj(raw)) return bad('应为一个 JSON 对象');
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) bad('缺少方案名称 name');
  const parent = typeof raw.parent === 'string' ? raw.parent.trim() : '';
  if (!parent) bad('缺少上级地区 parent（被考核地区的上级，如 "天门市"）');
  let period: string | null = null;
  if (raw.period !== undefined && raw.period !== null) {
    if (typeof raw.period !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(raw.period))
      bad(`period 应为 YYYY-MM，收到 ${JSON.stringify(raw.period)}`);
    period = raw.period as string;
  }
  if (!Array.isArray(raw.items) || raw.items.length === 0) bad('items 应为非空数组（考核项目）');
  const items = (raw.items as unknown[]).map((it, i) => readItem(it, i + 1, indicators));
  const seen = new Set<string>();
  for (const it of items) {
    if (it.name === '加分' || it.name === '减分') bad(`项目名称「${it.name}」留给加减分，请换一个名称`);
    if (seen.has(it.name)) bad(`项目「${it.name}」出现了两次`);
    seen.add(it.name);
  }
  let total: number | null = null;
  if (raw.total !== undefined && raw.total !== null) {
    total = num(raw, 'total', '方案', { min: 0 });
    const sum = items.reduce((s, it) => s + (it.rule.kind === 'veto' ? 0 : it.weight), 0);
    if (Math.abs(sum - total) > 1e-9)
      bad(`各项权重之和为 ${Math.round(sum * 1e6) / 1e6}，与声明的总分 total ${total} 不符`);
  }
  return {
    name,
    parent,
    period,
    groups: readGroups(raw.groups),
    items,
    bonus: readCap(raw.bonus, 'bonus'),
    penalty: readCap(raw.penalty, 'penalty'),
    total,
    lists: readLists(raw.lists),
  };
}

/** A group of peers after its names are resolved: a region group with one member is as wrong as a list. */
export function checkGroupSizes(groups: { name: string; members: { name: string }[] }[]): void {
  for (const g of groups)
    if (g.members.length < 2)
      bad(
        `分组「${g.name}」只有 ${g.members.length} 个地区${g.members[0] ? `（${g.members[0].name}）` : ''}，一组至少需要 2 个`,
      );
}
