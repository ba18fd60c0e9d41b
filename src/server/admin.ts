// Administration routes: accounts (admins), custom regions (admins) and peer groups (admins, analysts) — each
// write checked against the writer's region scope and recorded in the audit log.
import { Hono } from 'hono';
import { z } from 'zod';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import {
  type Account,
  addCustomRegion,
  createUser,
  deleteUser,
  listRegionGroups,
  listUsers,
  ROLES,
  recordAudit,
  regionGroupMembers,
  requireAccount,
  requireRegion,
  resetPassword,
  setRegionGroup,
  updateUser,
} from '../store/index.ts';
import { type AuthEnv, inScope, ROLE_RANK, requireRole, type User } from './auth.ts';
import { validate } from './schemas.ts';

const role = z.enum(ROLES as [Account['role'], ...Account['role'][]]);
const userName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}\s/\\]+$/u, '不能含空白、斜杠或控制字符');
const password = z.string().min(1).max(1024);
const userBody = z.object({
  name: userName,
  role,
  region: z.string().min(1).nullable().optional(),
  password,
});
const userChange = z.object({ role: role.optional(), region: z.string().min(1).nullable().optional() });
const resetBody = z.object({ password });
const regionBody = z.object({
  code: z.string().min(1).max(32),
  name: z.string().min(1),
  parent: z.string().min(1),
  kind: z.enum(['park', 'zone']),
});
/** A peer group is a few dozen regions; a bound keeps one request from resolving millions of names. */
export const MAX_GROUP_MEMBERS = 5000;
const groupBody = z.object({
  regions: z.array(z.string().min(1)).max(MAX_GROUP_MEMBERS, `一个分组最多 ${MAX_GROUP_MEMBERS} 个地区`),
  description: z.string().optional(),
});

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

function userRoutes(db: Db, api: Hono<AuthEnv>): void {
  api.use('/users', async (c, next) => {
    requireRole(c.get('user'), ['admin']);
    await next();
  });
  api.use('/users/*', async (c, next) => {
    requireRole(c.get('user'), ['admin']);
    await next();
  });
  // A scoped administrator sees only the accounts he could manage.
  api.get('/users', async (c) => {
    const actor = c.get('user');
    const visible: Account[] = [];
    for (const a of await listUsers(db))
      if (actor.regionCode === null || (a.regionCode && (await inScope(db, actor.regionCode, a.regionCode))))
        visible.push(a);
    return c.json(visible);
  });
  api.post('/users', async (c) => {
    const actor = c.get('user');
    const b = validate(userBody, await c.req.json().catch(() => null));
    const account = { name: b.name, role: b.role, regionCode: await regionCodeOf(db, b.region) };
    await assertMayManage(db, actor, null, account);
    return c.json(await createUser(db, actor.name, { ...account, password: b.password }), 201);
  });
  api.put('/users/:name', async (c) => {
    const actor = c.get('user');
    const b = validate(userChange, await c.req.json().catch(() => null));
    const before = await requireAccount(db, c.req.param('name'));
    const after = {
      ...before,
      role: b.role ?? before.role,
      regionCode: b.region === undefined ? before.regionCode : await regionCodeOf(db, b.region),
    };
    await assertMayManage(db, actor, before, after);
    return c.json(await updateUser(db, actor.name, after));
  });
  api.post('/users/:name/password', async (c) => {
    const actor = c.get('user');
    const b = validate(resetBody, await c.req.json().catch(() => null));
    const account = await requireAccount(db, c.req.param('name'));
    await assertMayManage(db, actor, account, account);
    await resetPassword(db, actor.name, account.name, b.password);
    return c.json({ ok: true });
  });
  api.delete('/users/:name', async (c) => {
    const actor = c.get('user');
    const account = await requireAccount(db, c.req.param('name'));
    await assertMayManage(db, actor, account, null);
    return c.json(await deleteUser(db, actor.name, account.name));
  });
}

export function adminRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  userRoutes(db, api);
  api.post('/regions/custom', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin']);
    const b = validate(regionBody, await c.req.json().catch(() => null));
    const parent = await requireRegion(db, b.parent);
    if (!(await inScope(db, user.regionCode, parent.code)))
      throw new TiaoduError('forbidden', `上级地区「${parent.name}」不在本账号辖区内`);
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
    return c.json(region, 201);
  });
  api.get('/groups', async (c) => c.json(await listRegionGroups(db)));
  api.put('/groups/:name', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const name = c.req.param('name');
    const b = validate(groupBody, await c.req.json().catch(() => null));
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
    return c.json({ name, members: codes });
  });
  return api;
}
