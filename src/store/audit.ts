// The audit log: one row per thing a person did (sign-in, account change, review, import, value or target change).
import { TiaoduError } from '../core/errors.ts';
import { parseDay } from '../core/period.ts';
import type { Db } from './db.ts';

export { parseDay };

/** One audit entry, in the contract's shape (DESIGN.md, "Operations"). */
export interface AuditEvent {
  /** ISO 8601. */
  at: string;
  user: string | null;
  /** A stable verb: sign_in, sign_in_failed, user.create, user.role, password.reset, observation.save, import, … */
  action: string;
  region: string | null;
  object: string | null;
  old: unknown;
  new: unknown;
  /** The real name of the file the change came from, when it came from one. */
  file: string | null;
}

export type AuditInput = Omit<AuditEvent, 'at' | 'old' | 'new' | 'region' | 'object' | 'file'> &
  Partial<Pick<AuditEvent, 'old' | 'new' | 'region' | 'object' | 'file'>>;

/**
 * Records one event. Call it with the transaction's handle when the change it describes is in a transaction,
 * so the entry and the change land together or not at all.
 * @example await recordAudit(tx, { user: 'xihu', action: 'observation.approve', region: '330106', object: 'gdp 2025-06' })
 */
export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await db.query(
    `INSERT INTO audit_event (user_name, action, region_code, object, old, new, file)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
    [e.user, e.action, e.region ?? null, e.object ?? null, json(e.old), json(e.new), e.file ?? null],
  );
}

export interface AuditQuery {
  /** Events at or after this moment. */
  since?: Date;
  /** Events before this moment. */
  until?: Date;
  /** Only what this account did (for sign_in_failed: the name tried). */
  user?: string;
  action?: string;
  /**
   * A region scope: only events on regions at or below it, and region-less events (sign-ins, imports) of
   * accounts whose region lies there — never an event on a region outside it, even by such an account (one
   * moved in from the city keeps its history of other districts, and that history is theirs). Null or
   * absent: everything.
   */
  scope?: string | null;
  limit?: number;
}

interface AuditRow {
  at: Date | string;
  user: string | null;
  action: string;
  region: string | null;
  object: string | null;
  old: unknown;
  new: unknown;
  file: string | null;
}

// Value and target changes are kept in their own history tables (written by the importer and the stores in
// the same transaction as the change); the audit view reads them beside audit_event rather than copying them.
// An observation change came from a file when an import batch of that file was written in the same
// transaction: same file, same now(). A change by hand (saveObservation) and a revision of a locked period
// record their own audit_event (with the reason), so of the history only imported and published-after-review
// values are read here — each change appears once.
const events = `
  SELECT at, user_name AS "user", action, region_code AS region, object, old, new, file, id, 0 AS part
  FROM audit_event
  UNION ALL
  SELECT h.changed_at, h.changed_by, CASE WHEN b.id IS NULL THEN 'observation.publish' ELSE 'import' END,
    h.region_code,
    h.indicator_code || ' ' || h.year || '-' || lpad(h.month::text, 2, '0')
      || CASE WHEN h.scope <> '' THEN ' ' || h.scope ELSE '' END,
    jsonb_build_object('value', h.old_value, 'yoy', h.old_yoy),
    jsonb_build_object('value', h.new_value, 'yoy', h.new_yoy), b.file, h.id, 1
  FROM observation_history h LEFT JOIN import_batch b ON b.file = h.source AND b.imported_at = h.changed_at
  WHERE b.id IS NOT NULL OR (h.source LIKE '审核发布%' AND h.reason IS NULL)
  UNION ALL
  SELECT t.changed_at, t.changed_by, CASE WHEN t.new IS NULL THEN 'target.delete' ELSE 'target.set' END,
    t.region_code, t.indicator_code || ' ' || t.year || ' ' || t.strength, t.old, t.new,
    CASE WHEN t.source ~* '\\.(csv|xlsx|xls)$' THEN t.source END, t.id, 2
  FROM target_history t
  UNION ALL
  SELECT imported_at, imported_by, 'import', NULL, format, NULL,
    jsonb_build_object('created', created, 'updated', updated, 'ignored', ignored), file, id, 3
  FROM import_batch`;

/** The real name of a file from the path it was read at (an upload's temporary folder is no part of it). */
const baseName = (path: string | null) => (path === null ? null : (path.split(/[/\\]/).pop() ?? path));

/**
 * The audit log in the contract's shape, newest first: audit_event together with the value changes
 * (observation_history), target changes (target_history) and imports (import_batch).
 * @example await listAudit(db, { since: new Date('2025-07-01'), user: 'xihu', scope: '330106', limit: 100 })
 */
export async function listAudit(db: Db, q: AuditQuery = {}): Promise<AuditEvent[]> {
  const rows = await db.query<AuditRow>(
    `WITH RECURSIVE scope(code) AS (
       SELECT $5::text WHERE $5::text IS NOT NULL
       UNION SELECT r.code FROM region r JOIN scope s ON r.parent_code = s.code)
     SELECT e.at, e."user", e.action, e.region, e.object, e.old, e.new, e.file FROM (${events}) e
     WHERE ($1::timestamptz IS NULL OR e.at >= $1::timestamptz)
       AND ($2::timestamptz IS NULL OR e.at < $2::timestamptz)
       AND ($3::text IS NULL OR e."user" = $3::text)
       AND ($4::text IS NULL OR e.action = $4::text)
       AND ($5::text IS NULL OR e.region IN (SELECT code FROM scope)
         OR (e.region IS NULL
           AND e."user" IN (SELECT name FROM app_user WHERE region_code IN (SELECT code FROM scope))))
     ORDER BY e.at DESC, e.part DESC, e.id DESC
     LIMIT $6::int`,
    [q.since ?? null, q.until ?? null, q.user ?? null, q.action ?? null, q.scope ?? null, q.limit ?? null],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    user: r.user,
    action: r.action,
    region: r.region,
    object: r.object,
    old: r.old ?? null,
    new: r.new ?? null,
    file: baseName(r.file),
  }));
}

/**
 * The first moment of a calendar day by the server's clock (a Chinese office's server keeps Beijing time),
 * so `--since 2025-07-01` means that morning where the server stands; `plusDays` moves to a later day.
 * @example startOfDay('2025-07-01', 1) // the first moment of 2025-07-02, the end of a range ending on the 1st
 */
export function startOfDay(s: string, plusDays = 0): Date {
  const d = parseDay(s);
  if (!d) throw new TiaoduError('validation', `日期应为 YYYY-MM-DD，收到「${s}」`);
  return new Date(d.year, d.month - 1, d.day + plusDays);
}
