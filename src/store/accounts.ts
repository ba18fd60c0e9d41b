// Accounts (用户) with argon2-hashed passwords, and sessions kept as hashes of their tokens.
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from './db.ts';
import { getRegion } from './regions.ts';

export type Role = 'admin' | 'analyst' | 'reporter' | 'leader';
export const ROLES: Role[] = ['admin', 'analyst', 'reporter', 'leader'];

export interface Account {
  name: string;
  role: Role;
  regionCode: string | null;
}

const SESSION_DAYS = 7;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function checkPassword(password: string): void {
  if (password.length < 8) throw new TiaoduError('password.weak', '密码至少 8 位');
}

/** Creates an account, or replaces its password, role and region when it exists. */
export async function saveUser(db: Db, a: Account & { password: string }): Promise<void> {
  if (!ROLES.includes(a.role)) throw new TiaoduError('usage', `角色应为 ${ROLES.join('、')}`);
  if (a.regionCode && !(await getRegion(db, a.regionCode))) {
    throw new TiaoduError('region.unknown', `地区「${a.regionCode}」不存在`);
  }
  if (a.role === 'reporter' && !a.regionCode) throw new TiaoduError('usage', '填报员必须指定所属地区');
  checkPassword(a.password);
  const hash = await argon2.hash(a.password, { type: argon2.argon2id });
  await db.query(
    `INSERT INTO app_user (name, password_hash, role, region_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
       region_code = EXCLUDED.region_code, password_changed_at = now()`,
    [a.name, hash, a.role, a.regionCode],
  );
}

interface UserRow {
  name: string;
  role: Role;
  region_code: string | null;
  password_hash: string;
}

const toAccount = (r: UserRow): Account => ({ name: r.name, role: r.role, regionCode: r.region_code });

export async function listUsers(db: Db): Promise<Account[]> {
  const rows = await db.query<UserRow>(
    'SELECT name, role, region_code, password_hash FROM app_user ORDER BY name',
  );
  return rows.map(toAccount);
}

/** Checks a name and password; the same error for either being wrong, so names cannot be probed. */
export async function signIn(
  db: Db,
  name: string,
  password: string,
): Promise<{ account: Account; token: string; csrf: string }> {
  const [row] = await db.query<UserRow>(
    'SELECT name, role, region_code, password_hash FROM app_user WHERE name = $1',
    [name],
  );
  if (!row || !(await argon2.verify(row.password_hash, password))) {
    throw new TiaoduError('auth.failed', '用户名或密码不正确');
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.query(
    `INSERT INTO app_session (token_hash, user_name, csrf, expires_at) VALUES ($1, $2, $3, now() + interval '${SESSION_DAYS} days')`,
    [sha256(token), row.name, csrf],
  );
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

export async function signOut(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM app_session WHERE token_hash = $1', [sha256(token)]);
}

/** Changes a password after checking the old one; every other session of the account ends. */
export async function changePassword(
  db: Db,
  name: string,
  oldPassword: string,
  newPassword: string,
  keepToken: string | null,
): Promise<void> {
  const [row] = await db.query<UserRow>(
    'SELECT name, role, region_code, password_hash FROM app_user WHERE name = $1',
    [name],
  );
  if (!row || !(await argon2.verify(row.password_hash, oldPassword))) {
    throw new TiaoduError('auth.failed', '原密码不正确');
  }
  checkPassword(newPassword);
  const hash = await argon2.hash(newPassword, { type: argon2.argon2id });
  await db.transaction(async (tx) => {
    await tx.query('UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE name = $1', [
      name,
      hash,
    ]);
    await tx.query('DELETE FROM app_session WHERE user_name = $1 AND token_hash <> $2', [
      name,
      keepToken ? sha256(keepToken) : '',
    ]);
  });
}
