// What a value entered by hand is checked against before it is saved (the rules: core/plausibility.ts).
import { formatPeriod } from '../core/period.ts';
import type { EntryToCheck } from '../core/plausibility.ts';
import type { Indicator } from '../core/types.ts';
import type { Db } from './db.ts';
import { OPEN_STATUSES } from './review.ts';
import { growthOf, observationsWithLastYear } from './series.ts';

export interface EntryComparisons extends Pick<EntryToCheck, 'before' | 'growthBefore' | 'lastYear'> {
  /** The figures already kept for this key: the published one and an open submission. */
  stored: { value: number | null; yoy: number | null }[];
}

/**
 * The published figures of the year before an entry — the latest earlier period (its cumulative when in the
 * same year, its growth in any year) and the same period a year earlier — and what is stored for its key.
 * @example const { before, growthBefore, lastYear } = await entryComparisons(db, fai, { regionCode: '330106', year: 2025, month: 6 });
 */
export async function entryComparisons(
  db: Db,
  indicator: Indicator,
  key: { regionCode: string; year: number; month: number; scope?: string },
): Promise<EntryComparisons> {
  const at = key.year * 100 + key.month;
  const scope = key.scope ?? '';
  const rows = await observationsWithLastYear(
    db,
    indicator.code,
    { regionCode: key.regionCode, from: at - 100, to: at - 1 },
    scope,
  );
  const previous = rows.at(-1);
  const params = [key.regionCode, indicator.code, key.year, key.month, scope];
  const where = 'region_code = $1 AND indicator_code = $2 AND year = $3 AND month = $4 AND scope = $5';
  const [same] = await db.query<{ value: number | null }>(`SELECT value FROM observation WHERE ${where}`, [
    key.regionCode,
    indicator.code,
    key.year - 1,
    key.month,
    scope,
  ]);
  const stored = await db.query<{ value: number | null; yoy: number | null }>(
    `SELECT value, yoy FROM observation WHERE ${where}
     UNION ALL SELECT value, yoy FROM observation_submission WHERE ${where} AND status IN ${OPEN_STATUSES}`,
    params,
  );
  const inYear = previous !== undefined && Number(previous.year) === key.year;
  return {
    before: inYear
      ? { period: formatPeriod({ year: key.year, month: Number(previous.month) }), value: previous.value }
      : null,
    growthBefore: previous ? growthOf(indicator, previous).yoy : null,
    lastYear: same?.value ?? null,
    stored,
  };
}
