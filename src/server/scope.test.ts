// Every administrative write checks scope: a district's administrator or analyst tries each escalation in turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import {
  divisionsUnder,
  listAudit,
  listIndicators,
  regionGroupMembers,
  saveUser,
  setRegionGroup,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { accountAuth, anyAuth, createTokenAuth } from './auth.ts';

const XIHU = '330106';
const BINJIANG = '330108';
const CITY = '3301';
const XIHU_TOWN = '330106002'; // 北山街道, below 西湖区
const XIHU_TOWN_2 = '330106004';

describe(`scope on every administrative write, on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = (token: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const hashOf = async (name: string) =>
    (
      await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE name = $1', [name])
    )[0]?.password_hash;
  const accountOf = async (name: string) =>
    (await db.query('SELECT name, role, region_code FROM app_user WHERE name = $1', [name]))[0];
  const signIn = (name: string, password: string) =>
    app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${name.length}` },
      body: JSON.stringify({ name, password }),
    });

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, [
      ...divisionsUnder(CITY, 'county'),
      ...divisionsUnder(XIHU, 'town').filter((r) => r.level === 4),
    ]);
    // The accounts under attack, created by the local operator.
    await saveUser(db, {
      name: 'city-analyst',
      role: 'analyst',
      regionCode: null,
      password: 'Shi-fenxi-2025',
    });
    await saveUser(db, {
      name: 'bj-reporter',
      role: 'reporter',
      regionCode: BINJIANG,
      password: 'Binjiang#2025',
    });
    await saveUser(db, { name: 'xh-reporter', role: 'reporter', regionCode: XIHU, password: 'Xihu#2025-tb' });
    await saveUser(db, { name: 'xh-admin', role: 'admin', regionCode: XIHU, password: 'Xihu#2025-gl' });
    await setRegionGroup(db, '城区', [XIHU, BINJIANG]);
    const tokens = createTokenAuth({
      admin: { name: 'root', role: 'admin', regionCode: null },
      analyst: { name: 'a', role: 'analyst', regionCode: null },
      xhAdmin: { name: 'xh-admin', role: 'admin', regionCode: XIHU },
      xhAnalyst: { name: 'xh-analyst', role: 'analyst', regionCode: XIHU },
    });
    app = createApp(db, {
      auth: anyAuth(accountAuth(db), tokens),
      security: { cookieSecure: 'auto', trustProxy: true },
    });
  });
  afterAll(() => drop());

  describe('accounts', () => {
    it('refuses a district administrator creating a city-wide administrator, or one for a sibling or the parent', async () => {
      for (const region of [null, '滨江区', '杭州市']) {
        const r = await send('xhAdmin', 'POST', '/api/users', {
          name: 'mole',
          role: 'admin',
          region,
          password: 'Mole-takeover-1',
        });
        expect(r.status).toBe(403);
        expect((await r.json()).error.code).toBe('forbidden');
      }
      expect(await accountOf('mole')).toBeUndefined();
      expect((await signIn('mole', 'Mole-takeover-1')).status).toBe(401);
    });

    it('lets a district administrator create an account for a town below his district', async () => {
      const r = await send('xhAdmin', 'POST', '/api/users', {
        name: 'beishan',
        role: 'reporter',
        region: XIHU_TOWN,
        password: 'Hangzhou-Bs-25',
      });
      expect(r.status).toBe(201);
      expect(await r.json()).toEqual({ name: 'beishan', role: 'reporter', regionCode: XIHU_TOWN });
    });

    it('refuses to create an account over an existing name with 409, keeping its password', async () => {
      const before = await hashOf('city-analyst');
      for (const token of ['xhAdmin', 'admin']) {
        const r = await send(token, 'POST', '/api/users', {
          name: 'city-analyst',
          role: 'analyst',
          region: token === 'admin' ? null : XIHU,
          password: 'Taken-over-2025',
        });
        expect(r.status).toBe(409);
      }
      expect(await hashOf('city-analyst')).toBe(before);
      expect((await signIn('city-analyst', 'Taken-over-2025')).status).toBe(401);
    });

    it("refuses a district administrator resetting the password of a city-wide or another district's account", async () => {
      for (const name of ['city-analyst', 'bj-reporter']) {
        const before = await hashOf(name);
        const r = await send('xhAdmin', 'POST', `/api/users/${name}/password`, {
          password: 'Hijacked-2025!',
        });
        expect(r.status).toBe(403);
        expect(await hashOf(name)).toBe(before);
        expect((await signIn(name, 'Hijacked-2025!')).status).toBe(401);
      }
    });

    it('refuses moving an account out of the district, into it from outside, or to city-wide', async () => {
      const moves: [string, object][] = [
        ['xh-reporter', { region: '滨江区' }],
        ['xh-reporter', { region: null, role: 'analyst' }],
        ['bj-reporter', { region: '西湖区' }],
        ['city-analyst', { region: '西湖区' }],
      ];
      for (const [name, change] of moves) {
        const before = await accountOf(name);
        expect((await send('xhAdmin', 'PUT', `/api/users/${name}`, change)).status).toBe(403);
        expect(await accountOf(name)).toEqual(before);
      }
    });

    it('refuses anyone raising his own role or widening his own scope, or deleting himself', async () => {
      const me = await accountOf('xh-admin');
      expect((await send('xhAdmin', 'PUT', '/api/users/xh-admin', { region: null })).status).toBe(403);
      expect((await send('xhAdmin', 'PUT', '/api/users/xh-admin', { region: '杭州市' })).status).toBe(403);
      expect((await send('xhAdmin', 'DELETE', '/api/users/xh-admin')).status).toBe(403);
      expect(
        (await send('xhAdmin', 'POST', '/api/users/xh-admin/password', { password: 'Self-reset-2025' }))
          .status,
      ).toBe(403);
      expect(await accountOf('xh-admin')).toEqual(me);
    });

    it('refuses an analyst every account route', async () => {
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/users'],
        ['POST', '/api/users', { name: 'x-user', role: 'admin', password: 'Analyst-made-1' }],
        ['PUT', '/api/users/bj-reporter', { role: 'admin' }],
        ['POST', '/api/users/bj-reporter/password', { password: 'Analyst-reset-1' }],
        ['DELETE', '/api/users/bj-reporter'],
      ];
      for (const [method, path, body] of calls)
        for (const token of ['analyst', 'xhAnalyst'])
          expect((await send(token, method, path, body)).status).toBe(403);
      expect(await accountOf('bj-reporter')).toMatchObject({ role: 'reporter', region_code: BINJIANG });
    });

    it('shows a district administrator only the accounts of his district', async () => {
      const names = (await (await send('xhAdmin', 'GET', '/api/users')).json()).map(
        (u: { name: string }) => u.name,
      );
      expect(names.sort()).toEqual(['beishan', 'xh-admin', 'xh-reporter']);
    });

    it('lets a district administrator change and remove accounts within his district, each recorded', async () => {
      const moved = await send('xhAdmin', 'PUT', '/api/users/beishan', { role: 'leader', region: '西湖区' });
      expect(await moved.json()).toEqual({ name: 'beishan', role: 'leader', regionCode: XIHU });
      expect(
        (await send('xhAdmin', 'POST', '/api/users/beishan/password', { password: 'Hangzhou-Bs-26' })).status,
      ).toBe(200);
      expect((await send('xhAdmin', 'DELETE', '/api/users/beishan')).status).toBe(200);
      expect(await accountOf('beishan')).toBeUndefined();
      const log = await listAudit(db, { user: 'xh-admin' });
      expect(log.map((e) => [e.action, e.object, e.region])).toEqual([
        ['user.delete', 'beishan', XIHU],
        ['password.reset', 'beishan', XIHU],
        ['user.role', 'beishan', XIHU],
        ['user.create', 'beishan', XIHU_TOWN],
      ]);
      expect(log[2]?.old).toEqual({ role: 'reporter', region: XIHU_TOWN });
      expect(log[2]?.new).toEqual({ role: 'leader', region: XIHU });
    });

    it('lets the city-wide administrator grant any role anywhere, and refuses a weak password', async () => {
      const weak = await send('admin', 'POST', '/api/users', {
        name: 'fuyang',
        role: 'admin',
        region: '富阳区',
        password: 'woaini1314',
      });
      expect(weak.status).toBe(400);
      expect((await weak.json()).error.message).toContain('常见密码');
      const r = await send('admin', 'POST', '/api/users', {
        name: 'fuyang',
        role: 'admin',
        region: '富阳区',
        password: 'Fuchun-jiang-7',
      });
      expect(r.status).toBe(201);
    });
  });

  describe('the catalogue', () => {
    const mine = { code: 'mu_tax', name: '亩均税收', unit: '万元' };

    it('refuses every catalogue write to an account with a region scope', async () => {
      for (const token of ['xhAnalyst', 'xhAdmin']) {
        expect((await send(token, 'POST', '/api/indicators', mine)).status).toBe(403);
        expect(
          (
            await send(token, 'POST', '/api/indicators', {
              code: 'gdp',
              name: '地区生产总值',
              unit: '亿元',
              alertThreshold: -9,
            })
          ).status,
        ).toBe(403);
      }
      expect((await listIndicators(db)).some((i) => i.code === 'mu_tax')).toBe(false);
    });

    it("lets a city-wide analyst add an indicator, but not change a built-in's thresholds", async () => {
      expect((await send('analyst', 'POST', '/api/indicators', mine)).status).toBe(201);
      const r = await send('analyst', 'POST', '/api/indicators', {
        code: 'gdp',
        name: '地区生产总值',
        unit: '亿元',
        alertThreshold: -9,
      });
      expect(r.status).toBe(403);
      expect((await listIndicators(db)).find((i) => i.code === 'gdp')?.alertThreshold).toBeNull();
    });

    it("lets the city-wide administrator set a built-in's thresholds and leader, never its unit or measure", async () => {
      const gdp = (await listIndicators(db)).find((i) => i.code === 'gdp');
      const bad = await send('admin', 'POST', '/api/indicators', {
        code: 'gdp',
        name: '地区生产总值',
        unit: '万元',
        measure: 'stock',
        alertThreshold: -2,
      });
      expect(bad.status).toBe(403);
      expect((await bad.json()).error.message).toMatch(/不能修改：unit、measure/);
      expect((await listIndicators(db)).find((i) => i.code === 'gdp')).toEqual(gdp);
      const ok = await send('admin', 'POST', '/api/indicators', {
        code: 'gdp',
        name: '地区生产总值',
        unit: '亿元',
        alertThreshold: -2,
        excellenceThreshold: 1,
        leader: '王副市长',
        aliases: ['全市GDP'],
      });
      expect(ok.status).toBe(201);
      const now = (await listIndicators(db)).find((i) => i.code === 'gdp');
      expect(now).toEqual({
        ...gdp,
        alertThreshold: -2,
        excellenceThreshold: 1,
        leader: '王副市长',
        aliases: [...(gdp?.aliases ?? []), '全市GDP'],
      });
      const [event] = await listAudit(db, { action: 'indicator.save', user: 'root' });
      expect(event).toMatchObject({
        object: 'gdp',
        old: { alertThreshold: null },
        new: { alertThreshold: -2 },
      });
    });
  });

  describe('peer groups and custom regions', () => {
    it('lets a district analyst group towns of his district', async () => {
      const r = await send('xhAnalyst', 'PUT', `/api/groups/${encodeURIComponent('西湖一类')}`, {
        regions: [XIHU_TOWN, XIHU_TOWN_2],
      });
      expect(r.status).toBe(200);
      expect(await regionGroupMembers(db, '西湖一类')).toEqual([XIHU_TOWN, XIHU_TOWN_2]);
    });

    it('refuses a district analyst a group reaching outside his district, new members or existing ones', async () => {
      const put = (group: string, regions: string[]) =>
        send('xhAnalyst', 'PUT', `/api/groups/${encodeURIComponent(group)}`, { regions });
      expect((await put('西湖一类', [XIHU_TOWN, BINJIANG])).status).toBe(403);
      expect(await regionGroupMembers(db, '西湖一类')).toEqual([XIHU_TOWN, XIHU_TOWN_2]);
      // 城区 holds 滨江区: emptying it down to 西湖区 would still rewrite another district's grouping.
      expect((await put('城区', [XIHU])).status).toBe(403);
      expect(await regionGroupMembers(db, '城区')).toEqual([XIHU, BINJIANG]);
      const [event] = await listAudit(db, { action: 'group.set' });
      expect(event).toMatchObject({
        user: 'xh-analyst',
        object: '西湖一类',
        old: null,
        new: [XIHU_TOWN, XIHU_TOWN_2],
      });
    });

    it('refuses a district administrator a park under another district, and records the one he may add', async () => {
      const add = (code: string, parent: string) =>
        send('xhAdmin', 'POST', '/api/regions/custom', { code, name: `园区${code}`, parent, kind: 'park' });
      expect((await add('330108P1', '滨江区')).status).toBe(403);
      expect((await add('3301P1', '杭州市')).status).toBe(403);
      expect((await add('330106P1', '西湖区')).status).toBe(201);
      const events = await listAudit(db, { action: 'region.add' });
      expect(events.map((e) => [e.user, e.region])).toEqual([['xh-admin', '330106P1']]);
    });
  });
});
