// The demo city's magnitudes: 杭州市's published 2023 totals, how its districts split them, and how fast each grows.

export const DEMO_CITY = '3301';
export const DEMO_YEARS = [2023, 2024, 2025];
export const TARGET_YEAR = 2025;

/**
 * One district's relative size per split (any unit: only shares matter), its people, income and jobless rate,
 * its momentum (pp above or below the city's growth) and its 2025 growth targets.
 */
export interface District {
  code: string;
  gdp: number;
  industry: number;
  retail: number;
  fai: number;
  realEstate: number;
  revenue: number;
  trade: number;
  deposits: number;
  /** 常住人口, 万人: weights the city's per-capita income and jobless rate. */
  population: number;
  /** 居民人均可支配收入 in 2023, 元. */
  income: number;
  /** 城镇调查失业率 in 2023, %. */
  jobless: number;
  /** Share of the budget revenue that is tax (counties lean on non-tax income). */
  taxShare: number;
  momentum: number;
  targets: { gdp: number; industry: number; fai: number; retail: number };
}

const d = (
  code: string,
  split: [number, number, number, number, number, number, number, number],
  people: [number, number, number, number],
  momentum: number,
  targets: [number, number, number, number],
): District => {
  const [gdp, industry, retail, fai, realEstate, revenue, trade, deposits] = split;
  const [population, income, jobless, taxShare] = people;
  const [g, i, f, r] = targets;
  return {
    code,
    gdp,
    industry,
    retail,
    fai,
    realEstate,
    revenue,
    trade,
    deposits,
    population,
    income,
    jobless,
    taxShare,
    momentum,
    targets: { gdp: g, industry: i, fai: f, retail: r },
  };
};

// Roughly the districts' published 2023 sizes (亿元): 余杭 and 上城 largest, 滨江 and 萧山 the industrial
// heavyweights, 上城 the financial centre, 淳安 the smallest. Targets like the districts' 2025 work reports.
//                    gdp  indus retail fai  r.e. rev trade deposits   pop  income jobless tax
export const DISTRICTS: District[] = [
  d('330102', [2870, 160, 1250, 650, 420, 260, 900, 2400], [137, 84000, 4.3, 0.93], 0.2, [5.5, 6, 4, 5]), // 上城区
  d('330105', [1420, 110, 820, 520, 330, 150, 350, 700], [117, 80000, 4.4, 0.92], -0.9, [5.5, 5, 3, 5]), // 拱墅区
  d('330106', [1850, 150, 750, 600, 380, 230, 400, 900], [118, 86000, 4.2, 0.93], 0.4, [5.5, 6, 3, 5.5]), // 西湖区
  d('330108', [2300, 900, 380, 420, 200, 260, 1000, 650], [55, 88000, 4.2, 0.94], 1.4, [6.5, 8, 4, 5]), // 滨江区
  d('330109', [2320, 920, 1150, 1100, 560, 320, 1300, 900], [210, 76000, 4.5, 0.9], 0.1, [5.5, 6.5, 3, 5]), // 萧山区
  d('330110', [3050, 620, 850, 1150, 560, 450, 1250, 800], [137, 78000, 4.3, 0.92], 0.8, [6, 5.5, 5, 5.5]), // 余杭区
  d('330113', [920, 420, 520, 600, 280, 140, 500, 350], [118, 72000, 4.6, 0.9], -1.1, [5.5, 6, 3, 4.5]), // 临平区
  d('330114', [1150, 650, 320, 750, 300, 180, 800, 400], [81, 70000, 4.5, 0.91], 0.6, [6, 7, 4, 5]), // 钱塘区
  d('330111', [1030, 330, 480, 520, 200, 130, 420, 350], [84, 62000, 4.7, 0.87], 0.1, [5, 6, 4, 5]), // 富阳区
  d('330112', [700, 250, 330, 380, 140, 80, 260, 250], [64, 58000, 4.8, 0.86], -0.2, [5.5, 6, 3, 5]), // 临安区
  d('330122', [480, 150, 250, 280, 80, 60, 180, 170], [46, 55000, 4.9, 0.84], -0.5, [6, 6, 4, 5]), // 桐庐县
  d('330127', [300, 45, 150, 180, 40, 35, 40, 110], [33, 42000, 5.1, 0.8], -0.4, [5.5, 5, 3, 5]), // 淳安县
  d('330182', [490, 160, 260, 280, 70, 55, 150, 160], [44, 52000, 5.0, 0.83], -0.3, [5.5, 6, 3, 5]), // 建德市
];

export type Split = 'gdp' | 'industry' | 'retail' | 'fai' | 'realEstate' | 'revenue' | 'trade' | 'deposits';

export interface IndicatorPlan {
  code: string;
  /** flow: monthly year-to-date; quarter: year-to-date at quarter ends; percapita: quarterly, averaged not summed. */
  kind: 'flow' | 'quarter' | 'stock' | 'rate' | 'percapita';
  /** The city's 2023 total (flows), year-end level (stocks) or level (rates). */
  base: number;
  /** The city's growth in 2024 and 2025 (%), at comparable prices where published so. */
  growth: [number, number];
  split: Split | 'electricity';
  /** pp of growth per pp of district momentum, and the district's own spread around it (pp). */
  beta: number;
  spread: number;
  /** Shares of the year's flow by month (sum 1), or by quarter for quarterly figures. */
  season: number[];
  janFebCombined: boolean;
  comparable?: boolean;
  decimals?: number;
}

const MONTHS = [0.055, 0.05, 0.08, 0.08, 0.083, 0.09, 0.082, 0.082, 0.088, 0.083, 0.092, 0.135];
const RETAIL = [0.09, 0.075, 0.08, 0.078, 0.082, 0.083, 0.08, 0.08, 0.083, 0.088, 0.092, 0.089];
const REVENUE = [0.12, 0.07, 0.08, 0.1, 0.095, 0.08, 0.09, 0.07, 0.07, 0.09, 0.07, 0.065];
const POWER = [0.085, 0.07, 0.08, 0.075, 0.08, 0.088, 0.1, 0.1, 0.085, 0.078, 0.077, 0.082];
const GDP_QUARTERS = [0.235, 0.255, 0.255, 0.255];
const INCOME_QUARTERS = [0.295, 0.24, 0.23, 0.235];

const plan = (
  code: string,
  kind: IndicatorPlan['kind'],
  base: number,
  growth: [number, number],
  split: IndicatorPlan['split'],
  [beta, spread]: [number, number],
  more: Partial<IndicatorPlan> = {},
): IndicatorPlan => ({
  code,
  kind,
  base,
  growth,
  split,
  beta,
  spread,
  season: MONTHS,
  janFebCombined: kind === 'flow',
  ...more,
});

/**
 * 杭州市 2023 from its 2024 work report where published (GDP 20059亿元, 规上工业增加值 4355亿元, 社零 7671亿元,
 * 一般公共预算收入 2616.8亿元 of which tax 89.7%, 实际利用外资 88.3亿美元, 工业投资 just over 1000亿元, loans
 * 5924亿元 up 9.5%); the rest estimated in the same proportions as comparable cities (investment ≈ 37% of GDP,
 * half of it real estate). Growth follows 2024–2025: steady GDP, falling real estate, weak foreign investment.
 */
export const PLANS: IndicatorPlan[] = [
  plan('gdp', 'quarter', 20059, [4.7, 5.6], 'gdp', [0.7, 0.3], {
    season: GDP_QUARTERS,
    comparable: true,
  }),
  plan('industrial_va', 'flow', 4355, [5.8, 6.6], 'industry', [1.5, 1.5], { comparable: true }),
  plan('fai', 'flow', 7400, [2.4, 2.6], 'fai', [1.5, 2]),
  plan('fai_industrial', 'flow', 1050, [11.5, 8.5], 'industry', [1.5, 2.5]),
  plan('fai_infrastructure', 'flow', 1900, [3.8, 1.2], 'fai', [1, 2]),
  plan('real_estate_investment', 'flow', 3600, [-4.2, -5.6], 'realEstate', [1, 3]),
  plan('retail_sales', 'flow', 7671, [4.1, 5.3], 'retail', [0.6, 1], { season: RETAIL }),
  plan('budget_revenue', 'flow', 2616.8, [3, 3.8], 'revenue', [1, 1.5], {
    season: REVENUE,
    janFebCombined: false,
  }),
  plan('tax_revenue', 'flow', 2347, [2.5, 3.3], 'revenue', [1, 1.5], {
    season: REVENUE,
    janFebCombined: false,
  }),
  plan('trade_total', 'flow', 7650, [6.4, 5.1], 'trade', [1, 2], { janFebCombined: false }),
  plan('exports', 'flow', 5200, [7.6, 6], 'trade', [1, 2], { janFebCombined: false }),
  plan('fdi', 'flow', 88.3, [-4.5, 2.6], 'gdp', [1, 3], { janFebCombined: false, decimals: 4 }),
  plan('electricity_total', 'flow', 970, [7.3, 6.2], 'electricity', [0.8, 1], {
    season: POWER,
    janFebCombined: false,
    decimals: 4,
  }),
  plan('electricity_industrial', 'flow', 420, [6.1, 5.4], 'industry', [1, 1.2], {
    season: POWER,
    janFebCombined: false,
    decimals: 4,
  }),
  plan('housing_sales_area', 'flow', 1100, [-8.5, -2], 'realEstate', [1, 3]),
  plan('deposits', 'stock', 72000, [8.2, 7.6], 'deposits', [0.5, 1]),
  plan('loans', 'stock', 68300, [8.8, 8], 'deposits', [0.5, 1]),
  plan('disposable_income', 'percapita', 73797, [4.9, 5.1], 'gdp', [0.2, 0.3], {
    season: INCOME_QUARTERS,
    decimals: 0,
  }),
  plan('unemployment_rate', 'rate', 4.5, [0, 0], 'gdp', [0, 0], { decimals: 1 }),
];

/** Indicators the towns (街道、乡镇) report, and how far a town's growth strays from its district's (pp). */
export const TOWN_PLANS: Record<string, number> = {
  fai: 5,
  industrial_va: 3,
  budget_revenue: 3,
  tax_revenue: 3,
  electricity_industrial: 2.5,
};

/** The two counties whose investment falls (pp below the city), so a league table has a clear bottom. */
export const LAGGARDS: Record<string, string[]> = { fai: ['330127', '330182'] };
/** One swing (大起大落): 富阳区's investment leaps in December as big projects enter the statistics. */
export const SWING = { region: '330111', indicator: 'fai', year: 2025, month: 12, jump: 6.5 };
/** One published growth that differs from the one derived from the values. */
export const GAP = { region: '330106', indicator: 'real_estate_investment', year: 2025, month: 6, by: 0.6 };
/** Districts whose fourth-quarter GDP is still the district's own estimate (预计) when the demo opens. */
export const FORECASTS = { indicator: 'gdp', year: 2025, month: 12, regions: ['330112', '330122', '330182'] };
