// Reading a file of a project layout (项目库, 项目月报, 招商项目, 拉练评分), CSV or XLSX: each cell checked, every
// problem collected with its file line (header = line 1) and column, and the whole file refused on any.
import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readProjectDate } from '../core/projects/dates.ts';
import type {
  CellAt,
  ParsedLead,
  ParsedProject,
  ParsedProjectReport,
  ParsedTourScore,
  ProjectLayout,
  ProjectLayoutFile,
} from '../core/projects/parsed.ts';
import { DEFAULT_PROJECT_RULES, type ProjectRuleSettings } from '../core/projects/settings.ts';
import {
  PROJECT_LEVELS,
  PROJECT_NATURES,
  PROJECT_TYPES,
  type ProjectLevel,
  type ProjectNature,
  type ProjectType,
} from '../core/projects/types.ts';
import { unquoteCell } from './cells.ts';
import { asImportError } from './csv.ts';
import { decodeText } from './decode.ts';
import { columnsOf, detectProjectLayout, LAYOUT_COLUMNS } from './projectLayouts.ts';
import {
  columnLetter,
  fileError,
  ImportError,
  type ImportIssue,
  numberExpected,
  parseNumber,
} from './types.ts';
import { firstSheetRows } from './xlsx.ts';

/** The file's rows with the file line each is on (for CSV a quoted cell may span lines). */
interface Lines {
  rows: { cells: string[]; line: number }[];
}

function csvLines(text: string, file: string): Lines {
  let lastLine = 0;
  const rows: Lines['rows'] = [];
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lastLine = context.lines;
        rows.push({ cells: record.map(unquoteCell), line: context.lines });
        return null;
      },
    });
    return { rows };
  } catch (e) {
    throw asImportError(e, file, lastLine);
  }
}

const isXlsx = (file: string, buf: Uint8Array) =>
  extname(file).toLowerCase() === '.xlsx' || (buf[0] === 0x50 && buf[1] === 0x4b);

/** The rows of a CSV or XLSX file as text cells. */
async function fileLines(path: string, file: string): Promise<Lines> {
  const buf = await readFile(path);
  if (isXlsx(file, buf)) {
    const sheet = await firstSheetRows(buf, file);
    return { rows: sheet.map((cells, i) => ({ cells, line: i + 1 })) };
  }
  return csvLines(decodeText(buf, file), file);
}

/** The first 64 KiB of a file: enough for a header row, without reading a large statistics file whole. */
async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The layout of a file from its header row, or null; cheap for a statistics file (reads its start only). */
export async function sniffProjectLayout(path: string): Promise<ProjectLayout | null> {
  const file = basename(path);
  try {
    const buf = await readHead(path);
    if (isXlsx(file, buf)) {
      // The whole first sheet is read; a statistics workbook pays this once more, a project file reads it again.
      const first = (await firstSheetRows(await readFile(path), file))[0] ?? [];
      return detectProjectLayout(first);
    }
    // The header line alone: a cut in the middle of a later character would read as a bad encoding.
    const end = buf.indexOf(0x0a);
    const line = decodeText(buf.subarray(0, end < 0 ? buf.length : end), file).split('\n')[0] ?? '';
    return detectProjectLayout(line.split(',').map((c) => c.replace(/^"|"$/g, '')));
  } catch {
    // Not readable as a project file: the statistics import names what is wrong with it.
    return null;
  }
}

type CellReader = {
  text(key: string): string | null;
  required(key: string, what: string): string;
  amount(key: string, opts?: { required?: boolean }): number | null;
  date(key: string): string | null;
  at(key: string): CellAt;
};

/** Reads the named cells of one row, adding an issue for each bad one. */
function cellReader(
  file: string,
  layout: ProjectLayout,
  columns: Map<string, number>,
  header: string[],
  cells: string[],
  line: number,
  issues: ImportIssue[],
): CellReader {
  const at = (key: string): CellAt => {
    const i = columns.get(key) ?? 0;
    return { line, column: `${columnLetter(i)}(${header[i]?.trim() ?? key})` };
  };
  const raw = (key: string) => {
    const i = columns.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const bad = (key: string, value: string, expected: string, code: string) => {
    const { column } = at(key);
    issues.push({ file, row: line, column, value, expected, code, message: expected });
  };
  const name = (key: string) =>
    LAYOUT_COLUMNS[layout].find((c) => c.key === key)?.header.replace(/\(.*$/, '') ?? key;
  return {
    at,
    text: (key) => raw(key) || null,
    required(key, what) {
      const v = raw(key);
      if (v === '') bad(key, v, `${name(key)}不能为空：应为${what}`, 'empty');
      return v;
    },
    amount(key, opts = {}) {
      const v = raw(key);
      const n = parseNumber(v);
      if (n === undefined) bad(key, v, numberExpected(v, '数字（万元）'), 'number');
      else if (n === null && opts.required) bad(key, v, `${name(key)}不能为空：应为数字（万元）`, 'empty');
      else if (n !== null && n < 0) bad(key, v, '金额不能为负数', 'negative');
      return n ?? null;
    },
    date(key) {
      const v = raw(key);
      const d = readProjectDate(v);
      if (d === undefined)
        bad(key, v, '应为真实的日期 YYYY-MM-DD，或月份 YYYY-MM（表示当月最后一天）；未发生的留空', 'date');
      return d ?? null;
    },
  };
}

function oneOf<T extends string>(
  r: CellReader,
  key: string,
  allowed: readonly T[],
  required: boolean,
  issues: ImportIssue[],
  file: string,
): T | null {
  const v = r.text(key);
  if (v === null && !required) return null;
  if (v !== null && (allowed as readonly string[]).includes(v)) return v as T;
  const { line, column } = r.at(key);
  const expected = `应为 ${allowed.join('、')} 之一${required ? '' : '，或留空'}`;
  issues.push({ file, row: line, column, value: v ?? '', expected, code: 'value', message: expected });
  return null;
}

/** '2025-06', '2025/6', '2025年6月' → { year, month }; anything else → null. */
function readMonth(raw: string): { year: number; month: number } | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})月?$/.exec(raw.trim());
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && year >= 1949 && year <= 2100 ? { year, month } : null;
}

/**
 * Reads a file of one of the project layouts. Every issue (missing column, empty or bad cell, negative amount,
 * impossible date, a key twice in the file, a score outside the range) is collected; any one refuses the file.
 * @example const f = await readProjectFile('项目库.csv'); f.layout // '项目库'
 */
export async function readProjectFile(
  path: string,
  rules: ProjectRuleSettings = DEFAULT_PROJECT_RULES,
): Promise<ProjectLayoutFile> {
  const file = basename(path);
  const { rows } = await fileLines(path, file).catch((e: unknown) => {
    throw e instanceof ImportError ? e : asImportError(e, file, 0);
  });
  const headerRow = rows.find((r) => r.cells.some((c) => c.trim() !== ''));
  const header = headerRow?.cells ?? [];
  const layout = detectProjectLayout(header);
  if (!headerRow || !layout)
    throw fileError(file, 'format', '第1行不是项目库、项目月报、招商项目或拉练评分的表头');
  const columns = columnsOf(layout, header);
  const missing = LAYOUT_COLUMNS[layout]
    .filter((c) => !c.optional && !columns.has(c.key))
    .map((c) => c.header);
  if (missing.length > 0)
    throw fileError(
      file,
      'format',
      `${layout}缺少列：${missing.join('、')}（下载模板：tiaodu template）`,
      headerRow.line,
    );
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const out: unknown[] = [];
  for (const { cells, line } of rows) {
    if (line <= headerRow.line || cells.every((c) => c.trim() === '')) continue;
    const r = cellReader(file, layout, columns, header, cells, line, issues);
    const code = r.required('code', '项目编号');
    const key =
      layout === '项目月报'
        ? `${code}/${r.text('month')}`
        : layout === '拉练评分'
          ? `${code}/${r.text('judge')}`
          : code;
    const first = seen.get(key);
    if (code !== '' && first !== undefined) {
      const what =
        layout === '项目月报'
          ? '同一项目同一月份'
          : layout === '拉练评分'
            ? '同一评委对同一项目'
            : '项目编号';
      const expected = `${what}与第${first}行重复：每个${layout === '项目库' || layout === '招商项目' ? '项目编号' : '组合'}在文件中只能出现一次`;
      const { column } = r.at('code');
      issues.push({ file, row: line, column, value: code, expected, code: 'duplicate', message: expected });
    } else seen.set(key, line);
    out.push(readRow(layout, r, code, line, issues, file, rules));
    if (issues.length >= 200) break;
  }
  if (issues.length > 0) throw new ImportError(issues);
  if (out.length === 0) throw fileError(file, 'empty', '文件中没有数据行（只有表头）');
  return { layout, rows: out } as ProjectLayoutFile;
}

function readRow(
  layout: ProjectLayout,
  r: CellReader,
  code: string,
  line: number,
  issues: ImportIssue[],
  file: string,
  rules: ProjectRuleSettings,
): ParsedProject | ParsedProjectReport | ParsedLead | ParsedTourScore {
  if (layout === '项目月报') {
    const raw = r.required('month', '月份 YYYY-MM');
    const m = raw === '' ? null : readMonth(raw);
    if (raw !== '' && !m) {
      const { column } = r.at('month');
      const expected = '应为月份 YYYY-MM，如 2025-06';
      issues.push({ file, row: line, column, value: raw, expected, code: 'date', message: expected });
    }
    return {
      projectCode: code,
      year: m?.year ?? 0,
      month: m?.month ?? 0,
      done: r.amount('done', { required: true }) ?? 0,
      progress: r.text('progress'),
      problems: r.text('problems'),
      coordination: r.text('coordination'),
      at: { line, code: r.at('code') },
    };
  }
  if (layout === '拉练评分') {
    const judge = r.required('judge', '评委姓名');
    const raw = r.required('score', `分数（${rules.tourMinScore}–${rules.tourMaxScore}）`);
    const n = parseNumber(raw);
    if (raw !== '' && (n === undefined || n === null || n < rules.tourMinScore || n > rules.tourMaxScore)) {
      const { column } = r.at('score');
      const expected = `分数应为 ${rules.tourMinScore}–${rules.tourMaxScore} 之间的数`;
      issues.push({ file, row: line, column, value: raw, expected, code: 'score', message: expected });
    }
    return { projectCode: code, judge, score: n ?? 0, at: { line, code: r.at('code') } };
  }
  const name = r.required('name', '项目名称');
  const regionText = r.required('region', '地区名称或代码');
  const at = { line, region: r.at('region'), unit: r.at('unit') };
  if (layout === '招商项目') {
    return {
      code,
      name,
      regionText,
      unit: r.text('unit'),
      industry: r.text('industry'),
      contract: r.amount('contract', { required: true }) ?? 0,
      signed: r.date('signed'),
      registered: r.date('registered'),
      started: r.date('started'),
      producing: r.date('producing'),
      fundsArrived: r.amount('fundsArrived') ?? 0,
      at,
    };
  }
  return {
    code,
    name,
    regionText,
    unit: r.text('unit'),
    leader: r.text('leader'),
    level: oneOf<ProjectLevel>(r, 'level', PROJECT_LEVELS, false, issues, file),
    type: oneOf<ProjectType>(r, 'type', PROJECT_TYPES, false, issues, file),
    nature: oneOf<ProjectNature>(r, 'nature', PROJECT_NATURES, true, issues, file) ?? '新建',
    totalInvestment: r.amount('totalInvestment'),
    annualPlan: r.amount('annualPlan', { required: true }) ?? 0,
    plannedStart: r.date('plannedStart'),
    actualStart: r.date('actualStart'),
    plannedFinish: r.date('plannedFinish'),
    actualFinish: r.date('actualFinish'),
    libraryDate: r.date('libraryDate'),
    at,
  };
}
