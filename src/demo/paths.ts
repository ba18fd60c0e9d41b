// The demo's arithmetic: a seeded random source, smooth growth paths, and year-to-date values that follow them.
import { prng } from '../core/random.ts';
import type { Observation } from '../core/types.ts';
import { DEMO_YEARS, type IndicatorPlan } from './profile.ts';

export { prng };
export const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
export const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
/** A random number in [−1, 1). */
export const signed = (rand: () => number) => rand() * 2 - 1;

/** Nominal growth minus comparable-price growth: prices fell a little in 2024–2025. */
export const DEFLATOR = -0.5;

/** The months a figure is published in: 1–2月 together, quarter ends, or every month. */
export function publishedMonths(plan: IndicatorPlan): number[] {
  if (plan.kind === 'quarter' || plan.kind === 'percapita') return [3, 6, 9, 12];
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !(plan.janFebCombined && m === 1));
}

/**
 * Year-to-date growth month by month for 2024 and 2025: each year starts near where the last ended and eases
 * to the year's growth, so no month moves more than about 1.5 points (real swings are added on purpose).
 */
export function growthPaths(annual: [number, number], n: number, rand: () => number): number[][] {
  const ease = (from: number, to: number) =>
    Array.from({ length: n }, (_, k) => {
      const t = n === 1 ? 1 : k / (n - 1);
      const wobble = k === n - 1 ? 0 : signed(rand) * 0.2;
      return from + (to - from) * t * t * (3 - 2 * t) + wobble;
    });
  const first = ease(annual[0] + signed(rand) * 1.5, annual[0]);
  const second = ease((first[n - 1] ?? annual[0]) + signed(rand) * 0.6, annual[1]);
  return [first, second];
}

/** 2023's year-to-date values at the published months, from the year's total and its seasonal shares. */
export function baseYear(plan: IndicatorPlan, total: number, rand: () => number): number[] {
  const months = publishedMonths(plan);
  if (plan.kind === 'stock') return months.map((m) => total * (1 + plan.growth[0] / 100) ** ((m - 12) / 12));
  const quarterly = plan.kind === 'quarter' || plan.kind === 'percapita';
  const shares = plan.season.map((s) => s * (0.98 + rand() * 0.04));
  const sum = shares.reduce((a, b) => a + b, 0);
  let ytd = 0;
  const byMonth = shares.map((s) => {
    ytd += (s / sum) * total;
    return ytd;
  });
  return months.map((m) => byMonth[quarterly ? m / 3 - 1 : m - 1] ?? 0);
}

/** Three years of levels: 2023's, then each year last year's times its growth (nominal for comparable prices). */
export function levels(plan: IndicatorPlan, base: number[], paths: number[][]): number[][] {
  const out = [base];
  for (const path of paths) {
    const last = out[out.length - 1] as number[];
    const shift = plan.comparable ? DEFLATOR : 0;
    out.push(last.map((v, k) => v * (1 + ((path[k] ?? 0) + shift) / 100)));
  }
  return out;
}

function observation(
  regionCode: string,
  indicatorCode: string,
  year: number,
  month: number,
  value: number,
  yoy: number | null,
): Observation {
  return {
    regionCode,
    indicatorCode,
    year,
    month,
    value,
    yoy,
    scope: '',
    forecast: false,
    source: '演示数据',
    status: 'published',
  };
}

/**
 * The observations of one region's series. Published growth is computed from the rounded values, so it agrees
 * with the growth a reader derives (comparable-price growth is the nominal one less the deflator); rates
 * publish none.
 */
export function emit(region: string, plan: IndicatorPlan, years: number[][], decimals = 2): Observation[] {
  const months = publishedMonths(plan);
  const shown = years.map((values) => values.map((v) => round(v, plan.decimals ?? decimals)));
  const out: Observation[] = [];
  shown.forEach((values, y) => {
    values.forEach((value, k) => {
      const last = shown[y - 1]?.[k];
      const growth =
        last && plan.kind !== 'rate'
          ? round((value / last - 1) * 100 - (plan.comparable ? DEFLATOR : 0), 1)
          : null;
      out.push(observation(region, plan.code, DEMO_YEARS[y] as number, months[k] as number, value, growth));
    });
  });
  return out;
}
