// Real files through importFile: large files whose characters straddle every read, and wrong data refused with nothing written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../app/imports.ts';
import { longTemplateCsv } from '../intake/templates.ts';
import { cleanBoundaries, encode, encodeGbk, straddlingCsv } from '../intake/testing.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from './db.ts';
import { divisionsUnder, upsertRegions } from './index.ts';
import { driverName, freshStore } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-refusals-'));
const write = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** Everything an import may write, as counts and checksums of whole rows, to prove a refused one wrote nothing. */
const state = async (db: Db) =>
  db.query(
    `SELECT (SELECT count(*)::int FROM observation) AS observations,
       (SELECT md5(coalesce(string_agg(o::text, ',' ORDER BY region_code, indicator_code, year, month, scope), ''))
        FROM observation o) AS checksum,
       (SELECT md5(coalesce(string_agg(h::text, ',' ORDER BY id), '')) FROM observation_history h) AS history,
       (SELECT count(*)::int FROM import_batch) AS batches`,
  );

const HEADER = `${
  longTemplateCsv()
    .replace(/^\ufeff/, '')
    .split('\r\n')[0]
}\r\n`;
const COUNTIES = divisionsUnder('3301', 'county').filter((r) => r.code.length === 6);

describe(`importing real files on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  const refused = async (path: string) => {
    const before = await state(db);
    const err = await importFile(db, path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(await state(db)).toEqual(before);
    return (err as ImportError).issues;
  };
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
    await importFile(db, write('good.csv', `${HEADER}固定资产投资,西湖区,2025-06,111.25,4.2,,否,\r\n`));
  });
  afterAll(() => drop());

  it.each(['utf-8', 'gbk'] as const)(
    'imports a large template CSV in %s whose characters straddle every 64 KB read',
    async (encoding) => {
      const line = (i: number) => {
        const region = COUNTIES[i % COUNTIES.length]?.name;
        const month = Math.floor(i / COUNTIES.length);
        return `规模以上工业增加值,${region},${1990 + Math.floor(month / 12)}-${(month % 12) + 1},${i}.25,6.5,,否,区统计局\r\n`;
      };
      const count = COUNTIES.length * 12 * 35;
      const bytes = straddlingCsv(encoding === 'utf-8' ? `\ufeff${HEADER}` : HEADER, line, count, encoding);
      expect(bytes.length).toBeGreaterThan(4 * 64 * 1024);
      expect(cleanBoundaries(bytes, encoding)).toEqual([]);
      const s = await importFile(db, write(`big-${encoding}.csv`, bytes));
      expect(s).toMatchObject({ format: 'long-csv', rows: count });
      expect(s.created + s.updated + s.ignored).toBe(count);
      const [last] = await db.query<{ value: number; region_code: string; year: number; month: number }>(
        "SELECT value, region_code, year, month FROM observation WHERE indicator_code = 'industrial_va' ORDER BY year DESC, month DESC, value DESC LIMIT 1",
      );
      expect(last).toMatchObject({ value: count - 1 + 0.25, year: 2024, month: 12 });
    },
  );

  it('refuses a file cut inside its last value, leaving 111.25 as it was', async () => {
    const issues = await refused(
      write('cut.csv', `${HEADER}固定资产投资,滨江区,2025-06,5,1,,否,\r\n固定资产投资,西湖区,2025-06,11`),
    );
    expect(issues[0]).toMatchObject({ file: 'cut.csv', row: 3, column: 'D', code: 'truncated' });
  });

  it('refuses a number that overflows instead of writing NULL over the real value', async () => {
    for (const bad of ['1e400', '1e309', 'Infinity', 'NaN', '1e15']) {
      const issues = await refused(
        write('big.csv', `${HEADER}固定资产投资,西湖区,2025-06,${bad},4.2,,否,\r\n`),
      );
      expect(issues[0]).toMatchObject({ row: 2, column: 'D', code: 'number' });
    }
  });

  it('refuses month 13, month 0 and the years 1899 and 9999', async () => {
    for (const bad of ['2025-13', '2025-0', '1899-06', '9999-06']) {
      const issues = await refused(write('period.csv', `${HEADER}固定资产投资,西湖区,${bad},1,,,否,\r\n`));
      expect(issues[0]).toMatchObject({ row: 2, column: 'C', code: 'period' });
    }
  });

  it('refuses an NBS row with an extra cell, which would shift every value by a month', async () => {
    const nbs = [
      '数据库：分省月度数据,,,',
      '地区：杭州市,,,',
      '时间：最近36个月,,,',
      '指标,2019年3月,2019年2月,2019年1月',
      '房地产投资累计值(亿元),2133.88,1205.26,,77',
      '数据来源：国家统计局,,,',
    ].join('\n');
    expect((await refused(write('nbs.csv', nbs)))[0]).toMatchObject({ row: 5, column: 'E', code: 'cells' });
    expect((await refused(write('nbs-gbk.csv', encodeGbk(nbs))))[0]).toMatchObject({ row: 5, column: 'E' });
  });

  it('refuses an XLSX formula cell without a saved result, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('数据');
    s.addRow(['指标', '地区', '期间', '数值']);
    s.addRow(['固定资产投资', '西湖区', '2025-06', { formula: 'B9*2' }]);
    const issues = await refused(write('formula.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(issues[0]).toMatchObject({
      row: 2,
      column: 'D',
      code: 'formula',
      expected: expect.stringMatching(/D2/),
    });
  });

  it('refuses a file with only its header, a damaged XLSX, a bad quote and a stray byte, each in words', async () => {
    expect((await refused(write('header.csv', HEADER)))[0]).toMatchObject({ code: 'empty' });
    expect((await refused(write('damaged.xlsx', Buffer.from('PK\u0003\u0004 damaged'))))[0]).toMatchObject({
      code: 'format',
      expected: expect.stringMatching(/^文件不是有效的 XLSX/),
    });
    expect(
      (await refused(write('quote.csv', `${HEADER}固定资产投资,"西湖区,2025-06,1,,,否,\r\n`)))[0],
    ).toMatchObject({
      row: 2,
      column: 'B',
      code: 'csv',
    });
    const stray = Buffer.concat([
      encode(`${HEADER}固定资产投资,西湖区,2025-06,1,,,否,\r\n`, 'utf-8'),
      Buffer.from([0xff, 0x0d, 0x0a]),
    ]);
    expect((await refused(write('stray.csv', stray)))[0]).toMatchObject({ row: 3, code: 'encoding' });
  });
});
