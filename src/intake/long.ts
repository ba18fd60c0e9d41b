// The project's own long template (one row per indicator × region × period), as streamed CSV or as XLSX.
import { csvRecords, truncatedError } from './csv.ts';
import { decodeStream } from './decode.ts';
import { parseNbsPeriod } from './nbs.ts';
import {
  columnLetter,
  ImportError,
  type ImportIssue,
  numberExpected,
  type ParsedRow,
  parseNumber,
  validPeriod,
} from './types.ts';

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

/** '2019-06', '2019年6月', '2019年1-6月', '2019Q2', '2019年第二季度', '2019年' → period end; null outside 1949–2100 or months 1–12. */
export function parseLongPeriod(raw: string): { year: number; month: number } | null {
  const s = raw.trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (m) return validPeriod(Number(m[1]), Number(m[2])) ? { year: Number(m[1]), month: Number(m[2]) } : null;
  m = /^(\d{4})[Qq]([1-4])$/.exec(s);
  if (m) return validPeriod(Number(m[1]), 12) ? { year: Number(m[1]), month: Number(m[2]) * 3 } : null;
  return parseNbsPeriod(s);
}

const YES = ['是', 'y', 'yes', 'true', '1', '预计'];
const FORECAST = new Set([...YES, '否', 'n', 'no', 'false', '0', '实际']);
const yes = (s: string) => YES.includes(s.trim().toLowerCase());

/** Validates rows of the long template one by one, collecting issues and catching duplicates. */
export function longRowReader(file: string) {
  let columns: Map<string, number> | null = null;
  let width = 0;
  let headerCells = 0;
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const add = (row: number, col: number, value: string, expected: string, code: string) =>
    issues.push({ file, row, column: columnLetter(col), value, expected, code, message: expected });
  return {
    issues,
    read(cells: string[], row: number): ParsedRow | null {
      if (!columns) {
        columns = new Map();
        headerCells = cells.length;
        cells.forEach((c, i) => {
          const f = FIELDS[c.trim().replace(/（/g, '(').replace(/）/g, ')')];
          if (f && !columns?.has(f)) columns?.set(f, i);
          if (c.trim() !== '') width = i + 1;
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
      // A cell beyond the header is a value that slipped a column ('312,5' for 312.5): the row cannot be trusted.
      // A CSV row has as many cells as its header (every writer pads them); an XLSX row, as the widest row.
      const extra =
        cells.length > headerCells ? headerCells : cells.findIndex((c, i) => i >= width && c.trim() !== '');
      if (extra >= 0)
        add(
          row,
          extra,
          cells[extra] ?? '',
          `这一行比表头多出单元格（表头只有 ${width} 列）：可能多了一个逗号（如小数写成了「312,5」），数值会错位`,
          'cells',
        );
      const indicator = get('indicator');
      const region = get('region');
      if (!indicator) add(row, col('indicator'), '', '指标不能为空', 'required');
      if (!region) add(row, col('region'), '', '地区不能为空', 'required');
      const period = parseLongPeriod(get('period'));
      if (!period)
        add(
          row,
          col('period'),
          get('period'),
          '期间应为 YYYY-MM、2024年6月、2024Q2 或 2024年（年份 1949–2100，月份 1–12）',
          'period',
        );
      const value = parseNumber(get('value'));
      if (value === undefined) add(row, col('value'), get('value'), numberExpected(get('value')), 'number');
      const yoy = parseNumber(get('yoy'));
      if (yoy === undefined)
        add(
          row,
          col('yoy'),
          get('yoy'),
          numberExpected(get('yoy'), '数字（同比百分比，不带 % 号）'),
          'number',
        );
      if (get('forecast') !== '' && !FORECAST.has(get('forecast').toLowerCase()))
        add(row, col('forecast'), get('forecast'), '是否预计应为「是」「否」或留空', 'forecast');
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

/**
 * Streams the long CSV in batches; a 1 M-row file never sits in memory. Throws ImportError at the end if any
 * row was bad, the file was cut (no line break after its last row) or it could not be read at all.
 */
export async function* parseLongCsv(
  input: AsyncIterable<Uint8Array>,
  file: string,
  options: { batchSize?: number } = {},
): AsyncGenerator<ParsedRow[]> {
  const batchSize = options.batchSize ?? 10_000;
  const reader = longRowReader(file);
  let lastChar = '';
  async function* text(): AsyncGenerator<string> {
    for await (const t of decodeStream(input, file)) {
      if (t === '') continue;
      lastChar = t[t.length - 1] as string;
      yield t;
    }
  }
  let batch: ParsedRow[] = [];
  let last = { line: 0, record: [] as string[] };
  for await (const { record, line } of csvRecords(text(), file)) {
    last = { line, record };
    const row = reader.read(record, line);
    if (row) batch.push(row);
    if (reader.issues.length >= 100) break;
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (reader.issues.length > 0) throw new ImportError(reader.issues);
  if (last.line > 0 && lastChar !== '\n' && lastChar !== '\r') {
    let end = last.record.length - 1;
    while (end > 0 && (last.record[end] ?? '').trim() === '') end--;
    throw truncatedError(file, { row: last.line, column: columnLetter(Math.max(0, end)) });
  }
  if (batch.length > 0) yield batch;
}

/** The same template in the first sheet of an XLSX workbook, given as rows of cell texts. */
export function parseLongSheet(sheet: string[][], file: string): ParsedRow[] {
  const reader = longRowReader(file);
  const rows: ParsedRow[] = [];
  for (const [i, cells] of sheet.entries()) {
    // Blank rows before the header are skipped, as a person reading the sheet would.
    if (cells.every((c) => c.trim() === '')) continue;
    const row = reader.read(cells, i + 1);
    if (row) rows.push(row);
  }
  if (reader.issues.length > 0) throw new ImportError(reader.issues.slice(0, 100));
  return rows;
}

/** Whether a sheet's first row is the long template's header. */
export function isLongSheet(sheet: string[][]): boolean {
  return (sheet[0] ?? []).some((c) => FIELDS[c.trim()] === 'indicator');
}
