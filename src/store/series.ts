// Time series of one indicator in one region, with published and derived growth side by side.
import { readGrowth, round2, twoYearAverageFromValues } from '../core/growth.ts';
import { formatPeriod } from '../core/period.ts';
import { markSwings } from '../core/swing.ts';
import type { Explanation, Indicator } from '../core/types.ts';
import type { Db } from './db.ts';

export interface SeriesPoint {
  period: string;
  value: number | null;
  /** The published growth when known, else the derived one. */
  yoy: number | null;
  yoyPublished: number | null;
  yoyDerived: number | null;
  /** |published − derived| > 0.1 pp. */
  yoyGapFlagged: boolean;
  /** 两年平均增长, from the values two years apart (nominal indicators only). */
  twoYearAverage: number | null;
  monthValue: number | null;
  monthYoy: number | null;
  /** 大起大落: growth moved more than SWING_PP points from the previous point. */
  swing: boolean;
  forecast: boolean;
  unit: string;
  explain?: Explanation;
}

/** An observation row joined with last year's and the year before's values (SQL names). */
export interface SeriesRow {
  year: number;
  month: number;
  value: number | null;
  yoy: number | null;
  month_value: number | null;
  month_yoy: number | null;
  forecast: boolean;
  last_value: number | null;
  last2_value: number | null;
}

// Kept here for the callers that read them from the store; the rules live in the core.
export { SWING_PP } from '../core/swing.ts';
export { round2 };

/** The observation of each period joined with the same period a year earlier. */
export async function observationsWithLastYear(
  db: Db,
  indicatorCode: string,
  where: { regionCode?: string; year?: number; month?: number; from?: number; to?: number },
  scope = '',
): Promise<(SeriesRow & { region_code: string })[]> {
  const conds = ['o.indicator_code = $1', 'o.scope = $2'];
  const params: unknown[] = [indicatorCode, scope];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace('?', `$${params.length}`));
  };
  if (where.regionCode !== undefined) add('o.region_code = ?', where.regionCode);
  if (where.year !== undefined) add('o.year = ?', where.year);
  if (where.month !== undefined) add('o.month = ?', where.month);
  if (where.from !== undefined) add('o.year * 100 + o.month >= ?', where.from);
  if (where.to !== undefined) add('o.year * 100 + o.month <= ?', where.to);
  return db.query(
    `SELECT o.region_code, o.year, o.month, o.value, o.yoy, o.month_value, o.month_yoy, o.forecast,
            p.value AS last_value, p2.value AS last2_value
     FROM observation o
     LEFT JOIN observation p ON p.region_code = o.region_code AND p.indicator_code = o.indicator_code
       AND p.scope = o.scope AND p.year = o.year - 1 AND p.month = o.month
     LEFT JOIN observation p2 ON p2.region_code = o.region_code AND p2.indicator_code = o.indicator_code
       AND p2.scope = o.scope AND p2.year = o.year - 2 AND p2.month = o.month
     WHERE ${conds.join(' AND ')}
     ORDER BY o.region_code, o.year, o.month`,
    params,
  );
}

/** Published growth beside derived growth for a row joined with last year's (see core readGrowth). */
export function growthOf(indicator: Indicator, r: Pick<SeriesRow, 'value' | 'yoy' | 'last_value'>) {
  return readGrowth(indicator, { value: r.value, yoy: r.yoy, lastValue: r.last_value });
}

/** One row (joined with last year and the year before) as a series point; its swing flag is set later. */
export function seriesPoint(indicator: Indicator, r: SeriesRow): SeriesPoint {
  const g = growthOf(indicator, r);
  return {
    period: formatPeriod({ year: Number(r.year), month: Number(r.month) }),
    value: r.value,
    yoy: g.yoy,
    yoyPublished: g.yoyPublished,
    yoyDerived: g.yoyDerived,
    yoyGapFlagged: g.flagged,
    twoYearAverage: indicator.comparable ? null : round2(twoYearAverageFromValues(r.value, r.last2_value)),
    monthValue: r.month_value,
    monthYoy: r.month_yoy,
    swing: false,
    forecast: r.forecast,
    unit: indicator.unit,
    explain: g.explain,
  };
}

/** 'YYYY-MM' as the number year × 100 + month that range bounds compare with; none given, none. */
export const periodKey = (s: string | undefined) =>
  s ? Number(s.slice(0, 4)) * 100 + Number(s.slice(5, 7)) : undefined;

export async function series(
  db: Db,
  indicator: Indicator,
  regionCode: string,
  range: { from?: string; to?: string } = {},
): Promise<SeriesPoint[]> {
  const rows = await observationsWithLastYear(db, indicator.code, {
    regionCode,
    from: periodKey(range.from),
    to: periodKey(range.to),
  });
  const points = rows.map((r) => seriesPoint(indicator, r));
  return markSwings(points);
}

/** The latest period with any published figure for a region (what a cockpit opens on). */
export async function latestPeriod(db: Db, regionCode: string): Promise<string | null> {
  const [r] = await db.query<{ year: number; month: number }>(
    `SELECT year, month FROM observation WHERE region_code = $1 AND NOT forecast
     ORDER BY year DESC, month DESC LIMIT 1`,
    [regionCode],
  );
  return r ? formatPeriod({ year: Number(r.year), month: Number(r.month) }) : null;
}
