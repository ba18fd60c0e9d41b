// The board's page route: the server filters, sorts and pages the list, on a register small enough to check by
// hand, and a district asks for its own projects only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedProject } from '../core/projects/parsed.ts';
import type { Db } from '../store/db.ts';
import { addProjectProblem, importProjectRegister, importProjectReports } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import {
  approveUpdate,
  as,
  countingApp,
  NEW_IN_2025,
  projectFixture,
  testApp,
  workedCity,
} from './testing.ts';

/** Started 2025-03, in the library by April: at 2025-06 (时序进度 50) only the lag lights it. */
const project = (
  code: string,
  name: string,
  regionText: string,
  annualPlan: number,
  level: string,
  type: string,
  leader: string | null,
): ParsedProject =>
  projectFixture(code, regionText, {
    ...NEW_IN_2025,
    name,
    annualPlan,
    level: level as ParsedProject['level'],
    type: type as ParsedProject['type'],
    leader,
  });

// code, plan, done in June → rate, lag (50 − rate), light (red above 30, yellow above 10):
// BJ-1 500/50 → 10, 40 red; BJ-2 4000/2000 → 50, 0 green; XH-1 1000/100 → 10, 40 red;
// XH-2 1000/300 → 30, 20 yellow; XH-3 2000/1000 → 50, 0 green.
const register = [
  project('BJ-1', '滨江产业园', '滨江区', 500, '市重点', '产业', null),
  project('BJ-2', '滨江医院', '滨江区', 4000, '区重点', '民生', null),
  project('XH-1', '云谷产业园', '西湖区', 1000, '省重点', '产业', '市领导'),
  project('XH-2', '西湖隧道', '西湖区', 1000, '市重点', '基础设施', null),
  project('XH-3', '之江实验室', '西湖区', 2000, '省重点', '产业', '市领导'),
];
// BJ-1 also reported 50 in May: it did not grow in June (stalled).
const done: Record<string, number> = { 'BJ-1': 50, 'BJ-2': 2000, 'XH-1': 100, 'XH-2': 300, 'XH-3': 1000 };

describe(`the project board’s page on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  const page = async (query: string, token = 'analyst') => {
    const r = await app.request(`/api/projects/page?region=3301&period=2025-06&${query}`, as(token));
    return { status: r.status, body: await r.json() };
  };
  const codes = async (query: string, token = 'analyst') =>
    (await page(query, token)).body.rows.map((r: { code: string }) => r.code);

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', register);
    await importProjectReports(
      db,
      '项目月报.csv',
      [...Object.entries(done).map(([code, d]) => [code, 6, d] as const), ['BJ-1', 5, 50] as const].map(
        ([projectCode, month, d]) => ({
          projectCode,
          year: 2025,
          month,
          done: d,
          progress: null,
          problems: null,
          coordination: null,
          at: { line: 2, code: { line: 2, column: 'A' } },
        }),
      ),
    );
    // Today is 2025-07-15 (testApp): BJ-2's problem is overdue, XH-1's is open and not yet due.
    await addProjectProblem(
      db,
      { code: 'BJ-2', description: '用地', coordinator: '规资局', due: '2025-07-01' },
      't',
    );
    await addProjectProblem(
      db,
      { code: 'XH-1', description: '资金', coordinator: '财政局', due: '2025-08-01' },
      't',
    );
    app = testApp(db);
  });
  afterAll(() => drop());

  it('opens red first, then yellow and green, in code order within a light, with the counts and menus', async () => {
    const { status, body } = await page('');
    expect(status).toBe(200);
    expect(body.total).toBe(5);
    expect(
      body.rows.map((r: { code: string; light: string; lag: number }) => [r.code, r.light, r.lag]),
    ).toEqual([
      ['BJ-1', 'red', 40],
      ['XH-1', 'red', 40],
      ['XH-2', 'yellow', 20],
      ['BJ-2', 'green', 0],
      ['XH-3', 'green', 0],
    ]);
    // All started, none due to finish; only BJ-1 stalled (50 in May, 50 in June — the others grew from nothing).
    expect(body.counts).toEqual({
      all: 5,
      red: 2,
      yellow: 1,
      green: 2,
      notStarted: 0,
      stalled: 1,
      notFinished: 0,
    });
    expect(body.choices).toEqual({
      level: ['区重点', '市重点', '省重点'],
      type: ['产业', '基础设施', '民生'],
      region: ['滨江区', '西湖区'],
    });
    expect(body.rows[3].problems).toEqual({ open: 1, overdue: 1 });
    expect(body.rows[1].problems).toEqual({ open: 1, overdue: 0 });
  });

  it('cuts the page at offset and limit, and counts every row the filters keep', async () => {
    const { body } = await page('offset=2&limit=2');
    expect([body.total, body.rows.map((r: { code: string }) => r.code)]).toEqual([5, ['XH-2', 'BJ-2']]);
    expect((await page('limit=0')).status).toBe(400);
  });

  it('sorts by any column either way, ties in code order', async () => {
    expect(await codes('sort=lag&order=descend')).toEqual(['BJ-1', 'XH-1', 'XH-2', 'BJ-2', 'XH-3']);
    expect(await codes('sort=done&order=descend')).toEqual(['BJ-2', 'XH-3', 'XH-2', 'XH-1', 'BJ-1']);
    expect(await codes('sort=annualPlan')).toEqual(['BJ-1', 'XH-1', 'XH-2', 'XH-3', 'BJ-2']);
    expect(await codes('sort=code&order=descend')).toEqual(['XH-3', 'XH-2', 'XH-1', 'BJ-2', 'BJ-1']);
    // Overdue first, then open: BJ-2 (1 overdue), XH-1 (1 open), the rest in code order.
    expect(await codes('sort=problems&order=descend')).toEqual(['BJ-2', 'XH-1', 'BJ-1', 'XH-2', 'XH-3']);
    expect((await page('sort=name')).status).toBe(400);
  });

  it('filters by level, type, region, light, words, overdue problems and the leader’s own projects', async () => {
    expect(await codes('level=省重点')).toEqual(['XH-1', 'XH-3']);
    expect(await codes('area=滨江区')).toEqual(['BJ-1', 'BJ-2']);
    expect(await codes('light=green&type=产业')).toEqual(['XH-3']);
    expect(await codes(`q=${encodeURIComponent('产业园')}`)).toEqual(['BJ-1', 'XH-1']);
    expect(await codes('q=XH-2')).toEqual(['XH-2']);
    expect(await codes('overdue=1')).toEqual(['BJ-2']);
    // 市领导 is the 包联领导 of XH-1 and XH-3.
    expect(await codes('mine=1', 'leader')).toEqual(['XH-1', 'XH-3']);
    const none = await page('light=yellow&area=滨江区');
    expect([none.body.total, none.body.rows, none.body.counts.all]).toEqual([0, [], 5]);
  });

  it('gives a district its own projects and refuses it the city', async () => {
    const own = await app.request('/api/projects/page?region=330106&period=2025-06', as('xihu'));
    expect((await own.json()).rows.map((r: { code: string }) => r.code)).toEqual(['XH-1', 'XH-2', 'XH-3']);
    expect((await page('', 'xihu')).status).toBe(403);
  });
});

describe.skipIf(driverName !== 'PGlite')('the board’s read model on the embedded store', () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', register);
  });
  afterAll(() => drop());

  it('reads the register once for the first screen and the page turns after it, and anew after a write', async () => {
    const { app, get, reads } = countingApp(db);
    const q = 'region=3301&period=2025-06';
    await Promise.all([get(`/api/projects/page?${q}`), get(`/api/projects/rates?${q}`)]);
    await get(`/api/projects/page?${q}&offset=2&limit=2`);
    await get(`/api/projects/three-nots?${q}`);
    expect(reads()).toBe(1);
    await approveUpdate(app, { region: '330106', code: 'XH-1', period: '2025-06', done: 600 });
    const after = await get(`/api/projects/page?${q}&sort=done&order=descend&limit=1`);
    expect(reads()).toBe(2);
    expect(after.rows.map((r: { code: string; done: number }) => [r.code, r.done])).toEqual([['XH-1', 600]]);
  });
});
