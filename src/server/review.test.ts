// Review and region scope over the JSON API, with reporters and analysts of sibling districts (西湖区, 滨江区).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, BINJIANG, workedCity, XIHU } from './testing.ts';

const auth = createTokenAuth({
  analyst: { name: '市分析员', role: 'analyst', regionCode: null },
  leader: { name: '市领导', role: 'leader', regionCode: null },
  admin: { name: '市管理员', role: 'admin', regionCode: null },
  xihuAdmin: { name: '西湖区管理员', role: 'admin', regionCode: XIHU },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: XIHU },
  binjiang: { name: '滨江区填报员', role: 'reporter', regionCode: BINJIANG },
  xihuAnalyst: { name: '西湖区分析员', role: 'analyst', regionCode: XIHU },
  binjiangAnalyst: { name: '滨江区分析员', role: 'analyst', regionCode: BINJIANG },
});

describe(`review and read scope over the API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, token: string) => {
    const r = await app.request(path, as(token));
    return { status: r.status, body: await r.json() };
  };
  const send = async (path: string, token: string, json: unknown, method = 'POST') => {
    const r = await app.request(path, as(token, { method, json }));
    return { status: r.status, body: await r.json() };
  };
  const upload = async (token: string, csv: string, query = '') => {
    const init = as(token, { method: 'POST', headers: { 'x-filename': encodeURIComponent('月报.csv') } });
    const r = await app.request(`/api/import${query}`, { ...init, body: csv });
    return { status: r.status, body: await r.json() };
  };
  const leagueOf = async (token: string) => {
    const { body } = await get('/api/league?indicator=fai&period=2025-06&by=yoy&parent=杭州市', token);
    return body.map((r: { region: string; value: number; rank: number; rankOf: number }) => [
      r.region,
      r.value,
      r.rank,
      r.rankOf,
    ]);
  };
  const entry = (value: number, extra: object = {}) => ({
    indicator: 'fai',
    region: '西湖区',
    period: '2025-06',
    value,
    ...extra,
  });

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = createApp(db, { auth, today: new Date('2025-07-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it("shows a reporter only his own district's league row, ranked among all districts", async () => {
    // Hand-computed: 滨江区 fai 100 → 120 (+20 %), 西湖区 100 → 110 (+10 %).
    expect(await leagueOf('leader')).toEqual([
      ['滨江区', 120, 1, 2],
      ['西湖区', 110, 2, 2],
    ]);
    expect(await leagueOf('xihu')).toEqual([['西湖区', 110, 2, 2]]);
    expect(await leagueOf('binjiang')).toEqual([['滨江区', 120, 1, 2]]);
    // By group and by level, too: no other district's figure.
    const byLevel = await get('/api/league?indicator=fai&period=2025-06&level=3', 'xihu');
    expect(byLevel.body.map((r: { code: string }) => r.code)).toEqual([XIHU]);
  });

  it("exports only the reporter's own rows in the league XLSX, saying what the rank is among", async () => {
    const r = await app.request(
      '/api/league.xlsx?indicator=fai&period=2025-06&by=yoy&parent=杭州市',
      as('xihu'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await r.arrayBuffer()) as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells: unknown[] = [];
    sheet?.eachRow((row) => cells.push(...(row.values as unknown[]).filter((v) => v !== undefined)));
    expect(cells).toContain('西湖区');
    expect(cells).not.toContain('滨江区');
    expect(cells).not.toContain(120);
    expect(cells).toContain('仅列出本辖区；名次为在全部 2 个地区中的位次');
  });

  it('lets only a city-wide admin read and change the settings, audited, and widens the league at once', async () => {
    expect((await get('/api/settings', 'admin')).body).toMatchObject({
      'league.peerFigures': ['analyst', 'leader', 'admin'],
      'projects.rules': { lagRed: 30, lagYellow: 10, tourDropExtremesFrom: 5 },
      'assess.publicRanking': false,
    });
    for (const token of ['analyst', 'xihuAdmin', 'xihu'])
      expect((await send('/api/settings', token, { 'league.peerFigures': ['reporter'] }, 'PUT')).status).toBe(
        403,
      );
    const bad = await send('/api/settings', 'admin', { 'league.peerFigures': ['mayor'] }, 'PUT');
    expect(bad.status).toBe(400);
    const unknown = await send('/api/settings', 'admin', { 'league.colour': 'red' }, 'PUT');
    expect(unknown.body.error.message).toContain('没有设置项「league.colour」');

    const all = ['analyst', 'leader', 'admin', 'reporter'];
    expect((await send('/api/settings', 'admin', { 'league.peerFigures': all }, 'PUT')).body).toMatchObject({
      'league.peerFigures': all,
      'assess.publicRanking': false,
    });
    expect(await leagueOf('xihu')).toHaveLength(2);
    const [audit] = await db.query<{ user_name: string; object: string }>(
      "SELECT user_name, object FROM audit_event WHERE action = 'setting.set'",
    );
    expect(audit).toEqual({ user_name: '市管理员', object: 'league.peerFigures' });
    await send('/api/settings', 'admin', { 'league.peerFigures': ['analyst', 'leader', 'admin'] }, 'PUT');
    expect(await leagueOf('xihu')).toHaveLength(1);
  });

  it("refuses a sibling district's reporter every read of 西湖区's figures", async () => {
    const reads = [
      '/api/progress?region=西湖区&period=2025-06',
      '/api/series?indicator=fai&region=西湖区',
      '/api/targets?region=西湖区&year=2025',
      '/api/targets/export.csv?region=西湖区&year=2025',
      '/api/regions/330106/figures?period=2025-06',
      '/api/periods/latest?region=西湖区',
      '/api/periods/status?region=西湖区&period=2025-06',
      '/api/submissions?region=西湖区',
      '/api/tasks?region=西湖区',
      '/api/documents?region=西湖区',
    ];
    for (const path of reads) {
      expect((await app.request(path, as('binjiang'))).status, path).toBe(403);
      expect((await app.request(path, as('xihu'))).status, path).toBe(200);
    }
  });

  it('keeps a reported value out of the league until a city analyst approves and publishes it', async () => {
    const sent = await send('/api/observations', 'xihu', entry(130, { comment: '新开工项目入库' }));
    expect(sent.body).toMatchObject({
      result: 'submitted',
      submission: { value: 130, comment: '新开工项目入库' },
    });
    const id = sent.body.submission.id;
    expect(await leagueOf('analyst')).toEqual([
      ['滨江区', 120, 1, 2],
      ['西湖区', 110, 2, 2],
    ]);

    // The reporter sees his submission and its status; his sibling does not.
    const mine = await get('/api/submissions', 'xihu');
    expect(mine.body).toEqual([expect.objectContaining({ id, status: 'submitted', canReview: false })]);
    expect((await get('/api/submissions', 'binjiang')).body).toEqual([]);
    expect((await get('/api/submissions', 'leader')).status).toBe(403);

    // Nobody reviews his own level: the reporter, and the district's own analyst, are refused.
    expect((await send('/api/submissions/review', 'xihu', { ids: [id], decision: 'approve' })).status).toBe(
      403,
    );
    const own = await send('/api/submissions/review', 'xihuAnalyst', { ids: [id], decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('须由上一级地区的分析员审核');
    expect((await get('/api/submissions', 'xihuAnalyst')).body[0].canReview).toBe(false);
    const listed = await get(
      '/api/submissions?status=submitted&period=2025-06&indicator=固定资产投资',
      'analyst',
    );
    expect(listed.body).toEqual([expect.objectContaining({ id, canReview: true })]);

    const approved = await send('/api/submissions/review', 'analyst', { ids: [id], decision: 'approve' });
    expect(approved.body).toEqual([
      expect.objectContaining({ id, status: 'approved', reviewedBy: '市分析员' }),
    ]);
    expect((await leagueOf('analyst'))[1]).toEqual(['西湖区', 110, 2, 2]);

    expect((await send('/api/periods/publish', 'xihu', { region: '西湖区', period: '2025-06' })).status).toBe(
      403,
    );
    const sibling = await send('/api/periods/publish', 'binjiangAnalyst', {
      region: '西湖区',
      period: '2025-06',
    });
    expect(sibling.status).toBe(403);
    const published = await send('/api/periods/publish', 'analyst', { region: '西湖区', period: '2025-06' });
    expect(published.body).toEqual({ region: XIHU, period: '2025-06', published: 1, revised: 0, pending: 0 });
    // 西湖区 100 → 130 (+30 %) now ranks first.
    expect(await leagueOf('analyst')).toEqual([
      ['西湖区', 130, 1, 2],
      ['滨江区', 120, 2, 2],
    ]);
    const status = await get('/api/periods/status?region=西湖区&period=2025-06', 'xihu');
    expect(status.body).toMatchObject({
      lock: { regionCode: XIHU, lockedBy: '市分析员' },
      counts: { published: 1 },
    });
  });

  it('asks for a reason before any change to the published period, from a reporter or an analyst', async () => {
    const refused = await send('/api/observations', 'xihu', entry(131));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'period.locked',
      message: expect.stringContaining('西湖区 2025-06'),
    });
    const revision = await send('/api/observations', 'xihu', entry(131, { reason: '统计局反馈修正' }));
    expect(revision.body.submission).toMatchObject({ reason: '统计局反馈修正', locked: true });

    expect((await send('/api/observations', 'analyst', entry(132))).status).toBe(409);
    const direct = await send('/api/observations', 'analyst', entry(132, { reason: '与省局核对' }));
    expect(direct).toEqual({ status: 200, body: { result: 'updated' } });
    expect((await leagueOf('analyst'))[0]).toEqual(['西湖区', 132, 1, 2]);

    const csv = '指标,地区,期间,数值\n固定资产投资,西湖区,2025-06,133\n';
    const upload409 = await upload('analyst', csv);
    expect(upload409.status).toBe(409);
    expect(upload409.body.error.message).toContain('第2行');
    expect((await upload('analyst', csv, `?reason=${encodeURIComponent('年报口径')}`)).status).toBe(200);
    expect((await leagueOf('analyst'))[0]).toEqual(['西湖区', 133, 1, 2]);
  });

  it('returns a submission only with a reason, and the reporter sees the reason', async () => {
    const [open] = (await get('/api/submissions?status=submitted', 'analyst')).body;
    const noReason = await send('/api/submissions/review', 'analyst', { ids: [open.id], decision: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    const reason = '与统计局反馈数不一致，请核实';
    await send('/api/submissions/review', 'analyst', { ids: [open.id], decision: 'return', reason });
    const mine = await get('/api/submissions?status=returned', 'xihu');
    expect(mine.body).toEqual([expect.objectContaining({ id: open.id, returnReason: reason })]);
  });

  it("turns a reporter's upload into submissions and publishes nothing", async () => {
    const r = await upload('xihu', '指标,地区,期间,数值\n固定资产投资,西湖区,2025-07,150\n');
    expect(r.body).toMatchObject({ created: 1, submitted: 1 });
    const rows = await db.query("SELECT 1 FROM observation WHERE region_code = '330106' AND month = 7");
    expect(rows).toEqual([]);
    const other = await upload('xihu', '指标,地区,期间,数值\n固定资产投资,滨江区,2025-07,150\n');
    expect(other.status).toBe(422);
  });

  it('previews pending values on the series for those who review or report them, never for a leader', async () => {
    const preview = await get(
      '/api/series?indicator=fai&region=西湖区&from=2025-07&include=submitted',
      'xihu',
    );
    expect(preview.body).toEqual([
      expect.objectContaining({ period: '2025-07', value: 150, pending: 'submitted' }),
    ]);
    expect((await get('/api/series?indicator=fai&region=西湖区&from=2025-07', 'analyst')).body).toEqual([]);
    const leader = await get('/api/series?indicator=fai&region=西湖区&include=submitted', 'leader');
    expect(leader.status).toBe(403);
    const sibling = await get('/api/series?indicator=fai&region=西湖区&include=submitted', 'binjiang');
    expect(sibling.status).toBe(403);
  });
});
