// Accounts (用户) with argon2-hashed passwords: create, change role or region, reset, delete — each audited.
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { getRegion } from './regions.ts';

export type Role = 'admin' | 'analyst' | 'reporter' | 'leader';
export const ROLES: Role[] = ['admin', 'analyst', 'reporter', 'leader'];

export interface Account {
  name: string;
  role: Role;
  regionCode: string | null;
}

interface UserRow {
  name: string;
  role: Role;
  region_code: string | null;
}

const toAccount = (r: UserRow): Account => ({ name: r.name, role: r.role, regionCode: r.region_code });
const roleAndRegion = (a: Account) => ({ role: a.role, region: a.regionCode });

async function checkAccount(db: Db, a: Account): Promise<void> {
  if (!ROLES.includes(a.role)) throw new TiaoduError('usage', `角色应为 ${ROLES.join('、')}`);
  if (a.regionCode && !(await getRegion(db, a.regionCode))) {
    throw new TiaoduError('region.unknown', `地区「${a.regionCode}」不存在`);
  }
  if (a.role === 'reporter' && !a.regionCode) throw new TiaoduError('usage', '填报员必须指定所属地区');
}

/** Sessions end and a sign-in lock is lifted: the account starts over with its new password. */
async function startOver(tx: Db, name: string): Promise<void> {
  await tx.query('DELETE FROM app_session WHERE user_name = $1', [name]);
  await tx.query('DELETE FROM sign_in_failure WHERE name = $1', [name]);
}

/**
 * Creates an account, or replaces its password, role and region when it exists — the local operator's
 * `tiaodu user add`, who may do anything. Replacing a password ends the account's sessions.
 */
export async function saveUser(db: Db, a: Account & { password: string }, actor = 'cli'): Promise<void> {
  await checkAccount(db, a);
  checkPassword(a.name, a.password);
  const hash = await hashPassword(a.password);
  await db.transaction(async (tx) => {
    const old = await getUser(tx, a.name);
    await tx.query(
      `INSERT INTO app_user (name, password_hash, role, region_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
         region_code = EXCLUDED.region_code, password_changed_at = now()`,
      [a.name, hash, a.role, a.regionCode],
    );
    const event = { user: actor, region: a.regionCode, object: a.name };
    if (!old) {
      await recordAudit(tx, { ...event, action: 'user.create', new: roleAndRegion(a) });
      return;
    }
    await startOver(tx, a.name);
    await recordAudit(tx, { ...event, action: 'password.reset' });
    if (old.role !== a.role || old.regionCode !== a.regionCode)
      await recordAudit(tx, {
        ...event,
        action: 'user.role',
        old: roleAndRegion(old),
        new: roleAndRegion(a),
      });
  });
}

/** Creates an account; a name already taken is refused (409), never overwritten. */
export async function createUser(db: Db, actor: string, a: Account & { password: string }): Promise<Account> {
  await checkAccount(db, a);
  checkPassword(a.name, a.password);
  const hash = await hashPassword(a.password);
  const account = { name: a.name, role: a.role, regionCode: a.regionCode };
  await db.transaction(async (tx) => {
    const created = await tx.query(
      `INSERT INTO app_user (name, password_hash, role, region_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO NOTHING RETURNING name`,
      [a.name, hash, a.role, a.regionCode],
    );
    if (created.length === 0)
      throw new TiaoduError('user.exists', `用户名「${a.name}」已存在：修改角色、辖区或重设密码请用相应操作`);
    await recordAudit(tx, {
      user: actor,
      action: 'user.create',
      region: a.regionCode,
      object: a.name,
      new: roleAndRegion(account),
    });
  });
  return account;
}

export async function getUser(db: Db, name: string): Promise<Account | null> {
  const [row] = await db.query<UserRow>('SELECT name, role, region_code FROM app_user WHERE name = $1', [
    name,
  ]);
  return row ? toAccount(row) : null;
}

/** The account, or `user.unknown` (404). */
export async function requireAccount(db: Db, name: string): Promise<Account> {
  const account = await getUser(db, name);
  if (!account) throw new TiaoduError('user.unknown', `没有用户「${name}」`);
  return account;
}

/** Changes an account's role and region scope (its sessions carry the change at once: they read the account). */
export async function updateUser(db: Db, actor: string, next: Account): Promise<Account> {
  await checkAccount(db, next);
  return db.transaction(async (tx) => {
    const old = await requireAccount(tx, next.name);
    if (old.role === next.role && old.regionCode === next.regionCode) return old;
    await tx.query('UPDATE app_user SET role = $2, region_code = $3 WHERE name = $1', [
      next.name,
      next.role,
      next.regionCode,
    ]);
    await recordAudit(tx, {
      user: actor,
      action: 'user.role',
      region: next.regionCode,
      object: next.name,
      old: roleAndRegion(old),
      new: roleAndRegion(next),
    });
    return next;
  });
}

/** An administrator sets a new password: every session of the account ends and a sign-in lock is lifted. */
export async function resetPassword(db: Db, actor: string, name: string, password: string): Promise<void> {
  checkPassword(name, password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const account = await requireAccount(tx, name);
    await tx.query('UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE name = $1', [
      name,
      hash,
    ]);
    await startOver(tx, name);
    await recordAudit(tx, {
      user: actor,
      action: 'password.reset',
      region: account.regionCode,
      object: name,
    });
  });
}

/** Removes an account; its sessions go with it. */
export async function deleteUser(db: Db, actor: string, name: string): Promise<Account> {
  return db.transaction(async (tx) => {
    const account = await requireAccount(tx, name);
    await tx.query('DELETE FROM app_user WHERE name = $1', [name]);
    await tx.query('DELETE FROM sign_in_failure WHERE name = $1', [name]);
    await recordAudit(tx, {
      user: actor,
      action: 'user.delete',
      region: account.regionCode,
      object: name,
      old: roleAndRegion(account),
    });
    return account;
  });
}

export async function listUsers(db: Db): Promise<Account[]> {
  const rows = await db.query<UserRow>('SELECT name, role, region_code FROM app_user ORDER BY name');
  return rows.map(toAccount);
}
