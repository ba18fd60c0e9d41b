// Progress against target and time: 时序进度, 完成率, gap, status, 双过半, 全年红, and what the rest of the year needs.
import type { Explanation, Indicator, ProgressStatus, Target, TargetKind, Trajectory } from './types.ts';

/**
 * 时序进度 in %: month ÷ 12 × 100, or the trajectory's cumulative checkpoint, interpolated
 * linearly between checkpoints (0 % at month 0).
 * @example timeProgress(6, null) // 50
 */
export function timeProgress(month: number, trajectory: Trajectory | null): number {
  if (!trajectory || trajectory.checkpoints.length === 0) return (month / 12) * 100;
  const points = [{ month: 0, percent: 0 }, ...[...trajectory.checkpoints].sort((a, b) => a.month - b.month)];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { month: number; percent: number };
    const b = points[i] as { month: number; percent: number };
    if (month <= b.month)
      return a.percent + ((b.percent - a.percent) * (month - a.month)) / (b.month - a.month);
  }
  return (points[points.length - 1] as { percent: number }).percent;
}

/** 完成率 % = 累计 ÷ 年度目标 × 100. */
export function completionRate(ytd: number | null, annualTarget: number): number | null {
  return ytd === null || annualTarget === 0 ? null : (ytd / annualTarget) * 100;
}

export interface TargetProgress {
  targetKind: TargetKind;
  target: number;
  actual: number | null;
  timeProgress: number;
  completion: number | null;
  gap: number | null;
  status: ProgressStatus | null;
  explain: Explanation;
}

const defaults: Record<'rate' | 'amount', { excellence: number; alert: number }> = {
  rate: { excellence: 1, alert: -2 },
  amount: { excellence: 5, alert: -10 },
};

// A "左右" (≈) growth target counts as met when at most this many points below it.
const ABOUT_TOLERANCE = 0.5;

/** Status from the gap (pp, positive = better than needed) and the indicator's thresholds. */
export function progressStatus(
  gap: number,
  kind: TargetKind,
  indicator: Indicator,
  cmp: Target['cmp'],
): ProgressStatus {
  const d = defaults[kind === 'amount' ? 'amount' : 'rate'];
  const excellence = indicator.excellenceThreshold ?? d.excellence;
  const alert = indicator.alertThreshold ?? d.alert;
  const met = kind === 'growth' && cmp === '≈' ? gap >= -ABOUT_TOLERANCE : gap >= 0;
  if (met) return gap >= excellence ? 'ahead' : 'on_track';
  return gap > alert ? 'behind' : 'off_track';
}

/**
 * Whether a target's `actual` is the year-to-date growth (%) rather than the figure itself: for growth
 * targets, and for a ceiling or floor on anything but a rate (a ceiling on 失业率 is on the rate itself).
 * @example actualIsGrowth('ceiling', 'rate') // false
 */
export function actualIsGrowth(kind: TargetKind, measure: Indicator['measure']): boolean {
  if (kind === 'amount') return false;
  return kind === 'growth' || measure !== 'rate';
}

/**
 * Growth target: actual = ytd growth, gap = actual − target (pp).
 * Amount target: actual = ytd value, completion = actual ÷ target × 100, gap = completion − time progress.
 * Ceiling: gap = target − actual (under the ceiling is good); floor: gap = actual − target.
 */
export function evaluateTarget(input: {
  target: Target;
  indicator: Indicator;
  month: number;
  ytdValue: number | null;
  ytdGrowth: number | null;
}): TargetProgress {
  const { target, indicator, month, ytdValue, ytdGrowth } = input;
  const tp = timeProgress(month, target.trajectory);
  const base = { targetKind: target.kind, target: target.value, timeProgress: tp };
  if (target.kind === 'amount') {
    const completion = completionRate(ytdValue, target.value);
    const gap = completion === null ? null : completion - tp;
    return {
      ...base,
      actual: ytdValue,
      completion,
      gap,
      status: gap === null ? null : progressStatus(gap, 'amount', indicator, target.cmp),
      explain: {
        formula: '完成率 = 累计值 ÷ 年度目标 × 100；差距 = 完成率 − 时序进度（百分点）',
        inputs: { 累计值: ytdValue, 年度目标: target.value, 时序进度: tp },
        result: gap,
      },
    };
  }
  const actual = actualIsGrowth(target.kind, indicator.measure) ? ytdGrowth : ytdValue;
  const gap =
    actual === null ? null : target.kind === 'ceiling' ? target.value - actual : actual - target.value;
  const formula =
    target.kind === 'ceiling'
      ? '差距 = 上限 − 实际（正数表示在上限以内）'
      : target.kind === 'floor'
        ? '差距 = 实际 − 下限'
        : '差距 = 累计增速 − 目标增速（百分点）';
  return {
    ...base,
    actual,
    completion: null,
    gap,
    status: gap === null ? null : progressStatus(gap, target.kind, indicator, target.cmp),
    explain: { formula, inputs: { 实际: actual, 目标: target.value }, result: gap },
  };
}

/** 双过半: at June or later, every target is past half (amount: completion ≥ 50 %; growth: at or above target). */
export function doubleHalf(rows: TargetProgress[], month: number): boolean {
  if (month < 6 || rows.length === 0) return false;
  return rows.every((r) => {
    if (r.actual === null) return false;
    if (r.targetKind === 'amount') return (r.completion ?? 0) >= 50;
    if (r.targetKind === 'ceiling') return r.actual <= r.target;
    return r.actual >= r.target;
  });
}

/** 全年红: every indicator on target (on track or ahead). */
export function allGreen(rows: TargetProgress[]): boolean {
  return rows.length > 0 && rows.every((r) => r.status === 'on_track' || r.status === 'ahead');
}

/**
 * The growth the remaining months must reach over the same months last year for the year to hit the target.
 * @example requiredGrowthForRest({ ytdValue: 520, lastYearYtdValue: 500, lastYearFullYear: 1000, targetGrowthPct: 6 }) // 8
 */
export function requiredGrowthForRest(input: {
  ytdValue: number;
  lastYearYtdValue: number;
  lastYearFullYear: number;
  targetGrowthPct: number;
}): number | null {
  const restBase = input.lastYearFullYear - input.lastYearYtdValue;
  if (restBase <= 0) return null;
  const need = input.lastYearFullYear * (1 + input.targetGrowthPct / 100) - input.ytdValue;
  return (need / restBase - 1) * 100;
}

/** What is left of an amount target, and the average the remaining months need. */
export function requiredAmountForRest(
  ytd: number,
  annualTarget: number,
  month: number,
): { remaining: number; perMonth: number | null } {
  const remaining = annualTarget - ytd;
  return { remaining, perMonth: month >= 12 ? null : remaining / (12 - month) };
}

/** What the rest of the year needs: the growth over last year's remaining months, or the amount left. */
export interface RestOfYearNeeds {
  growth: number | null;
  remaining: number | null;
  perMonth: number | null;
}

/**
 * What the remaining months need for the target: an amount target → what is left and the average a month;
 * a growth target of a flow → the growth the rest of the year must reach over last year's rest. Nothing
 * for stocks and rates (no "rest of the year" to add), nor for growth at comparable prices, which cannot
 * be projected from nominal values.
 * @example restOfYearNeeds({ target: amount1000, indicator: fai, month: 8, ytdValue: 600, lastYearYtdValue: null, lastYearFullYear: null })
 * // { growth: null, remaining: 400, perMonth: 100 }
 */
export function restOfYearNeeds(input: {
  target: Pick<Target, 'kind' | 'value'>;
  indicator: Pick<Indicator, 'measure' | 'comparable'>;
  month: number;
  ytdValue: number | null;
  lastYearYtdValue: number | null;
  lastYearFullYear: number | null;
}): RestOfYearNeeds {
  const none = { growth: null, remaining: null, perMonth: null };
  const { target, indicator, ytdValue } = input;
  if (ytdValue === null || indicator.measure !== 'flow') return none;
  if (target.kind === 'amount')
    return { growth: null, ...requiredAmountForRest(ytdValue, target.value, input.month) };
  if (target.kind !== 'growth' || indicator.comparable) return none;
  if (input.lastYearYtdValue === null || input.lastYearFullYear === null) return none;
  const growth = requiredGrowthForRest({
    ytdValue,
    lastYearYtdValue: input.lastYearYtdValue,
    lastYearFullYear: input.lastYearFullYear,
    targetGrowthPct: target.value,
  });
  return { growth, remaining: null, perMonth: null };
}
