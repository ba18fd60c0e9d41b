// The region–period overview over the API, on the demo city: every figure equals the endpoint it is read
// from elsewhere (progress, league, series), for a district and for the city, in scope and out of it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../contract/openapi.ts';
import { statusColor, TONE_COLOR } from '../core/format.ts';
import type { OverviewRow } from '../core/overview.ts';
import { loadDemo } from '../demo/index.ts';
import type { Db } from '../store/db.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as } from './testing.ts';

/** The generated document's component schemas, for checking answers against them. */
const schemas = openApiDocument().components.schemas as Record<
  string,
  { properties: Record<string, unknown>; required: string[] }
>;

const auth = createTokenAuth({
  analyst: { name: '市分析员', role: 'analyst', regionCode: null },
  leader: { name: '市领导', role: 'leader', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: '330106' },
});

type Row = OverviewRow & { [k: string]: unknown };

describe(`the region–period overview on the demo city on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, token = 'analyst') => {
    const r = await app.request(path, as(token));
    return { status: r.status, body: await r.json() };
  };
  const overview = async (region: string, period: string, token = 'analyst') =>
    (await get(`/api/overview?region=${encodeURIComponent(region)}&period=${period}`, token)).body as {
      region: { code: string; name: string };
      period: string;
      rows: Row[];
    };

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await loadDemo(db);
    app = createApp(db, { auth, today: new Date('2026-01-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it('gives every target field exactly as progress does, for every indicator with a target', async () => {
    for (const [region, period] of [
      ['330106', '2025-06'],
      ['330106', '2025-05'],
      ['3301', '2025-12'],
      ['330127', '2025-03'],
    ] as const) {
      const o = await overview(region, period);
      const { body: progress } = await get(`/api/progress?region=${region}&period=${period}`);
      expect(progress.rows.length, `${region} ${period}`).toBeGreaterThan(0);
      for (const p of progress.rows) {
        const row = o.rows.find((r) => r.indicator === p.indicatorCode);
        expect(row, `${region} ${period} ${p.indicatorCode}`).toBeDefined();
        for (const key of ['target', 'targetKind', 'actual', 'completion', 'timeProgress', 'gap', 'status'])
          expect(row?.[key], `${region} ${period} ${p.indicatorCode} ${key}`).toEqual(p[key]);
        expect(row?.dataPeriod).toBe(p.dataPeriod);
      }
      const targeted = o.rows.filter((r) => r.target !== null).map((r) => r.indicator);
      expect(targeted.sort()).toEqual(
        progress.rows.map((p: { indicatorCode: string }) => p.indicatorCode).sort(),
      );
    }
  });

  it('ranks a district by growth among its siblings exactly as the league table does, with the same change', async () => {
    const o = await overview('西湖区', '2025-06');
    expect(o.region).toEqual({ code: '330106', name: '西湖区' });
    expect(o.rows.length).toBeGreaterThan(10);
    for (const row of o.rows) {
      const { body: league } = await get(
        `/api/league?indicator=${row.indicator}&period=${row.dataPeriod}&by=yoy&parent=3301`,
      );
      const mine = league.find((l: { code: string }) => l.code === '330106');
      expect([row.rank, row.rankOf, row.rankChange], row.indicator).toEqual([
        mine.rank,
        mine.rankOf,
        mine.rankChange,
      ]);
    }
  });

  it('shows the value, growth and swing flag of the series, and the city’s growth beside the district’s', async () => {
    for (const period of ['2025-06', '2025-05', '2025-02']) {
      const o = await overview('滨江区', period);
      for (const row of o.rows) {
        if (row.dataPeriod === null) {
          // A target with nothing published yet this year (a quarterly figure in February).
          expect([row.value, row.yoy, row.target !== null]).toEqual([null, null, true]);
          continue;
        }
        const { body: own } = await get(`/api/series?indicator=${row.indicator}&region=330108`);
        const point = own.find((p: { period: string }) => p.period === row.dataPeriod);
        expect([row.value, row.yoy, row.swing], `${period} ${row.indicator}`).toEqual([
          point.value,
          point.yoy,
          point.swing,
        ]);
        const { body: city } = await get(`/api/series?indicator=${row.indicator}&region=3301`);
        const cityPoint = city.find((p: { period: string }) => p.period === row.dataPeriod);
        expect(row.parentYoy, `${period} ${row.indicator}`).toEqual(cityPoint?.yoy ?? null);
      }
    }
  });

  it('gives the city its figures and targets but no rank, since no league of its peers is loaded', async () => {
    const o = await overview('杭州市', '2025-06');
    expect(o.rows.find((r) => r.indicator === 'gdp')).toMatchObject({
      parentYoy: null,
      rank: null,
      rankOf: null,
      rankChange: null,
      targetKind: 'growth',
    });
    expect(o.rows.every((r) => r.rank === null)).toBe(true);
  });

  it('ranks unemployment lowest first, in the league, its XLSX export and the overview', async () => {
    for (const by of ['value', 'yoy']) {
      const { body: league } = await get(
        `/api/league?indicator=unemployment_rate&period=2025-06&by=${by}&parent=3301`,
      );
      const metric = league.map((r: { value: number; yoy: number }) => (by === 'yoy' ? r.yoy : r.value));
      expect(metric.length).toBeGreaterThan(5);
      expect(metric).toEqual([...metric].sort((a, b) => a - b));
      expect(league[0].rank).toBe(1);
    }
    // The XLSX export ranks the same way: lowest first.
    const xlsx = await app.request(
      '/api/league.xlsx?indicator=unemployment_rate&period=2025-06&by=value&parent=3301',
      as('analyst'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const sheet = wb.worksheets[0];
    expect(sheet?.getCell('A1').text).toContain('越低越好');
    const values: number[] = [];
    sheet?.eachRow((r, n) => {
      if (n > 2 && typeof r.getCell(3).value === 'number') values.push(r.getCell(3).value as number);
    });
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const rows = [];
    for (const code of ['330102', '330106', '330108', '330110'])
      rows.push(
        (await overview(code, '2025-06')).rows.find((r) => r.indicator === 'unemployment_rate') as Row,
      );
    const byRank = [...rows].sort((a, b) => (a.rank as number) - (b.rank as number));
    expect(byRank.map((r) => r.yoy)).toEqual(
      rows.map((r) => r.yoy).sort((a, b) => (a as number) - (b as number)),
    );
    expect(rows[0]?.direction).toBe('down');
  });

  it('colours an unemployment rate above its ceiling in a lagging colour, never the good one', async () => {
    const ceiling = async (value: number) => {
      const json = { indicator: 'unemployment_rate', region: '西湖区', year: 2025, kind: 'ceiling', value };
      expect((await app.request('/api/targets', as('analyst', { method: 'PUT', json }))).status).toBe(200);
      return (await overview('西湖区', '2025-06')).rows.find(
        (r) => r.indicator === 'unemployment_rate',
      ) as Row;
    };
    const unemployment = await ceiling(5.5);
    const value = unemployment.value as number;
    expect(unemployment).toMatchObject({
      targetKind: 'ceiling',
      status: expect.stringMatching(/ahead|on_track/),
    });
    // Half a point over the ceiling: behind (amber); two points or more over: off track (red).
    const over = await ceiling(value - 0.5);
    expect(over.status).toBe('behind');
    expect(statusColor(over.status)).toBe(TONE_COLOR.warn);
    const far = await ceiling(value - 2.5);
    expect(far.status).toBe('off_track');
    expect(statusColor(far.status)).toBe(TONE_COLOR.bad);
    await ceiling(5.5);
  });

  it('shows a reporter his district’s rank but not the city’s figure, and nothing of another district', async () => {
    const mine = await overview('西湖区', '2025-06', 'xihu');
    const analysts = await overview('西湖区', '2025-06', 'analyst');
    expect(mine.rows.every((r) => r.parentYoy === null)).toBe(true);
    expect(analysts.rows.some((r) => r.parentYoy !== null)).toBe(true);
    expect(mine.rows.map((r) => r.rank)).toEqual(analysts.rows.map((r) => r.rank));
    const other = await get('/api/overview?region=330108&period=2025-06', 'xihu');
    expect(other.status).toBe(403);
    expect((await get('/api/overview?region=330106&period=2025-6x', 'analyst')).status).toBe(400);
    expect((await get('/api/overview?region=不存在&period=2025-06', 'analyst')).status).toBe(404);
  });

  it('documents every field of its answer in the OpenAPI schemas, and leaves the explanation out unless asked', async () => {
    const { body } = await get('/api/overview?region=西湖区&period=2025-06&explain=1');
    expect(Object.keys(schemas.Overview?.properties ?? {}).sort()).toEqual(Object.keys(body).sort());
    const keys = new Set(body.rows.flatMap((r: object) => Object.keys(r)));
    expect(keys.has('explain')).toBe(true);
    for (const key of keys) expect(Object.keys(schemas.OverviewRow?.properties ?? {})).toContain(key);
    for (const key of schemas.OverviewRow?.required ?? []) expect(keys.has(key), key).toBe(true);
    const plain = await overview('西湖区', '2025-06');
    expect(plain.rows.some((r) => 'explain' in r)).toBe(false);
  });
});
