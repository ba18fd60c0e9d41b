import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, loadObservations, setTarget, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { tokenSessions } from './auth.ts';
import { openApiDocument } from './openapi.ts';

const obs = (regionCode: string, year: number, month: number, value: number) => ({
  regionCode,
  indicatorCode: 'fai',
  year,
  month,
  value,
  yoy: null,
  scope: '',
  forecast: false,
  source: 'test',
  status: 'published' as const,
});

describe(`the JSON API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const as = (token: string, init: RequestInit = {}) => ({
    ...init,
    headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` },
  });
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    // 西湖区 110 against 100 a year ago → 10 %; 滨江区 120 against 100 → 20 %.
    await loadObservations(db, [
      obs('330106', 2024, 6, 100),
      obs('330106', 2025, 6, 110),
      obs('330108', 2024, 6, 100),
      obs('330108', 2025, 6, 120),
    ]);
    await setTarget(db, {
      indicatorCode: 'fai',
      regionCode: '330106',
      year: 2025,
      kind: 'amount',
      value: 200,
      cmp: '>=',
      strength: 'expected',
      trajectory: null,
      source: null,
      quote: null,
    });
    app = createApp(
      db,
      tokenSessions({
        analyst: { name: '分析员', role: 'analyst', regionCode: null },
        xihu: { name: '西湖区填报员', role: 'reporter', regionCode: '330106' },
      }),
    );
  });
  afterAll(() => drop());

  it('refuses a data request without a signed-in user', async () => {
    const r = await app.request('/api/series?indicator=fai&region=西湖区');
    expect(r.status).toBe(401);
    expect((await r.json()).error.code).toBe('auth.required');
  });

  it('returns the series with derived growth, as the CLI does', async () => {
    const r = await app.request('/api/series?indicator=固定资产投资&region=西湖区', as('analyst'));
    const body = await r.json();
    expect(body).toEqual([
      expect.objectContaining({ period: '2024-06', value: 100, yoy: null }),
      expect.objectContaining({ period: '2025-06', value: 110, yoy: 10, yoyDerived: 10, unit: '亿元' }),
    ]);
  });

  it('ranks by growth in the league table', async () => {
    const r = await app.request('/api/league?indicator=fai&period=2025-06&by=yoy', as('analyst'));
    const body = (await r.json()) as { region: string; rank: number }[];
    expect(body.map((x) => [x.region, x.rank])).toEqual([
      ['滨江区', 1],
      ['西湖区', 2],
    ]);
  });

  it('reports progress: 110 of 200 at June is 55 %, 5 points ahead of time', async () => {
    const r = await app.request('/api/progress?region=330106&period=2025-06', as('xihu'));
    const body = await r.json();
    expect(body.rows[0]).toMatchObject({
      targetKind: 'amount',
      actual: 110,
      completion: 55,
      timeProgress: 50,
      gap: 5,
    });
  });

  it('names the bad field of a request', async () => {
    const r = await app.request('/api/league?indicator=fai&period=2025-13', as('analyst'));
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toContain('period');
  });

  it('lets a reporter write its own district and refuses another one, leaving it unchanged', async () => {
    const post = (region: string) =>
      app.request(
        '/api/observations',
        as('xihu', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ indicator: 'fai', region, period: '2025-06', value: 999 }),
        }),
      );
    expect((await post('330108')).status).toBe(403);
    const [binjiang] = await db.query<{ value: number }>(
      "SELECT value FROM observation WHERE region_code = '330108' AND year = 2025",
    );
    expect(binjiang?.value).toBe(120);
    const ok = await post('西湖区');
    expect(await ok.json()).toEqual({ result: 'updated' });
  });

  it('refuses an upload with a bad cell with 422, naming row and column, and imports nothing', async () => {
    const body = '指标,地区,期间,数值\n固定资产投资,上城区,2025-06,10\n固定资产投资,拱墅区,2025-06,abc\n';
    const r = await app.request(
      '/api/import',
      as('analyst', { method: 'POST', headers: { 'x-filename': encodeURIComponent('上报.csv') }, body }),
    );
    expect(r.status).toBe(422);
    const err = (await r.json()).error;
    expect(err.issues[0]).toMatchObject({ file: '上报.csv', row: 3, column: 'D', value: 'abc' });
    const [n] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM observation WHERE region_code = '330102'",
    );
    expect(n?.n).toBe(0);
  });

  it('describes every route in the OpenAPI document', () => {
    const documented = Object.keys(openApiDocument.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    const routes = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => r.path));
    for (const route of routes) expect(documented).toContain(route);
  });

  it('serves over a real socket', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const address = server.address() as { port: number };
    const r = await fetch(`http://127.0.0.1:${address.port}/api/health`);
    expect(await r.json()).toMatchObject({ ok: true });
    await new Promise((r) => server.close(r));
  });
});
