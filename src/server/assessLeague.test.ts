// The league (考核排名) as a town's account reads it: its own row unless assess.publicRanking allows the whole
// published ranking, never an unpublished period; a vetoed town last with the reason; movement since the last run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { upsertRegions } from '../store/index.ts';
import { setSettings } from '../store/settings.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as } from './testing.ts';

const TOWNS = [
  ['330106001', '北山街道'],
  ['330106002', '西溪街道'],
  ['330106003', '灵隐街道'],
] as const;

const scheme = {
  name: '街道考核',
  parent: '西湖区',
  items: [
    { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
    { name: '安全生产', input: true, rule: { kind: 'veto' } },
  ],
};

interface League {
  rows: {
    region: string;
    rank: number;
    total: number;
    rankChange: number | null;
    vetoReason?: string | null;
  }[];
  ownOnly?: boolean;
}

describe(`the assessment league for a town on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const league = async (token: string, period: string) => {
    const r = await app.request(encodeURI(`/api/assess/scores?scheme=街道考核&period=${period}`), as(token));
    return { status: r.status, body: (await r.json()) as League };
  };

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, [
      { code: '3301', name: '杭州市', parentCode: null, level: 2, kind: 'division' },
      { code: '330106', name: '西湖区', parentCode: '3301', level: 3, kind: 'division' },
      ...TOWNS.map(([code, name]) => ({
        code,
        name,
        parentCode: '330106',
        level: 4,
        kind: 'division' as const,
      })),
    ]);
    app = createApp(db, {
      auth: createTokenAuth({
        analyst: { name: '分析员', role: 'analyst', regionCode: null },
        leader: { name: '市领导', role: 'leader', regionCode: null },
        beishan: { name: '北山街道填报员', role: 'reporter', regionCode: '330106001' },
      }),
    });
    const publish = async (period: string, inputs: object[]) => {
      const r = await app.request('/api/assess/publish', as('analyst', { json: { scheme, period, inputs } }));
      expect(r.status).toBe(200);
    };
    // May: 北山 90, 西溪 80, 灵隐 70. June: 北山 60, 西溪 85, 灵隐 95 but struck by the veto.
    await publish('2025-05', [
      { region: '北山街道', item: '拉练', value: 90 },
      { region: '西溪街道', item: '拉练', value: 80 },
      { region: '灵隐街道', item: '拉练', value: 70 },
    ]);
    await publish('2025-06', [
      { region: '北山街道', item: '拉练', value: 60 },
      { region: '西溪街道', item: '拉练', value: 85 },
      { region: '灵隐街道', item: '拉练', value: 95 },
      { region: '灵隐街道', item: '安全生产', value: '否决', note: '发生较大安全事故' },
    ]);
  });
  afterAll(() => drop());

  it('shows the leader the whole ranking: vetoed last with its reason, and each move since May', async () => {
    const { status, body } = await league('leader', '2025-06');
    expect(status).toBe(200);
    // 西溪 20 × 0.85 = 17 (2nd → 1st, +1); 北山 12 (1st → 2nd, −1); 灵隐 vetoed: 0, last (3rd → 3rd).
    expect(body.rows.map((r) => [r.region, r.rank, r.total, r.rankChange, r.vetoReason ?? null])).toEqual([
      ['西溪街道', 1, 17, 1, null],
      ['北山街道', 2, 12, -1, null],
      ['灵隐街道', 3, 0, 0, '安全生产：发生较大安全事故'],
    ]);
    expect(body.ownOnly).toBe(false);
  });

  it('shows a town only its own row and rank while assess.publicRanking is off', async () => {
    const { body } = await league('beishan', '2025-06');
    expect(body.rows.map((r) => [r.region, r.rank])).toEqual([['北山街道', 2]]);
    expect(body.ownOnly).toBe(true);
  });

  it('shows a town the whole published ranking once assess.publicRanking allows, but never an unpublished period', async () => {
    await setSettings(db, { 'assess.publicRanking': true }, 'admin');
    try {
      const { body } = await league('beishan', '2025-06');
      expect(body.rows.map((r) => r.region)).toEqual(['西溪街道', '北山街道', '灵隐街道']);
      expect(body.ownOnly).toBe(false);
      const unpublished = await league('beishan', '2025-07');
      expect(unpublished.status).toBe(404);
      // Nor can the town score a trial of its own.
      const trial = await app.request(
        '/api/assess/run',
        as('beishan', { json: { scheme, period: '2025-07', inputs: [] } }),
      );
      expect(trial.status).toBe(403);
    } finally {
      await setSettings(db, { 'assess.publicRanking': false }, 'admin');
    }
  });
});
