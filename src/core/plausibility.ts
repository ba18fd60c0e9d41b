// Slips in data entry: a value typed by hand that no real economy produces — a cumulative flow that shrinks,
// growth that leaps, a figure ten times last year's — is asked about before it is saved, never refused.
import { formatAmount, formatPercent, formatPoints } from './format.ts';
import { readGrowth } from './growth.ts';
import { isSwing, SWING_PP } from './swing.ts';
import type { Indicator } from './types.ts';

/** More than this many times last year's figure, or less than its inverse, is taken for a slip. */
export const MAGNITUDE_FACTOR = 10;

/** A value entered by hand, with what it is checked against (published figures; null where there are none). */
export interface EntryToCheck {
  indicator: Pick<Indicator, 'measure' | 'comparable' | 'unit'>;
  /** The period's value as entered: for a flow the 1–N月 cumulative. */
  value: number | null;
  /** The growth as entered (%); when none, the growth the value implies against last year's is checked. */
  yoy: number | null;
  /** The latest earlier cumulative of the same year (a flow's 1–(N−1)月), with its period. */
  before: { period: string; value: number | null } | null;
  /** The growth of the period before (in any year), as the cockpit reads it. */
  growthBefore: number | null;
  /** The same period a year earlier. */
  lastYear: number | null;
}

export type Implausibility =
  | { kind: 'cumulative_drop'; value: number; before: number; period: string; message: string }
  | { kind: 'swing'; from: number; to: number; change: number; thresholdPp: number; message: string }
  | { kind: 'magnitude'; value: number; lastYear: number; ratio: number; message: string };

/**
 * What looks wrong with a value entered by hand; empty when nothing does. Each problem's message names the
 * numbers, in Chinese, for the confirmation the user is asked for.
 * @example implausibilities({ indicator: fai, value: 90, yoy: null, before: { period: '2025-05', value: 100 }, growthBefore: null, lastYear: null })
 * // [{ kind: 'cumulative_drop', …, message: '本期累计 90.00亿元 低于 2025-05 的累计 100.00亿元：累计值不应减少' }]
 */
export function implausibilities(entry: EntryToCheck, swingPp = SWING_PP): Implausibility[] {
  const found: Implausibility[] = [];
  const { value, indicator } = entry;
  const amount = (v: number) => formatAmount(v, indicator.unit);
  const before = entry.before?.value ?? null;
  if (indicator.measure === 'flow' && value !== null && before !== null && value < before) {
    const period = entry.before?.period ?? '';
    found.push({
      kind: 'cumulative_drop',
      value,
      before,
      period,
      message: `本期累计 ${amount(value)} 低于 ${period} 的累计 ${amount(before)}：累计值不应减少`,
    });
  }
  const growth = readGrowth(indicator, { value, yoy: entry.yoy, lastValue: entry.lastYear }).yoy;
  if (growth !== null && entry.growthBefore !== null && isSwing(entry.growthBefore, growth, swingPp)) {
    const change = growth - entry.growthBefore;
    found.push({
      kind: 'swing',
      from: entry.growthBefore,
      to: growth,
      change,
      thresholdPp: swingPp,
      message: `增速 ${formatPercent(growth)} 较上期 ${formatPercent(entry.growthBefore)} 变动 ${formatPoints(change)}，超过 ${swingPp} 个百分点`,
    });
  }
  const last = entry.lastYear;
  if (value !== null && last !== null && last !== 0) {
    const ratio = Math.abs(value) / Math.abs(last);
    if (ratio > MAGNITUDE_FACTOR || ratio < 1 / MAGNITUDE_FACTOR) {
      // Under a tenth as a share (0.013% reads better than 0.00 times), over ten times as a multiple.
      const share = ratio * 100 >= 1 ? (ratio * 100).toFixed(1) : (ratio * 100).toPrecision(2);
      const relation =
        ratio > 1
          ? `是上年同期 ${amount(last)} 的 ${ratio.toFixed(1)} 倍`
          : `只有上年同期 ${amount(last)} 的 ${share}%，不到十分之一`;
      found.push({
        kind: 'magnitude',
        value,
        lastYear: last,
        ratio,
        message: `本期 ${amount(value)} ${relation}`,
      });
    }
  }
  return found;
}
