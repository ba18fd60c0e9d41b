import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';

describe(`administration over the API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = (token: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    app = createApp(db, {
      auth: createTokenAuth({
        admin: { name: 'admin', role: 'admin', regionCode: null },
        analyst: { name: 'a', role: 'analyst', regionCode: null },
      }),
    });
  });
  afterAll(() => drop());

  it('lets an administrator add a reporter bound to a district, and no one else', async () => {
    expect(
      (
        await send('analyst', 'POST', '/api/users', {
          name: 'bj',
          role: 'reporter',
          region: '滨江区',
          password: 'binjiang-1',
        })
      ).status,
    ).toBe(403);
    const r = await send('admin', 'POST', '/api/users', {
      name: 'bj',
      role: 'reporter',
      region: '滨江区',
      password: 'binjiang-1',
    });
    expect(r.status).toBe(201);
    const users = await (await send('admin', 'GET', '/api/users')).json();
    expect(users).toEqual([{ name: 'bj', role: 'reporter', regionCode: '330108' }]);
    expect(
      (await send('admin', 'POST', '/api/users', { name: 'x', role: 'reporter', password: 'short' })).status,
    ).toBe(400);
  });

  it('adds a development zone under a district, and sets a peer group', async () => {
    const zone = await send('admin', 'POST', '/api/regions/custom', {
      code: '330108Z1',
      name: '高新区',
      parent: '滨江区',
      kind: 'zone',
    });
    expect(zone.status).toBe(201);
    expect(await zone.json()).toMatchObject({
      code: '330108Z1',
      parentCode: '330108',
      level: 4,
      kind: 'zone',
    });
    const g = await send('analyst', 'PUT', `/api/groups/${encodeURIComponent('城区')}`, {
      regions: ['西湖区', '滨江区'],
    });
    expect(await g.json()).toEqual({ name: '城区', members: ['330106', '330108'] });
    expect(await (await send('analyst', 'GET', '/api/groups')).json()).toEqual([
      { name: '城区', description: '', members: ['330106', '330108'] },
    ]);
  });
});
