// Bulk writing of observations that are already resolved to codes (demo data, benchmarks, data entry).
import { formatPeriod } from '../core/period.ts';
import type { Observation } from '../core/types.ts';
import { recordAudit } from './audit.ts';
import { csvField, type Db } from './db.ts';
import { requireReasonIfLocked } from './locks.ts';

// CSV for COPY: an unquoted empty field is NULL, so an empty string must be quoted.
const text = (s: string | null) => (s === null ? '' : s === '' || /[",\n\r]/.test(s) ? csvField(s) : s);
const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : String(v));

const columns = [
  'region_code',
  'indicator_code',
  'year',
  'month',
  'scope',
  'value',
  'yoy',
  'forecast',
  'status',
  'source',
  'entered_by',
];

/**
 * Loads observations by COPY in chunks; rows must be new (a key already present fails the whole load).
 * With `bulk`, the period index is dropped for the load and rebuilt once at the end (inside the same
 * transaction, so a failed load leaves it as it was): one sort beats millions of index insertions.
 */
export async function loadObservations(
  db: Db,
  rows: Iterable<Observation>,
  user = 'system',
  options: { chunk?: number; bulk?: boolean } = {},
): Promise<number> {
  const chunk = options.chunk ?? 200_000;
  let n = 0;
  let buf: string[] = [];
  const by = text(user);
  await db.transaction(async (tx) => {
    if (options.bulk) await tx.exec('DROP INDEX IF EXISTS observation_period');
    for (const o of rows) {
      // One template string per row: this loop runs millions of times in a bulk load.
      buf.push(
        `${text(o.regionCode)},${text(o.indicatorCode)},${o.year},${o.month},${text(o.scope)},${num(o.value)},${num(o.yoy)},${o.forecast ? 't' : 'f'},${o.status},${text(o.source)},${by}`,
      );
      n++;
      if (buf.length >= chunk) {
        await tx.copyCsv('observation', columns, buf.join('\n'));
        buf = [];
      }
    }
    if (buf.length > 0) await tx.copyCsv('observation', columns, buf.join('\n'));
    if (options.bulk)
      await tx.exec('CREATE INDEX observation_period ON observation (indicator_code, year, month)');
  });
  // PGlite runs no autovacuum: without statistics the planner walks the league's year-ago join row by row.
  if (options.bulk && db.kind === 'pglite') await db.exec('ANALYZE observation');
  return n;
}

/**
 * Enters or corrects one published value (the task force's own data entry), keeping the old one in history.
 * Into a published (locked) period only with a reason: the change is then a revision, recorded as such.
 */
export async function saveObservation(
  db: Db,
  o: Observation,
  user: string,
  options: {
    reason?: string | null;
    /** What the user confirmed looks wrong with the value (core/plausibility), kept in the audit with the reason. */
    implausible?: string[];
  } = {},
): Promise<'created' | 'updated' | 'ignored'> {
  return db.transaction(async (tx) => {
    const key = [o.regionCode, o.indicatorCode, o.year, o.month, o.scope];
    const [old] = await tx.query<{ value: number | null; yoy: number | null; forecast: boolean }>(
      `SELECT value, yoy, forecast FROM observation
       WHERE region_code = $1 AND indicator_code = $2 AND year = $3 AND month = $4 AND scope = $5`,
      key,
    );
    if (old && old.value === o.value && old.yoy === o.yoy && old.forecast === o.forecast) return 'ignored';
    const reason = options.reason?.trim() || null;
    const lock = await requireReasonIfLocked(tx, o, reason);
    if (old) {
      await tx.query(
        `INSERT INTO observation_history (region_code, indicator_code, year, month, scope, old_value, new_value,
           old_yoy, new_yoy, changed_by, source, reason) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [...key, old.value, o.value, old.yoy, o.yoy, user, o.source, reason],
      );
    }
    await tx.query(
      `INSERT INTO observation (region_code, indicator_code, year, month, scope, value, yoy, forecast, status, source, entered_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (region_code, indicator_code, year, month, scope) DO UPDATE SET value = EXCLUDED.value,
         yoy = EXCLUDED.yoy, forecast = EXCLUDED.forecast, status = EXCLUDED.status, source = EXCLUDED.source,
         entered_by = EXCLUDED.entered_by, entered_at = now()`,
      // observation holds published figures only; what waits for review lives in observation_submission.
      [...key, o.value, o.yoy, o.forecast, 'published', o.source, user],
    );
    await recordAudit(tx, {
      user,
      action: lock ? 'observation.revise' : 'observation.save',
      region: o.regionCode,
      object: `${o.indicatorCode} ${formatPeriod(o)}`,
      old: old ? { value: old.value, yoy: old.yoy } : null,
      new: {
        value: o.value,
        yoy: o.yoy,
        forecast: o.forecast,
        ...(lock || options.implausible?.length ? { reason } : {}),
        ...(options.implausible?.length ? { implausible: options.implausible } : {}),
      },
    });
    return old ? 'updated' : 'created';
  });
}

export async function observationHistory(
  db: Db,
  regionCode: string,
  indicatorCode: string,
  year: number,
  month: number,
) {
  return db.query<{
    old_value: number | null;
    new_value: number | null;
    old_yoy: number | null;
    new_yoy: number | null;
    changed_by: string | null;
    source: string | null;
    reason: string | null;
  }>(
    `SELECT old_value, new_value, old_yoy, new_yoy, changed_by, source, reason FROM observation_history
     WHERE region_code = $1 AND indicator_code = $2 AND year = $3 AND month = $4 ORDER BY id`,
    [regionCode, indicatorCode, year, month],
  );
}
