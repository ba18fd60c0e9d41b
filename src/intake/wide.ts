// The wide 报表 analysts mail around: a title with the period, rows = regions, columns = indicators × 本月/累计/同比.
import { lastCell, parseCsvText, truncatedError } from './csv.ts';
import { parseNbsPeriod } from './nbs.ts';
import {
  type CellRef,
  columnLetter,
  ImportError,
  type ImportIssue,
  numberExpected,
  type ParsedRow,
  parseNumber,
  validPeriod,
} from './types.ts';
import { firstSheetRows } from './xlsx.ts';

export const REGION_HEADER =
  /^(地区|单位|县区|区县|县\(市、区\)|县（市、区）|县市区|区域|乡镇|镇街|乡镇街道|名称)$/;
const SUB_HEADER =
  /^(本月|当月|累计|1[-—–~～至]\d{1,2}月|同比|增长|增速|增幅|比重|同比增长|同比增速|本月同比|当月同比|当月增速|累计同比|累计增速)/;
const FOOTER = /^(注[:：]|说明[:：]|数据来源|填报人|审核人|制表)/;

type Role = 'value' | 'yoy' | 'monthValue' | 'monthYoy' | 'skip';

function roleOf(sub: string, head: string): Role {
  const s = `${sub}`.replace(/\s+/g, '');
  if (/^(本月|当月)(同比|增速|增长)/.test(s)) return 'monthYoy';
  if (/^(本月|当月)/.test(s)) return 'monthValue';
  if (/^(累计|1[-—–~～至]\d{1,2}月)(同比|增速|增长)/.test(s)) return 'yoy';
  if (/^(同比|增长|增速|增幅)/.test(s)) return 'yoy';
  if (/^(累计|1[-—–~～至]\d{1,2}月)/.test(s)) return 'value';
  if (/比重|位次|排名|排位/.test(s)) return 'skip';
  if (s === '' && /(增速|增长|同比)(\(%\)|（%）)?$/.test(head)) return 'yoy';
  return s === '' ? 'value' : 'skip';
}

/** The period a title states: '2025年1-6月…', '2025年6月…', '2025年上半年…', '2025年一季度…', '前三季度', '全年'. */
export function periodFromTitle(title: string): { year: number; month: number } | null {
  const s = title.replace(/\s+/g, '');
  const y = /(\d{4})年/.exec(s);
  if (!y) return null;
  const year = Number(y[1]);
  if (!validPeriod(year, 12)) return null;
  const rest = s.slice((y.index ?? 0) + y[0].length);
  let m = /^1?[-—–~～至]?(\d{1,2})月/.exec(rest);
  if (m) return validPeriod(year, Number(m[1])) ? { year, month: Number(m[1]) } : null;
  if (/^(上半年|1[-—–~～至]2季度)/.test(rest)) return { year, month: 6 };
  if (/^(前三季度|1[-—–~～至]3季度)/.test(rest)) return { year, month: 9 };
  if (/^(全年|1[-—–~～至]12月)/.test(rest)) return { year, month: 12 };
  m = /^(?:第)?([一二三四1-4])季度/.exec(rest);
  if (m) return parseNbsPeriod(`${year}年第${m[1]}季度`);
  return null;
}

const stripUnit = (s: string) => s.replace(/[(（][^()（）]*[)）]$/, '').trim();

export function parseWideReport(rows: string[][], file: string): ParsedRow[] {
  const fail = (row: number, expected: string, value = ''): never => {
    throw new ImportError([{ file, row, column: 'A', value, expected, code: 'format', message: expected }]);
  };
  const headerIndex = rows.findIndex((r) => REGION_HEADER.test((r[0] ?? '').replace(/\s+/g, '')));
  if (headerIndex < 0) return fail(1, '找不到表头行：第一列应为「地区」「单位」或「县区」');
  let period: { year: number; month: number } | null = null;
  for (const [i, r] of rows.slice(0, headerIndex).entries()) {
    for (const c of r) {
      const p = /期间[:：](\d{4})-(\d{1,2})/.exec(c);
      if (p && !validPeriod(Number(p[1]), Number(p[2])))
        fail(i + 1, '期间应为 YYYY-MM（年份 1949–2100，月份 1–12）', c);
      period ??= p ? { year: Number(p[1]), month: Number(p[2]) } : periodFromTitle(c);
    }
  }
  if (!period)
    return fail(
      1,
      '标题中找不到期间：应写明如「2025年1-6月」或加一行「期间：2025-06」（年份 1949–2100，月份 1–12）',
    );
  const header = rows[headerIndex] ?? [];
  const sub = rows[headerIndex + 1] ?? [];
  const hasSub = sub.slice(1).some((c) => SUB_HEADER.test(c.replace(/\s+/g, '')));
  const firstData = headerIndex + (hasSub ? 2 : 1);
  const width = Math.max(header.length, sub.length);
  const columns: { col: number; indicator: string; role: Role; ref: CellRef }[] = [];
  const roles = new Map<string, number>();
  let current = '';
  for (let c = 1; c < width; c++) {
    const h = (header[c] ?? '').trim();
    if (h) current = h;
    if (!current) continue;
    const role = roleOf(hasSub ? (sub[c] ?? '') : '', h || current);
    if (role === 'skip') continue;
    // Without a sub-header a growth column is named like '固定资产投资增速(%)': the indicator is the part before.
    const name = stripUnit(current);
    const indicator = !hasSub && role === 'yoy' ? name.replace(/(增速|增长|同比)$/, '') : name;
    // Two columns for one indicator's one figure: a header cell shifted, or the report is not what it seems.
    const twin = roles.get(`${indicator}|${role}`);
    if (twin !== undefined) {
      const row = headerIndex + (hasSub ? 2 : 1);
      const expected = `「${indicator}」的第 ${columnLetter(twin)} 列和第 ${columnLetter(c)} 列是同一项数据，无法确定用哪一列：请检查表头是否错位`;
      throw new ImportError([
        {
          file,
          row,
          column: columnLetter(c),
          value: hasSub ? (sub[c] ?? '') : h,
          expected,
          code: 'header',
          message: expected,
        },
      ]);
    }
    roles.set(`${indicator}|${role}`, c);
    columns.push({ col: c, indicator, role, ref: { row: headerIndex + 1, column: columnLetter(c) } });
  }
  if (columns.length === 0) fail(headerIndex + 1, '表头中没有指标列');
  // Columns up to the last one with a header (an XLSX row has as many cells as the widest row of the sheet).
  const headed = (r: string[]) => r.reduce((n, c, i) => (c.trim() !== '' ? i + 1 : n), 0);
  const used = Math.max(headed(header), hasSub ? headed(sub) : 0);
  const issues: ImportIssue[] = [];
  const out = new Map<string, ParsedRow>();
  const seenRegion = new Map<string, number>();
  for (let i = firstData; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const region = (r[0] ?? '').replace(/\s+/g, '');
    if (FOOTER.test(region)) break;
    if (!region || r.slice(1).every((c) => c.trim() === '')) continue;
    const line = i + 1;
    const first = seenRegion.get(region);
    if (first !== undefined) {
      issues.push({
        file,
        row: line,
        column: 'A',
        value: region,
        expected: `与第${first}行重复`,
        code: 'duplicate',
        message: '重复行',
      });
      continue;
    }
    seenRegion.set(region, line);
    // A CSV row as wide as its header (every writer pads rows); an XLSX row with nothing right of the header.
    const extra = r.length > width ? width : r.findIndex((c, i) => i >= used && c.trim() !== '');
    if (extra >= 0 || r.length < used) {
      const at = extra >= 0 ? extra : r.length;
      const expected =
        extra >= 0
          ? `这一行比表头多出单元格（第 ${columnLetter(extra)} 列）：可能多了一个逗号，数值会错位`
          : `这一行只有 ${r.length} 列，表头有 ${used} 列：可能少了一个逗号，数值会错位`;
      issues.push({
        file,
        row: line,
        column: columnLetter(at),
        value: r[at] ?? '',
        expected,
        code: 'cells',
        message: expected,
      });
      continue;
    }
    for (const c of columns) {
      const raw = r[c.col] ?? '';
      const n = parseNumber(raw);
      const at = { row: line, column: `${columnLetter(c.col)}(${c.indicator})` };
      if (n === undefined) {
        issues.push({
          file,
          row: line,
          column: at.column,
          value: raw,
          expected: numberExpected(raw),
          code: 'number',
          message: '不是数字',
        });
        continue;
      }
      if (n === null) continue;
      const key = `${c.indicator}|${region}`;
      const row: ParsedRow = out.get(key) ?? {
        indicator: c.indicator,
        region,
        ...period,
        value: null,
        yoy: null,
        loc: { indicator: c.ref, region: { row: line, column: 'A' }, value: null, yoy: null },
      };
      if (c.role === 'value') Object.assign(row, { value: n, loc: { ...row.loc, value: at } });
      else if (c.role === 'yoy') Object.assign(row, { yoy: n, loc: { ...row.loc, yoy: at } });
      else if (c.role === 'monthValue' || c.role === 'monthYoy') row[c.role] = n;
      out.set(key, row);
    }
  }
  if (issues.length > 0) throw new ImportError(issues.slice(0, 100));
  return [...out.values()].filter((r) => r.value !== null || r.yoy !== null);
}

/** A wide 报表 CSV. It must end with a line break or a footer line (注：…), or it was cut. */
export function readWideCsv(text: string, file: string): ParsedRow[] {
  const rows = parseCsvText(text, file, { relax_quotes: true });
  const parsed = parseWideReport(rows, file);
  const lastLine = text.replace(/\s+$/, '').split('\n').pop() ?? '';
  if (!/\n\s*$/.test(text) && !FOOTER.test(lastLine.replace(/^["\s]+/, '')))
    throw truncatedError(file, lastCell(text, rows));
  return parsed;
}

/** The first sheet of a workbook in the wide layout; merged header cells are read like blanks and filled forward. */
export async function readWideXlsx(buf: Buffer, file: string): Promise<ParsedRow[]> {
  return parseWideReport(await firstSheetRows(buf, file), file);
}
