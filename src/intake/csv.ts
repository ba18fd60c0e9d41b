// Reading CSV with csv-parse: every parser or stream error becomes an ImportError naming the line and column.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Options, parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { unquoteCell } from './cells.ts';
import { columnLetter, fileError, ImportError } from './types.ts';

interface CsvParseError extends Error {
  code: string;
  lines?: number;
  column?: number | string | null;
}

const isCsvError = (e: unknown): e is CsvParseError =>
  e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && 'lines' in e;

const isSystemError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && /^E[A-Z]+$/.test(String((e as { code?: unknown }).code));

const QUOTE_PROBLEMS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE:
    '引号不成对：引号之后应是逗号或换行。单元格里的引号要写成两个（""），或把整个单元格用引号括起来',
  INVALID_OPENING_QUOTE: '单元格中间出现了引号：单元格里的引号要写成两个（""），或把整个单元格用引号括起来',
  CSV_QUOTE_NOT_CLOSED:
    '引号没有闭合：从这一格开始直到文件末尾都在引号之内（可能少了一个引号，或文件被截断）',
};

/**
 * The ImportError for anything that stopped a CSV read: the parser's (bad quotes), the file's (a read error),
 * or one already made. `lastLine` is the line of the last record read, where an unclosed quote began after.
 * Anything else is a bug and is passed on as it is.
 */
export function asImportError(e: unknown, file: string, lastLine: number): unknown {
  if (e instanceof ImportError) return e;
  if (isCsvError(e)) {
    const unclosed = e.code === 'CSV_QUOTE_NOT_CLOSED';
    const row = unclosed ? lastLine + 1 : (e.lines ?? lastLine + 1);
    const column = typeof e.column === 'number' ? columnLetter(e.column) : 'A';
    const expected = QUOTE_PROBLEMS[e.code] ?? `这一行无法按 CSV 读取（${e.code}）`;
    return new ImportError([
      { file, row: Math.max(1, row), column, value: '', expected, code: 'csv', message: expected },
    ]);
  }
  if (isSystemError(e)) return fileError(file, 'format', `无法读取文件（${e.code}）`);
  return e;
}

const OPTIONS: Options = { bom: true, relax_column_count: true };

/** Cells written as `'=…` by an export lose their apostrophe (in place; csv-parse's own `cast` is slow). */
function unquoteRecord(record: string[]): string[] {
  for (let i = 0; i < record.length; i++) {
    const cell = record[i] as string;
    if (cell.startsWith("'")) record[i] = unquoteCell(cell);
  }
  return record;
}

/** All records of a CSV text, cells unquoted as above. */
export function parseCsvText(text: string, file: string, options: Options = {}): string[][] {
  let lastLine = 0;
  try {
    return parse(text, {
      ...OPTIONS,
      ...options,
      on_record: (record: string[], context) => {
        lastLine = context.lines;
        return unquoteRecord(record);
      },
    }) as string[][];
  } catch (e) {
    throw asImportError(e, file, lastLine);
  }
}

/**
 * Records of a streamed CSV text with the line each ends on. Errors of the source, the decoder and the parser
 * all end the iteration as one ImportError; none is left as an unhandled 'error' event.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  file: string,
): AsyncGenerator<{ record: string[]; line: number }> {
  // Lines are noted as the parser goes, in record order; on an error, the records it had buffered are dropped
  // unread, and `line` still names the last one it completed.
  let line = 0;
  const lines: number[] = [];
  const parser = parseStream({
    ...OPTIONS,
    skip_empty_lines: true,
    on_record: (record: string[], context) => {
      line = context.lines;
      lines.push(line);
      return unquoteRecord(record);
    },
  });
  // The pipeline listens for errors on both streams; its promise is awaited through the parser's iterator.
  pipeline(Readable.from(text), parser).catch(() => {});
  try {
    for await (const record of parser as AsyncIterable<string[]>)
      yield { record, line: lines.shift() ?? line };
  } catch (e) {
    throw asImportError(e, file, line);
  }
}

/** The last line of a text and its last non-empty cell, for naming where a file was cut. */
export function lastCell(text: string, rows: string[][]): { row: number; column: string } {
  const row = text.replace(/\n+$/, '').split('\n').length;
  const cells = rows[rows.length - 1] ?? [];
  let last = cells.length - 1;
  while (last > 0 && (cells[last] ?? '').trim() === '') last--;
  return { row, column: columnLetter(Math.max(0, last)) };
}

/**
 * Every CSV writer (Excel, WPS, LibreOffice, this app) ends the last row with a line break; a file without
 * one was most likely cut, perhaps inside its last number (111.25 read as 11).
 */
export function truncatedError(file: string, at: { row: number; column: string }): ImportError {
  return fileError(
    file,
    'truncated',
    '文件最后一行之后没有换行，看起来被截断了（最后一个数值可能不完整）。请重新导出或下载完整的文件；若文件确实完整，请在最后一行末尾加一个换行（用 Excel 或 WPS 另存为 CSV 即可）',
    at.row,
    at.column,
  );
}
