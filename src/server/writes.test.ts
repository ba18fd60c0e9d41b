// The JSON API write side: roles and region scope, data entry with history, targets, indicators, uploads, turns.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { driverName } from '../store/testing.ts';
import type { createApp } from './app.ts';
import { as, BINJIANG, testApp, workedCity, XIHU } from './testing.ts';

const templatesExist = existsSync(new URL('../intake/templates.ts', import.meta.url));

describe(`writing through the JSON API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = async (method: string, path: string, token: string, json: unknown) => {
    const r = await app.request(path, as(token, { method, json }));
    return { status: r.status, body: await r.json() };
  };
  const value = async (region: string, indicator = 'fai') => {
    const [row] = await db.query<{ value: number; status: string }>(
      'SELECT value, status FROM observation WHERE region_code = $1 AND indicator_code = $2 AND year = 2025',
      [region, indicator],
    );
    return row;
  };
  const upload = async (token: string, name: string, body: string, query = '') => {
    const init = as(token, { method: 'POST', headers: { 'x-filename': encodeURIComponent(name) } });
    const r = await app.request(`/api/import${query}`, { ...init, body });
    return { status: r.status, json: await r.json() };
  };
  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = testApp(db);
  });
  afterAll(() => drop());

  it("refuses a reporter writing another district's figure with 403, leaving it unchanged", async () => {
    const r = await send('POST', '/api/observations', 'xihu', {
      indicator: 'fai',
      region: '滨江区',
      period: '2025-06',
      value: 999,
    });
    expect(r).toEqual({ status: 403, body: { error: { code: 'forbidden', message: expect.any(String) } } });
    expect(await value(BINJIANG)).toEqual({ value: 120, status: 'published' });
  });

  it("takes a reporter's correction of its own district's figure as a submission, leaving the published one", async () => {
    const body = { indicator: '固定资产投资', region: '西湖区', period: '2025-06', value: 111 };
    expect(await send('POST', '/api/observations', 'xihu', body)).toEqual({
      status: 200,
      body: {
        result: 'submitted',
        submission: expect.objectContaining({
          value: 111,
          status: 'submitted',
          published: { value: 110, yoy: null },
        }),
      },
    });
    expect(await value(XIHU)).toEqual({ value: 110, status: 'published' });
    const [s] = await db.query<{ value: number; submitted_by: string }>(
      `SELECT value, submitted_by FROM observation_submission WHERE region_code = '${XIHU}'`,
    );
    expect(s).toEqual({ value: 111, submitted_by: '西湖区填报员' });
  });

  it('keeps leaders to reading', async () => {
    const r = await send('POST', '/api/observations', 'leader', {
      indicator: 'fai',
      region: XIHU,
      period: '2025-06',
      value: 1,
    });
    expect(r.status).toBe(403);
  });

  it('sets a target for an analyst and refuses it to a reporter', async () => {
    const target = { indicator: '社零', region: '滨江区', year: 2026, kind: 'growth', value: 6.5 };
    expect((await send('PUT', '/api/targets', 'xihu', { ...target, region: '西湖区' })).status).toBe(403);
    const r = await send('PUT', '/api/targets', 'analyst', { ...target, strength: 'must' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      indicatorCode: 'retail_sales',
      regionCode: BINJIANG,
      cmp: '≈',
      strength: 'must',
    });
    const listed = await app.request('/api/targets?region=滨江区&year=2026', as('analyst'));
    expect(await listed.json()).toEqual([
      expect.objectContaining({ indicatorCode: 'retail_sales', value: 6.5 }),
    ]);
  });

  it('exports targets in the import layout, and the edited file imports back', async () => {
    const trajectory = {
      granularity: 'quarter',
      checkpoints: [
        { month: 3, percent: 20 },
        { month: 6, percent: 45 },
      ],
    };
    const target = { indicator: 'budget_revenue', region: '西湖区', year: 2027, kind: 'amount', value: 88.5 };
    await send('PUT', '/api/targets', 'analyst', {
      ...target,
      strength: 'strive',
      trajectory,
      source: '讲话,第3页',
    });
    const r = await app.request('/api/targets/export.csv?region=西湖区&year=2027', as('analyst'));
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('西湖区2027年目标.csv'));
    const text = await r.text();
    expect(text.replace('\ufeff', '').split('\r\n')).toEqual([
      '指标,地区,年度,类型,目标值,比较,力度,分解,来源',
      '一般公共预算收入,西湖区,2027,总量,88.5,>=,力争,"3:20,6:45","讲话,第3页"',
      '',
    ]);
    const edited = text.replace('88.5', '90');
    const init = as('analyst', { method: 'POST', headers: { 'x-filename': encodeURIComponent('目标.csv') } });
    const back = await app.request('/api/targets/import', { ...init, body: edited });
    expect(await back.json()).toEqual({ targets: 1 });
    const [t] = await (await app.request('/api/targets?region=西湖区&year=2027', as('analyst'))).json();
    expect(t).toMatchObject({ value: 90, strength: 'strive', trajectory });
  });

  it('removes a target, keeping the removal in its history, and refuses a reporter', async () => {
    const key = { indicator: 'budget_revenue', region: '西湖区', year: 2027, strength: 'strive' };
    expect((await send('DELETE', '/api/targets', 'xihu', key)).status).toBe(403);
    expect((await send('DELETE', '/api/targets', 'analyst', key)).status).toBe(200);
    expect(await (await app.request('/api/targets?region=西湖区&year=2027', as('analyst'))).json()).toEqual(
      [],
    );
    expect((await send('DELETE', '/api/targets', 'analyst', key)).status).toBe(404);
    const [h] = await db.query<{ old: unknown; new: unknown; changed_by: string }>(
      `SELECT old, new, changed_by FROM target_history WHERE year = 2027 ORDER BY id DESC LIMIT 1`,
    );
    expect(h).toMatchObject({ new: null, changed_by: '分析员' });
  });

  it('refuses a target with a missing value, naming the field', async () => {
    const r = await send('PUT', '/api/targets', 'analyst', {
      indicator: 'fai',
      region: XIHU,
      year: 2026,
      kind: 'growth',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([expect.objectContaining({ field: 'value' })]);
  });

  it('adds an indicator to the catalogue for an analyst only', async () => {
    const indicator = {
      code: 'digital_economy',
      name: '数字经济核心产业增加值',
      unit: '亿元',
      aliases: ['数字经济'],
    };
    expect((await send('POST', '/api/indicators', 'xihu', indicator)).status).toBe(403);
    const r = await send('POST', '/api/indicators', 'analyst', indicator);
    expect(r).toMatchObject({ status: 201, body: { ...indicator, frequency: 'month', measure: 'flow' } });
    const list = await (await app.request('/api/indicators', as('xihu'))).json();
    expect(list.map((i: { code: string }) => i.code)).toContain('digital_economy');
    expect(
      (await send('POST', '/api/indicators', 'analyst', { ...indicator, code: 'Bad Code' })).status,
    ).toBe(400);
  });

  it('refuses an upload with a bad cell with 422, naming row and column, and imports nothing', async () => {
    const csv = '指标,地区,期间,数值\n固定资产投资,上城区,2025-06,10\n固定资产投资,拱墅区,2025-06,abc\n';
    const r = await upload('analyst', '上报.csv', csv);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('import');
    expect(r.json.error.issues[0]).toMatchObject({ file: '上报.csv', row: 3, column: 'D', value: 'abc' });
    expect(await value('330102')).toBeUndefined();
  });

  it('imports an uploaded file, with a dry run that writes nothing first', async () => {
    const csv = '指标,地区,期间,数值\n固定资产投资,上城区,2025-06,10\n';
    const dry = await upload('analyst', '上报.csv', csv, '?dryRun=1');
    expect(dry).toEqual({
      status: 200,
      json: expect.objectContaining({ file: '上报.csv', rows: 1, created: 1, dryRun: true }),
    });
    expect(await value('330102')).toBeUndefined();
    const real = await upload('analyst', '上报.csv', csv);
    expect(real.json).toMatchObject({ created: 1, dryRun: false });
    expect(await value('330102')).toMatchObject({ value: 10 });
  });

  it('refuses a reporter an upload that touches another district', async () => {
    const r = await upload('xihu', 'x.csv', `指标,地区,期间,数值\n固定资产投资,滨江区,2025-06,5\n`);
    expect(r.status).toBe(422);
    expect(await value(BINJIANG)).toMatchObject({ value: 120 });
  });

  it.skipIf(!templatesExist)('offers the import templates as downloads', async () => {
    const csv = await app.request('/api/templates/long.csv', as('xihu'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('指标');
    const xlsx = await app.request('/api/templates/long.xlsx', as('xihu'));
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it('takes concurrent requests in turn on one connection without mixing their transactions', async () => {
    const writes = Array.from({ length: 12 }, (_, i) =>
      send('POST', '/api/observations', 'analyst', {
        indicator: 'fai',
        region: '上城区',
        period: `2024-${i + 1}`,
        value: i,
      }),
    );
    const reads = Array.from({ length: 12 }, () =>
      app.request('/api/series?indicator=fai&region=西湖区', as('analyst')),
    );
    const done = await Promise.all([...writes, ...reads]);
    expect(done.map((r) => r.status)).toEqual(done.map(() => 200));
    const [n] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM observation WHERE region_code = '330102' AND year = 2024",
    );
    expect(n?.n).toBe(12);
  });
});
