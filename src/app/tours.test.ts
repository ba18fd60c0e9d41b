// A scoring sheet (拉练评分) imported for a tour that does not exist makes the tour, run by the smallest region
// holding its projects; its regions' scores are what the assessment reads; a closed tour refuses a sheet.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import {
  closeTour,
  divisionsUnder,
  requireTour,
  tourDetail,
  tourRegionScores,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { importProjectFile } from './imports.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-tours-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const HEADER =
  '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期';
const row = (code: string, region: string) =>
  `${code},项目${code},${region},,,区重点,产业,新建,100,100,2025-03,2025-03-15,,,`;

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, divisionsUnder('330100', 'county'));
  await importProjectFile(
    db,
    write(
      '项目库.csv',
      `${[HEADER, row('XH-1', '西湖区'), row('XH-2', '西湖区'), row('SC-1', '上城区')].join('\n')}\n`,
    ),
  );
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`tours made by scoring sheets on ${driverName}`, () => {
  it('makes a district’s tour from a sheet of its projects, the sheet’s projects and judges in order', async () => {
    const sheet = write('西湖拉练.csv', '项目编号,评委,分数\nXH-2,乙,80\nXH-1,甲,90\nXH-2,甲,70\n');
    expect(await importProjectFile(db, sheet, { user: '分析员' })).toMatchObject({
      format: '拉练评分',
      created: 3,
    });
    const tour = await requireTour(db, '西湖拉练');
    expect(tour).toMatchObject({
      regionCode: '330106',
      region: '西湖区',
      status: '进行中',
      createdBy: '分析员',
      scores: 3,
    });
    const detail = await tourDetail(db, tour.id);
    expect(detail.projects.map((p) => p.code)).toEqual(['XH-2', 'XH-1']);
    expect(detail.judges).toEqual([
      { name: '乙', user: null },
      { name: '甲', user: null },
    ]);
  });

  it('makes a city tour from a sheet across districts, and gives the regions’ means and ranks', async () => {
    const sheet = write(
      '全市拉练.csv',
      '项目编号,评委,分数\nXH-1,甲,90\nXH-2,甲,70\nSC-1,甲,85\nSC-1,乙,75\n',
    );
    await importProjectFile(db, sheet);
    expect((await requireTour(db, '全市拉练')).regionCode).toBe('3301');
    // 西湖区 (90 + 70) / 2 = 80; 上城区 (85 + 75) / 2 = 80: a tie shares rank 1.
    expect(
      (await tourRegionScores(db, '全市拉练')).map((r) => [r.region, r.projects, r.score, r.rank]),
    ).toEqual([
      ['上城区', 1, 80, 1],
      ['西湖区', 2, 80, 1],
    ]);
  });

  it('replaces a tour’s scores on a second sheet, and refuses a sheet once the tour is closed', async () => {
    const again = write('全市拉练.csv', '项目编号,评委,分数\nXH-1,甲,60\nSC-1,丙,95\n');
    await importProjectFile(db, again);
    const tour = await requireTour(db, '全市拉练');
    expect(tour.scores).toBe(2);
    expect((await tourDetail(db, tour.id)).judges.map((j) => j.name)).toEqual(['甲', '乙', '丙']);
    expect((await tourRegionScores(db, '全市拉练')).map((r) => [r.region, r.score, r.rank])).toEqual([
      ['上城区', 95, 1],
      ['西湖区', 60, 2],
    ]);
    await closeTour(db, tour.id, '分析员');
    await expect(
      importProjectFile(db, write('全市拉练.csv', '项目编号,评委,分数\nXH-1,甲,100\n')),
    ).rejects.toThrow('拉练「全市拉练」已结束，评分已冻结');
    expect((await tourRegionScores(db, '全市拉练')).find((r) => r.region === '西湖区')?.score).toBe(60);
  });

  it('refuses the scores of a tour it does not know', async () => {
    await expect(tourRegionScores(db, '没有的拉练')).rejects.toThrow('没有名为「没有的拉练」的拉练');
  });
});
