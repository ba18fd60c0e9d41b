// The project board read ahead: at start, the top region at its latest period (as the web app opens it), and
// after writes, once they pause. A user sees what a cold read shows, only without waiting for the read.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parsedReport } from '../core/projects/testing.ts';
import type { Db } from '../store/db.ts';
import { importProjectRegister, importProjectReports, loadObservations } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, BINJIANG, NEW_IN_2025, projectFixture, workedCity, XIHU } from './testing.ts';

/** Started 2025-03 and in the library: at 2025-06 (时序进度 50) only the lag lights it. */
const project = (code: string, regionCode: string, annualPlan: number) =>
  projectFixture(code, regionCode === XIHU ? '西湖区' : '滨江区', {
    ...NEW_IN_2025,
    level: '市重点',
    totalInvestment: 10_000,
    annualPlan,
  });
const report = (projectCode: string, month: number, done: number) =>
  parsedReport(projectCode, 2025, month, done);
const auth = createTokenAuth({
  admin: { name: '管理员', role: 'admin', regionCode: null },
  analyst: { name: '分析员', role: 'analyst', regionCode: null },
});
const today = new Date('2025-07-15T00:00:00Z');
const june = 'region=3301&period=2025-06';

/** The store, counting the reads of the register (one per subtree read, whole or patched). */
function counting(db: Db) {
  const counted = { reads: 0 };
  const store: Db = {
    kind: db.kind,
    query: (sql, params) => {
      if (sql.includes('FROM project p JOIN region r')) counted.reads++;
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    copyCsv: (t, c, csv) => db.copyCsv(t, c, csv),
    close: async () => undefined,
  };
  return { store, counted };
}

/** What the board shows when opened: its first page and the rates. */
async function opening(app: ReturnType<typeof createApp>, query = june) {
  const get = async (path: string) => (await app.request(`${path}?${query}`, as('analyst'))).json();
  return { page: await get('/api/projects/page'), rates: await get('/api/projects/rates') };
}

describe(`the project board read ahead on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    // The cockpit opens the city at June; a July report makes the newest reported month another one.
    await loadObservations(db, [
      {
        indicatorCode: 'fai',
        regionCode: '3301',
        year: 2025,
        month: 6,
        value: 500,
        yoy: null,
        scope: '',
        forecast: false,
        source: 'test',
        status: 'published',
      },
    ]);
    await importProjectRegister(db, '项目库.csv', [
      project('B1', BINJIANG, 500),
      project('X1', XIHU, 1000),
      project('X2', XIHU, 2000),
    ]);
    await importProjectReports(db, '项目月报.csv', [
      report('B1', 6, 50),
      report('X1', 6, 300),
      report('X2', 6, 1000),
      report('X2', 7, 1200),
    ]);
  });
  afterAll(() => drop());

  it('reads nothing ahead where it keeps no model, and the board answers all the same', async () => {
    const { store, counted } = counting(db);
    const app = createApp(store, { auth, today, cache: false });
    await app.warmUp();
    expect(counted.reads).toBe(0);
    expect((await opening(app)).page.total).toBe(3);
  });

  it.skipIf(driverName !== 'PGlite')(
    'opens the city at its latest period read ahead at start, as a cold read shows it',
    async () => {
      const { store, counted } = counting(db);
      const app = createApp(store, { auth, today });
      await app.warmUp();
      expect(counted.reads).toBe(1);
      const warm = await opening(app);
      expect(counted.reads).toBe(1);
      expect(warm).toEqual(await opening(createApp(db, { auth, today, cache: false })));
      expect(warm.rates).toMatchObject({ projects: 3, red: 1, yellow: 1, green: 1 });
    },
  );

  it.skipIf(driverName !== 'PGlite')(
    'shows a change made after the read ahead: an approved update at once, new rules read ahead once writes pause',
    async () => {
      const { store, counted } = counting(db);
      const app = createApp(store, { auth, today });
      await app.warmUp();
      const post = (path: string, json: unknown) => app.request(path, as('analyst', { json }));
      const sent = await (
        await post('/api/projects/updates', { region: XIHU, code: 'X1', period: '2025-06', done: 400 })
      ).json();
      await post('/api/projects/updates/review', { ids: [sent.id], decision: 'approve' });
      const updated = await opening(app);
      expect(updated.page.rows.find((r: { code: string }) => r.code === 'X1').done).toBe(400);
      expect(updated.rates).toMatchObject({ red: 1, yellow: 0, green: 2 });

      // A lag above 5 points is red now (X1 lags 10): every light may change, so the city is read whole, ahead.
      const before = counted.reads;
      const rules = { lagRed: 5, lagYellow: 1 };
      const put = await app.request(
        '/api/settings',
        as('admin', { method: 'PUT', json: { 'projects.rules': rules } }),
      );
      expect(put.status).toBe(200);
      await vi.waitFor(() => expect(counted.reads).toBe(before + 1), { timeout: 10_000 });
      const relit = await opening(app);
      expect(counted.reads).toBe(before + 1);
      expect(relit).toEqual(await opening(createApp(db, { auth, today, cache: false })));
      expect(relit.rates).toMatchObject({ projects: 3, red: 2, yellow: 0, green: 1 });
    },
  );
});
