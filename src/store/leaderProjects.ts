// A leader account as a project's 包联领导: the register names the leader in text; an account matches by its
// leader_name (migration 13) or, without one, by its user name.
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

/** The name the register's 包联领导 column gives this account. */
export async function leaderNameOf(db: Db, user: string): Promise<string> {
  const [row] = await db.query<{ leader_name: string | null }>(
    'SELECT leader_name FROM app_user WHERE name = $1',
    [user],
  );
  return row?.leader_name?.trim() || user;
}

/** Links an account to a 包联领导 name (null: back to its user name); audited as user.leader. */
export async function setLeaderName(db: Db, actor: string, user: string, leaderName: string | null) {
  await db.transaction(async (tx) => {
    const [old] = await tx.query<{ leader_name: string | null; region_code: string | null }>(
      'SELECT leader_name, region_code FROM app_user WHERE name = $1',
      [user],
    );
    if (!old) throw new TiaoduError('user.unknown', `没有用户「${user}」`);
    await tx.query('UPDATE app_user SET leader_name = $2 WHERE name = $1', [user, leaderName]);
    await recordAudit(tx, {
      user: actor,
      action: 'user.leader',
      region: old.region_code,
      object: user,
      old: { leaderName: old.leader_name },
      new: { leaderName },
    });
  });
}

/** The 包联领导 names set, by user name (accounts without one are absent). */
export async function leaderNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ name: string; leader_name: string }>(
    'SELECT name, leader_name FROM app_user WHERE leader_name IS NOT NULL',
  );
  return new Map(rows.map((r) => [r.name, r.leader_name]));
}
