// The inspection tour endpoints: a tour made, its projects and judges set, scores entered by judges (each only
// his own) and by the analyst, the results by the contract's rule, closing freezes it, and a district's tour
// stays within the district and the city.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { importProjectRegister, saveUser } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, BINJIANG, NEW_IN_2025, projectFixture, workedCity, XIHU } from './testing.ts';

const project = (code: string, regionText: string) =>
  projectFixture(code, regionText, { ...NEW_IN_2025, unit: '发改局', annualPlan: 1000, libraryDate: null });

const auth = createTokenAuth({
  analyst: { name: '分析员', role: 'analyst', regionCode: null },
  xhAnalyst: { name: '西湖分析员', role: 'analyst', regionCode: XIHU },
  bjAnalyst: { name: '滨江分析员', role: 'analyst', regionCode: BINJIANG },
  judgeJia: { name: '甲领导', role: 'leader', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: XIHU },
});

describe(`the tour endpoints on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = async (path: string, token: string, json?: unknown, method = 'POST') => {
    const r = await app.request(path, as(token, { method, json }));
    return { status: r.status, body: await r.json() };
  };
  const get = (path: string, token = 'analyst') => send(path, token, undefined, 'GET');
  let city = 0;
  let district = 0;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', [
      project('XH-1', '西湖区'),
      project('XH-2', '西湖区'),
      project('BJ-1', '滨江区'),
    ]);
    await db.query(
      `INSERT INTO project_report (project_code, year, month, done) VALUES ('XH-1', 2025, 5, 300), ('XH-1', 2025, 6, 450)`,
    );
    await saveUser(db, { name: '甲领导', role: 'leader', regionCode: null, password: 'Qiantang-chao-2025' });
    app = createApp(db, { auth, today: new Date('2025-07-15T00:00:00Z') });
    const made = await send('/api/tours', 'analyst', {
      name: '二季度拉练',
      date: '2025-06-20',
      region: '3301',
    });
    expect(made.status).toBe(201);
    city = made.body.id;
    const d = await send('/api/tours', 'xhAnalyst', { name: '西湖区拉练', region: XIHU });
    expect(d.status).toBe(201);
    district = d.body.id;
  }, 60_000);
  afterAll(async () => drop());

  it('sets the projects in visiting order with 本年完成率 from the latest report, and the judges', async () => {
    expect(
      (await send(`/api/tours/${city}/projects`, 'analyst', { codes: ['XH-1', 'BJ-1', 'XH-2'] }, 'PUT'))
        .status,
    ).toBe(200);
    const judges = ['甲', '乙', '丙', '丁', '戊'].map((name) => ({
      name,
      user: name === '甲' ? '甲领导' : null,
    }));
    const r = await send(`/api/tours/${city}/judges`, 'analyst', { judges }, 'PUT');
    expect(r.status).toBe(200);
    expect(r.body.projects.map((p: { code: string }) => p.code)).toEqual(['XH-1', 'BJ-1', 'XH-2']);
    // 450 of an annual plan of 1000 by June.
    expect(r.body.projects[0]).toMatchObject({
      region: '西湖区',
      unit: '发改局',
      rate: 45,
      rateMonth: '2025-06',
    });
    expect(r.body.projects[1].rate).toBeNull();
    expect(r.body.judges[0]).toEqual({ name: '甲', user: '甲领导' });
    await send(`/api/tours/${district}/projects`, 'xhAnalyst', { codes: ['XH-1'] }, 'PUT');
    expect(
      (await send(`/api/tours/${district}/judges`, 'xhAnalyst', { judges: [{ name: '甲' }] }, 'PUT')).status,
    ).toBe(200);
  });

  it('lets a judge enter only his own scores, and a score outside 0–100 is refused in Chinese', async () => {
    const mine = await send(`/api/tours/${city}/scores`, 'judgeJia', {
      project: 'XH-1',
      judge: '甲',
      score: 90,
    });
    expect(mine.status).toBe(200);
    const other = await send(`/api/tours/${city}/scores`, 'judgeJia', {
      project: 'XH-1',
      judge: '乙',
      score: 80,
    });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe('评委只能录入自己的评分');
    const unlinked = await send(`/api/tours/${district}/scores`, 'xihu', {
      project: 'XH-1',
      judge: '甲',
      score: 80,
    });
    expect(unlinked.status).toBe(403);
    const high = await send(`/api/tours/${city}/scores`, 'judgeJia', {
      project: 'XH-1',
      judge: '甲',
      score: 101,
    });
    expect(high.status).toBe(400);
    expect(high.body.error.message).toBe('分数应为 0–100 之间的数，收到 101');
    const results = await get(`/api/tours/${city}/results`);
    expect(results.body.projects[0].scores).toEqual([{ judge: '甲', score: 90, dropped: false }]);
  });

  it('scores by the contract: five judges drop the highest and lowest, regions ranked by their projects’ mean', async () => {
    const enter = (project: string, judge: string, score: number) =>
      send(`/api/tours/${city}/scores`, 'analyst', { project, judge, score });
    // XH-1: 90 80 70 60 100 → 60 and 100 dropped → 80. XH-2: 85, 95 → 90. BJ-1: 70 80 90 90 60 → 60 and the
    // later 90 (丁) dropped → 80. 西湖区 (80 + 90) / 2 = 85, first; 滨江区 80, second.
    for (const [j, s] of [
      ['乙', 80],
      ['丙', 70],
      ['丁', 60],
      ['戊', 100],
    ] as const)
      await enter('XH-1', j, s);
    for (const [j, s] of [
      ['甲', 85],
      ['乙', 95],
    ] as const)
      await enter('XH-2', j, s);
    for (const [j, s] of [
      ['甲', 70],
      ['乙', 80],
      ['丙', 90],
      ['丁', 90],
      ['戊', 60],
    ] as const)
      await enter('BJ-1', j, s);
    const r = await get(`/api/tours/${city}/results`);
    expect(r.body.tour.status).toBe('进行中');
    const byCode = Object.fromEntries(r.body.projects.map((p: { code: string }) => [p.code, p]));
    expect(byCode['XH-1']).toMatchObject({ score: 80, judges: 5 });
    expect(
      byCode['XH-1'].scores
        .filter((s: { dropped: boolean }) => s.dropped)
        .map((s: { judge: string }) => s.judge),
    ).toEqual(['丁', '戊']);
    expect(
      byCode['BJ-1'].scores
        .filter((s: { dropped: boolean }) => s.dropped)
        .map((s: { judge: string }) => s.judge),
    ).toEqual(['丁', '戊']);
    expect(byCode['XH-2']).toMatchObject({ score: 90, judges: 2 });
    expect(byCode['XH-2'].scores.some((s: { dropped: boolean }) => s.dropped)).toBe(false);
    expect(r.body.regions).toEqual([
      { region: '西湖区', code: XIHU, projects: 2, score: 85, rank: 1 },
      { region: '滨江区', code: BINJIANG, projects: 1, score: 80, rank: 2 },
    ]);
  });

  it('downloads the notice as XLSX with the ranking and each project’s score and judges', async () => {
    const r = await app.request(`/api/tours/${city}/notice?format=xlsx`, as('analyst'));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    // A sheet's rows from its header row on (above it: the notice's title and the tour's name).
    const rows = (name: string) => {
      const all = (wb.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((v) => (v as unknown[]).slice(1));
      return all.slice(all.findIndex((r) => r[0] === '名次' || r[1] === '项目编号'));
    };
    expect(rows('各地区排名')).toEqual([
      ['名次', '地区', '项目数', '平均得分'],
      [1, '西湖区', 2, 85],
      [2, '滨江区', 1, 80],
    ]);
    expect(rows('各项目得分').map((x) => [x[1], x[5], x[6]])).toEqual([
      ['项目编号', '评委人数', '得分'],
      ['XH-1', 5, 80],
      ['BJ-1', 5, 80],
      ['XH-2', 2, 90],
    ]);
  });

  it('shows a district’s tour to the district and the city, and refuses the sibling district', async () => {
    expect((await get(`/api/tours/${district}`, 'bjAnalyst')).status).toBe(403);
    expect(
      (await send(`/api/tours/${district}/scores`, 'bjAnalyst', { project: 'XH-1', judge: '甲', score: 1 }))
        .status,
    ).toBe(403);
    const names = async (token: string) =>
      (await get('/api/tours', token)).body.map((t: { name: string }) => t.name);
    expect(await names('bjAnalyst')).toEqual([]);
    expect(await names('xhAnalyst')).toEqual(['西湖区拉练']);
    expect(await names('analyst')).toEqual(['西湖区拉练', '二季度拉练']);
    // A district's tour visits the district's projects only.
    const bj = await send(`/api/tours/${district}/projects`, 'xhAnalyst', { codes: ['XH-1', 'BJ-1'] }, 'PUT');
    expect(bj.status).toBe(404);
    expect(bj.body.error.message).toBe('西湖区的重点项目中没有项目编号「BJ-1」');
  });

  it('freezes a closed tour: a score, the lists and a second close are refused, the scores unchanged', async () => {
    const closed = await send(`/api/tours/${city}/close`, 'analyst');
    expect(closed.body.status).toBe('已结束');
    const late = await send(`/api/tours/${city}/scores`, 'judgeJia', {
      project: 'XH-1',
      judge: '甲',
      score: 10,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('拉练「二季度拉练」已结束，评分已冻结');
    expect((await send(`/api/tours/${city}/projects`, 'analyst', { codes: [] }, 'PUT')).status).toBe(409);
    expect((await send(`/api/tours/${city}/close`, 'analyst')).status).toBe(409);
    expect((await get(`/api/tours/${city}/results`)).body.regions[0].score).toBe(85);
  });

  it('records who made, scored and closed the tour in the audit log', async () => {
    const rows = await db.query<{ user_name: string; action: string; object: string }>(
      `SELECT user_name, action, object FROM audit_event WHERE action LIKE 'tour.%' AND object LIKE '二季度拉练%' ORDER BY id`,
    );
    expect(rows.filter((r) => r.action === 'tour.create')).toEqual([
      { user_name: '分析员', action: 'tour.create', object: '二季度拉练' },
    ]);
    expect(rows.find((r) => r.action === 'tour.score')).toEqual({
      user_name: '甲领导',
      action: 'tour.score',
      object: '二季度拉练 XH-1 甲',
    });
    expect(rows.filter((r) => r.action === 'tour.score')).toHaveLength(12);
    expect(rows.at(-1)).toEqual({ user_name: '分析员', action: 'tour.close', object: '二季度拉练' });
  });
});
