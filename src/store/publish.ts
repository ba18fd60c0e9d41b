// Publishing (发布): a region subtree's approved values for one period go into observation, with history naming
// the submission and its reviewer, and the period is locked there; later changes are revisions with a reason.
import { formatPeriod } from '../core/period.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { lockOf, lockPeriod, locksCovering, type PeriodLock } from './locks.ts';
import type { SubmissionStatus } from './review.ts';
import { REGIONS_BELOW } from './tasks.ts';

export interface PublishResult {
  region: string;
  period: string;
  /** Values written into observation. */
  published: number;
  /** Of those, how many changed a figure in a period already locked (recorded as observation.revise). */
  revised: number;
  /** Submissions of the subtree and period still waiting for approval. */
  pending: number;
}

const sameKey = `o.region_code = s.region_code AND o.indicator_code = s.indicator_code AND o.year = s.year
  AND o.month = s.month AND o.scope = s.scope`;
const source = `'审核发布：提交#' || s.id || '（' || s.submitted_by || '填报，' || coalesce(s.reviewed_by, '—') || '审核）'`;

/**
 * Publishes the approved values of `regionCode` and every region below it for one period, then locks that
 * period there. Publishing with nothing approved still locks the period (the task force entered it itself).
 * @example await publishPeriod(db, '330106', 2025, 6, '分析员')
 */
export async function publishPeriod(
  db: Db,
  regionCode: string,
  year: number,
  month: number,
  user: string,
): Promise<PublishResult> {
  const period = formatPeriod({ year, month });
  return db.transaction(async (tx) => {
    const rows = await tx.query<{
      id: number | string;
      region_code: string;
      indicator_code: string;
      value: number | null;
      yoy: number | null;
      reason: string | null;
      old_value: number | null;
      old_yoy: number | null;
      existed: boolean;
      changed: boolean;
    }>(
      `${REGIONS_BELOW}
       SELECT s.id, s.region_code, s.indicator_code, s.value, s.yoy, s.reason, o.value AS old_value,
         o.yoy AS old_yoy, (o.region_code IS NOT NULL) AS existed,
         (o.region_code IS NULL OR o.value IS DISTINCT FROM s.value OR o.yoy IS DISTINCT FROM s.yoy
           OR o.month_value IS DISTINCT FROM s.month_value OR o.month_yoy IS DISTINCT FROM s.month_yoy
           OR o.forecast IS DISTINCT FROM s.forecast) AS changed
       FROM observation_submission s LEFT JOIN observation o ON ${sameKey}
       WHERE s.status = 'approved' AND s.year = $2 AND s.month = $3 AND s.region_code IN (SELECT code FROM below)
       ORDER BY s.id FOR UPDATE OF s`,
      [regionCode, year, month],
    );
    const ids = rows.map((r) => Number(r.id));
    const locks = await locksCovering(
      tx,
      rows.map((r) => r.region_code),
    );
    if (ids.length > 0) {
      await tx.query(
        `INSERT INTO observation_history (region_code, indicator_code, year, month, scope, old_value, new_value,
           old_yoy, new_yoy, changed_by, source, reason)
         SELECT s.region_code, s.indicator_code, s.year, s.month, s.scope, o.value, s.value, o.yoy, s.yoy, $2,
           ${source}, s.reason
         FROM observation_submission s JOIN observation o ON ${sameKey}
         WHERE s.id = ANY($1::bigint[]) AND (o.value IS DISTINCT FROM s.value OR o.yoy IS DISTINCT FROM s.yoy
           OR o.month_value IS DISTINCT FROM s.month_value OR o.month_yoy IS DISTINCT FROM s.month_yoy
           OR o.forecast IS DISTINCT FROM s.forecast)`,
        [ids, user],
      );
      await tx.query(
        `INSERT INTO observation AS o (region_code, indicator_code, year, month, scope, value, yoy, month_value,
           month_yoy, forecast, status, source, entered_by)
         SELECT s.region_code, s.indicator_code, s.year, s.month, s.scope, s.value, s.yoy, s.month_value,
           s.month_yoy, s.forecast, 'published', ${source}, s.submitted_by
         FROM observation_submission s WHERE s.id = ANY($1::bigint[])
         ON CONFLICT (region_code, indicator_code, year, month, scope) DO UPDATE SET value = EXCLUDED.value,
           yoy = EXCLUDED.yoy, month_value = EXCLUDED.month_value, month_yoy = EXCLUDED.month_yoy,
           forecast = EXCLUDED.forecast, status = 'published', source = EXCLUDED.source,
           entered_by = EXCLUDED.entered_by, entered_at = now()`,
        [ids],
      );
      await tx.query(
        `UPDATE observation_submission SET status = 'published', published_by = $2, published_at = now()
         WHERE id = ANY($1::bigint[])`,
        [ids, user],
      );
    }
    // A value that changes a figure of a period published before is a revision: old → new, who, why.
    let revised = 0;
    for (const r of rows) {
      if (!r.changed || !locks.has(`${r.region_code} ${period}`)) continue;
      revised++;
      await recordAudit(tx, {
        user,
        action: 'observation.revise',
        region: r.region_code,
        object: `${r.indicator_code} ${period}`,
        old: r.existed ? { value: r.old_value, yoy: r.old_yoy } : null,
        new: { value: r.value, yoy: r.yoy, submission: Number(r.id), reason: r.reason },
      });
    }
    await lockPeriod(tx, regionCode, year, month, user);
    const [left] = await tx.query<{ n: number }>(
      `${REGIONS_BELOW} SELECT count(*)::int AS n FROM observation_submission
       WHERE status = 'submitted' AND year = $2 AND month = $3 AND region_code IN (SELECT code FROM below)`,
      [regionCode, year, month],
    );
    const result = {
      region: regionCode,
      period,
      published: ids.length,
      revised,
      pending: left?.n ?? 0,
    };
    await recordAudit(tx, {
      user,
      action: 'period.publish',
      region: regionCode,
      object: period,
      new: result,
    });
    return result;
  });
}

export interface PeriodStatus {
  region: string;
  period: string;
  /** The lock covering the region (its own or one above it), or null while the period is open. */
  lock: PeriodLock | null;
  /** Submissions of the region's subtree for the period, by status. */
  counts: Record<SubmissionStatus, number>;
}

/** Where a region's period stands: locked or open, and how many submissions wait at each step. */
export async function periodStatus(db: Db, regionCode: string, year: number, month: number) {
  const rows = await db.query<{ status: SubmissionStatus; n: number }>(
    `${REGIONS_BELOW} SELECT status, count(*)::int AS n FROM observation_submission
     WHERE year = $2 AND month = $3 AND region_code IN (SELECT code FROM below) GROUP BY status`,
    [regionCode, year, month],
  );
  const counts: Record<SubmissionStatus, number> = {
    submitted: 0,
    approved: 0,
    returned: 0,
    published: 0,
    superseded: 0,
  };
  for (const r of rows) counts[r.status] = Number(r.n);
  return {
    region: regionCode,
    period: formatPeriod({ year, month }),
    lock: await lockOf(db, regionCode, year, month),
    counts,
  } satisfies PeriodStatus;
}
