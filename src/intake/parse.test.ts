// parseFile on real files: formats, empty files, files without data rows, cut files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FILE_ISSUE_CODES, ImportError, type ImportIssue, type ParsedRow, parseFile } from './index.ts';
import { longTemplateCsv } from './templates.ts';
import { encodeGbk } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-parse-'));
const write = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function parse(
  path: string,
): Promise<{ format: string; rows: ParsedRow[] } | { issues: ImportIssue[] }> {
  try {
    const { format, rows } = await parseFile(path);
    const all: ParsedRow[] = [];
    for await (const batch of rows) all.push(...batch);
    return { format, rows: all };
  } catch (e) {
    if (e instanceof ImportError) return { issues: e.issues };
    throw e;
  }
}

const issue = async (path: string) => {
  const r = await parse(path);
  if (!('issues' in r)) throw new Error(`accepted as ${r.format}`);
  return r.issues[0];
};

const xlsx = async (rows: ExcelJS.CellValue[][]) => {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('数据');
  for (const r of rows) s.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('parsing a file by its format', () => {
  it('keeps the documented set of whole-file issue codes', () => {
    expect(FILE_ISSUE_CODES).toEqual(['format', 'encoding', 'truncated', 'empty']);
  });

  it('reads the downloadable long template', async () => {
    const r = await parse(write('template.csv', longTemplateCsv()));
    expect(r).toMatchObject({
      format: 'long-csv',
      rows: [
        { region: '西湖区', yoy: 6.5 },
        { region: '330106', value: 312.45 },
      ],
    });
  });

  it('refuses empty files and files without data rows in every format, not reporting them as done', async () => {
    const header = '指标,地区,期间,数值,同比(%)\n';
    const cases: [string, string | Uint8Array][] = [
      ['empty.csv', ''],
      ['bom.csv', '\ufeff'],
      ['blank.csv', '\n\n  \n'],
      ['header.csv', header],
      ['header-gbk.csv', encodeGbk(header)],
      ['header-blank-rows.csv', `${header}\n,,,,\n`],
      [
        'nbs.csv',
        '数据库：分省月度数据\n地区：浙江省\n时间：最近36个月\n指标,2019年2月\n数据来源：国家统计局',
      ],
      ['wide.csv', '2025年1-6月各区县主要经济指标\n地区,固定资产投资(亿元)\n'],
      ['header.xlsx', await xlsx([['指标', '地区', '期间', '数值']])],
      ['nothing.xlsx', await xlsx([])],
    ];
    for (const [name, content] of cases) {
      expect({ name, issue: await issue(write(name, content)) }).toEqual({
        name,
        issue: expect.objectContaining({
          file: name,
          code: 'empty',
          expected: expect.stringMatching(/空|没有数据行/),
        }),
      });
    }
  });

  it('refuses a damaged XLSX with the Chinese message, never a zip error', async () => {
    const good = await xlsx([
      ['指标', '地区', '期间', '数值'],
      ['固定资产投资', '西湖区', '2025-06', 1],
    ]);
    for (const bad of [
      good.subarray(0, 100),
      good.subarray(0, good.length - 30),
      Buffer.from('not a zip at all'),
    ]) {
      expect(await issue(write('坏.xlsx', bad))).toMatchObject({
        file: '坏.xlsx',
        code: 'format',
        expected: expect.stringMatching(/^文件不是有效的 XLSX/),
      });
    }
  });

  it('refuses a wide 报表 CSV cut inside its last row, and accepts one that ends with its footer line', async () => {
    const report =
      '2025年1-6月各区县主要经济指标,,\n地区,固定资产投资(亿元),\n,累计,同比(%)\n西湖区,312.5,4.2\n滨江区,280,6.1';
    expect(await issue(write('报表.csv', report))).toMatchObject({ row: 5, column: 'C', code: 'truncated' });
    expect(await parse(write('报表2.csv', `${report}\n`))).toMatchObject({ format: 'wide-report-csv' });
    expect(await parse(write('报表3.csv', `${report}\n注：全市为各区合计,,`))).toMatchObject({
      format: 'wide-report-csv',
    });
  });

  it('refuses a wide report whose title names month 13 or the year 1899', async () => {
    const body = '\n地区,固定资产投资(亿元)\n西湖区,312.5\n';
    expect(await issue(write('w13.csv', `报表,期间：2025-13${body}`))).toMatchObject({
      row: 1,
      column: 'A',
      code: 'format',
    });
    expect(await issue(write('w1899.csv', `1899年1-6月各区县主要经济指标${body}`))).toMatchObject({
      row: 1,
      code: 'format',
    });
  });
});
