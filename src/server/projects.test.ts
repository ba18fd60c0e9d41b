// The project and lead endpoints: the CLI's figures over HTTP, a district sees its own subtree and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../core/imports.ts';
import type { ParsedLead } from '../core/projects/parsed.ts';
import type { Db } from '../store/db.ts';
import { importLeads, importProjectRegister } from '../store/index.ts';
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

const at = { line: 2, region: { line: 2, column: 'C' }, unit: { line: 2, column: 'D' } };
const project = (code: string, regionText: string, annualPlan: number) =>
  projectFixture(code, regionText, { ...NEW_IN_2025, annualPlan });

describe(`the project endpoints on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  const get = async (path: string, token = 'analyst') => {
    const r = await app.request(path, as(token));
    return { status: r.status, body: await r.json() };
  };

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', [
      project('XH-1', '西湖区', 1000),
      project('BJ-1', '滨江区', 2000),
    ]);
    const lead: ParsedLead = {
      code: 'ZS-1',
      name: '招商',
      regionText: '西湖区',
      unit: null,
      industry: null,
      contract: 100,
      signed: '2025-02-01',
      registered: null,
      started: null,
      producing: null,
      fundsArrived: 25,
      at,
    };
    await importLeads(db, '招商项目.csv', [lead]);
    app = testApp(db);
  });
  afterAll(() => drop());

  it('lists the city’s projects for the analyst and only the district’s for its reporter', async () => {
    const city = await get('/api/projects?region=3301&period=2025-06');
    expect(city.status).toBe(200);
    // No report: done 0, lag = time progress 50 → red, for both.
    expect(
      city.body.map((p: { code: string; lag: number; light: string }) => [p.code, p.lag, p.light]),
    ).toEqual([
      ['BJ-1', 50, 'red'],
      ['XH-1', 50, 'red'],
    ]);
    const own = await get('/api/projects?region=330106&period=2025-06', 'xihu');
    expect(own.body.map((p: { code: string }) => p.code)).toEqual(['XH-1']);
    expect((await get('/api/projects?region=3301&period=2025-06', 'xihu')).status).toBe(403);
    expect((await get('/api/projects/rates?region=330108&period=2025-06', 'xihu')).status).toBe(403);
    expect((await get('/api/leads/rates?region=330108&period=2025-06', 'xihu')).status).toBe(403);
  });

  it('gives the rates and the lead rates as the CLI does', async () => {
    const rates = await get('/api/projects/rates?region=3301&period=2025-06');
    expect(rates.body).toMatchObject({
      projects: 2,
      annualPlan: 3000,
      done: 0,
      investmentRate: 0,
      startRate: 100,
      red: 2,
    });
    const leads = await get('/api/leads/rates?region=330106&period=2025-06', 'xihu');
    expect(leads.body).toMatchObject({
      signed: 1,
      contract: 100,
      fundsArrived: 25,
      fundsRate: 25,
      registerRate: 0,
    });
    expect((await get('/api/projects/rates?region=3301&period=2025-13')).status).toBe(400);
  });

  it('imports a project file uploaded by the analyst, refuses a reporter’s, and keeps a scoped import in its region', async () => {
    const csv =
      '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期\n' +
      'XH-9,上传项目,西湖区,西湖区发改局,张三,区重点,产业,新建,100,50,2025-03,,,,\n';
    const upload = (token: string) =>
      app.request('/api/import', {
        method: 'POST',
        headers: { ...as(token).headers, 'x-filename': encodeURIComponent('项目库.csv') },
        body: csv,
      });
    const ok = await upload('analyst');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ format: '项目库', created: 1, file: '项目库.csv' });
    const refused = await upload('xihu');
    expect(refused.status).toBe(403);
    expect((await get('/api/projects?region=330106&period=2025-06')).body).toHaveLength(2);
    // An account scoped to 西湖区 may not write a 滨江区 project (the row is named, nothing written).
    const error = await importProjectRegister(db, '项目库.csv', [project('BJ-9', '滨江区', 10)], {
      scopeRegionCode: '330106',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues.map((i) => [i.row, i.code])).toEqual([[2, 'scope']]);
    expect(
      (await get('/api/projects?region=330108&period=2025-06')).body.map((p: { code: string }) => p.code),
    ).toEqual(['BJ-1']);
  });
});

describe.skipIf(driverName !== 'PGlite')('the board’s reads on the embedded store', () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', [
      project('XH-1', '西湖区', 1200),
      project('BJ-1', '滨江区', 2000),
    ]);
  });
  afterAll(() => drop());

  it('answers the list, rates and 三未 asked at once from one read, and reads anew after a write', async () => {
    const { app, get, reads } = countingApp(db);
    const q = 'region=3301&period=2025-06';
    const [list, rates, nots] = await Promise.all([
      get(`/api/projects?${q}`),
      get(`/api/projects/rates?${q}`),
      get(`/api/projects/three-nots?${q}`),
    ]);
    expect(reads()).toBe(1);
    expect(list.map((p: { code: string }) => p.code)).toEqual(['BJ-1', 'XH-1']);
    expect([rates.projects, rates.done]).toEqual([2, 0]);
    expect(nots.stalled.map((p: { code: string }) => p.code).sort()).toEqual(['BJ-1', 'XH-1']);

    await approveUpdate(app, { region: '330106', code: 'XH-1', period: '2025-06', done: 600 });
    const after = await get(`/api/projects/rates?${q}`);
    expect(reads()).toBe(2);
    // 600 of the two plans' 3,200.
    expect([after.done, after.investmentRate]).toEqual([600, 18.75]);
  });
});
