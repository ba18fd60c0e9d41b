// GET /api/audit: administrators only; a district's administrator sees his regions and his accounts, nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, recordAudit, saveUser, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';

describe(`the audit log over the API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const get = async (token: string, query = '') => {
    const r = await app.request(`/api/audit${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: await r.json() };
  };
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    await saveUser(db, {
      name: 'xh-reporter',
      role: 'reporter',
      regionCode: '330106',
      password: 'Tianbao-2025!',
    });
    await recordAudit(db, {
      user: 'xh-reporter',
      action: 'sign_in',
      region: '330106',
      object: 'xh-reporter',
    });
    await recordAudit(db, {
      user: 'bj-analyst',
      action: 'target.set',
      region: '330108',
      object: 'fai 2025 expected',
    });
    await recordAudit(db, {
      user: 'city',
      action: 'indicator.save',
      object: 'gdp',
      old: { a: 1 },
      new: { a: 2 },
    });
    await recordAudit(db, { user: 'guess', action: 'sign_in_failed', object: 'guess' });
    app = createApp(db, {
      auth: createTokenAuth({
        admin: { name: 'root', role: 'admin', regionCode: null },
        xhAdmin: { name: 'xh-admin', role: 'admin', regionCode: '330106' },
        analyst: { name: 'a', role: 'analyst', regionCode: null },
      }),
    });
  });
  afterAll(() => drop());

  it('refuses everyone but administrators', async () => {
    expect((await get('analyst')).status).toBe(403);
    expect((await app.request('/api/audit')).status).toBe(401);
  });

  it('gives the city-wide administrator every event, newest first, in the contract shape', async () => {
    const { status, body } = await get('admin');
    expect(status).toBe(200);
    expect(body.map((e: { action: string }) => e.action)).toEqual([
      'sign_in_failed',
      'indicator.save',
      'target.set',
      'sign_in',
      'user.create',
    ]);
    expect(body[1]).toEqual({
      at: expect.stringMatching(/Z$/),
      user: 'city',
      action: 'indicator.save',
      region: null,
      object: 'gdp',
      old: { a: 1 },
      new: { a: 2 },
      file: null,
    });
  });

  it("keeps a district's administrator to his district's regions and accounts", async () => {
    const { body } = await get('xhAdmin');
    expect(body.map((e: { action: string; region: string }) => [e.action, e.region])).toEqual([
      ['sign_in', '330106'],
      ['user.create', '330106'],
    ]);
    // Asking for another district's user by name does not widen it.
    expect((await get('xhAdmin', '?user=bj-analyst')).body).toEqual([]);
  });

  it('filters by user, action and day, and names a bad date', async () => {
    expect((await get('admin', '?user=guess')).body).toHaveLength(1);
    expect((await get('admin', '?action=target.set')).body).toHaveLength(1);
    expect((await get('admin', '?since=2999-01-01')).body).toEqual([]);
    const bad = await get('admin', '?since=2025-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('since');
  });
});
