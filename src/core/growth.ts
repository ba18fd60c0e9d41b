// Growth arithmetic: 同比, 环比, 两年平均, 百分点, 比重, 拉动 and 贡献率. Missing inputs give null, never NaN.
import type { Explanation, Indicator } from './types.ts';

const ok = (...xs: (number | null | undefined)[]): boolean =>
  xs.every((x) => typeof x === 'number' && Number.isFinite(x));

/** 同比 % = (本期 ÷ 上年同期 − 1) × 100. @example yoyGrowth(110, 100) // 10 */
export function yoyGrowth(
  current: number | null | undefined,
  lastYear: number | null | undefined,
): number | null {
  if (!ok(current, lastYear) || (lastYear as number) <= 0) return null;
  return ((current as number) / (lastYear as number) - 1) * 100;
}

/** 环比 % = (本期 ÷ 上期 − 1) × 100. */
export const momGrowth = yoyGrowth;

/** 两年平均 % = (√((1+g₁)(1+g₂)) − 1) × 100, with g in percent. */
export function twoYearAverageGrowth(g1Pct: number | null, g2Pct: number | null): number | null {
  if (!ok(g1Pct, g2Pct)) return null;
  const product = (1 + (g1Pct as number) / 100) * (1 + (g2Pct as number) / 100);
  return product < 0 ? null : (Math.sqrt(product) - 1) * 100;
}

/** 两年平均 from the values themselves: (√(本期 ÷ 两年前同期) − 1) × 100 — use unrounded data. */
export function twoYearAverageFromValues(current: number | null, twoYearsAgo: number | null): number | null {
  if (!ok(current, twoYearsAgo) || (twoYearsAgo as number) <= 0 || (current as number) < 0) return null;
  return (Math.sqrt((current as number) / (twoYearsAgo as number)) - 1) * 100;
}

/** 百分点: the difference of two rates. */
export function percentagePoints(a: number | null, b: number | null): number | null {
  return ok(a, b) ? (a as number) - (b as number) : null;
}

/** 比重 % = part ÷ whole × 100. */
export function share(part: number | null, whole: number | null): number | null {
  if (!ok(part, whole) || whole === 0) return null;
  return ((part as number) / (whole as number)) * 100;
}

/**
 * 拉动 (pp) = Δpart ÷ whole_base × 100 and 贡献率 (%) = Δpart ÷ Δwhole × 100.
 * @example contribution({ partNow: 3433, partBase: 2556, wholeNow: 6341, wholeBase: 4888 }) // { points: 17.9…, rate: 60.4… }
 */
export function contribution(input: {
  partNow: number;
  partBase: number;
  wholeNow: number;
  wholeBase: number;
}): { points: number; rate: number } | null {
  const { partNow, partBase, wholeNow, wholeBase } = input;
  if (!ok(partNow, partBase, wholeNow, wholeBase) || wholeBase === 0 || wholeNow === wholeBase) return null;
  const dPart = partNow - partBase;
  return { points: (dPart / wholeBase) * 100, rate: (dPart / (wholeNow - wholeBase)) * 100 };
}

/** Published beside derived growth: flagged when they differ by more than `tolerance` pp. */
export function yoyGap(
  published: number | null,
  derived: number | null,
  tolerance = 0.1,
): { gap: number | null; flagged: boolean } {
  if (!ok(published, derived)) return { gap: null, flagged: false };
  const gap = (published as number) - (derived as number);
  // Rounded published figures (one decimal) sit up to 0.05 from the exact value; compare with a hair of slack.
  return { gap, flagged: Math.abs(gap) > tolerance + 1e-9 };
}

/** Two decimals, as figures leave the system (JSON, CLI); null stays null. @example round2(7.456) // 7.46 */
export const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

/**
 * The growth to show: the published figure when there is one, else the derived one.
 * @example pickGrowth(7.8, 7.65) // 7.8
 */
export function pickGrowth(
  published: number | null | undefined,
  derived: number | null | undefined,
): number | null {
  return published ?? derived ?? null;
}

/** Growth of one figure, published beside derived, with the pick and how it was made. */
export interface GrowthReading {
  /** The published growth when known, else the derived one (two decimals). */
  yoy: number | null;
  yoyPublished: number | null;
  yoyDerived: number | null;
  /** |published − derived| > 0.1 pp. */
  flagged: boolean;
  explain: Explanation;
}

/**
 * Published growth beside derived growth. Comparable-price indicators (GDP, 规上工业增加值) never derive it
 * from nominal values: only the published figure counts.
 * @example readGrowth({ comparable: false }, { value: 110, yoy: null, lastValue: 100 }).yoy // 10
 */
export function readGrowth(
  indicator: Pick<Indicator, 'comparable'>,
  figure: { value: number | null; yoy: number | null; lastValue: number | null },
): GrowthReading {
  const derived = indicator.comparable ? null : yoyGrowth(figure.value, figure.lastValue);
  return {
    yoy: pickGrowth(figure.yoy, round2(derived)),
    yoyPublished: figure.yoy,
    yoyDerived: round2(derived),
    flagged: yoyGap(figure.yoy, derived).flagged,
    explain: {
      formula: indicator.comparable
        ? '同比 = 公布的可比价增速（可比价增速不能由现价数值推算）'
        : '同比(推算) = (本期累计 ÷ 上年同期累计 − 1) × 100；有公布数时以公布数为准',
      inputs: { 本期: figure.value, 上年同期: figure.lastValue, 公布同比: figure.yoy },
      result: pickGrowth(figure.yoy, derived),
    },
  };
}
