// The assessment API on the worked city: the office runs and publishes; a district sees its own row of the ranking.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { setSettings } from '../store/settings.ts';
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

  /** The region cells of a notice's table rows (the second cell of each row after the header). */
  const noticeRegions = async (r: Response) => {
    const zip = await JSZip.loadAsync(await r.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    return xml
      .split(/<w:tr[ >]/)
      .slice(2)
      .map((tr) => tr.split('<w:tc>')[2]?.replace(/<[^>]+>/g, ''));
  };

  it('lists the published runs to everyone, and the schemes with their last inputs to the office only', async () => {
    const runs = (await (await app.request('/api/assess/runs', as('xihu'))).json()) as {
      schemeName: string;
      period: string;
      schemeVersion: number;
    }[];
    expect(runs).toContainEqual(
      expect.objectContaining({ schemeName: '区县考核', period: '2025-06', schemeVersion: 1 }),
    );
    expect((await app.request('/api/assess/schemes', as('xihu'))).status).toBe(403);
    const schemes = (await (await app.request('/api/assess/schemes', as('analyst'))).json()) as {
      name: string;
      frozen: boolean;
      lastPeriod: string | null;
      inputs: { region: string; regionName?: string; item: string; value: number | string }[];
    }[];
    const mine = schemes.find((s) => s.name === '区县考核');
    expect(mine?.frozen).toBe(true);
    expect(mine?.lastPeriod).toBe('2025-06');
    // The inputs as published, with region codes (西湖区 330106, 滨江区 330108), ready to run the next period.
    expect(mine?.inputs.map((i) => [i.region, i.regionName, i.item, i.value])).toEqual([
      ['330106', '西湖区', '拉练', 90],
      ['330108', '滨江区', '拉练', 60],
    ]);
  });

  it('gives a district its own row of the notice, and the whole ranking once assess.publicRanking allows', async () => {
    const q = encodeURI('/api/assess/notice?scheme=区县考核&period=2025-06&format=docx');
    const own = await app.request(q, as('xihu'));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toContain('wordprocessingml');
    expect(await noticeRegions(own)).toEqual(['西湖区']);
    expect(await noticeRegions(await app.request(q, as('leader')))).toEqual(['西湖区', '滨江区']);
    await setSettings(db, { 'assess.publicRanking': true }, 'admin');
    try {
      expect(await noticeRegions(await app.request(q, as('xihu')))).toEqual(['西湖区', '滨江区']);
      const scores = (await (
        await app.request(encodeURI('/api/assess/scores?scheme=区县考核&period=2025-06'), as('xihu'))
      ).json()) as { rows: { region: string }[] };
      expect(scores.rows.map((r) => r.region)).toEqual(['西湖区', '滨江区']);
    } finally {
      await setSettings(db, { 'assess.publicRanking': false }, 'admin');
    }
  });
});
