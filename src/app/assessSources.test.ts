// Assessment items read from the projects module: a start rate and a tour score per town, over each town's subtree,
// worked by hand from the register and the judges' sheet; a hand entry wins; sourced figures are kept as the
// system's entries when published.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/testing.ts';
import { storedInputs } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import { upsertRegions } from '../store/index.ts';
import { freshStore } from '../store/testing.ts';
import { publishAssessment, runAssessment } from './assess.ts';
import { importProjectFile } from './imports.ts';

let db: Db;
let drop: () => Promise<void>;
const dir = tempDir('assess-sources');
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const REGISTER =
  '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期';
const project = (code: string, region: string, actualStart: string) =>
  `${code},项目${code},${region},${region}办,张三,区重点,产业,新建,5000,1000,2025-03,${actualStart},2026-12,,`;

beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, [
    { code: '330106', name: '西湖区', parentCode: null, level: 3, kind: 'division' },
    { code: '330106001', name: '甲街道', parentCode: '330106', level: 4, kind: 'division' },
    { code: '330106002', name: '乙街道', parentCode: '330106', level: 4, kind: 'division' },
    { code: '330106003', name: '丙镇', parentCode: '330106', level: 4, kind: 'division' },
    { code: '330106001001', name: '甲一村', parentCode: '330106001', level: 5, kind: 'division' },
  ]);
  // 甲街道: P1 started, P2 not yet, and its village's P5 started → 2 of 3 = 66.67%. 乙街道: both started → 100%.
  // 丙镇: no projects. P6 starts after June and so does not count at 2025-06.
  await importProjectFile(
    db,
    write(
      '项目库.csv',
      [
        REGISTER,
        project('P1', '甲街道', '2025-03-15'),
        project('P2', '甲街道', ''),
        project('P5', '甲一村', '2025-04-01'),
        project('P3', '乙街道', '2025-02-01'),
        project('P4', '乙街道', '2025-05-20'),
      ].join('\n'),
    ),
    { user: 'tester' },
  );
  // Under five judges nothing is dropped: P1 (80+90)/2 = 85, P5 (60+70)/2 = 65 → 甲 (85+65)/2 = 75;
  // P3 75, P4 95 → 乙 85; 丙镇 has no project on the tour.
  await importProjectFile(
    db,
    write(
      '二季度拉练.csv',
      '项目编号,评委,分数\nP1,评委甲,80\nP1,评委乙,90\nP5,评委甲,60\nP5,评委乙,70\nP3,评委甲,70\nP3,评委乙,80\nP4,评委甲,90\nP4,评委乙,100\n',
    ),
    { user: 'tester' },
  );
});
afterAll(() => drop());

const scheme = {
  name: '项目考核',
  parent: '西湖区',
  period: '2025-06',
  items: [
    {
      name: '项目开工',
      input: true,
      weight: 20,
      rule: { kind: 'scaled', of: 100 },
      source: { kind: 'projects', measure: 'startRate' },
    },
    {
      name: '项目拉练',
      input: true,
      weight: 30,
      rule: { kind: 'scaled', of: 100 },
      source: { kind: 'tour', tour: '二季度拉练' },
    },
    { name: '安全生产', input: true, rule: { kind: 'veto' } },
  ],
};

describe('an assessment reading the projects module', () => {
  it('scores each town on its start rate and tour score without an inputs file, saying where each came from', async () => {
    const run = await runAssessment(db, { scheme });
    // 甲: 20 × 66.67 ÷ 100 = 13.334, 30 × 75 ÷ 100 = 22.5 → 35.83. 乙: 20 + 25.5 = 45.5. 丙: 0 + 0.
    expect(run.rows.map((r) => [r.region, r.total, r.rank])).toEqual([
      ['乙街道', 45.5, 1],
      ['甲街道', 35.83, 2],
      ['丙镇', 0, 3],
    ]);
    const jia = run.rows.find((r) => r.region === '甲街道');
    expect(jia?.items.map((i) => i.explain)).toEqual([
      '取自重点项目开工率(%)66.67（满分100），20×66.67÷100=13.33分',
      '取自项目拉练「二季度拉练」得分75（满分100），30×75÷100=22.50分',
      '一票否决：无（本期没有否决录入）',
    ]);
    const bing = run.rows.find((r) => r.region === '丙镇');
    expect(bing?.items.map((i) => i.explain).slice(0, 2)).toEqual([
      '重点项目开工率(%)无数据（无项目），记0分',
      '项目拉练「二季度拉练」得分无数据（本次拉练没有该地区的项目），记0分',
    ]);
  });

  it('lets a hand entry win over the source, and keeps sourced figures as entered by the system when published', async () => {
    const inputs = write('录入.csv', '地区,项目,分值\n丙镇,项目开工,40\n乙街道,项目开工,50\n');
    const { run } = await publishAssessment(db, { scheme, inputs, user: '考核办' });
    // 乙: 20 × 50 ÷ 100 = 10 by hand + 25.5 = 35.5, below 甲's 35.83; 丙: 20 × 40 ÷ 100 = 8.
    expect(run.rows.map((r) => [r.region, r.total, r.rank, r.items[0]?.explain])).toEqual([
      ['甲街道', 35.83, 1, '取自重点项目开工率(%)66.67（满分100），20×66.67÷100=13.33分'],
      ['乙街道', 35.5, 2, '手工录入50（满分100），20×50÷100=10.00分'],
      ['丙镇', 8, 3, '手工录入40（满分100），20×40÷100=8.00分'],
    ]);
    const kept = (await storedInputs(db, '项目考核', 2025, 6)).map((i) => [
      i.regionCode,
      i.item,
      i.value,
      i.by,
    ]);
    expect(kept).toEqual(
      expect.arrayContaining([
        ['330106003', '项目开工', 40, '考核办'],
        ['330106002', '项目开工', 50, '考核办'],
        ['330106001', '项目开工', 66.67, 'system: 重点项目'],
        ['330106001', '项目拉练', 75, 'system: 重点项目'],
        ['330106002', '项目拉练', 85, 'system: 重点项目'],
      ]),
    );
    // 乙 and 丙's start rates were entered by hand, and 丙 has no tour figure: nothing else was recorded.
    expect(kept).toHaveLength(5);
  });

  it('refuses a tour that has no scores, naming it', async () => {
    const other = {
      ...scheme,
      name: '另一考核',
      items: [{ ...scheme.items[1], source: { kind: 'tour', tour: '三季度拉练' } }],
    };
    await expect(runAssessment(db, { scheme: other })).rejects.toThrow(
      '项目拉练「三季度拉练」没有评分：请先导入拉练评分表',
    );
  });
});
