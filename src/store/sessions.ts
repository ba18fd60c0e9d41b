// Signing in, with a lock after repeated failures; sessions kept as hashes of their tokens; changing one's password.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { TiaoduError } from '../core/errors.ts';
import type { Account, Role } from './accounts.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { checkPassword, dummyHash, hashPassword } from './passwords.ts';

const SESSION_DAYS = 7;
/** After this many failed sign-ins in a row (each within `minutes` of the last) a name is locked that long. */
export const SIGN_IN_LOCK = { failures: 5, minutes: 15 } as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface UserRow {
  name: string;
  role: Role;
  region_code: string | null;
  password_hash: string;
}
const toAccount = (r: UserRow): Account => ({ name: r.name, role: r.role, regionCode: r.region_code });

export interface SignInOptions {
  /** The clock (tests move it past a lock). */
  now?: Date;
  /** The client's address, kept in the audit log. */
  address?: string | null;
}

function lockedError(until: Date, now: Date): TiaoduError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new TiaoduError(
    'auth.locked',
    `该账号登录失败次数过多，已暂时锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
    { retryAfter: seconds },
  );
}

async function lockedUntil(db: Db, name: string, now: Date): Promise<Date | null> {
  const [row] = await db.query<{ locked_until: Date | null }>(
    'SELECT locked_until FROM sign_in_failure WHERE name = $1',
    [name],
  );
  const until = row?.locked_until ? new Date(row.locked_until) : null;
  return until && until > now ? until : null;
}

/**
 * Counts one failure for the name in one statement (two failures at once both count). The count starts
 * over when the last failure is older than the lock's length or a lock has run out.
 */
async function recordFailure(
  db: Db,
  name: string,
  now: Date,
): Promise<{ failures: number; locked: Date | null }> {
  const stale = `(f.locked_until IS NOT NULL OR f.last_failed_at < $2::timestamptz - make_interval(mins => $4::int))`;
  const count = `CASE WHEN ${stale} THEN 1 ELSE f.failures + 1 END`;
  const [row] = await db.query<{ failures: number; locked_until: Date | null }>(
    `INSERT INTO sign_in_failure AS f (name, failures, last_failed_at, locked_until)
     VALUES ($1, 1, $2, CASE WHEN 1 >= $3::int THEN $2::timestamptz + make_interval(mins => $4::int) END)
     ON CONFLICT (name) DO UPDATE SET failures = ${count}, last_failed_at = $2,
       locked_until = CASE WHEN ${count} >= $3::int THEN $2::timestamptz + make_interval(mins => $4::int) END
     RETURNING failures, locked_until`,
    [name, now, SIGN_IN_LOCK.failures, SIGN_IN_LOCK.minutes],
  );
  // Names tried once and never again (an attacker's list) do not pile up for ever.
  await db.query(
    `DELETE FROM sign_in_failure WHERE last_failed_at < $1::timestamptz - interval '1 day'
       AND (locked_until IS NULL OR locked_until < $1::timestamptz)`,
    [now],
  );
  return { failures: row?.failures ?? 1, locked: row?.locked_until ? new Date(row.locked_until) : null };
}

/**
 * Checks a name and password. Unknown names and known ones take the same path: one argon2 verification
 * (against a dummy hash when the name does not exist), the same failure count and lock, the same message.
 */
export async function signIn(
  db: Db,
  name: string,
  password: string,
  options: SignInOptions = {},
): Promise<{ account: Account; token: string; csrf: string }> {
  const now = options.now ?? new Date();
  const dummy = await dummyHash();
  const failed = (region: string | null, why: string) =>
    recordAudit(db, {
      user: name,
      action: 'sign_in_failed',
      region,
      object: name,
      new: { reason: why, address: options.address ?? null },
    });
  const locked = await lockedUntil(db, name, now);
  if (locked) {
    await failed(null, 'locked');
    throw lockedError(locked, now);
  }
  const [row] = await db.query<UserRow>(
    'SELECT name, role, region_code, password_hash FROM app_user WHERE name = $1',
    [name],
  );
  const verified = await argon2.verify(row?.password_hash ?? dummy, password);
  if (!row || !verified) {
    const { failures, locked: lockedNow } = await recordFailure(db, name, now);
    await failed(row?.region_code ?? null, 'password');
    const { failures: max, minutes } = SIGN_IN_LOCK;
    if (lockedNow)
      throw new TiaoduError(
        'auth.locked',
        `用户名或密码不正确；已连续失败 ${max} 次，该账号锁定 ${minutes} 分钟`,
        {
          retryAfter: minutes * 60,
        },
      );
    const left = max - failures;
    const warning = left <= 2 ? `；再失败 ${left} 次，该账号将锁定 ${minutes} 分钟` : '';
    throw new TiaoduError('auth.failed', `用户名或密码不正确${warning}`);
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM sign_in_failure WHERE name = $1', [row.name]);
    await tx.query(
      `INSERT INTO app_session (token_hash, user_name, csrf, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4::int))`,
      [sha256(token), row.name, csrf, SESSION_DAYS],
    );
    await recordAudit(tx, {
      user: row.name,
      action: 'sign_in',
      region: row.region_code,
      object: row.name,
      new: { address: options.address ?? null },
    });
  });
  return { account: toAccount(row), token, csrf };
}

/** The account behind a live session token, with the session's CSRF token. */
export async function sessionAccount(db: Db, token: string): Promise<(Account & { csrf: string }) | null> {
  const [row] = await db.query<UserRow & { csrf: string }>(
    `SELECT u.name, u.role, u.region_code, u.password_hash, s.csrf FROM app_session s
     JOIN app_user u ON u.name = s.user_name WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [sha256(token)],
  );
  return row ? { ...toAccount(row), csrf: row.csrf } : null;
}

/** Ends one session and records who signed out. */
export async function signOut(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ user_name: string; region_code: string | null }>(
      `DELETE FROM app_session s USING app_user u WHERE s.token_hash = $1 AND u.name = s.user_name
       RETURNING s.user_name, u.region_code`,
      [sha256(token)],
    );
    if (row)
      await recordAudit(tx, {
        user: row.user_name,
        action: 'sign_out',
        region: row.region_code,
        object: row.user_name,
      });
  });
}

/**
 * Changes a password after checking the old one; every other session of the account ends. A wrong old
 * password counts as a failed sign-in, so a stolen session cannot be used to guess it.
 */
export async function changePassword(
  db: Db,
  name: string,
  oldPassword: string,
  newPassword: string,
  keepToken: string | null,
  now = new Date(),
): Promise<void> {
  const locked = await lockedUntil(db, name, now);
  if (locked) throw lockedError(locked, now);
  const [row] = await db.query<UserRow>(
    'SELECT name, role, region_code, password_hash FROM app_user WHERE name = $1',
    [name],
  );
  if (!row || !(await argon2.verify(row.password_hash, oldPassword))) {
    await recordFailure(db, name, now);
    throw new TiaoduError('auth.failed', '原密码不正确');
  }
  checkPassword(name, newPassword);
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE name = $1', [
      name,
      hash,
    ]);
    await tx.query('DELETE FROM app_session WHERE user_name = $1 AND token_hash <> $2', [
      name,
      keepToken ? sha256(keepToken) : '',
    ]);
    await tx.query('DELETE FROM sign_in_failure WHERE name = $1', [name]);
    await recordAudit(tx, { user: name, action: 'password.change', region: row.region_code, object: name });
  });
}
