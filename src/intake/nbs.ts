// The National Bureau of Statistics export (分省月度/季度/年度数据): wide layout with header and footer lines.
import { nbsRowRole, normalizeIndicatorName } from '../core/catalog.ts';
import { parseCsvText } from './csv.ts';
import {
  type CellRef,
  columnLetter,
  fileError,
  ImportError,
  type ImportIssue,
  numberExpected,
  type ParsedRow,
  parseNumber,
  validPeriod,
} from './types.ts';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** An NBS column header → period end: '2019年6月' → 6, '2019年第二季度' → 6, '2019年' → 12; null outside 1949–2100. */
export function parseNbsPeriod(raw: string): { year: number; month: number } | null {
  const s = raw.trim().replace(/\s+/g, '');
  const period = (year: number, month: number) => (validPeriod(year, month) ? { year, month } : null);
  let m = /^(\d{4})年(?:1-)?(\d{1,2})月(?:份)?$/.exec(s);
  if (m) return period(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年(?:第|1-)?([一二三四1-4])季度$/.exec(s);
  if (m) return period(Number(m[1]), (CN_DIGITS[m[2] as string] as number) * 3);
  m = /^(\d{4})年?$/.exec(s);
  return m ? period(Number(m[1]), 12) : null;
}

const FOOTER = /^(数据来源|注[:：]|说明[:：]|注释)/;

interface Table {
  meta: Map<string, { value: string; row: number }>;
  headerRow: number;
  header: string[];
  body: { row: number; cells: string[] }[];
}

function readTable(text: string, file: string): Table {
  const rows = parseCsvText(text, file, { relax_quotes: true, skip_empty_lines: false });
  const meta = new Map<string, { value: string; row: number }>();
  const issue = (row: number, column: string, value: string, expected: string): ImportError =>
    new ImportError([{ file, row, column, value, expected, code: 'cells', message: expected }]);
  let headerIndex = -1;
  for (let i = 0; i < rows.length; i++) {
    const first = (rows[i]?.[0] ?? '').trim();
    const m = /^(数据库|地区|指标|时间)[:：](.*)$/.exec(first);
    if (m) meta.set(m[1] as string, { value: (m[2] as string).trim(), row: i + 1 });
    else if (first === '指标' || first === '地区') {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0)
    throw fileError(
      file,
      'truncated',
      '找不到表头行（第一列为「指标」或「地区」的行）：文件可能被截断或不是国家统计局导出格式',
    );
  const header = (rows[headerIndex] ?? []).map((c) => c.trim());
  while (header.length > 1 && header[header.length - 1] === '') header.pop();
  const body: Table['body'] = [];
  let footer = false;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const first = (cells[0] ?? '').trim();
    if (FOOTER.test(first)) {
      footer = true;
      break;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    body.push({ row: i + 1, cells });
  }
  const last = body[body.length - 1];
  // Every NBS export ends with a 「数据来源：国家统计局」 line: without it the file was cut, maybe inside a number.
  if (!footer) {
    const cells = last?.cells ?? [];
    let end = cells.length - 1;
    while (end > 0 && (cells[end] ?? '').trim() === '') end--;
    throw fileError(
      file,
      'truncated',
      '文件末尾缺少「数据来源：…」一行：文件看起来被截断了（最后一个数值可能不完整）。请从国家统计局重新导出完整的文件；若文件确实完整，请在末尾加一行「数据来源：国家统计局」',
      last?.row ?? headerIndex + 1,
      columnLetter(Math.max(0, end)),
    );
  }
  if (body.length === 0) throw fileError(file, 'empty', '文件中没有数据行：表头之后直接是「数据来源」');
  // A row wider or narrower than the header puts every value under the wrong month.
  for (const b of body) {
    // Real exports pad every row to the header's width, so even one empty cell more means a slipped value.
    const padded = rows[headerIndex]?.length ?? header.length;
    const extra =
      b.cells.length > padded ? padded : b.cells.findIndex((c, i) => i >= header.length && c.trim() !== '');
    if (extra >= 0)
      throw issue(
        b.row,
        columnLetter(extra),
        b.cells[extra] ?? '',
        `这一行比表头多出单元格（表头有 ${padded} 列）：数值会错位一个期间，请检查是否多了一个逗号`,
      );
    if (b.cells.length < header.length)
      throw issue(
        b.row,
        columnLetter(b.cells.length),
        '',
        `这一行只有 ${b.cells.length} 列，表头有 ${header.length} 列：数值会错位一个期间，请检查是否少了一个逗号`,
      );
  }
  return { meta, headerRow: headerIndex + 1, header, body };
}

/** Parses an NBS export. Blank cells are missing (a blank January is the 1–2月 convention, not an error). */
export function parseNbs(text: string, file: string): ParsedRow[] {
  const t = readTable(text, file);
  const issues: ImportIssue[] = [];
  const periods = t.header.slice(1).map((h, i) => {
    const p = parseNbsPeriod(h);
    if (!p) {
      issues.push({
        file,
        row: t.headerRow,
        column: columnLetter(i + 1),
        value: h,
        expected: '应为期间，如「2019年6月」「2019年第二季度」「2019年」',
        code: 'period',
        message: '期间无法识别',
      });
    }
    return p;
  });
  const cell = (row: number, col: number): CellRef => ({
    row,
    column: `${columnLetter(col)}(${t.header[col] ?? ''})`,
  });
  const number = (b: { row: number; cells: string[] }, col: number): number | null => {
    const raw = b.cells[col] ?? '';
    const n = parseNumber(raw);
    if (n === undefined) {
      issues.push({
        file,
        row: b.row,
        column: cell(b.row, col).column,
        value: raw,
        expected: numberExpected(raw),
        code: 'number',
        message: '不是数字',
      });
      return null;
    }
    return n;
  };
  const out = new Map<string, ParsedRow>();
  const seen = new Map<string, number>();
  const duplicate = (key: string, row: number, label: string) => {
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        file,
        row,
        column: 'A',
        value: label,
        expected: `与第${first}行重复`,
        code: 'duplicate',
        message: '重复行',
      });
      return true;
    }
    seen.set(key, row);
    return false;
  };
  const put = (
    indicator: string,
    region: string,
    where: { indicator: CellRef; region: CellRef },
    role: string,
    b: { row: number; cells: string[] },
  ) => {
    periods.forEach((p, i) => {
      if (!p) return;
      const col = i + 1;
      const v = number(b, col);
      if (v === null) return;
      const key = `${indicator}|${region}|${p.year}-${p.month}`;
      const row = out.get(key) ?? {
        indicator,
        region,
        year: p.year,
        month: p.month,
        value: null,
        yoy: null,
        loc: { ...where, value: null, yoy: null },
      };
      if (role === 'ytd-growth') Object.assign(row, { yoy: v, loc: { ...row.loc, yoy: cell(b.row, col) } });
      else if (role === 'month-value') row.monthValue = v;
      else if (role === 'month-growth') row.monthYoy = v;
      else Object.assign(row, { value: v, loc: { ...row.loc, value: cell(b.row, col) } });
      out.set(key, row);
    });
  };
  const fixedRegion = t.meta.get('地区');
  const fixedIndicator = t.meta.get('指标');
  if (t.header[0] === '指标') {
    if (!fixedRegion)
      throw new ImportError([
        {
          file,
          row: 1,
          column: 'A',
          value: '',
          expected: '缺少「地区：」行',
          code: 'format',
          message: '缺少地区',
        },
      ]);
    for (const b of t.body) {
      const label = (b.cells[0] ?? '').trim();
      const role = nbsRowRole(label);
      if (duplicate(`${normalizeIndicatorName(label)}|${role}`, b.row, label)) continue;
      put(
        normalizeIndicatorName(label),
        fixedRegion.value,
        { indicator: { row: b.row, column: 'A' }, region: { row: fixedRegion.row, column: 'A' } },
        role,
        b,
      );
    }
  } else {
    if (!fixedIndicator)
      throw new ImportError([
        {
          file,
          row: 1,
          column: 'A',
          value: '',
          expected: '缺少「指标：」行',
          code: 'format',
          message: '缺少指标',
        },
      ]);
    const role = nbsRowRole(fixedIndicator.value);
    for (const b of t.body) {
      const region = (b.cells[0] ?? '').trim();
      if (duplicate(region, b.row, region)) continue;
      put(
        normalizeIndicatorName(fixedIndicator.value),
        region,
        { indicator: { row: fixedIndicator.row, column: 'A' }, region: { row: b.row, column: 'A' } },
        role,
        b,
      );
    }
  }
  if (issues.length > 0) throw new ImportError(issues.slice(0, 100));
  return [...out.values()].filter((r) => r.value !== null || r.yoy !== null || r.monthValue != null);
}

/** The NBS database named in the first line decides monthly, quarterly or annual. */
export function nbsFormat(firstLine: string): 'nbs-monthly' | 'nbs-quarterly' | 'nbs-annual' {
  if (firstLine.includes('年度')) return 'nbs-annual';
  if (firstLine.includes('季度')) return 'nbs-quarterly';
  return 'nbs-monthly';
}
