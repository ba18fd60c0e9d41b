// The 包联领导 name of a leader account, set over the API as `tiaodu project leader` sets it: only a city-wide
// administrator may; the leader then sees at /api/projects/mine the projects that name him so; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import {
  createUser,
  divisionsUnder,
  importProjectRegister,
  listAudit,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { projectFixture } from './testing.ts';

describe(`a leader's 包联领导 name set by an administrator, on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = async (token: string, method: string, path: string, json?: unknown) => {
    const r = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: r.status, body: await r.json() };
  };
  const setName = (token: string, user: string, leaderName: string | null) =>
    send(token, 'PUT', `/api/users/${encodeURIComponent(user)}/leader`, { leaderName });
  const mine = async () => {
    const r = await send('leader', 'GET', '/api/projects/mine?region=3301&period=2025-06');
    return { leaderName: r.body.leaderName, codes: r.body.projects.map((p: { code: string }) => p.code) };
  };

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    await importProjectRegister(db, '项目库.csv', [
      projectFixture('XH-L', '西湖区', { leader: '市领导' }),
      projectFixture('BJ-L', '滨江区', { leader: '王副市长' }),
      projectFixture('BJ-2', '滨江区', { leader: '王副市长' }),
    ]);
    const account = { regionCode: null, password: 'lingdao-2025-mima' };
    await createUser(db, 'admin', { ...account, name: '市领导', role: 'leader' });
    await createUser(db, 'admin', { ...account, name: '分析员', role: 'analyst' });
    app = createApp(db, {
      auth: createTokenAuth({
        admin: { name: 'admin', role: 'admin', regionCode: null },
        xhAdmin: { name: 'xh-admin', role: 'admin', regionCode: '330106' },
        analyst: { name: '分析员', role: 'analyst', regionCode: null },
        leader: { name: '市领导', role: 'leader', regionCode: null },
      }),
    });
  });
  afterAll(() => drop());

  it('refuses a district administrator, an analyst and the leader himself, and changes nothing', async () => {
    for (const token of ['xhAdmin', 'analyst', 'leader']) {
      const r = await setName(token, '市领导', '王副市长');
      expect([token, r.status, r.body.error.code]).toEqual([token, 403, 'forbidden']);
    }
    expect(await mine()).toEqual({ leaderName: '市领导', codes: ['XH-L'] });
    expect(await listAudit(db, { action: 'user.leader', limit: 5 })).toEqual([]);
  });

  it('lets the city administrator set it: the leader then sees the projects named so (in code order), and the act is audited', async () => {
    const r = await setName('admin', '市领导', ' 王副市长 ');
    expect(r).toEqual({ status: 200, body: { name: '市领导', leaderName: '王副市长' } });
    expect(await mine()).toEqual({ leaderName: '王副市长', codes: ['BJ-2', 'BJ-L'] });
    const users = (await send('admin', 'GET', '/api/users')).body as { name: string; leaderName: string }[];
    expect(users.find((u) => u.name === '市领导')?.leaderName).toBe('王副市长');
    expect(users.find((u) => u.name === '分析员')).toEqual({
      name: '分析员',
      role: 'analyst',
      regionCode: null,
    });
    const [event] = await listAudit(db, { action: 'user.leader', limit: 5 });
    expect(event).toMatchObject({
      user: 'admin',
      object: '市领导',
      old: { leaderName: null },
      new: { leaderName: '王副市长' },
    });
  });

  it('clears it with an empty name, back to matching by the user name', async () => {
    const r = await setName('admin', '市领导', '');
    expect(r.body).toEqual({ name: '市领导', leaderName: null });
    expect(await mine()).toEqual({ leaderName: '市领导', codes: ['XH-L'] });
  });

  it('refuses a name for an account that is not a leader, and for an unknown account', async () => {
    const analyst = await setName('admin', '分析员', '王副市长');
    expect(analyst.status).toBe(400);
    expect(analyst.body.error.message).toContain('不是领导账号');
    expect((await setName('admin', '无此人', '王副市长')).status).toBe(404);
    const [row] = await db.query<{ leader_name: string | null }>(
      "SELECT leader_name FROM app_user WHERE name = '分析员'",
    );
    expect(row?.leader_name).toBeNull();
  });
});
