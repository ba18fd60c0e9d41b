// Administration routes: accounts (admins), custom regions (admins) and peer groups (admins, analysts) — each
// write checked against the writer's region scope and recorded in the audit log.
import { Hono } from 'hono';
import { admin } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import {
  type Account,
  addCustomRegion,
  createUser,
  deleteUser,
  leaderNames,
  listRegionGroups,
  listUsers,
  recordAudit,
  regionGroupMembers,
  requireAccount,
  requireRegion,
  resetPassword,
  setLeaderName,
  setRegionGroup,
  updateUser,
} from '../store/index.ts';
import { type AuthEnv, inScope, ROLE_RANK, type User } from './auth.ts';
import { type Implement, implementer } from './implement.ts';

const regionCodeOf = async (db: Db, raw: string | null | undefined) =>
  raw ? (await requireRegion(db, raw)).code : null;

/**
 * May `actor` turn account `before` (null: a new one) into `after` (null: removed)? An administrator with a
 * region scope touches only accounts whose current and new region lie within it — never a city-wide account
 * — and nobody grants a role above his own or changes his own role, region or password from here (his own
 * password is changed with the old one, at /api/password).
 */
async function assertMayManage(db: Db, actor: User, before: Account | null, after: Account | null) {
  if (before && before.name === actor.name)
    throw new TiaoduError(
      'forbidden',
      '不能在这里修改或删除自己的账号：角色和辖区请由其他管理员调整，密码请在“修改密码”中修改',
    );
  for (const a of [before, after]) {
    if (!a) continue;
    if (ROLE_RANK[a.role] > ROLE_RANK[actor.role])
      throw new TiaoduError('forbidden', '不能管理或授予高于自己的角色');
    if (actor.regionCode === null) continue;
    if (a.regionCode === null)
      throw new TiaoduError('forbidden', '按辖区限定的管理员不能管理或设立不限地区的账号');
    if (!(await inScope(db, actor.regionCode, a.regionCode)))
      throw new TiaoduError('forbidden', `账号辖区「${a.regionCode}」不在本账号辖区内`);
  }
}

/** Accounts, for administrators (declared); whom an administrator may manage is assertMayManage's rule. */
function userRoutes(db: Db, api: Hono<AuthEnv>, implement: Implement): void {
  // A scoped administrator sees only the accounts he could manage.
  implement(api, admin.users, async ({ user: actor }) => {
    const visible: Account[] = [];
    for (const a of await listUsers(db))
      if (actor.regionCode === null || (a.regionCode && (await inScope(db, actor.regionCode, a.regionCode))))
        visible.push(a);
    const names = await leaderNames(db);
    // Only a leader account has a 包联领导 name (null: matched by its user name).
    return visible.map((a) => (a.role === 'leader' ? { ...a, leaderName: names.get(a.name) ?? null } : a));
  });
  // City-wide administrators only (declared): the name picks projects of the whole city.
  implement(api, admin.setLeaderName, async ({ user: actor, params, body }) => {
    const account = await requireAccount(db, params.name);
    if (account.role !== 'leader')
      throw new TiaoduError(
        'validation',
        `账号「${account.name}」不是领导账号：包联领导姓名只用于领导账号（角色 leader）`,
      );
    const leaderName = body.leaderName?.trim() || null;
    await setLeaderName(db, actor.name, account.name, leaderName);
    return { name: account.name, leaderName };
  });
  implement(api, admin.createUser, async ({ user: actor, body: b }) => {
    const account = { name: b.name, role: b.role, regionCode: await regionCodeOf(db, b.region) };
    await assertMayManage(db, actor, null, account);
    return createUser(db, actor.name, { ...account, password: b.password });
  });
  implement(api, admin.updateUser, async ({ user: actor, params, body: b }) => {
    const before = await requireAccount(db, params.name);
    const after = {
      ...before,
      role: b.role ?? before.role,
      regionCode: b.region === undefined ? before.regionCode : await regionCodeOf(db, b.region),
    };
    await assertMayManage(db, actor, before, after);
    return updateUser(db, actor.name, after);
  });
  implement(api, admin.resetPassword, async ({ user: actor, params, body: b }) => {
    const account = await requireAccount(db, params.name);
    await assertMayManage(db, actor, account, account);
    await resetPassword(db, actor.name, account.name, b.password);
    return { ok: true };
  });
  implement(api, admin.deleteUser, async ({ user: actor, params }) => {
    const account = await requireAccount(db, params.name);
    await assertMayManage(db, actor, account, null);
    return deleteUser(db, actor.name, account.name);
  });
}

export function adminRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  userRoutes(db, api, implement);
  // The parent region is the declared scope: resolved and checked before this runs.
  implement(api, admin.addRegion, async ({ user, body: b, region: parent }) => {
    const region = await db.transaction(async (tx) => {
      const r = await addCustomRegion(tx, {
        code: b.code,
        name: b.name,
        parentCode: parent.code,
        kind: b.kind,
      });
      await recordAudit(tx, {
        user: user.name,
        action: 'region.add',
        region: r.code,
        object: r.name,
        new: r,
      });
      return r;
    });
    return region;
  });
  implement(api, admin.groups, async () => listRegionGroups(db));
  // A group is a list of regions: each old and new member is checked here, not declared.
  implement(api, admin.putGroup, async ({ user, params, body: b }) => {
    const name = params.name;
    const codes: string[] = [];
    for (const r of b.regions) codes.push((await requireRegion(db, r)).code);
    const old = await regionGroupMembers(db, name);
    // A scoped user may neither pull a region from outside into a group nor rewrite a group reaching outside.
    for (const code of [...codes, ...(old ?? [])])
      if (!(await inScope(db, user.regionCode, code)))
        throw new TiaoduError('forbidden', `地区「${code}」不在本账号辖区内：不能设定含辖区外地区的分组`);
    await db.transaction(async (tx) => {
      await setRegionGroup(tx, name, codes, b.description ?? '');
      await recordAudit(tx, {
        user: user.name,
        action: 'group.set',
        region: user.regionCode,
        object: name,
        old,
        new: codes,
      });
    });
    return { name, members: codes };
  });
  return api;
}
