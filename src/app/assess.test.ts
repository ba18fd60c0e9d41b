// An assessment on a small store: deviation from each town's growth target, efficacy over a region group, derived
// growth where none is published, and publishing (versions frozen, inputs kept with who, movement, one run a period).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/testing.ts';
import type { Observation } from '../core/types.ts';
import { latestScheme, publishedRun, saveScheme, storedInputs } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import { listAudit, loadObservations, setRegionGroup, setTarget, upsertRegions } from '../store/index.ts';
import { freshStore } from '../store/testing.ts';
import { publishAssessment, runAssessment } from './assess.ts';

let db: Db;
let drop: () => Promise<void>;
const dir = tempDir('assess-app');
const inputs = (text: string) => {
  const path = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  return path;
};
const obs = (
  region: string,
  year: number,
  month: number,
  value: number,
  yoy: number | null,
): Observation => ({
  indicatorCode: 'fai',
  regionCode: region,
  year,
  month,
  value,
  yoy,
  scope: '',
  forecast: false,
  source: null,
  status: 'published',
});
const TOWNS = [
  ['330106001', '甲街道'],
  ['330106002', '乙街道'],
  ['330106003', '丙镇'],
];

beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, [
    { code: '3301', name: '杭州市', parentCode: null, level: 2, kind: 'division' },
    { code: '330106', name: '西湖区', parentCode: '3301', level: 3, kind: 'division' },
    ...TOWNS.map(([code, name]) => ({
      code: code as string,
      name: name as string,
      parentCode: '330106',
      level: 4,
      kind: 'division' as const,
    })),
  ]);
  await loadObservations(db, [
    // 甲 +8.0% and 乙 +5.0% published; 丙 derived: 110 ÷ 100 − 1 = +10%.
    obs('330106001', 2025, 6, 50, 8),
    obs('330106002', 2025, 6, 40, 5),
    obs('330106003', 2024, 6, 100, null),
    obs('330106003', 2025, 6, 110, null),
    obs('330106001', 2025, 5, 40, 3),
    obs('330106002', 2025, 5, 30, 6),
  ]);
  for (const [code, value] of [
    ['330106001', 6],
    ['330106002', 7],
  ] as const)
    await setTarget(db, {
      indicatorCode: 'fai',
      regionCode: code,
      year: 2025,
      kind: 'growth',
      value,
      cmp: '>=',
      strength: 'expected',
      trajectory: null,
      source: null,
      quote: null,
    });
  await setRegionGroup(
    db,
    '西湖镇街',
    TOWNS.map(([c]) => c as string),
  );
});
afterAll(() => drop());

const scheme = {
  name: '镇街考核',
  parent: '西湖区',
  period: '2025-06',
  groups: { 全部: '西湖镇街' },
  items: [
    {
      name: '投资增速',
      indicator: '固定资产投资',
      weight: 10,
      rule: { kind: 'deviation', base: 0.8, perPoint: 0.1, min: 0, max: 1.2 },
    },
    { name: '投资功效', indicator: 'fai', weight: 10, rule: { kind: 'efficacy', base: 0.6 } },
    { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
  ],
  bonus: { max: 2 },
};

describe('an assessment on the store', () => {
  it('holds each town to its own growth target and spreads efficacy over the towns with figures', async () => {
    const run = await runAssessment(db, {
      scheme,
      inputs: inputs('地区,项目,分值\n甲街道,拉练,90\n330106002,拉练,80\n丙镇,拉练,70\n'),
    });
    const by = new Map(run.rows.map((r) => [r.region, r]));
    // 甲: 0.8 + 0.1 × (8 − 6) = 1.0 → 10; 乙: 0.8 + 0.1 × (5 − 7) = 0.6 → 6; 丙 has no target → 0.
    expect([...by.values()].map((r) => [r.region, r.items[0]?.points, r.items[0]?.target])).toEqual(
      expect.arrayContaining([
        ['甲街道', 10, 6],
        ['乙街道', 6, 7],
        ['丙镇', 0, null],
      ]),
    );
    // Efficacy over 5, 8, 10 (丙's derived +10%): 乙 6, 甲 6 + 4 × 3/5 = 8.4, 丙 10.
    expect(by.get('甲街道')?.items[1]?.points).toBeCloseTo(8.4, 9);
    expect(by.get('丙镇')?.items[1]).toMatchObject({ input: 10, points: 10 });
    // Totals: 甲 10 + 8.4 + 18 = 36.4; 乙 6 + 6 + 16 = 28; 丙 0 + 10 + 14 = 24.
    expect(run.rows.map((r) => [r.region, r.total, r.rank])).toEqual([
      ['甲街道', 36.4, 1],
      ['乙街道', 28, 2],
      ['丙镇', 24, 3],
    ]);
    expect(run.groups[0]?.name).toBe('全部');
  });

  it('publishes once a period, freezing the scheme version, keeping the inputs and who entered them', async () => {
    const file = inputs(
      '地区,项目,分值,说明\n甲街道,拉练,60\n乙街道,拉练,90\n丙镇,拉练,50\n乙街道,加分,1.5,表彰\n',
    );
    const may = await publishAssessment(db, { scheme, inputs: file, period: '2025-05', user: '考核办' });
    expect(may.published).toMatchObject({ schemeVersion: 1, period: '2025-05', publishedBy: '考核办' });
    expect((await latestScheme(db, '镇街考核'))?.frozen).toBe(true);
    expect(await storedInputs(db, '镇街考核', 2025, 5)).toContainEqual(
      expect.objectContaining({
        regionCode: '330106002',
        item: '加分',
        value: 1.5,
        note: '表彰',
        by: '考核办',
      }),
    );
    await expect(
      publishAssessment(db, { scheme, inputs: file, period: '2025-05', user: '考核办' }),
    ).rejects.toThrow('「镇街考核」2025-05 的考核结果已发布，不能再次发布');
    // A changed scheme after publishing is the next version; the published one stays as it was.
    const changed = { ...scheme, bonus: { max: 3 } };
    expect((await saveScheme(db, '镇街考核', changed, '考核办')).version).toBe(2);
    expect((await saveScheme(db, '镇街考核', changed, '考核办')).version).toBe(2);
    expect((await publishedRun(db, '镇街考核', 2025, 5))?.schemeVersion).toBe(1);
    const audit = await listAudit(db, {});
    expect(audit.some((a) => a.action === 'assess.publish' && a.object === '镇街考核 v1 2025-05')).toBe(true);
  });

  it('shows the movement since the last published run', async () => {
    // May: 甲 +3% vs 6 → 5, efficacy 6, tour 12 = 23; 乙 +6% vs 7 → 7, 10, 18, bonus 1.5 = 36.5; 丙 no May data, tour 10.
    const may = await publishedRun(db, '镇街考核', 2025, 5);
    expect(may?.rows.map((r) => [r.region, r.rank])).toEqual([
      ['乙街道', 1],
      ['甲街道', 2],
      ['丙镇', 3],
    ]);
    const june = await runAssessment(db, {
      scheme,
      inputs: inputs('地区,项目,分值\n甲街道,拉练,90\n乙街道,拉练,80\n丙镇,拉练,70\n'),
    });
    expect(june.rows.map((r) => [r.region, r.rankBefore, r.rankChange])).toEqual([
      ['甲街道', 2, 1],
      ['乙街道', 1, -1],
      ['丙镇', 3, 0],
    ]);
    expect(june.before).toBe('2025-05');
  });

  it('takes a veto item without rows as nobody vetoed, but refuses a scored input item without rows', async () => {
    const withVeto = {
      ...scheme,
      items: [...scheme.items, { name: '安全生产', input: true, rule: { kind: 'veto' } }],
    };
    const run = await runAssessment(db, {
      scheme: withVeto,
      inputs: inputs('地区,项目,分值\n甲街道,拉练,90\n'),
    });
    expect(run.rows.every((r) => !r.vetoed)).toBe(true);
    expect(run.rows.find((r) => r.region === '乙街道')?.items[2]).toMatchObject({
      points: 0,
      explain: '未录入分值，记0分',
    });
    await expect(
      runAssessment(db, { scheme: withVeto, inputs: inputs('地区,项目,分值\n甲街道,安全生产,否决\n') }),
    ).rejects.toThrow('中没有录入项「拉练」的任何一行');
    await expect(runAssessment(db, { scheme: withVeto })).rejects.toThrow(
      '方案有录入项「拉练」，请用 --inputs 给出录入文件',
    );
  });
});
