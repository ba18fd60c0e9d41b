// 开工以来累计完成投资 and 占总投资比例 read from a real store: monthly reports of three years imported from files,
// the project list adding each earlier year's last 本年累计 to this year's — worked by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, projectList, projectRatesAt, threeNotsAt, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { importProjectFile } from './imports.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-since-start-'));
const write = (name: string, lines: string[]) => {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};
const JUNE = { year: 2025, month: 6 };

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, divisionsUnder('330100', 'county'));
  await importProjectFile(
    db,
    write('项目库.csv', [
      '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期',
      'XH-A,跨年产业园,西湖区,西湖区发改局,张三,市重点,产业,续建,40000,4000,2023-03,2023-03-10,2026-12,,2023-04',
      'XH-B,无总投资道路,西湖区,西湖区建设局,李四,区重点,基础设施,续建,,3000,2024-02,2024-02-20,2026-06,,2024-03',
      'BJ-A,滨江项目,滨江区,滨江区发改局,王五,区重点,产业,新建,9000,3000,2025-01,2025-01-15,2026-06,,2025-02',
    ]),
  );
  await importProjectFile(
    db,
    write('项目月报.csv', [
      '项目编号,月份,本年累计完成投资(万元),形象进度,存在问题,需协调事项',
      // 2023 ends with December's 3000; 2024 was reported up to October (5000); 2025: 2000 by June.
      'XH-A,2023-06,1500,,,',
      'XH-A,2023-12,3000,,,',
      'XH-A,2024-03,1000,,,',
      'XH-A,2024-10,5000,,,',
      'XH-A,2025-05,1800,,,',
      'XH-A,2025-06,2000,,,',
      'XH-A,2025-07,2600,,,',
      'XH-B,2024-12,700,,,',
      'XH-B,2025-04,500,,,',
      'BJ-A,2025-06,1200,,,',
    ]),
  );
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`the project list since the start, on ${driverName}`, () => {
  it('gives 3000 + 5000 + 2000 = 10000 since the start, 25 % of the 40000 total, beside this year’s 2000', async () => {
    const rows = await projectList(db, '330106', JUNE);
    const a = rows.find((r) => r.code === 'XH-A');
    expect(a).toMatchObject({ done: 2000, rate: 50, sinceStart: 10000, shareOfTotal: 25 });
  });

  it('gives a project without 总投资 its sum since the start and no share', async () => {
    const b = (await projectList(db, '330106', JUNE)).find((r) => r.code === 'XH-B');
    expect(b).toMatchObject({ done: 500, sinceStart: 1200, shareOfTotal: null });
  });

  it('counts only the period’s year for the rates and 三未: earlier years change no figure there', async () => {
    const rates = await projectRatesAt(db, '3301', JUNE);
    // This year's 本年累计 only: 2000 + 500 + 1200, not the 10000 since the start.
    expect(rates.done).toBe(3700);
    // XH-B reported in April and not since; its 2024 December report is no report of this year's May.
    const nots = await threeNotsAt(db, '330106', JUNE);
    expect(nots.stalled.map((s) => s.code)).toEqual(['XH-B']);
  });

  it('gives only the earlier years in January, before this year’s first report, and 0 to a project new this year', async () => {
    const city = await projectList(db, '3301', { year: 2025, month: 1 });
    expect(city.map((r) => [r.code, r.sinceStart, r.shareOfTotal])).toEqual([
      ['BJ-A', 0, 0],
      ['XH-A', 8000, 20],
      ['XH-B', 700, null],
    ]);
  });
});
