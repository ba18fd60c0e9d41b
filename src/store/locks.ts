// Published periods (period_lock): once a region's subtree is published for a period, a figure in it changes
// only as a revision that says why.
import { TiaoduError } from '../core/errors.ts';
import { formatPeriod } from '../core/period.ts';
import type { Db } from './db.ts';

export interface PeriodLock {
  /** The region the period was published for; it covers every region below it. */
  regionCode: string;
  period: string;
  lockedBy: string | null;
  lockedAt: string;
}

const iso = (v: unknown) => new Date(v as string).toISOString();
const keyOf = (regionCode: string, year: number, month: number) =>
  `${regionCode} ${formatPeriod({ year: Number(year), month: Number(month) })}`;

/**
 * The locks that cover each of the regions given — a lock on the region itself or on any region above it —
 * keyed `code YYYY-MM`. UNION (not UNION ALL) keeps a cyclic parent chain from looping.
 */
export async function locksCovering(db: Db, regionCodes: string[]): Promise<Map<string, PeriodLock>> {
  if (regionCodes.length === 0) return new Map();
  const rows = await db.query<{
    start: string;
    region_code: string;
    year: number;
    month: number;
    locked_by: string | null;
    locked_at: unknown;
  }>(
    `WITH RECURSIVE anc AS (
       SELECT code AS start, code FROM region WHERE code = ANY($1::text[])
       UNION SELECT a.start, r.parent_code FROM anc a JOIN region r ON r.code = a.code WHERE r.parent_code IS NOT NULL)
     SELECT a.start, l.region_code, l.year, l.month, l.locked_by, l.locked_at
     FROM anc a JOIN period_lock l ON l.region_code = a.code ORDER BY l.locked_at`,
    [[...new Set(regionCodes)]],
  );
  const out = new Map<string, PeriodLock>();
  for (const r of rows) {
    const key = keyOf(r.start, r.year, r.month);
    if (out.has(key)) continue;
    out.set(key, {
      regionCode: r.region_code,
      period: formatPeriod({ year: Number(r.year), month: Number(r.month) }),
      lockedBy: r.locked_by,
      lockedAt: iso(r.locked_at),
    });
  }
  return out;
}

/** The lock covering one region and period, or null when the period is still open there. */
export async function lockOf(db: Db, regionCode: string, year: number, month: number) {
  return (await locksCovering(db, [regionCode])).get(keyOf(regionCode, year, month)) ?? null;
}

/**
 * Throws `period.locked` (409) when the region's period is published and no reason is given.
 * @returns the lock when the write is a revision, null when the period is open.
 */
export async function requireReasonIfLocked(
  db: Db,
  at: { regionCode: string; year: number; month: number },
  reason: string | null | undefined,
): Promise<PeriodLock | null> {
  const lock = await lockOf(db, at.regionCode, at.year, at.month);
  if (lock && !reason?.trim()) {
    const period = formatPeriod(at);
    const [region] = await db.query<{ name: string }>('SELECT name FROM region WHERE code = $1', [
      at.regionCode,
    ]);
    throw new TiaoduError(
      'period.locked',
      `${region?.name ?? at.regionCode} ${period} 的数据已发布并锁定（${lock.lockedBy ?? '分析员'}发布），修改已发布数据须填写修订原因（reason）`,
    );
  }
  return lock;
}

/** Locks a region's subtree for a period; publishing it again keeps the first lock's time and author. */
export async function lockPeriod(db: Db, regionCode: string, year: number, month: number, user: string) {
  await db.query(
    `INSERT INTO period_lock (region_code, year, month, locked_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (region_code, year, month) DO NOTHING`,
    [regionCode, year, month, user],
  );
}

/**
 * Rows of the import being staged that would change a locked period (a new value there counts too): how many,
 * and the first few as `第N行 region period` for the refusal message.
 */
export async function lockedStagingRows(tx: Db, limit = 5): Promise<{ total: number; examples: string[] }> {
  const [any] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM period_lock l
     WHERE (l.year, l.month) IN (SELECT DISTINCT year, month FROM import_staging)`,
  );
  if (!any?.n) return { total: 0, examples: [] };
  const rows = await tx.query<{
    line: number;
    name: string;
    year: number;
    month: number;
    total: number;
  }>(
    `WITH RECURSIVE anc AS (
       SELECT DISTINCT region_code AS start, region_code AS code FROM import_staging
       UNION SELECT a.start, r.parent_code FROM anc a JOIN region r ON r.code = a.code WHERE r.parent_code IS NOT NULL),
     locked AS (SELECT DISTINCT a.start AS region_code, l.year, l.month
                FROM anc a JOIN period_lock l ON l.region_code = a.code)
     SELECT s.line, r.name, s.year, s.month, (count(*) OVER ())::int AS total
     FROM import_staging s
     JOIN locked k ON k.region_code = s.region_code AND k.year = s.year AND k.month = s.month
     JOIN region r ON r.code = s.region_code
     LEFT JOIN observation o ON o.region_code = s.region_code AND o.indicator_code = s.indicator_code
       AND o.year = s.year AND o.month = s.month AND o.scope = s.scope
     WHERE o.region_code IS NULL OR o.value IS DISTINCT FROM s.value OR o.yoy IS DISTINCT FROM s.yoy
       OR o.month_value IS DISTINCT FROM s.month_value OR o.month_yoy IS DISTINCT FROM s.month_yoy
       OR o.forecast IS DISTINCT FROM s.forecast
     ORDER BY s.line LIMIT ${Number(limit)}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    examples: rows.map((r) => `第${r.line}行（${keyOf(r.name, r.year, r.month)}）`),
  };
}
