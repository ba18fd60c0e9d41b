// Administration routes: accounts, custom regions and peer groups (admins only; the catalogue lives in routes.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import {
  addCustomRegion,
  listRegionGroups,
  listUsers,
  ROLES,
  requireRegion,
  saveUser,
  setRegionGroup,
} from '../store/index.ts';
import { type AuthEnv, requireRole } from './auth.ts';
import { validate } from './schemas.ts';

const userBody = z.object({
  name: z.string().min(1).max(64),
  role: z.enum(ROLES as [string, ...string[]]),
  region: z.string().min(1).nullable().optional(),
  password: z.string().min(8, '密码至少 8 位'),
});
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

export function adminRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  api.use('/users', async (c, next) => {
    requireRole(c.get('user'), ['admin']);
    await next();
  });
  api.get('/users', async (c) => c.json(await listUsers(db)));
  api.post('/users', async (c) => {
    const b = validate(userBody, await c.req.json().catch(() => null));
    const regionCode = b.region ? (await requireRegion(db, b.region)).code : null;
    const account = { name: b.name, role: b.role as (typeof ROLES)[number], regionCode };
    await saveUser(db, { ...account, password: b.password });
    return c.json(account, 201);
  });
  api.post('/regions/custom', async (c) => {
    requireRole(c.get('user'), ['admin']);
    const b = validate(regionBody, await c.req.json().catch(() => null));
    const parent = await requireRegion(db, b.parent);
    return c.json(
      await addCustomRegion(db, { code: b.code, name: b.name, parentCode: parent.code, kind: b.kind }),
      201,
    );
  });
  api.get('/groups', async (c) => c.json(await listRegionGroups(db)));
  api.put('/groups/:name', async (c) => {
    requireRole(c.get('user'), ['admin', 'analyst']);
    const b = validate(groupBody, await c.req.json().catch(() => null));
    const codes: string[] = [];
    for (const r of b.regions) codes.push((await requireRegion(db, r)).code);
    await setRegionGroup(db, c.req.param('name'), codes, b.description ?? '');
    return c.json({ name: c.req.param('name'), members: codes });
  });
  return api;
}
