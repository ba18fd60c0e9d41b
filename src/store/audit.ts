// The audit log: one row per thing a person did (sign-in, account change, review, import, value or target change).
import type { Db } from './db.ts';

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
