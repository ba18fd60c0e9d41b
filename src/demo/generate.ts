// The demo city, generated deterministically: 杭州市's real districts and towns, three years of believable data.
import type { Observation, Region, Target } from '../core/types.ts';
import { baseYear, emit, growthPaths, hash, levels, prng, publishedMonths, round, signed } from './paths.ts';
import {
  DEMO_CITY,
  DISTRICTS,
  type District,
  FORECASTS,
  GAP,
  type IndicatorPlan,
  LAGGARDS,
  PLANS,
  SWING,
  TOWN_PLANS,
} from './profile.ts';
import { demoTargets } from './targets.ts';

export { DEMO_CITY, DEMO_YEARS, GAP, SWING, TARGET_YEAR } from './profile.ts';

export interface DemoData {
  observations: Observation[];
  targets: Target[];
}

/** Each district's share of the city total of one indicator. */
function shares(plan: IndicatorPlan): Map<string, number> {
  const size = (x: District) => {
    if (plan.split === 'electricity') return x.gdp / 20000 + x.industry / 4400;
    if (plan.code === 'tax_revenue') return x.revenue * x.taxShare;
    return x[plan.split];
  };
  const total = DISTRICTS.reduce((s, x) => s + size(x), 0);
  return new Map(DISTRICTS.map((x) => [x.code, size(x) / total]));
}

/**
 * Each district's growth in 2024 and 2025: the city's, moved by the district's momentum and its own spread,
 * centred so the districts together still grow as the city does.
 */
function districtGrowth(plan: IndicatorPlan, weight: Map<string, number>): Map<string, [number, number]> {
  const raw = DISTRICTS.map((x) => {
    const rand = prng(hash(`${x.code}|${plan.code}|growth`));
    const own = plan.beta * x.momentum + plan.spread * signed(rand);
    const lag = LAGGARDS[plan.code]?.includes(x.code) ? -8 : 0;
    return [x.code, [own + lag + signed(rand) * 0.3, own + lag + signed(rand) * 0.3]] as const;
  });
  const mean = [0, 1].map((y) => raw.reduce((s, [code, g]) => s + (weight.get(code) ?? 0) * (g[y] ?? 0), 0));
  return new Map(
    raw.map(([code, g]) => [
      code,
      [0, 1].map((y) => (plan.growth[y] ?? 0) + (g[y] ?? 0) - (mean[y] ?? 0)) as [number, number],
    ]),
  );
}

/** A region's three years of levels of a year-to-date or stock figure. */
function series(region: string, plan: IndicatorPlan, total: number, growth: [number, number]): number[][] {
  const rand = prng(hash(`${region}|${plan.code}`));
  const paths = growthPaths(growth, publishedMonths(plan).length, rand);
  if (region === SWING.region && plan.code === SWING.indicator) {
    const path = paths[SWING.year - 2024] as number[];
    const k = publishedMonths(plan).indexOf(SWING.month);
    for (let i = k; i < path.length; i++) path[i] = (path[i] ?? 0) + SWING.jump;
  }
  return levels(plan, baseYear(plan, total, rand), paths);
}

/** 城镇调查失业率: a seasonal pattern (after the Spring Festival, graduates in July) moving by tenths a year. */
const JOBLESS_SEASON = [0.1, 0.2, 0.1, 0, -0.1, 0, 0.2, 0.1, 0, -0.1, -0.1, -0.1];
function joblessRates(level: number, deltas: [number, number]): number[][] {
  const base = JOBLESS_SEASON.map((s) => round(level + s, 1));
  return [0, deltas[0], deltas[0] + deltas[1]].map((d) => base.map((v) => round(v + d, 1)));
}

/** A tenth down in 2024 or not; if not, perhaps a tenth up in 2025 — never both, so growth moves gently. */
function joblessMoves(rand: () => number): [number, number] {
  const first = rand() < 0.5 ? -0.1 : 0;
  return [first, first === 0 && rand() < 0.4 ? 0.1 : 0];
}

const population = DISTRICTS.reduce((s, x) => s + x.population, 0);

/** The city's figure from its districts': summed, or weighted by population for rates and per-capita income. */
function cityOf(plan: IndicatorPlan, districts: number[][][]): number[][] {
  if (plan.kind === 'rate') {
    const level = DISTRICTS.reduce((s, x) => s + x.jobless * x.population, 0) / population;
    return joblessRates(level, [-0.1, 0]);
  }
  return (districts[0] ?? []).map((year, y) =>
    year.map((_, k) =>
      districts.reduce((s, r, i) => {
        const v = r[y]?.[k] ?? 0;
        return s + (plan.kind === 'percapita' ? (v * (DISTRICTS[i]?.population ?? 0)) / population : v);
      }, 0),
    ),
  );
}

type DistrictFigures = Map<string, { total: number; growth: [number, number] }>;

function cityAndDistricts(plan: IndicatorPlan): { observations: Observation[]; district: DistrictFigures } {
  const weight = shares(plan);
  const growth = districtGrowth(plan, weight);
  const district: DistrictFigures = new Map();
  const observations: Observation[] = [];
  const all = DISTRICTS.map((x) => {
    const g = growth.get(x.code) ?? plan.growth;
    const total = plan.kind === 'percapita' ? x.income : plan.base * (weight.get(x.code) ?? 0);
    const years =
      plan.kind === 'rate'
        ? joblessRates(x.jobless, joblessMoves(prng(hash(`${x.code}|${plan.code}|rate`))))
        : series(x.code, plan, total, g);
    district.set(x.code, { total, growth: g });
    observations.push(...emit(x.code, plan, years));
    return years;
  });
  observations.push(...emit(DEMO_CITY, plan, cityOf(plan, all)));
  return { observations, district };
}

/** Towns (街道、乡镇) carry part of their district's total — the rest is booked at the district — and stray a little. */
function towns(regions: Region[], plan: IndicatorPlan, district: DistrictFigures): Observation[] {
  const stray = TOWN_PLANS[plan.code] ?? 0;
  const out: Observation[] = [];
  for (const [code, { total, growth }] of district) {
    const mine = regions.filter((r) => r.parentCode === code && r.level === 4);
    // Seeded by the split, so a town's tax is the same share of its district's as its revenue is.
    const rand = prng(hash(`${code}|${plan.split}|towns`));
    const booked = 0.6 + rand() * 0.3;
    const size = mine.map(() => 0.3 + rand() * 1.4);
    const sum = size.reduce((a, b) => a + b, 0);
    mine.forEach((t, i) => {
      const g = growth.map((v) => v + stray * signed(rand)) as [number, number];
      const years = series(t.code, plan, (total * booked * (size[i] ?? 0)) / sum, g);
      out.push(...emit(t.code, plan, years, 4));
    });
  }
  return out;
}

/** The one published growth off the derived one, and the few estimates (预计) not yet replaced by actuals. */
function adjust(all: Observation[]): void {
  for (const o of all) {
    const at = (x: { indicator: string; year: number; month: number }) =>
      o.indicatorCode === x.indicator && o.year === x.year && o.month === x.month;
    if (at(GAP) && o.regionCode === GAP.region && o.yoy !== null) o.yoy = round(o.yoy + GAP.by, 1);
    if (at(FORECASTS) && FORECASTS.regions.includes(o.regionCode)) {
      o.forecast = true;
      o.source = '演示数据：区县预计数';
    }
  }
}

export function generateDemo(regions: Region[]): DemoData {
  const observations: Observation[] = [];
  for (const plan of PLANS) {
    const { observations: mine, district } = cityAndDistricts(plan);
    observations.push(...mine);
    if (plan.code in TOWN_PLANS) observations.push(...towns(regions, plan, district));
  }
  adjust(observations);
  return { observations, targets: demoTargets(observations) };
}
