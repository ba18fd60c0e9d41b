// The JSON API read side: sign-in, the CLI's shapes with hand-computed numbers, errors, OpenAPI, a real socket.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../contract/openapi.ts';
import type { Db } from '../store/db.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { as, testApp, workedCity } from './testing.ts';

/** The generated document's component schemas, for checking answers against them. */
const schemas = openApiDocument().components.schemas as Record<
  string,
  { properties: Record<string, unknown>; required: string[] }
>;

describe(`the JSON API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string, token = 'analyst') => {
    const r = await app.request(path, as(token));
    return { status: r.status, body: await r.json() };
  };
  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = testApp(db);
  });
  afterAll(() => drop());

  it('answers health without sign-in, naming the driver', async () => {
    const r = await app.request('/api/health');
    expect(await r.json()).toEqual({ ok: true, driver: db.kind });
  });

  it('refuses a data request without a signed-in user, or with an unknown token', async () => {
    for (const init of [{}, as('nobody')]) {
      const r = await app.request('/api/series?indicator=fai&region=西湖区', init);
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ error: { code: 'auth.required', message: '请先登录' } });
    }
  });

  it('accepts the session cookie as well as the Bearer header', async () => {
    const r = await app.request('/api/me', { headers: { cookie: 'tiaodu_session=xihu' } });
    expect(await r.json()).toEqual({ name: '西湖区填报员', role: 'reporter', regionCode: '330106' });
  });

  it('refuses everything when the app has no user lookup', async () => {
    const closed = createApp(db);
    expect((await closed.request('/api/indicators', as('analyst'))).status).toBe(401);
  });

  it('returns the series with derived growth, as `tiaodu series --json` does', async () => {
    const { body } = await get('/api/series?indicator=固定资产投资&region=西湖区');
    expect(body).toEqual([
      expect.objectContaining({ period: '2024-06', value: 100, yoy: null }),
      expect.objectContaining({ period: '2025-06', value: 110, yoy: 10, yoyDerived: 10, unit: '亿元' }),
    ]);
    expect(body[1]).not.toHaveProperty('explain');
  });

  it('adds how each growth figure was computed when asked', async () => {
    const { body } = await get('/api/series?indicator=fai&region=330106&from=2025-01&explain=1');
    expect(body).toHaveLength(1);
    expect(body[0].explain.formula).toEqual(expect.any(String));
    expect(body[0].explain.result).toBeCloseTo(10, 6);
  });

  it('lists the sub-regions’ figures with growth and rank for drilling down', async () => {
    const { status, body } = await get('/api/regions/3301/figures?period=2025-06');
    expect(status).toBe(200);
    expect(body.indicators.map((i: { code: string }) => i.code)).toEqual(['fai', 'retail_sales']);
    // Hand-computed: 西湖区 fai 100 → 110 (+10 %), 滨江区 100 → 120 (+20 %); 西湖区 社零 500 → 600 (+20 %).
    const row = (name: string) => body.rows.find((r: { region: string }) => r.region === name).figures;
    expect(row('西湖区')).toEqual({
      fai: { value: 110, yoy: 10, rank: 2 },
      retail_sales: { value: 600, yoy: 20, rank: 1 },
    });
    expect(row('滨江区')).toEqual({ fai: { value: 120, yoy: 20, rank: 1 } });
    expect((await get('/api/regions/330108/figures?period=2025-06', 'xihu')).status).toBe(403);
  });

  it('ranks by growth in the league table, shared shape with `tiaodu league --json`', async () => {
    const { body } = await get('/api/league?indicator=fai&period=2025-06&by=yoy&parent=杭州市');
    expect(body.map((x: { region: string; yoy: number; rank: number }) => [x.region, x.yoy, x.rank])).toEqual(
      [
        ['滨江区', 20, 1],
        ['西湖区', 10, 2],
      ],
    );
  });

  it('reports progress: growth 10 % against ≈8 % is 2 points ahead; 600 of 1000 at June is 60 %, 10 points ahead of time', async () => {
    const { body } = await get('/api/progress?region=西湖区&period=2025-06', 'xihu');
    const byCode = Object.fromEntries(body.rows.map((r: { indicatorCode: string }) => [r.indicatorCode, r]));
    expect(byCode.fai).toMatchObject({
      targetKind: 'growth',
      target: 8,
      actual: 10,
      gap: 2,
      status: 'ahead',
    });
    expect(byCode.retail_sales).toMatchObject({
      targetKind: 'amount',
      target: 1000,
      actual: 600,
      timeProgress: 50,
      completion: 60,
      gap: 10,
      status: 'ahead',
    });
    expect(body).toMatchObject({ doubleHalf: true, allGreen: true });
  });

  it('keeps a reporter to its own district when reading', async () => {
    const { status, body } = await get('/api/progress?region=滨江区&period=2025-06', 'xihu');
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });

  it("lists a region's targets, for this year when no year is given", async () => {
    const { body } = await get('/api/targets?region=西湖区');
    expect(body.map((t: { indicatorCode: string; year: number }) => [t.indicatorCode, t.year])).toEqual([
      ['fai', 2025],
      ['retail_sales', 2025],
    ]);
  });

  it('lists regions under a parent and finds one by code', async () => {
    const { body: children } = await get('/api/regions?parent=3301');
    expect(children.map((r: { code: string }) => r.code)).toContain('330106');
    const { body } = await get('/api/regions/330106');
    expect(body).toMatchObject({ code: '330106', name: '西湖区', parentCode: '3301' });
  });

  it('names the bad field of a request with 400', async () => {
    const { status, body } = await get('/api/league?indicator=fai&period=2025-13&by=size');
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toContain('period');
    expect(body.error.fields.map((f: { field: string }) => f.field)).toEqual(['period', 'by']);
  });

  it('answers an unknown region with 404 and its stable code, and an unknown route with 404 JSON', async () => {
    const region = await get('/api/series?indicator=fai&region=不存在区');
    expect(region.status).toBe(404);
    expect(region.body.error.code).toBe('region.unknown');
    const route = await get('/api/nothing-here');
    expect(route).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('hides the details of an unexpected failure behind a 500', async () => {
    const broken: Db = { ...db, query: () => Promise.reject(new Error('connection lost at /srv/secret')) };
    const errors = console.error;
    console.error = () => undefined;
    try {
      const r = await testApp(broken).request('/api/indicators', as('analyst'));
      expect(r.status).toBe(500);
      expect(await r.json()).toEqual({ error: { code: 'internal', message: '服务器内部错误' } });
    } finally {
      console.error = errors;
    }
  });

  it('describes every route in the OpenAPI document, and documents no route that does not exist', async () => {
    const { body } = await get('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(Object.keys(openApiDocument().paths), `${r.method} ${r.path}`).toContain(path);
      expect(body.paths[path], `${r.method} ${r.path}`).toHaveProperty(r.method.toLowerCase());
    }
    const registered = new Set(
      routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    for (const [path, ops] of Object.entries(openApiDocument().paths))
      for (const method of Object.keys(ops)) expect(registered).toContain(`${method} ${path}`);
  });

  it('documents every field the series, league and progress answers carry', async () => {
    const keysOf = (rows: object[]) => [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cases: [string, { properties: object } | undefined][] = [
      ['/api/series?indicator=fai&region=西湖区&explain=1', schemas.SeriesPoint],
      ['/api/league?indicator=fai&period=2025-06&explain=1', schemas.LeagueRow],
    ];
    for (const [path, schema] of cases)
      for (const key of keysOf((await get(path)).body))
        expect(Object.keys(schema?.properties ?? {})).toContain(key);
    const { body } = await get('/api/progress?region=西湖区&period=2025-06&explain=1');
    expect(Object.keys(schemas.Progress?.properties ?? {}).sort()).toEqual(Object.keys(body).sort());
    for (const key of keysOf(body.rows))
      expect(Object.keys(schemas.ProgressRow?.properties ?? {})).toContain(key);
  });

  it('serves over a real socket', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await r.json()).toMatchObject({ ok: true });
      expect((await fetch(`http://127.0.0.1:${port}/api/indicators`)).status).toBe(401);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
