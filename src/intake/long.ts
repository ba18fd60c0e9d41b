// The project's own long template (one row per indicator × region × period), as streamed CSV or as XLSX.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { parseNbsPeriod } from './nbs.ts';
import { columnLetter, ImportError, type ImportIssue, type ParsedRow, parseNumber } from './types.ts';
import { firstSheetRows } from './xlsx.ts';

/** Header names (Chinese first, English accepted) → field. */
const FIELDS: Record<string, keyof typeof REQUIRED | 'yoy' | 'scope' | 'forecast' | 'source'> = {
  指标: 'indicator',
  indicator: 'indicator',
  地区: 'region',
  region: 'region',
  期间: 'period',
  period: 'period',
  数值: 'value',
  value: 'value',
  '同比(%)': 'yoy',
  同比: 'yoy',
  yoy: 'yoy',
  口径: 'scope',
  scope: 'scope',
  是否预计: 'forecast',
  forecast: 'forecast',
  来源: 'source',
  source: 'source',
};
const REQUIRED = { indicator: '指标', region: '地区', period: '期间', value: '数值' };

export const LONG_HEADER = ['指标', '地区', '期间', '数值', '同比(%)', '口径', '是否预计', '来源'];

/** '2019-06', '2019年6月', '2019年1-6月', '2019Q2', '2019年第二季度', '2019年' → period end. */
export function parseLongPeriod(raw: string): { year: number; month: number } | null {
  const s = raw.trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
  }
  m = /^(\d{4})[Qq]([1-4])$/.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]) * 3 };
  return parseNbsPeriod(s);
}

const yes = (s: string) => ['是', 'y', 'yes', 'true', '1', '预计'].includes(s.trim().toLowerCase());

/** Validates rows of the long template one by one, collecting issues and catching duplicates. */
export function longRowReader(file: string) {
  let columns: Map<string, number> | null = null;
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const add = (row: number, col: number, value: string, expected: string, code: string) =>
    issues.push({ file, row, column: columnLetter(col), value, expected, code, message: expected });
  return {
    issues,
    read(cells: string[], row: number): ParsedRow | null {
      if (!columns) {
        columns = new Map();
        cells.forEach((c, i) => {
          const f = FIELDS[c.trim().replace(/（/g, '(').replace(/）/g, ')')];
          if (f && !columns?.has(f)) columns?.set(f, i);
        });
        for (const [f, name] of Object.entries(REQUIRED)) {
          if (!columns.has(f))
            add(row, 0, cells.join(','), `表头缺少「${name}」列（应为：${LONG_HEADER.join(',')}）`, 'header');
        }
        return null;
      }
      const get = (f: string) => {
        const i = columns?.get(f);
        return i === undefined ? '' : (cells[i] ?? '').trim();
      };
      const col = (f: string) => columns?.get(f) ?? 0;
      if (cells.every((c) => c.trim() === '')) return null;
      const before = issues.length;
      const indicator = get('indicator');
      const region = get('region');
      if (!indicator) add(row, col('indicator'), '', '指标不能为空', 'required');
      if (!region) add(row, col('region'), '', '地区不能为空', 'required');
      const period = parseLongPeriod(get('period'));
      if (!period)
        add(row, col('period'), get('period'), '期间应为 YYYY-MM、2024年6月、2024Q2 或 2024年', 'period');
      const value = parseNumber(get('value'));
      if (value === undefined) add(row, col('value'), get('value'), '应为数字', 'number');
      const yoy = parseNumber(get('yoy'));
      if (yoy === undefined) add(row, col('yoy'), get('yoy'), '同比应为数字（百分比，不带 % 号）', 'number');
      if (value === null && (yoy === null || yoy === undefined))
        add(row, col('value'), '', '数值和同比不能都为空', 'required');
      if (issues.length > before || !period) return null;
      const scope = get('scope');
      const key = `${indicator}|${region}|${period.year}-${period.month}|${scope}`;
      const first = seen.get(key);
      if (first !== undefined) {
        add(
          row,
          col('indicator'),
          `${indicator} ${region} ${get('period')}`,
          `与第${first}行重复：同一指标、地区和期间只能有一行`,
          'duplicate',
        );
        return null;
      }
      seen.set(key, row);
      const at = (f: string) => ({ row, column: columnLetter(col(f)) });
      return {
        indicator,
        region,
        year: period.year,
        month: period.month,
        value: value ?? null,
        yoy: yoy ?? null,
        scope,
        forecast: yes(get('forecast')),
        loc: {
          indicator: at('indicator'),
          region: at('region'),
          value: at('value'),
          yoy: columns.has('yoy') ? at('yoy') : null,
        },
      };
    },
  };
}

/** Decodes a byte stream as UTF-8, or as GBK when its first chunk is not valid UTF-8. */
async function* decodeStream(
  input: AsyncIterable<Buffer | Uint8Array>,
  file: string,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of input) {
    if (!decoder) {
      // A chunk may end inside a multi-byte character, so only what comes before its last 3 bytes must be valid.
      const head = chunk.subarray(0, Math.max(0, chunk.length - 3));
      let utf8 = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head);
      } catch {
        utf8 = false;
      }
      decoder = new TextDecoder(utf8 ? 'utf-8' : 'gb18030', { fatal: true });
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new ImportError([
        {
          file,
          row: 0,
          column: '',
          value: '',
          expected: '文件编码错误：既不是有效的 UTF-8 也不是 GBK',
          code: 'encoding',
          message: '编码错误',
        },
      ]);
    }
  }
}

/** Streams the long CSV in batches; a 1 M-row file never sits in memory. Throws ImportError at the end if any row was bad. */
export async function* parseLongCsv(
  input: AsyncIterable<Buffer | Uint8Array>,
  file: string,
  options: { batchSize?: number } = {},
): AsyncGenerator<ParsedRow[]> {
  const batchSize = options.batchSize ?? 10_000;
  const reader = longRowReader(file);
  const parser = Readable.from(decodeStream(input, file)).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let batch: ParsedRow[] = [];
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const row = reader.read(record, info.lines);
    if (row) batch.push(row);
    if (reader.issues.length >= 100) break;
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (reader.issues.length > 0) throw new ImportError(reader.issues);
  if (batch.length > 0) yield batch;
}

/** The same template in the first sheet of an XLSX workbook. */
export async function parseLongXlsx(buf: Buffer, file: string): Promise<ParsedRow[]> {
  const reader = longRowReader(file);
  const rows: ParsedRow[] = [];
  for (const [i, cells] of (await firstSheetRows(buf, file)).entries()) {
    // Blank rows before the header are skipped, as a person reading the sheet would.
    if (cells.every((c) => c.trim() === '')) continue;
    const row = reader.read(cells, i + 1);
    if (row) rows.push(row);
  }
  if (reader.issues.length > 0) throw new ImportError(reader.issues.slice(0, 100));
  return rows;
}

/** Whether the workbook's first row is the long template's header. */
export async function isLongXlsx(buf: Buffer): Promise<boolean> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const first = wb.worksheets[0]?.getRow(1);
  const cells: string[] = [];
  first?.eachCell((c) => {
    cells.push(c.text.trim());
  });
  return cells.some((c) => FIELDS[c] === 'indicator');
}
