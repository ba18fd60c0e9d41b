// The demo city, generated deterministically: 杭州市's real districts and towns, three years of plausible data.
import type { Observation, Region, Target } from '../core/types.ts';

/** mulberry32: a tiny seeded PRNG, so the demo is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const hash = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

export const DEMO_CITY = '3301';
export const DEMO_YEARS = [2023, 2024, 2025];
export const TARGET_YEAR = 2025;

interface Spec {
  code: string;
  /** City total in 2023 (sum indicators) or the level (per-capita, rates, stocks at year end). */
  base: number;
  growth: number;
  kind: 'flow' | 'quarter' | 'stock' | 'rate' | 'percapita';
  janFebCombined: boolean;
  comparable?: boolean;
  decimals?: number;
}

/** City-level magnitudes close to Hangzhou's published 2023 figures (GDP ≈ 2.0万亿元). */
export const DISTRICT_INDICATORS: Spec[] = [
  { code: 'gdp', base: 20059, growth: 5.6, kind: 'quarter', janFebCombined: false, comparable: true },
  { code: 'industrial_va', base: 4300, growth: 6.5, kind: 'flow', janFebCombined: true, comparable: true },
  { code: 'fai', base: 7400, growth: 4.5, kind: 'flow', janFebCombined: true },
  { code: 'fai_industrial', base: 1250, growth: 8, kind: 'flow', janFebCombined: true },
  { code: 'fai_infrastructure', base: 1900, growth: 5, kind: 'flow', janFebCombined: true },
  { code: 'real_estate_investment', base: 3600, growth: -3, kind: 'flow', janFebCombined: true },
  { code: 'retail_sales', base: 7670, growth: 5, kind: 'flow', janFebCombined: true },
  { code: 'budget_revenue', base: 2620, growth: 5, kind: 'flow', janFebCombined: false },
  { code: 'tax_revenue', base: 2250, growth: 4, kind: 'flow', janFebCombined: false },
  { code: 'trade_total', base: 7700, growth: 5.5, kind: 'flow', janFebCombined: false },
  { code: 'exports', base: 5280, growth: 6, kind: 'flow', janFebCombined: false },
  { code: 'fdi', base: 75, growth: 3, kind: 'flow', janFebCombined: false, decimals: 2 },
  { code: 'electricity_total', base: 920, growth: 6, kind: 'flow', janFebCombined: false },
  { code: 'electricity_industrial', base: 480, growth: 5, kind: 'flow', janFebCombined: false },
  { code: 'housing_sales_area', base: 1150, growth: -8, kind: 'flow', janFebCombined: true },
  { code: 'new_above_scale_firms', base: 900, growth: 6, kind: 'flow', janFebCombined: false, decimals: 0 },
  { code: 'deposits', base: 72000, growth: 9, kind: 'stock', janFebCombined: false },
  { code: 'loans', base: 68000, growth: 10, kind: 'stock', janFebCombined: false },
  {
    code: 'disposable_income',
    base: 73797,
    growth: 5,
    kind: 'percapita',
    janFebCombined: false,
    decimals: 0,
  },
  { code: 'unemployment_rate', base: 4.6, growth: 0, kind: 'rate', janFebCombined: false, decimals: 1 },
];
export const TOWN_INDICATORS = [
  'fai',
  'industrial_va',
  'budget_revenue',
  'tax_revenue',
  'electricity_industrial',
];

// Share of the year's flow in each month: slow 1–2月, strong December.
const SEASON = [0.055, 0.05, 0.08, 0.08, 0.083, 0.09, 0.082, 0.082, 0.088, 0.083, 0.092, 0.135];
const DEFLATOR = 1.2; // nominal growth above the comparable-price growth the statistics bureau publishes

export const LAGGARDS: Record<string, string[]> = { fai: ['330127', '330182'] };
export const SWING = { region: '330108', indicator: 'industrial_va', year: 2025, month: 5, jump: 9 };
export const GAP = { region: '330106', indicator: 'real_estate_investment', year: 2025, month: 6, by: 0.6 };

/** District weights in the city (≈ shares of GDP), fixed per district. */
function weights(districts: Region[]): Map<string, number> {
  const raw = districts.map((d) => [d.code, 0.4 + prng(hash(d.code))() * 1.6] as const);
  const total = raw.reduce((s, [, w]) => s + w, 0);
  return new Map(raw.map(([c, w]) => [c, w / total]));
}

/** Monthly flow values (index 0 = Jan) for three years, with a region's own growth each year. */
function monthlyFlows(annual2023: number, growthPct: number[], rand: () => number): number[][] {
  return DEMO_YEARS.map((_, y) => {
    const annual = annual2023 * growthPct.slice(0, y).reduce((f, g) => f * (1 + g / 100), 1);
    return SEASON.map((s) => annual * s * (0.97 + rand() * 0.06));
  });
}

const cumulative = (months: number[]) =>
  months.map((_, i) => months.slice(0, i + 1).reduce((a, b) => a + b, 0));

function obs(
  regionCode: string,
  indicatorCode: string,
  year: number,
  month: number,
  value: number | null,
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

/** One region's series of one indicator, given its monthly flows (or levels) per year. */
function seriesOf(region: string, spec: Spec, years: number[][]): Observation[] {
  const out: Observation[] = [];
  const d = spec.decimals ?? 2;
  const ytd = years.map((m) => (spec.kind === 'stock' || spec.kind === 'rate' ? m : cumulative(m)));
  ytd.forEach((values, y) => {
    const year = DEMO_YEARS[y] as number;
    values.forEach((v, i) => {
      const month = i + 1;
      if (spec.janFebCombined && month === 1) return;
      if ((spec.kind === 'quarter' || spec.kind === 'percapita') && month % 3 !== 0) return;
      const last = ytd[y - 1]?.[i];
      const value = round(v, d);
      const lastValue = last === undefined ? null : round(last, d);
      let yoy = lastValue ? round((value / lastValue - 1) * 100 - (spec.comparable ? DEFLATOR : 0), 1) : null;
      if (spec.kind === 'rate') yoy = null;
      out.push(obs(region, spec.code, year, month, value, yoy));
    });
  });
  return out;
}

export interface DemoData {
  observations: Observation[];
  targets: Target[];
}

export function generateDemo(regions: Region[]): DemoData {
  const districts = regions.filter((r) => r.parentCode === DEMO_CITY && r.kind === 'division');
  const w = weights(districts);
  const observations: Observation[] = [];
  for (const spec of DISTRICT_INDICATORS) {
    const cityYears: number[][] = DEMO_YEARS.map(() => Array(12).fill(0));
    for (const d of districts) {
      const rand = prng(hash(`${d.code}|${spec.code}`));
      const offset = (rand() - 0.5) * 4;
      const lag = LAGGARDS[spec.code]?.includes(d.code) ? -12 : 0;
      const growth = DEMO_YEARS.map(() => spec.growth + offset + lag + (rand() - 0.5));
      const share = w.get(d.code) ?? 0;
      const years =
        spec.kind === 'stock'
          ? DEMO_YEARS.map((_, y) =>
              SEASON.map((_, i) => spec.base * share * (1 + spec.growth / 100) ** (y + (i + 1) / 12)),
            )
          : spec.kind === 'rate' || spec.kind === 'percapita'
            ? DEMO_YEARS.map((_, y) =>
                SEASON.map((_, i) =>
                  spec.kind === 'rate'
                    ? spec.base + offset / 4 + Math.sin(i + y) * 0.15
                    : (spec.base * (0.85 + share) * (1 + (spec.growth + offset / 2) / 100) ** y * (i + 1)) /
                      12,
                ),
              )
            : monthlyFlows(spec.base * share, growth, rand);
      for (const [y, months] of years.entries()) {
        const city = cityYears[y] as number[];
        for (const [i, v] of months.entries()) city[i] = (city[i] ?? 0) + v;
      }
      observations.push(...seriesOf(d.code, spec, years));
    }
    if (spec.kind === 'rate' || spec.kind === 'percapita') {
      const n = districts.length;
      observations.push(
        ...seriesOf(
          DEMO_CITY,
          spec,
          cityYears.map((m) => m.map((v) => v / n)),
        ),
      );
    } else observations.push(...seriesOf(DEMO_CITY, spec, cityYears));
  }
  observations.push(...townSeries(regions, w));
  applySwingAndGap(observations);
  return { observations, targets: demoTargets(districts, observations) };
}

function townSeries(regions: Region[], w: Map<string, number>): Observation[] {
  const out: Observation[] = [];
  const towns = regions.filter((r) => r.level === 4 && w.has(r.parentCode ?? ''));
  const perDistrict = new Map<string, number>();
  for (const t of towns)
    perDistrict.set(t.parentCode as string, (perDistrict.get(t.parentCode as string) ?? 0) + 1);
  for (const t of towns) {
    for (const code of TOWN_INDICATORS) {
      const spec = DISTRICT_INDICATORS.find((s) => s.code === code) as Spec;
      const rand = prng(hash(`${t.code}|${code}`));
      const share =
        ((w.get(t.parentCode as string) ?? 0) / (perDistrict.get(t.parentCode as string) ?? 1)) *
        (0.5 + rand());
      const growth = DEMO_YEARS.map(() => spec.growth + (rand() - 0.5) * 10);
      out.push(...seriesOf(t.code, spec, monthlyFlows(spec.base * share, growth, rand)));
    }
  }
  return out;
}

/** One swing in a district's published industrial growth, and one published figure off the derived one. */
function applySwingAndGap(all: Observation[]): void {
  for (const o of all) {
    if (
      o.regionCode === SWING.region &&
      o.indicatorCode === SWING.indicator &&
      o.year === SWING.year &&
      o.month >= SWING.month &&
      o.yoy !== null
    ) {
      o.yoy = round(o.yoy + (o.month === SWING.month ? SWING.jump : SWING.jump / 3), 1);
    }
    if (
      o.regionCode === GAP.region &&
      o.indicatorCode === GAP.indicator &&
      o.year === GAP.year &&
      o.month === GAP.month &&
      o.yoy !== null
    ) {
      o.yoy = round(o.yoy + GAP.by, 1);
    }
  }
}

function demoTargets(districts: Region[], all: Observation[]): Target[] {
  const annual = (region: string, indicator: string) =>
    all.find(
      (o) =>
        o.regionCode === region &&
        o.indicatorCode === indicator &&
        o.year === TARGET_YEAR - 1 &&
        o.month === 12,
    )?.value ?? 0;
  const base = { year: TARGET_YEAR, trajectory: null, source: '演示数据：2025年政府工作报告', quote: null };
  const out: Target[] = [];
  for (const regionCode of [DEMO_CITY, ...districts.map((d) => d.code)]) {
    const t = (
      x: Omit<Target, 'regionCode' | 'year' | 'trajectory' | 'source' | 'quote'> & Partial<Target>,
    ) => out.push({ ...base, regionCode, ...x });
    t({ indicatorCode: 'gdp', kind: 'growth', value: 5.5, cmp: '≈', strength: 'expected' });
    t({ indicatorCode: 'gdp', kind: 'growth', value: 6, cmp: '>=', strength: 'strive' });
    t({ indicatorCode: 'industrial_va', kind: 'growth', value: 6, cmp: '>=', strength: 'expected' });
    t({ indicatorCode: 'fai', kind: 'growth', value: 4, cmp: '>=', strength: 'expected' });
    t({ indicatorCode: 'retail_sales', kind: 'growth', value: 5, cmp: '≈', strength: 'expected' });
    t({
      indicatorCode: 'budget_revenue',
      kind: 'amount',
      value: round(annual(regionCode, 'budget_revenue') * 1.05, 2),
      cmp: '>=',
      strength: 'must',
    });
    t({
      indicatorCode: 'fdi',
      kind: 'amount',
      value: round(annual(regionCode, 'fdi') * 1.03, 2),
      cmp: '>=',
      strength: 'expected',
    });
    t({
      indicatorCode: 'trade_total',
      kind: 'amount',
      value: round(annual(regionCode, 'trade_total') * 1.06, 2),
      cmp: '>=',
      strength: 'expected',
      trajectory: {
        granularity: 'quarter',
        checkpoints: [
          { month: 3, percent: 20 },
          { month: 6, percent: 45 },
          { month: 9, percent: 72 },
          { month: 12, percent: 100 },
        ],
      },
    });
    t({ indicatorCode: 'unemployment_rate', kind: 'ceiling', value: 5.5, cmp: '<=', strength: 'expected' });
  }
  return out;
}
