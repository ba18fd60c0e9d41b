// A national NBS export read into one city's database: rows of divisions not loaded here are skipped with one
// summary; a name that is no division at all is still an error, and the project's own templates never skip.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../app/imports.ts';
import { ImportError, type ImportIssue } from '../intake/types.ts';
import type { Db } from './db.ts';
import { divisionsUnder, upsertRegions } from './index.ts';
import { driverName, freshStore } from './testing.ts';

const SHARED = join(import.meta.dirname, '../../../shared/data');
const GDP = join(SHARED, 'gdp-annual/provincial-gdp-2006-2024.csv');
const MONTHLY = join(SHARED, 'nbs-real-estate-monthly');
const hasShared = existsSync(GDP) && existsSync(MONTHLY);
if (!hasShared) console.warn('../shared/data 不存在：跳过使用真实国家统计局文件的测试');

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-skip-'));
const write = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** A 分市年度 export laid out as data.stats.gov.cn writes it: one indicator, a row per region, a footer. */
const byRegion = (rows: string[]) =>
  [
    '\ufeff数据库：主要城市年度数据',
    '指标：地区生产总值(亿元)',
    '时间：最近3年',
    '地区,2024年,2023年,2022年',
    ...rows,
    '数据来源：国家统计局',
  ].join('\n');

const observations = async (db: Db) =>
  db.query<{ region_code: string; year: number; value: number }>(
    'SELECT region_code, year, value FROM observation ORDER BY region_code, year',
  );

const issuesOf = async (db: Db, path: string): Promise<ImportIssue[]> => {
  const before = await observations(db);
  const err = await importFile(db, path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  expect(await observations(db)).toEqual(before);
  return (err as ImportError).issues;
};

describe(`an NBS national file into a city database on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    // What `tiaodu init --region 330100` loads: 杭州市 and its districts and towns, no other province.
    await upsertRegions(db, divisionsUnder('330100', 'town'));
  });
  afterAll(() => drop());

  it('imports the loaded city and skips the other divisions of the country, naming them once', async () => {
    const file = write(
      '主要城市.csv',
      byRegion([
        '北京市,49843.1,47731.6,44910.8',
        '杭州市,21860,20059,18753',
        '上海,53926.7,51404.5,48594.5',
      ]),
    );
    const s = await importFile(db, file);
    expect(s).toMatchObject({ format: 'nbs-annual', rows: 9, created: 3, updated: 0, ignored: 0 });
    expect(s.skipped).toEqual({ rows: 6, regions: ['北京市', '上海'] });
    expect(await observations(db)).toEqual([
      { region_code: '3301', year: 2022, value: 18753 },
      { region_code: '3301', year: 2023, value: 20059 },
      { region_code: '3301', year: 2024, value: 21860 },
    ]);
  });

  it('leaves the summary without a skip line when every region is loaded', async () => {
    const s = await importFile(db, write('杭州.csv', byRegion(['杭州市,21860,20059,18753'])));
    expect(s).toMatchObject({ rows: 3, ignored: 3 });
    expect(s.skipped).toBeUndefined();
  });

  it('refuses a name that is no division at all, once, by its row and column, writing nothing', async () => {
    const issues = await issuesOf(
      db,
      write('错名.csv', byRegion(['北京市,1,2,3', '杭州市,4,5,6', '杭洲市,7,8,9'])),
    );
    // One cell, one issue: not one per year of the row.
    expect(issues).toEqual([
      expect.objectContaining({
        file: '错名.csv',
        row: 7,
        column: 'A',
        value: '杭洲市',
        code: 'region.unknown',
      }),
    ]);
    expect(issues[0]?.expected).toMatch(/全国行政区划中也没有/);
  });

  it('reports an unknown region written once in the 地区： line as one issue, not one per value', async () => {
    const monthly = [
      '\ufeff数据库：分省月度数据,,,',
      '地区：浙江行省,,,',
      '时间：最近36个月,,,',
      '指标,2019年3月,2019年2月,2019年1月',
      '房地产投资累计值(亿元),2133.88,1205.26,',
      '房地产投资累计增长(%),12.3,19.3,',
      '数据来源：国家统计局,,,',
    ].join('\n');
    const issues = await issuesOf(db, write('浙江行省.csv', monthly));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, column: 'A', value: '浙江行省', code: 'region.unknown' });
  });

  it('refuses a division that is not loaded in the project template, saying what is loaded', async () => {
    const issues = await issuesOf(
      db,
      write(
        '模板.csv',
        '指标,地区,期间,数值\n地区生产总值,杭州市,2024-12,21860\n地区生产总值,北京市,2024-12,49843.1\n',
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ row: 3, column: 'B', value: '北京市', code: 'region.unknown' }),
    ]);
    expect(issues[0]?.expected).toMatch(/不在本系统载入的范围内（本系统载入的是杭州市及其下级地区）/);
    expect(issues[0]?.expected).not.toMatch(/tiaodu|命令行/);
  });

  it.skipIf(!hasShared)(
    'imports the real provincial GDP export (GBK) with every province skipped',
    async () => {
      const before = await observations(db);
      const s = await importFile(db, GDP);
      // 31 provinces × 19 years, none of them loaded in a city's database: nothing written, nothing refused.
      expect(s).toMatchObject({ format: 'nbs-annual', rows: 589, created: 0, updated: 0, ignored: 0 });
      expect(s.skipped?.rows).toBe(589);
      expect(s.skipped?.regions).toHaveLength(31);
      expect(s.skipped?.regions.slice(0, 3)).toEqual(['北京市', '天津市', '河北省']);
      expect(s.skipped?.regions).toContain('新疆维吾尔自治区');
      expect(await observations(db)).toEqual(before);
    },
  );

  it.skipIf(!hasShared)('skips a real monthly province export whose province is not loaded', async () => {
    const s = await importFile(db, join(MONTHLY, '北京.csv'));
    // Two indicators (investment, residential investment) × 33 months (January blank by the 1–2月 convention).
    expect(s).toMatchObject({ rows: 66, created: 0, skipped: { rows: 66, regions: ['北京市'] } });
  });
});

describe.skipIf(!hasShared)(
  `the real provincial GDP export into a province database on ${driverName}`,
  () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await freshStore());
      await upsertRegions(db, divisionsUnder('330000', 'county'));
    });
    afterAll(() => drop());

    it('imports 浙江省 and skips the other thirty provinces', async () => {
      const s = await importFile(db, GDP);
      expect(s).toMatchObject({ rows: 589, created: 19 });
      expect(s.skipped?.rows).toBe(570);
      expect(s.skipped?.regions).toHaveLength(30);
      expect(s.skipped?.regions).not.toContain('浙江省');
      const [v] = await db.query<{ value: number }>(
        "SELECT value FROM observation WHERE region_code = '33' AND year = 2024 AND indicator_code = 'gdp'",
      );
      expect(v?.value).toBe(90007);
    });
  },
);
