// The assessment API on the worked city: the office runs and publishes; a district sees its own row of the ranking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { driverName } from '../store/testing.ts';
import { as, testApp, workedCity } from './testing.ts';

describe(`the assessment API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = testApp(db);
  });
  afterAll(() => drop());

  const scheme = {
    name: '区县考核',
    parent: '杭州市',
    period: '2025-06',
    groups: { 城区: ['西湖区', '滨江区'] },
    items: [
      { name: '投资增速', indicator: 'fai', weight: 10, rule: { kind: 'rank', step: 0.1 } },
      { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
    ],
  };
  const inputs = [
    { region: '西湖区', item: '拉练', value: 90 },
    { region: '滨江区', item: '拉练', value: 60 },
  ];

  it('scores a trial run: 滨江区 +20% ranks first on growth, 西湖区 +10% second', async () => {
    const r = await app.request('/api/assess/run', as('analyst', { json: { scheme, inputs } }));
    expect(r.status).toBe(200);
    const rows = (await r.json()) as { region: string; total: number; rank: number }[];
    // 西湖区 10 × 0.9 + 20 × 0.9 = 27; 滨江区 10 + 20 × 0.6 = 22.
    expect(rows.map((x) => [x.region, x.total, x.rank])).toEqual([
      ['西湖区', 27, 1],
      ['滨江区', 22, 2],
    ]);
  });

  it('answers bad inputs with the row and column, and a bad scheme with what is wrong', async () => {
    const bad = await app.request(
      '/api/assess/run',
      as('analyst', { json: { scheme, inputs: [...inputs, { region: '余杭区', item: '拉练', value: 70 }] } }),
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('地区不在方案的分组中');
    const wrong = await app.request(
      '/api/assess/run',
      as('analyst', {
        json: {
          scheme: {
            ...scheme,
            items: [{ name: 'x', indicator: '亩均税收', weight: 1, rule: { kind: 'rank', step: 0.1 } }],
          },
        },
      }),
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe(
      '考核方案有误：第1项「x」的指标「亩均税收」未知（不在指标目录中）',
    );
  });

  it('publishes once, and a district reporter reads only its own row with its rank in the group', async () => {
    const p = await app.request('/api/assess/publish', as('analyst', { json: { scheme, inputs } }));
    expect(p.status).toBe(200);
    const again = await app.request('/api/assess/publish', as('analyst', { json: { scheme, inputs } }));
    expect(again.status).toBe(409);
    expect((await app.request('/api/assess/publish', as('xihu', { json: { scheme, inputs } }))).status).toBe(
      403,
    );
    const q = '/api/assess/scores?scheme=区县考核&period=2025-06';
    const all = (await (await app.request(encodeURI(q), as('leader'))).json()) as {
      rows: { region: string }[];
    };
    expect(all.rows.map((r) => r.region)).toEqual(['西湖区', '滨江区']);
    const own = (await (await app.request(encodeURI(q), as('xihu'))).json()) as {
      rows: { region: string; rank: number }[];
    };
    expect(own.rows.map((r) => [r.region, r.rank])).toEqual([['西湖区', 1]]);
  });
});
