// Imports are all-or-nothing: every kind of bad file is refused with its row and column, and the database is unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, importTargets } from '../app/imports.ts';
import { encodeGbk } from '../intake/testing.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from './db.ts';
import { divisionsUnder, observationHistory, targetsFor, upsertRegions } from './index.ts';
import { driverName, freshStore } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-import-'));
const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const snapshot = async (db: Db) =>
  db.query(
    'SELECT region_code, indicator_code, year, month, value, yoy FROM observation ORDER BY 1, 2, 3, 4',
  );
const refused = async (db: Db, path: string) => {
  const before = await snapshot(db);
  const err = await importFile(db, path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  expect(await snapshot(db)).toEqual(before);
  return (err as ImportError).issues;
};

const header = '指标,地区,期间,数值,同比(%)';

describe(`all-or-nothing imports on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
    await importFile(
      db,
      write(
        'good.csv',
        `${header}\n固定资产投资,西湖区,2025-06,312.5,4.2\n固定资产投资,滨江区,2025-06,280,6.1\n`,
      ),
    );
  });
  afterAll(() => drop());

  it('imports the long template and reads names, aliases and codes', async () => {
    const rows = await snapshot(db);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      region_code: '330106',
      indicator_code: 'fai',
      year: 2025,
      month: 6,
      value: 312.5,
      yoy: 4.2,
    });
  });

  it('refuses text in a number cell, naming row, column and value', async () => {
    const issues = await refused(
      db,
      write(
        'text.csv',
        `${header}\n固定资产投资,上城区,2025-06,100,1\n固定资产投资,拱墅区,2025-06,12x3.5,2\n`,
      ),
    );
    expect(issues[0]).toMatchObject({
      file: 'text.csv',
      row: 3,
      column: 'D',
      value: '12x3.5',
      code: 'number',
    });
  });

  it('refuses an unknown region and an ambiguous town name', async () => {
    const issues = await refused(
      db,
      write('region.csv', `${header}\n固定资产投资,上城区,2025-06,100,1\n固定资产投资,鼓楼区,2025-06,1,1\n`),
    );
    expect(issues[0]).toMatchObject({ row: 3, column: 'B', value: '鼓楼区', code: 'region.unknown' });
  });

  it('refuses an unknown indicator', async () => {
    const issues = await refused(db, write('ind.csv', `${header}\n房地产,上城区,2025-06,100,1\n`));
    expect(issues[0]).toMatchObject({ row: 2, column: 'A', value: '房地产', code: 'indicator.unknown' });
  });

  it('refuses duplicate rows, even when the region is written two ways', async () => {
    const same = await refused(
      db,
      write('dup.csv', `${header}\n固定资产投资,上城区,2025-06,100,1\n固定资产投资,上城区,2025-06,100,1\n`),
    );
    expect(same[0]).toMatchObject({ row: 3, code: 'duplicate' });
    const twoNames = await refused(
      db,
      write('dup2.csv', `${header}\n固定资产投资,上城区,2025-06,100,1\n固投,330102,2025-06,100,1\n`),
    );
    expect(twoNames[0]).toMatchObject({ row: 3, code: 'duplicate' });
    // Found only once names are resolved: the issue names the value's cell (fourth column) and the row it repeats.
    expect(twoNames[0]?.column).toMatch(/^D/);
    expect(twoNames[0]?.expected).toMatch(/^与第2行 第D.*列重复/);
  });

  it('refuses a truncated NBS export', async () => {
    const nbs =
      '\ufeff数据库：分省月度数据\n地区：浙江省\n时间：最近36个月\n指标,2019年2月,2019年1月\n房地产投资累计值(亿元),1';
    const issues = await refused(db, write('cut.csv', nbs));
    expect(issues[0]?.expected).toMatch(/截断|表头/);
  });

  it('refuses a file in the wrong encoding (UTF-16) and one that is not a statistics file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]);
    expect((await refused(db, write('u16.csv', utf16)))[0]?.code).toBe('encoding');
    expect((await refused(db, write('random.csv', '你好,世界\n1,2\n')))[0]?.code).toBe('format');
  });

  it('reads a GBK-encoded long CSV', async () => {
    const text = `${header}\n社会消费品零售总额,上城区,2025-06,88.8,3.3\n`;
    const bytes = Buffer.from(encodeGbk(text));
    const s = await importFile(db, write('gbk.csv', bytes));
    expect(s.created).toBe(1);
  });

  it('reports unchanged rows as ignored and changed rows as updated, keeping the old value', async () => {
    const s = await importFile(
      db,
      write(
        'again.csv',
        `${header}\n固定资产投资,西湖区,2025-06,312.5,4.2\n固定资产投资,滨江区,2025-06,281,6.3\n`,
      ),
      { user: '统计员' },
    );
    expect(s).toMatchObject({ created: 0, updated: 1, ignored: 1 });
    const history = await observationHistory(db, '330108', 'fai', 2025, 6);
    expect(history).toEqual([
      expect.objectContaining({
        old_value: 280,
        new_value: 281,
        old_yoy: 6.1,
        new_yoy: 6.3,
        changed_by: '统计员',
      }),
    ]);
  });

  it('shows what would happen on a dry run and writes nothing', async () => {
    const before = await snapshot(db);
    const s = await importFile(db, write('dry.csv', `${header}\n固定资产投资,上城区,2025-06,100,1\n`), {
      dryRun: true,
    });
    expect(s).toMatchObject({ created: 1, dryRun: true });
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports the XLSX template and refuses a bad cell in it', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['指标', '地区', '期间', '数值', '同比(%)']);
    sheet.addRow(['一般公共预算收入', '上城区', '2025年1-6月', 55.25, 8.1]);
    const ok = write('ok.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await importFile(db, ok)).toMatchObject({ created: 1, format: 'long-xlsx' });
    sheet.addRow(['一般公共预算收入', '拱墅区', '2025-06', '五十', 1]);
    const bad = write('bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const issues = await refused(db, bad);
    expect(issues[0]).toMatchObject({ row: 3, column: 'D', value: '五十' });
  });

  it('imports the wide 报表, its 全市 row as the city', async () => {
    const report = `2025年1-5月各区县主要经济指标,,
地区,社会消费品零售总额(亿元),
,累计,同比(%)
西湖区,400.5,5.1
滨江区,200.25,7.2
全市,3900,4.9
`;
    const s = await importFile(db, write('报表.csv', report));
    expect(s).toMatchObject({ format: 'wide-report-csv', created: 3 });
    const [city] = await db.query<{ value: number; yoy: number }>(
      "SELECT value, yoy FROM observation WHERE region_code = '3301' AND indicator_code = 'retail_sales' AND year = 2025 AND month = 5",
    );
    expect(city).toEqual({ value: 3900, yoy: 4.9 });
  });

  it('imports a target file, and refuses one with a bad row without setting any', async () => {
    const good = write(
      '目标.csv',
      '指标,地区,年度,类型,目标值,比较,力度,分解\n地区生产总值,西湖区,2025,增速,5.5,≈,预期,\n地区生产总值,西湖区,2025,增速,6,>=,力争,\n一般公共预算收入,西湖区,2025,总量,260,>=,确保,"3:22,6:48,9:73,12:100"\n',
    );
    expect(await importTargets(db, good)).toBe(3);
    const targets = await targetsFor(db, '330106', 2025);
    expect(targets.find((t) => t.indicatorCode === 'budget_revenue')?.trajectory?.checkpoints[1]).toEqual({
      month: 6,
      percent: 48,
    });
    const bad = write(
      '坏目标.csv',
      '指标,地区,年度,类型,目标值\n固定资产投资,上城区,2025,增速,6\n固定资产投资,拱墅区,2025,增速,六\n',
    );
    const err = await importTargets(db, bad).catch((e: unknown) => e);
    expect((err as ImportError).issues[0]).toMatchObject({ row: 3, column: 'E', value: '六' });
    expect(await targetsFor(db, '330102', 2025)).toEqual([]);
  });

  it('limits a reporter to its own region', async () => {
    const p = write('scope.csv', `${header}\n固定资产投资,上城区,2025-05,90,1\n`);
    const err = await importFile(db, p, { scopeRegionCode: '330106' }).catch((e: unknown) => e);
    expect((err as ImportError).issues[0]).toMatchObject({ code: 'forbidden', value: '上城区' });
  });
});
