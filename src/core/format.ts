// Figures as briefings print them: growth and shares with one decimal (增长6.5%), differences in 百分点,
// amounts in the indicator's unit with the digits that unit is read with; and the colour a status is drawn in.
import type { Direction, ProgressStatus } from './types.ts';

export type Lang = 'zh' | 'en';

const missing = '—';

const ok = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A number with a fixed count of decimals, thousands grouped; −0.0 prints as 0.0. */
export function fixed(v: number | null | undefined, digits: number): string {
  if (!ok(v)) return missing;
  const rounded = Number(v.toFixed(digits));
  return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * Growth as a briefing writes it: 增长6.5%, 下降3.0%, 持平 (what rounds to 0.0).
 * @example formatGrowth(6.48) // '增长6.5%'
 */
export function formatGrowth(yoy: number | null | undefined, lang: Lang = 'zh'): string {
  if (!ok(yoy)) return missing;
  const size = fixed(Math.abs(yoy), 1);
  if (size === '0.0') return lang === 'zh' ? '持平' : 'flat';
  if (lang === 'en') return `${yoy > 0 ? 'up' : 'down'} ${size}%`;
  return `${yoy > 0 ? '增长' : '下降'}${size}%`;
}

/**
 * A rate, share or growth with its sign, one decimal: 6.5%, −3.0%.
 * @example formatPercent(-2.96) // '-3.0%'
 */
export function formatPercent(v: number | null | undefined): string {
  return ok(v) ? `${fixed(v, 1)}%` : missing;
}

/**
 * A difference of two rates in 百分点, one decimal, signed: +1.2个百分点, −0.5个百分点.
 * @example formatPoints(-0.54) // '-0.5个百分点'
 */
export function formatPoints(d: number | null | undefined, lang: Lang = 'zh'): string {
  if (!ok(d)) return missing;
  const size = fixed(d, 1);
  const signed = d > 0 && size !== '0.0' ? `+${size}` : size;
  return lang === 'zh' ? `${signed}个百分点` : `${signed} pp`;
}

/**
 * A rate's change as a briefing states it: 上升0.2个百分点, 下降0.3个百分点, 持平.
 * @example formatPointsChange(0.2) // '上升0.2个百分点'
 */
export function formatPointsChange(d: number | null | undefined, lang: Lang = 'zh'): string {
  if (!ok(d)) return missing;
  const size = fixed(Math.abs(d), 1);
  if (size === '0.0') return lang === 'zh' ? '持平' : 'flat';
  if (lang === 'en') return `${d > 0 ? 'up' : 'down'} ${size} pp`;
  return `${d > 0 ? '上升' : '下降'}${size}个百分点`;
}

/**
 * A completion rate (完成率), one decimal. What is not yet complete never prints as 100.0%: 99.96 is 99.9%.
 * @example formatCompletion(99.96) // '99.9%'
 */
export function formatCompletion(c: number | null | undefined): string {
  if (!ok(c)) return missing;
  const shown = c < 100 && c >= 99.95 ? 99.9 : c;
  return `${fixed(shown, 1)}%`;
}

// Units read as whole numbers: counts, yuan per head.
const WHOLE_UNITS = new Set(['元', '家', '个', '人', '户', '项', '件']);
const RATE_UNITS = new Set(['%', '‰', '上年=100']);

/**
 * How many decimals an amount in this unit is printed with: rates one; counts and 元 none; large amounts
 * none; 亿元 and the like two (as statistical bulletins print them); small ratios (能耗 0.352) three.
 * @example amountDigits(2345.678, '亿元') // 2
 */
export function amountDigits(v: number, unit: string): number {
  if (RATE_UNITS.has(unit)) return 1;
  if (WHOLE_UNITS.has(unit) || Math.abs(v) >= 100_000) return 0;
  if (Math.abs(v) < 1 && v !== 0) return 3;
  return 2;
}

/**
 * An amount with its unit: 2,345.68亿元, 133,914元, 5.0%, 0.352吨标准煤/万元.
 * @example formatAmount(2345.678, '亿元') // '2,345.68亿元'
 */
export function formatAmount(v: number | null | undefined, unit: string, withUnit = true): string {
  if (!ok(v)) return missing;
  return `${fixed(v, amountDigits(v, unit))}${withUnit ? unit : ''}`;
}

/**
 * 进位 ↑2, 退位 ↓1, unchanged —, no rank before: empty.
 * @example formatRankChange(2) // '↑2'
 */
export function formatRankChange(c: number | null | undefined): string {
  if (!ok(c)) return '';
  if (c === 0) return '—';
  return c > 0 ? `↑${c}` : `↓${-c}`;
}

/** How a figure reads: good, a warning, bad, or neither. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export const STATUS_TEXT: Record<ProgressStatus, string> = {
  ahead: '超前',
  on_track: '正常',
  behind: '滞后',
  off_track: '严重滞后',
};

export const STATUS_TONE: Record<ProgressStatus, Tone> = {
  ahead: 'good',
  on_track: 'good',
  behind: 'warn',
  off_track: 'bad',
};

/** The colours of the tones; a lagging item is never drawn in a good one. */
export const TONE_COLOR: Record<Tone, string> = {
  good: '#1b7f3b',
  warn: '#d48806',
  bad: '#c62828',
  neutral: '#8c8c8c',
};

/** Each status's own colour (ahead darker than on track); no status (no data) is grey. */
export function statusColor(status: ProgressStatus | null | undefined): string {
  if (!status) return TONE_COLOR.neutral;
  return status === 'on_track' ? '#52a447' : TONE_COLOR[STATUS_TONE[status]];
}

/** Whether an item is behind its target (滞后 or 严重滞后): never shown as done or in a good colour. */
export const isLagging = (status: ProgressStatus | null | undefined): boolean =>
  status === 'behind' || status === 'off_track';

/**
 * Whether a change in growth reads well, by the indicator's direction: unemployment falling is good.
 * @example changeTone(-0.3, 'down') // 'good'
 */
export function changeTone(change: number | null | undefined, direction: Direction): Tone {
  if (!ok(change) || change === 0) return 'neutral';
  return change > 0 === (direction === 'up') ? 'good' : 'bad';
}

/** 进位 reads well and 退位 badly, whatever the indicator: a rank is already direction-aware. */
export const rankChangeTone = (c: number | null | undefined): Tone => changeTone(c, 'up');
