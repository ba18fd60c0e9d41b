// Reading a file of a project layout (项目库, 项目月报, 招商项目, 拉练评分), CSV or XLSX: each cell checked, every
// problem collected with its file line (header = line 1) and column, and the whole file refused on any.
import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ProjectLayout, ProjectLayoutFile } from '../core/projects/parsed.ts';
import { DEFAULT_PROJECT_RULES, type ProjectRuleSettings } from '../core/projects/settings.ts';
import { unquoteCell } from './cells.ts';
import { asImportError } from './csv.ts';
import { decodeText } from './decode.ts';
import { columnsOf, detectProjectLayout, LAYOUT_COLUMNS } from './projectLayouts.ts';
import { cellReader, readRow } from './projectRows.ts';
import { fileError, ImportError, type ImportIssue } from './types.ts';
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
    throw fileError(file, 'format', '第1行不是项目库、项目月报、招商项目、拉练评分或问题清单的表头');
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
          : layout === '问题清单'
            ? `${code}/${r.text('description')}`
            : code;
    const first = seen.get(key);
    if (code !== '' && first !== undefined) {
      const what =
        layout === '项目月报'
          ? '同一项目同一月份'
          : layout === '拉练评分'
            ? '同一评委对同一项目'
            : layout === '问题清单'
              ? '同一项目的同一问题'
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
