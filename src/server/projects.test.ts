// The project and lead endpoints: the CLI's figures over HTTP, a district sees its own subtree and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedLead, ParsedProject } from '../core/projects/parsed.ts';
import type { Db } from '../store/db.ts';
import { importLeads, importProjectRegister } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { as, testApp, workedCity } from './testing.ts';

const at = { line: 2, region: { line: 2, column: 'C' }, unit: { line: 2, column: 'D' } };
const project = (code: string, regionText: string, annualPlan: number): ParsedProject => ({
  code,
  name: `项目${code}`,
  regionText,
  unit: null,
  leader: null,
  level: '区重点',
  type: '产业',
  nature: '新建',
  totalInvestment: null,
  annualPlan,
  plannedStart: '2025-03-31',
  actualStart: '2025-03-15',
  plannedFinish: null,
  actualFinish: null,
  libraryDate: '2025-04-30',
  at,
});

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
});
