// How a briefing says a figure: sign-aware growth (增长/下降/持平, 增长N倍), differences in 百分点
// (提高/回落 against the last period, 高于/低于全市), rank movement (前移/后退), 预计 for forecasts.
// Each returns null when a figure it needs is missing: a missing figure is left out, never guessed.
import { fixed, formatCompletion, formatPercent, formatAmount as groupedAmount } from '../format.ts';

/**
 * An amount in the text as briefings print it: 1054.53亿元, 41327元 — no thousands separators in prose (the
 * tables and the screen keep them).
 */
export const formatAmount = (v: number | null | undefined, unit: string): string =>
  groupedAmount(v, unit).replaceAll(',', '');

import type { TargetKind } from '../types.ts';

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** One decimal, as printed: what differences between printed figures are taken from. */
export const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * The difference of two rates as printed (each rounded to one decimal first, so the reader's sum checks).
 * @example pointsBetween(5.84, 4.46) // 1.3
 */
export function pointsBetween(a: number | null | undefined, b: number | null | undefined): number | null {
  return ok(a) && ok(b) ? round1(round1(a) - round1(b)) : null;
}

/**
 * 增长6.5%, 下降3.0%, 持平; above 100% in 倍 (增长1.5倍 is 150%). Never 增长-3.0%.
 * @example growthPhrase(-2.96) // '下降3.0%'
 */
export function growthPhrase(yoy: number | null | undefined): string | null {
  if (!ok(yoy)) return null;
  if (yoy > 100) return `增长${fixed(yoy / 100, 1)}倍`;
  const size = fixed(Math.abs(yoy), 1);
  if (size === '0.0') return '持平';
  return `${yoy > 0 ? '增长' : '下降'}${size}%`;
}

/** N个百分点 with the size only. */
const points = (d: number) => `${fixed(Math.abs(d), 1)}个百分点`;

/**
 * Growth against the last period's: 比1—5月提高0.3个百分点, 回落, 与1—5月持平.
 * @example changePhrase(6.0, 5.7, '1—5月') // '比1—5月提高0.3个百分点'
 */
export function changePhrase(now: number | null, before: number | null, label: string): string | null {
  const d = pointsBetween(now, before);
  if (d === null) return null;
  if (d === 0) return `与${label}持平`;
  return `比${label}${d > 0 ? '提高' : '回落'}${points(d)}`;
}

/**
 * Growth against the parent's: 高于全市（5.6%）0.4个百分点, 低于…, 与全市持平.
 * @example vsParentPhrase(6.0, 5.6, '全市') // '高于全市（5.6%）0.4个百分点'
 */
export function vsParentPhrase(yoy: number | null, parentYoy: number | null, parent: string): string | null {
  const d = pointsBetween(yoy, parentYoy);
  if (d === null) return null;
  if (d === 0) return `与${parent}持平`;
  return `${d > 0 ? '高于' : '低于'}${parent}（${formatPercent(parentYoy)}）${points(d)}`;
}

/**
 * Rank among the siblings and its movement: 居全市13个区、县（市）第2位，位次比1—5月前移3位.
 * @example rankPhrase(5, 13, -2, '全市13个区、县（市）', '1—5月') // '居全市13个区、县（市）第5位，位次比1—5月后退2位'
 */
export function rankPhrase(
  rank: number | null,
  change: number | null,
  among: string,
  before: string | null,
): string | null {
  if (!ok(rank)) return null;
  const at = `居${among}第${rank}位`;
  if (!ok(change) || before === null) return at;
  if (change === 0) return `${at}，位次与${before}持平`;
  return `${at}，位次比${before}${change > 0 ? '前移' : '后退'}${Math.abs(change)}位`;
}

/**
 * A rate's change from the same period last year: 比上年同期上升0.2个百分点, 与上年同期持平.
 * @example ratePhrase(-0.3) // '比上年同期下降0.3个百分点'
 */
export function ratePhrase(yoyPoints: number | null): string | null {
  if (!ok(yoyPoints)) return null;
  if (fixed(Math.abs(yoyPoints), 1) === '0.0') return '与上年同期持平';
  return `比上年同期${yoyPoints > 0 ? '上升' : '下降'}${points(yoyPoints)}`;
}

/** 预计 before a forecast's sentence, nothing before a published one. */
export const forecastPrefix = (forecast: boolean): string => (forecast ? '预计' : '');

export interface TargetFigure {
  unit: string;
  yoy: number | null;
  value: number | null;
  target: number | null;
  targetKind: TargetKind | null;
  completion: number | null;
  timeProgress: number | null;
  gap: number | null;
}

/**
 * The figure against its annual target: growth targets by the gap, amount targets by completion against
 * time progress (完成年度目标的43.7%，低于时序进度6.3个百分点), ceilings as held or exceeded.
 * @example targetPhrase({ targetKind: 'growth', target: 5.5, gap: 0.3, … }) // '高于年度目标（增长5.5%）0.3个百分点'
 */
export function targetPhrase(f: TargetFigure): string | null {
  if (!ok(f.target) || f.targetKind === null) return null;
  if (f.targetKind === 'growth') {
    const aim = `年度目标（${growthPhrase(f.target)}）`;
    if (!ok(f.gap)) return null;
    if (fixed(Math.abs(f.gap), 1) === '0.0') return `达到${aim}`;
    return `${f.gap > 0 ? '高于' : '低于'}${aim}${points(f.gap)}`;
  }
  const aim = `年度目标（${formatAmount(f.target, f.unit)}）`;
  if (f.targetKind === 'ceiling' || f.targetKind === 'floor') {
    if (!ok(f.gap)) return null;
    const held = f.gap >= 0;
    if (f.targetKind === 'ceiling') return held ? `控制在${aim}以内` : `超出${aim}${points(f.gap)}`;
    return held ? `达到${aim}` : `低于${aim}`;
  }
  if (!ok(f.completion)) return null;
  const done = `完成${aim}的${formatCompletion(f.completion)}`;
  const d = pointsBetween(f.completion, f.timeProgress);
  if (d === null) return done;
  const time = `时序进度（${formatCompletion(f.timeProgress)}）`;
  if (d === 0) return `${done}，与${time}持平`;
  return `${done}，${d > 0 ? '快于' : '低于'}${time}${points(d)}`;
}

const CN_DIGITS = '〇一二三四五六七八九';

/**
 * A count in Chinese numerals (counts of indicators and regions are words, not figures): 三, 十二, 二十.
 * @example chineseCount(12) // '十二'
 */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

const QUARTER_NAMES: Record<number, string> = { 3: '一季度', 6: '上半年', 9: '前三季度', 12: '全年' };

/**
 * How a cumulative period is named: 1—6月 (1月 alone), or for quarterly figures 一季度, 上半年, 前三季度, 全年;
 * a period of an earlier year than `year` is 上年 (or 上年1—N月).
 * @example periodLabel('2025-06', { quarterly: true }) // '上半年'
 */
export function periodLabel(period: string, opts: { quarterly?: boolean; year?: number } = {}): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const prefix = opts.year !== undefined && y < opts.year ? '上年' : '';
  if (opts.quarterly && QUARTER_NAMES[m]) return `${prefix}${QUARTER_NAMES[m]}`;
  if (prefix && m === 12) return '上年全年';
  return `${prefix}${m === 1 ? '1月' : `1—${m}月`}`;
}

/**
 * What a region calls itself in its own briefing: 全区, 全县, 全市, 全镇, 全街道.
 * @example selfName('西湖区') // '全区'
 */
export function selfName(name: string): string {
  for (const s of ['街道', '区', '县', '市', '镇', '乡', '省']) if (name.endsWith(s)) return `全${s}`;
  return name;
}

/** What the region's siblings are called, by its level: 区、县（市）for a district, 镇街 for a town. */
export function peersWord(level: number): string {
  if (level <= 1) return '省份';
  if (level === 2) return '市';
  if (level === 3) return '区、县（市）';
  return '镇街';
}
