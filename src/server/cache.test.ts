// The read cache: a write is seen by the very next read, users of different scopes never share an answer,
// and the cache forgets the least recently used answers beyond its bounds.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { saveUser } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { type AuthEnv, accountAuth, createTokenAuth } from './auth.ts';
import { createReadCache } from './cache.ts';
import { as, BINJIANG, workedCity, XIHU } from './testing.ts';

const auth = createTokenAuth({
  analyst: { name: '分析员', role: 'analyst', regionCode: null },
  analyst2: { name: '另一位分析员', role: 'analyst', regionCode: null },
  leader: { name: '市领导', role: 'leader', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: XIHU },
  binjiang: { name: '滨江区填报员', role: 'reporter', regionCode: BINJIANG },
});
// The cache lives only on the embedded store; on PostgreSQL every read goes to the database.
const cached = driverName === 'PGlite';

describe(`the read cache on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, token = 'analyst') => {
    const r = await app.request(path, as(token));
    return { status: r.status, hit: r.headers.get('x-cache') === 'hit', body: await r.json() };
  };
  const series = `/api/series?indicator=fai&region=${XIHU}`;
  const june2025 = (points: { period: string; value: number }[]) =>
    points.find((p) => p.period === '2025-06')?.value;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = createApp(db, { auth, today: new Date('2025-07-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it('answers a repeated read from the cache, and the first read after a write from the database', async () => {
    expect(june2025((await get(series)).body)).toBe(110);
    const again = await get(series);
    expect(again.hit).toBe(cached);
    expect(june2025(again.body)).toBe(110);
    const saved = await app.request(
      '/api/observations',
      as('analyst', { json: { indicator: 'fai', region: XIHU, period: '2025-06', value: 123.5 } }),
    );
    expect(saved.status).toBe(200);
    const after = await get(series);
    expect(after.hit).toBe(false);
    expect(june2025(after.body)).toBe(123.5);
  });

  it('keeps its answers through a refused write', async () => {
    await get(series);
    const refused = await app.request(
      '/api/observations',
      as('analyst', { json: { indicator: 'fai', region: XIHU, period: '2025-13', value: 1 } }),
    );
    expect(refused.status).toBe(400);
    expect((await get(series)).hit).toBe(cached);
  });

  it('sees an import job’s rows as soon as the job is done', async () => {
    const league = '/api/league?indicator=retail_sales&period=2025-06&parent=3301';
    expect((await get(league)).body.map((r: { code: string }) => r.code)).toEqual([XIHU]);
    await get(league);
    const csv = `指标,地区,期间,数值\n社会消费品零售总额,${BINJIANG},2025-06,700\n`;
    const r = await app.request('/api/import?async=1', {
      method: 'POST',
      headers: { authorization: 'Bearer analyst', 'x-filename': 'b.csv' },
      body: csv,
    });
    const { id } = (await r.json()) as { id: string };
    for (let state = ''; state !== 'done'; await new Promise((res) => setTimeout(res, 10))) {
      state = (await get(`/api/imports/${id}`)).body.state;
      expect(state).not.toBe('failed');
    }
    const after = await get(league);
    expect(after.hit).toBe(false);
    expect(after.body.map((r: { code: string }) => r.code)).toEqual([BINJIANG, XIHU]);
  });

  it('never hands one scope’s answer to another, and shares it within the same role and region', async () => {
    const progress = `/api/progress?region=${BINJIANG}&period=2025-06`;
    expect((await get(progress, 'analyst')).status).toBe(200);
    // The reporter of 西湖区 asks the same URL: refused, not served what the analyst was given.
    const other = await get(progress, 'xihu');
    expect(other.status).toBe(403);
    expect(other.hit).toBe(false);
    // Same role, no region: the same answer may be shared.
    expect((await get(progress, 'analyst2')).hit).toBe(cached);
    // A league every role may read is still kept apart per role and region.
    const league = '/api/league?indicator=fai&period=2025-06&by=yoy';
    await get(league, 'analyst');
    expect((await get(league, 'leader')).hit).toBe(false);
    expect((await get(league, 'xihu')).hit).toBe(false);
    expect((await get(league, 'binjiang')).hit).toBe(false);
    expect((await get(league, 'leader')).hit).toBe(cached);
  });

  it('keys the query by its parameters, not their order', async () => {
    await get(`/api/progress?region=${XIHU}&period=2025-06`);
    expect((await get(`/api/progress?period=2025-06&region=${XIHU}`)).hit).toBe(cached);
    expect((await get(`/api/progress?period=2025-05&region=${XIHU}`)).hit).toBe(false);
  });
});

describe(`remembered sessions on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await saveUser(db, { name: '西湖填报员', role: 'reporter', regionCode: XIHU, password: 'xihu-2025!' });
    app = createApp(db, { auth: accountAuth(db) });
  });
  afterAll(() => drop());
  const signIn = async (password: string) => {
    const r = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '西湖填报员', password }),
    });
    const { csrf } = (await r.json()) as { csrf: string };
    return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf };
  };
  const me = (cookie: string) => app.request('/api/me', { headers: { cookie } });

  it('refuses a session at once after it signs out, though it was used a moment before', async () => {
    const { cookie, csrf } = await signIn('xihu-2025!');
    expect((await me(cookie)).status).toBe(200);
    expect((await me(cookie)).status).toBe(200);
    const out = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
  });

  it('refuses the other sessions at once after a password change', async () => {
    const other = await signIn('xihu-2025!');
    expect((await me(other.cookie)).status).toBe(200);
    const mine = await signIn('xihu-2025!');
    const changed = await app.request('/api/password', {
      method: 'POST',
      headers: { cookie: mine.cookie, 'x-csrf-token': mine.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ oldPassword: 'xihu-2025!', newPassword: 'new-password-1' }),
    });
    expect(changed.status).toBe(200);
    expect((await me(other.cookie)).status).toBe(401);
    expect((await me(mine.cookie)).status).toBe(200);
  });
});

describe('the cache’s bounds', () => {
  const appWith = (limits: { maxEntries?: number; maxBytes?: number }) => {
    const cache = createReadCache(limits);
    const app = new Hono<AuthEnv>();
    app.use('*', async (c, next) => {
      c.set('user', { name: 'a', role: 'analyst', regionCode: null });
      await next();
    });
    app.use('*', cache.reads);
    app.get('/api/series', (c) =>
      c.json({ n: c.req.query('n'), pad: 'x'.repeat(Number(c.req.query('pad') ?? 0)) }),
    );
    const hit = async (q: string) => (await app.request(`/api/series?${q}`)).headers.get('x-cache') === 'hit';
    return { cache, hit };
  };

  it('forgets the least recently used answer beyond its number of entries', async () => {
    const { cache, hit } = appWith({ maxEntries: 2 });
    await hit('n=1');
    await hit('n=2');
    expect(await hit('n=1')).toBe(true); // n=1 is now the most recently used
    await hit('n=3'); // pushes out n=2
    expect(await hit('n=2')).toBe(false);
    expect(await hit('n=3')).toBe(true);
    expect(cache.stats().entries).toBe(2);
  });

  it('keeps its answers within its memory bound', async () => {
    const { cache, hit } = appWith({ maxBytes: 100_000 });
    for (let n = 0; n < 10; n++) await hit(`n=${n}&pad=20000`);
    expect(cache.stats().bytes).toBeLessThanOrEqual(100_000);
    expect(cache.stats().entries).toBeLessThan(10);
    expect(await hit('n=9&pad=20000')).toBe(true);
    expect(await hit('n=0&pad=20000')).toBe(false);
  });
});
