// The briefing of a region and period: the overview (one read model with the cockpit) and the league of the
// region's children by growth for the indicators the sub-region section ranks; the core writes the text.
import { type BriefingInput, buildBriefing, subRegionIndicators } from '../core/briefing/build.ts';
import type { FigureHistory, ForecastFigure } from '../core/briefing/sectors.ts';
import type { Briefing, BriefingSection } from '../core/briefing/types.ts';
import { readGrowth } from '../core/growth.ts';
import type { Overview } from '../core/overview.ts';
import { formatPeriod } from '../core/period.ts';
import type { Indicator, Region } from '../core/types.ts';
import { moduleSections } from './briefingModules.ts';
import type { Db } from './db.ts';
import { listIndicators } from './indicators.ts';
import { league } from './league.ts';
import { type OverviewOptions, overview } from './overview.ts';
import { series } from './series.ts';

export type { Briefing } from '../core/briefing/types.ts';

export interface BriefingOptions extends OverviewOptions {
  /** Sections other modules fill (projects, tasks); by default read from the store (briefingModules.ts). */
  extra?: BriefingSection[];
  /** Today (YYYY-MM-DD): supervision figures of the current month are read on it, else on the period's end. */
  today?: string;
}

/**
 * The region's forecasts (预计) of the year up to the period that are later than its published figure of the
 * same indicator (or where none is published): the latest per indicator, growth read as `series` reads it.
 */
async function forecasts(
  db: Db,
  o: Overview,
  catalogue: Map<string, Indicator>,
  year: number,
  month: number,
): Promise<ForecastFigure[]> {
  const rows = await db.query<{
    indicator_code: string;
    year: number;
    month: number;
    value: number | null;
    yoy: number | null;
    last_value: number | null;
  }>(
    `SELECT o.indicator_code, o.year, o.month, o.value, o.yoy,
       (SELECT p.value FROM observation p WHERE p.region_code = o.region_code AND p.indicator_code = o.indicator_code
          AND p.scope = '' AND p.year = o.year - 1 AND p.month = o.month AND NOT p.forecast) AS last_value
     FROM observation o
     WHERE o.region_code = $1 AND o.scope = '' AND o.forecast AND o.year = $2 AND o.month <= $3
     ORDER BY o.indicator_code, o.month DESC`,
    [o.region.code, year, month],
  );
  const out = new Map<string, ForecastFigure>();
  for (const r of rows) {
    const indicator = catalogue.get(r.indicator_code);
    const period = formatPeriod({ year: Number(r.year), month: Number(r.month) });
    const published = o.rows.find((x) => x.indicator === r.indicator_code)?.dataPeriod;
    if (!indicator || out.has(indicator.code) || (published && published >= period)) continue;
    const { yoy } = readGrowth(indicator, { value: r.value, yoy: r.yoy, lastValue: r.last_value });
    const { code, name, unit, direction } = indicator;
    out.set(code, { indicator: code, name, unit, direction, period, value: r.value, yoy });
  }
  return [...out.values()];
}

interface GrowthRow {
  value: number | null;
  yoy: number | null;
  last_value: number | null;
}

/** One published figure of a region with last year's value, read as `series` reads its growth. */
async function growthAt(db: Db, indicator: Indicator, region: string, year: number, month: number) {
  const [r] = await db.query<GrowthRow>(
    `SELECT o.value, o.yoy,
       (SELECT p.value FROM observation p WHERE p.region_code = o.region_code AND p.indicator_code = o.indicator_code
          AND p.scope = '' AND p.year = o.year - 1 AND p.month = o.month AND NOT p.forecast) AS last_value
     FROM observation o
     WHERE o.region_code = $1 AND o.indicator_code = $2 AND o.scope = '' AND o.year = $3 AND o.month = $4
       AND NOT o.forecast`,
    [region, indicator.code, year, month],
  );
  return r ? readGrowth(indicator, { value: r.value, yoy: r.yoy, lastValue: r.last_value }).yoy : null;
}

/**
 * What the GDP block states beyond the overview: last year's growth of the same period (for the two-year
 * average when the base year was abnormal) and the province's growth (an ancestor at level 1, when loaded and
 * the user may see other regions' figures; for a city the province is the parent already).
 */
async function gdpHistory(
  db: Db,
  region: Region,
  o: Overview,
  catalogue: Map<string, Indicator>,
  peers: boolean,
): Promise<Record<string, FigureHistory>> {
  const gdp = catalogue.get('gdp');
  const at = o.rows.find((r) => r.indicator === 'gdp')?.dataPeriod;
  if (!gdp || !at) return {};
  const year = Number(at.slice(0, 4));
  const month = Number(at.slice(5, 7));
  const history: FigureHistory = { lastYearYoy: await growthAt(db, gdp, region.code, year - 1, month) };
  if (peers && region.level >= 3) {
    const [province] = await db.query<{ code: string }>(
      `WITH RECURSIVE up AS (
         SELECT code, parent_code, level FROM region WHERE code = $1
         UNION ALL SELECT r.code, r.parent_code, r.level FROM region r JOIN up ON r.code = up.parent_code)
       SELECT code FROM up WHERE level = 1`,
      [region.code],
    );
    if (province) history.provinceYoy = await growthAt(db, gdp, province.code, year, month);
  }
  return { gdp: history };
}

/**
 * @example await briefing(db, xihu, 2025, 6) // { title: '2025年1—6月西湖区经济运行情况分析', sections: […] }
 */
export async function briefing(
  db: Db,
  region: Region,
  year: number,
  month: number,
  options: BriefingOptions = {},
): Promise<Briefing> {
  const o = await overview(db, region, year, month, options);
  const catalogue = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const subRegions: BriefingInput['subRegions'] = [];
  for (const code of subRegionIndicators(o)) {
    const indicator = catalogue.get(code);
    const at = o.rows.find((r) => r.indicator === code)?.dataPeriod;
    if (!indicator || !at) continue;
    const rows = await league(db, {
      indicator,
      year: Number(at.slice(0, 4)),
      month: Number(at.slice(5, 7)),
      by: 'yoy',
      parentCode: region.code,
    });
    subRegions.push({ indicator: code, rows });
  }
  return buildBriefing({
    overview: o,
    level: region.level,
    subRegions,
    forecasts: await forecasts(db, o, catalogue, year, month),
    extra: options.extra ?? (await moduleSections(db, region, year, month, options.today)),
    history: await gdpHistory(db, region, o, catalogue, options.parentFigures !== false),
    trends: await trends(db, region, o, catalogue),
  });
}

/** The growth-target indicators' points from January to the briefing's period (the trend chart's data). */
async function trends(
  db: Db,
  region: Region,
  o: Overview,
  catalogue: Map<string, Indicator>,
): Promise<BriefingInput['trends']> {
  const out: NonNullable<BriefingInput['trends']> = [];
  for (const row of o.rows.filter((r) => r.targetKind === 'growth')) {
    const indicator = catalogue.get(row.indicator);
    if (!indicator) continue;
    const range = { from: `${o.period.slice(0, 4)}-01`, to: o.period };
    const points = await series(db, indicator, region.code, range);
    out.push({ indicator: row.indicator, points: points.map((p) => ({ period: p.period, yoy: p.yoy })) });
  }
  return out;
}
