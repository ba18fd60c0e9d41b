// A series with the values still under review laid over the published ones, marked — for the people who
// review or report them; every other read shows published figures only.

import { formatPeriod } from '../core/period.ts';
import { markSwings } from '../core/swing.ts';
import type { Indicator } from '../core/types.ts';
import type { Db } from './db.ts';
import { OPEN_STATUSES } from './review.ts';
import { periodKey, type SeriesPoint, type SeriesRow, series, seriesPoint } from './series.ts';

export interface PreviewPoint extends SeriesPoint {
  /** Set when the point shows a value under review instead of the published one. */
  pending?: 'submitted' | 'approved';
  submissionId?: number;
  /** The published figure the pending value would replace (null when none is published). */
  publishedValue?: number | null;
  publishedYoy?: number | null;
}

/**
 * The published series with the newest submitted or approved value of each period in its place (growth derived
 * against last year's published figure).
 * @example await previewSeries(db, fai, '330106', { from: '2025-01' })
 */
export async function previewSeries(
  db: Db,
  indicator: Indicator,
  regionCode: string,
  range: { from?: string; to?: string } = {},
): Promise<PreviewPoint[]> {
  const points: PreviewPoint[] = await series(db, indicator, regionCode, range);
  const params: unknown[] = [regionCode, indicator.code];
  let bounds = '';
  for (const [op, v] of [
    ['>=', periodKey(range.from)],
    ['<=', periodKey(range.to)],
  ] as const) {
    if (v === undefined) continue;
    params.push(v);
    bounds += ` AND s.year * 100 + s.month ${op} $${params.length}`;
  }
  const pending = await db.query<SeriesRow & { id: number | string; status: 'submitted' | 'approved' }>(
    `SELECT s.id, s.year, s.month, s.value, s.yoy, s.month_value, s.month_yoy, s.forecast, s.status,
       p.value AS last_value, p2.value AS last2_value
     FROM observation_submission s
     LEFT JOIN observation p ON p.region_code = s.region_code AND p.indicator_code = s.indicator_code
       AND p.scope = s.scope AND p.year = s.year - 1 AND p.month = s.month
     LEFT JOIN observation p2 ON p2.region_code = s.region_code AND p2.indicator_code = s.indicator_code
       AND p2.scope = s.scope AND p2.year = s.year - 2 AND p2.month = s.month
     WHERE s.region_code = $1 AND s.indicator_code = $2 AND s.scope = '' AND s.status IN ${OPEN_STATUSES}${bounds}`,
    params,
  );
  if (pending.length === 0) return points;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  for (const r of pending) {
    const period = formatPeriod({ year: Number(r.year), month: Number(r.month) });
    const published = byPeriod.get(period);
    byPeriod.set(period, {
      ...seriesPoint(indicator, r),
      pending: r.status,
      submissionId: Number(r.id),
      publishedValue: published?.value ?? null,
      publishedYoy: published?.yoy ?? null,
    });
  }
  return markSwings([...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period)));
}
