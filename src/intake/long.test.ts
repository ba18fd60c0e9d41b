import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseLongCsv, parseLongPeriod } from './long.ts';
import { cleanBoundaries, encodeGbk, straddlingCsv } from './testing.ts';
import { ImportError, type ImportIssue, type ParsedRow } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-long-'));

/** Every row of a long CSV given as text, or the issues it was refused with. */
async function read(
  input: string | Uint8Array | AsyncIterable<Uint8Array>,
): Promise<{ rows: ParsedRow[] } | { issues: ImportIssue[] }> {
  const source =
    typeof input === 'string'
      ? Readable.from([Buffer.from(input)])
      : input instanceof Uint8Array
        ? Readable.from([input])
        : input;
  const rows: ParsedRow[] = [];
  try {
    for await (const batch of parseLongCsv(source, 'a.csv')) rows.push(...batch);
    return { rows };
  } catch (e) {
    if (e instanceof ImportError) return { issues: e.issues };
    throw e;
  }
}

const issuesOf = async (text: string | Uint8Array | AsyncIterable<Uint8Array>) => {
  const r = await read(text);
  if (!('issues' in r)) throw new Error(`accepted ${r.rows.length} rows`);
  return r.issues;
};
const HEADER = '指标,地区,期间,数值,同比(%)\n';

/** A CSV produced chunk by chunk, so the test never holds the file either. */
function* generated(rows: number): Generator<Buffer> {
  yield Buffer.from('\ufeff指标,地区,期间,数值,同比(%)\n');
  for (let i = 0; i < rows; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 1000); j++) chunk += `fai,R${j},2025-06,${j}.5,1.2\n`;
    yield Buffer.from(chunk);
  }
}

describe('the long template', () => {
  it('reads the period forms analysts write', () => {
    expect(parseLongPeriod('2025-06')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025年1-6月')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025年6月')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025Q3')).toEqual({ year: 2025, month: 9 });
    expect(parseLongPeriod('2025年第二季度')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025年')).toEqual({ year: 2025, month: 12 });
    expect(parseLongPeriod('2025-13')).toBeNull();
  });

  it('streams a 200,000-row file in batches no larger than the batch size', async () => {
    let rows = 0;
    let largest = 0;
    let batches = 0;
    for await (const batch of parseLongCsv(Readable.from(generated(200_000)), 'big.csv', {
      batchSize: 5000,
    })) {
      rows += batch.length;
      largest = Math.max(largest, batch.length);
      batches++;
    }
    expect(rows).toBe(200_000);
    expect(largest).toBe(5000);
    expect(batches).toBe(40);
  });

  it('reports a bad row far into a stream with its line number', async () => {
    const lines = [
      '指标,地区,期间,数值',
      ...Array.from({ length: 30_000 }, (_, i) => `fai,R${i},2025-06,${i === 25_000 ? 'x1' : i}`),
    ];
    const read = async () => {
      for await (const _ of parseLongCsv(Readable.from([Buffer.from(lines.join('\n'))]), 'big.csv')) {
        // consume
      }
    };
    const err = await read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]).toMatchObject({ row: 25_002, column: 'D', value: 'x1' });
  });

  it('reads UTF-8 and GBK files read 101 bytes at a time, a character split at every read', async () => {
    const line = (i: number) =>
      `规模以上工业增加值,西湖区,${2000 + Math.floor(i / 12)}-${(i % 12) + 1},${i}.25,6.5\n`;
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const bytes = straddlingCsv(HEADER, line, 300, encoding, 101);
      expect(cleanBoundaries(bytes, encoding, 101)).toEqual([]);
      const path = join(dir, `straddle-${encoding}.csv`);
      writeFileSync(path, bytes);
      const r = await read(createReadStream(path, { highWaterMark: 101 }));
      if (!('rows' in r)) throw new Error(JSON.stringify(r.issues[0]));
      expect(r.rows).toHaveLength(300);
      expect(r.rows[299]).toMatchObject({
        indicator: '规模以上工业增加值',
        region: '西湖区',
        year: 2024,
        month: 12,
        value: 299.25,
      });
    }
  });

  it('names the line and column of a quote that is never closed, or closed in the middle of a cell', async () => {
    expect(
      (await issuesOf(`${HEADER}固定资产投资,西湖区,2025-06,1,2\n固定资产投资,"滨江区,2025-06,1,2\n`))[0],
    ).toMatchObject({
      row: 3,
      column: 'B',
      code: 'csv',
      expected: expect.stringMatching(/引号没有闭合/),
    });
    expect((await issuesOf(`${HEADER}固定资产投资,"滨江"区,2025-06,1,2\n`))[0]).toMatchObject({
      row: 2,
      column: 'B',
      expected: expect.stringMatching(/引号不成对/),
    });
    expect((await issuesOf(`${HEADER}固定资产投资,滨"江区,2025-06,1,2\n`))[0]).toMatchObject({
      row: 2,
      column: 'B',
      expected: expect.stringMatching(/单元格中间出现了引号/),
    });
  });

  it('refuses a file that ends without a line break: its last number may be cut (111.25 stored as 11)', async () => {
    const issues = await issuesOf(
      `${HEADER}固定资产投资,西湖区,2025-05,100,1\n固定资产投资,西湖区,2025-06,11`,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'a.csv',
        row: 3,
        column: 'D',
        code: 'truncated',
        expected: expect.stringMatching(/截断.*换行/),
      }),
    ]);
    const r = await read(`${HEADER}固定资产投资,西湖区,2025-06,111.25\r\n`);
    expect('rows' in r && r.rows[0]?.value).toBe(111.25);
  });

  it('refuses a row with more cells than the header, naming the extra cell, even an empty one', async () => {
    const issues = await issuesOf(`${HEADER}固定资产投资,西湖区,2025-06,312,5,4.2\n`);
    expect(issues[0]).toMatchObject({ row: 2, column: 'F', value: '4.2', code: 'cells' });
    // 111.25 typed as 111,25 in a row whose last cell was empty: the shift leaves an empty sixth cell.
    const shifted = await issuesOf(`${HEADER}固定资产投资,西湖区,2025-06,111,25,\n`);
    expect(shifted[0]).toMatchObject({ row: 2, column: 'F', value: '', code: 'cells' });
  });

  it('reads commas only as thousands separators', async () => {
    const r = await read(`${HEADER}固定资产投资,西湖区,2025-06,"1,234.5",1\n`);
    expect('rows' in r && r.rows[0]?.value).toBe(1234.5);
    for (const bad of ['11,1.25', '1,23', '1234,5', ',5']) {
      const issues = await issuesOf(`${HEADER}固定资产投资,西湖区,2025-06,"${bad}",1\n`);
      expect(issues[0]).toMatchObject({ row: 2, column: 'D', value: bad, code: 'number' });
    }
  });

  it('refuses a 是否预计 cell that is neither yes nor no, the sign of a shifted row', async () => {
    const header = '指标,地区,期间,数值,同比(%),口径,是否预计,来源\n';
    const issues = await issuesOf(`${header}固定资产投资,西湖区,2025-06,280.5,6.1,否,区发改局\n`);
    expect(issues[0]).toMatchObject({ row: 2, column: 'G', value: '区发改局', code: 'forecast' });
    const r = await read(`${header}固定资产投资,西湖区,2025-06,280.5,6.1,,是,区发改局\n`);
    expect('rows' in r && r.rows[0]?.forecast).toBe(true);
  });

  it('refuses numbers that overflow, are not finite or reach 10^15, and keeps one just below', async () => {
    for (const bad of ['1e400', '1e309', '-1e309', 'Infinity', 'NaN', '1e15', '-2000000000000000']) {
      const issues = await issuesOf(`${HEADER}固定资产投资,西湖区,2025-06,${bad},1\n`);
      expect(issues[0]).toMatchObject({
        row: 2,
        column: 'D',
        value: bad,
        code: 'number',
        expected: expect.stringMatching(/超出范围/),
      });
    }
    const yoy = await issuesOf(`${HEADER}固定资产投资,西湖区,2025-06,1,1e400\n`);
    expect(yoy[0]).toMatchObject({ row: 2, column: 'E', code: 'number' });
    const r = await read(`${HEADER}固定资产投资,西湖区,2025-06,999999999999999,1\n`);
    expect('rows' in r && r.rows[0]?.value).toBe(999999999999999);
  });

  it('refuses month 13, month 0 and years outside 1949–2100', async () => {
    for (const bad of ['2025-13', '2025-00', '2025年13月', '1899-06', '9999-06', '1899年', '2101Q1']) {
      const issues = await issuesOf(`${HEADER}固定资产投资,西湖区,${bad},1,1\n`);
      expect(issues[0]).toMatchObject({ row: 2, column: 'C', value: bad, code: 'period' });
    }
    expect(parseLongPeriod('1949-01')).toEqual({ year: 1949, month: 1 });
    expect(parseLongPeriod('2100年')).toEqual({ year: 2100, month: 12 });
  });

  it('turns a failing file stream into an ImportError instead of an unhandled error event', async () => {
    const missing = await issuesOf(createReadStream(join(dir, 'does-not-exist.csv')));
    expect(missing[0]).toMatchObject({
      file: 'a.csv',
      code: 'format',
      expected: expect.stringMatching(/无法读取文件/),
    });
    const failing = new Readable({
      read() {
        this.push(Buffer.from(`${HEADER}固定资产投资,西湖区,2025-06,1,1\n`));
        this.destroy(Object.assign(new Error('read EIO'), { code: 'EIO' }));
      },
    });
    expect((await issuesOf(failing))[0]).toMatchObject({ code: 'format', expected: '无法读取文件（EIO）' });
  });

  it('still names text in a number cell, an empty region and duplicate rows', async () => {
    const issues = await issuesOf(
      `${HEADER}固定资产投资,西湖区,2025-06,十二,1\n固定资产投资,,2025-06,1,1\n固定资产投资,滨江区,2025-06,1,1\n固定资产投资,滨江区,2025-06,2,1\n`,
    );
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'D', 'number'],
      [3, 'B', 'required'],
      [5, 'A', 'duplicate'],
    ]);
  });

  it('reads a GBK file', async () => {
    const r = await read(encodeGbk(`${HEADER}社会消费品零售总额,上城区,2025-06,88.8,3.3\n`));
    expect('rows' in r && r.rows[0]).toMatchObject({
      indicator: '社会消费品零售总额',
      region: '上城区',
      value: 88.8,
    });
  });
});
