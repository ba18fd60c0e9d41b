// The region–period overview: the store reads the published figures (the region's, its parent's, its
// siblings') in three queries and the core computes the rows (core/overview.ts).
import {
  type Figure,
  inCatalogueOrder,
  type Overview,
  overviewRow,
  type PeerFigure,
} from '../core/overview.ts';
import { formatPeriod } from '../core/period.ts';
import type { Indicator, Region } from '../core/types.ts';

export type { Overview } from '../core/overview.ts';

import type { Db } from './db.ts';
import { listIndicators } from './indicators.ts';
import { type ProgressRow, progress } from './progress.ts';
import { getRegion } from './regions.ts';

export interface OverviewOptions {
  /**
   * Show the parent region's growth beside the region's. Off for a user who may not see other regions'
   * figures (setting league.peerFigures); ranks are shown either way, as league rows carry theirs.
   */
  parentFigures?: boolean;
}

interface FigureRow {
  region_code: string;
  indicator_code: string;
  year: number;
  month: number;
  value: number | null;
  yoy: number | null;
  last_value: number | null;
  forecast: boolean;
}

const LAST_YEAR = `LEFT JOIN observation p ON p.region_code = o.region_code AND p.indicator_code = o.indicator_code
       AND p.scope = o.scope AND p.year = o.year - 1 AND p.month = o.month`;

const figureOf = (r: FigureRow): Figure => ({ value: r.value, yoy: r.yoy, lastValue: r.last_value });
const periodOf = (r: { year: number; month: number }) =>
  formatPeriod({ year: Number(r.year), month: Number(r.month) });

/**
 * The region's and its parent's figures from January of last year up to the period, oldest first, each with
 * last year's value, looked up by key row by row (a self-join would be planned as a hash of the whole table).
 */
async function ownAndParent(db: Db, region: Region, year: number, month: number): Promise<FigureRow[]> {
  return db.query<FigureRow>(
    `SELECT o.region_code, o.indicator_code, o.year, o.month, o.value, o.yoy, o.forecast,
       (SELECT p.value FROM observation p WHERE p.region_code = o.region_code
          AND p.indicator_code = o.indicator_code AND p.scope = '' AND p.year = o.year - 1
          AND p.month = o.month) AS last_value
     FROM observation o
     WHERE o.region_code IN ($1, $2) AND o.scope = '' AND o.year BETWEEN $3::int - 1 AND $3::int
       AND (o.year < $3::int OR o.month <= $4::int)
     ORDER BY o.year, o.month`,
    [region.code, region.parentCode ?? region.code, year, month],
  );
}

/** Per indicator, the latest period before its data period with any figure (as the league's rank change uses). */
async function previousPeriods(db: Db, dataPeriods: Map<string, string>): Promise<Map<string, string>> {
  const codes = [...dataPeriods.keys()];
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ code: string; year: number | null; month: number | null }>(
    `SELECT v.code, prev.year, prev.month
     FROM unnest($1::text[], $2::int[], $3::int[]) AS v(code, y, m)
     LEFT JOIN LATERAL (
       SELECT year, month FROM observation
       WHERE indicator_code = v.code AND (year, month) < (v.y::smallint, v.m::smallint)
       ORDER BY year DESC, month DESC LIMIT 1) prev ON true`,
    [
      codes,
      codes.map((c) => Number(dataPeriods.get(c)?.slice(0, 4))),
      codes.map((c) => Number(dataPeriods.get(c)?.slice(5, 7))),
    ],
  );
  return new Map(
    rows.flatMap((r) => (r.year === null ? [] : [[r.code, periodOf(r as { year: number; month: number })]])),
  );
}

/** The figures of every child of `parentCode` for each indicator at the periods asked. */
async function siblings(db: Db, parentCode: string, wanted: { code: string; period: string }[]) {
  if (wanted.length === 0) return [];
  // Driven from the few (indicator, period) pairs, each read through the (indicator, year, month) index.
  return db.query<FigureRow & { level: number }>(
    `SELECT o.region_code, r.level, o.indicator_code, o.year, o.month, o.value, o.yoy, o.forecast,
       p.value AS last_value
     FROM unnest($2::text[], $3::int[], $4::int[]) AS v(code, y, m)
     JOIN observation o ON o.indicator_code = v.code AND o.year = v.y AND o.month = v.m
     JOIN region r ON r.code = o.region_code ${LAST_YEAR}
     WHERE r.parent_code = $1 AND o.scope = '' AND NOT o.forecast`,
    [
      parentCode,
      wanted.map((w) => w.code),
      wanted.map((w) => Number(w.period.slice(0, 4))),
      wanted.map((w) => Number(w.period.slice(5, 7))),
    ],
  );
}

/**
 * The overview of a region for a period: one row per indicator with a published figure this year up to the
 * period, or with a target. Published figures only; forecasts (预计) never count as the figure.
 * @example await overview(db, xihu, 2025, 6) // { region: { code: '330106', … }, period: '2025-06', rows: […] }
 */
export async function overview(
  db: Db,
  region: Region,
  year: number,
  month: number,
  options: OverviewOptions = {},
): Promise<Overview> {
  const period = formatPeriod({ year, month });
  const report = await progress(db, region.code, year, month);
  const targets = new Map<string, ProgressRow>(report.rows.map((r) => [r.indicatorCode, r]));
  const rows = await ownAndParent(db, region, year, month);
  const own = (code: string) =>
    rows.filter((r) => r.region_code === region.code && r.indicator_code === code);
  const latest = (code: string) =>
    own(code)
      .filter((r) => Number(r.year) === year && !r.forecast)
      .at(-1);
  const indicators = inCatalogueOrder(await listIndicators(db)).filter(
    (i) => targets.has(i.code) || latest(i.code),
  );
  const dataPeriods = new Map<string, string>();
  for (const i of indicators) {
    const r = latest(i.code);
    if (r) dataPeriods.set(i.code, periodOf(r));
  }
  // Ranked at the figure's period; an indicator with a target but no figure yet, at the period asked.
  const rankedAt = new Map(indicators.map((i) => [i.code, dataPeriods.get(i.code) ?? period]));
  // A parent that was never loaded (杭州市 in a database of one city) has no league: the city ranks nowhere.
  const parentRegion = region.parentCode ? await getRegion(db, region.parentCode) : null;
  const parent = parentRegion?.code ?? null;
  const previous = parent ? await previousPeriods(db, rankedAt) : new Map<string, string>();
  const wanted = [...rankedAt, ...previous].map(([code, p]) => ({ code, period: p }));
  const peers = parent ? await siblings(db, parent, wanted) : [];
  const peersAt = (code: string, p: string | undefined): PeerFigure[] =>
    peers
      .filter((r) => r.indicator_code === code && periodOf(r) === p)
      .map((r) => ({ code: r.region_code, level: Number(r.level), ...figureOf(r) }));
  const out = indicators.map((indicator: Indicator) => {
    const code = indicator.code;
    const dataPeriod = dataPeriods.get(code) ?? null;
    const series = own(code);
    const at = series.findIndex((r) => !r.forecast && periodOf(r) === dataPeriod);
    const before = at > 0 ? series[at - 1] : undefined;
    const parentRow = rows.find(
      (r) =>
        r.region_code === parent && r.indicator_code === code && !r.forecast && periodOf(r) === dataPeriod,
    );
    const target = targets.get(code);
    return overviewRow(
      {
        indicator,
        dataPeriod,
        figure: at >= 0 ? figureOf(series[at] as FigureRow) : null,
        previous: before ? figureOf(before) : null,
        previousPeriod: before ? periodOf(before) : null,
        parent: parentRow && options.parentFigures !== false ? figureOf(parentRow) : null,
        peers: parent
          ? { now: peersAt(code, rankedAt.get(code)), before: peersAt(code, previous.get(code)) }
          : null,
        target: target ?? null,
      },
      region.code,
    );
  });
  return {
    region: { code: region.code, name: region.name },
    parent: parentRegion ? { code: parentRegion.code, name: parentRegion.name } : null,
    period,
    rows: out,
    doubleHalf: report.doubleHalf,
    allGreen: report.allGreen,
  };
}
