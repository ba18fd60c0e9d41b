// Importing a statistics file: detect its format, then parse it into rows (streamed for the long CSV).
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { asImportError } from './csv.ts';
import { ChunkDecoder, decodeText, detectEncoding } from './decode.ts';
import { isLongSheet, parseLongCsv, parseLongSheet } from './long.ts';
import { nbsFormat, parseNbs } from './nbs.ts';
import { type FileFormat, fileError, ImportError, type ParsedRow } from './types.ts';
import { parseWideReport, REGION_HEADER, readWideCsv } from './wide.ts';
import { firstSheetRows } from './xlsx.ts';

export * from './types.ts';

const UNKNOWN_FORMAT =
  '无法识别文件格式。支持：国家统计局导出的 CSV（以「数据库：」开头）、本系统的长表模板（表头含 指标,地区,期间,数值）、宽表报表（首列为「地区」，标题写明期间），以及这些格式的 .xlsx';

/** Decides the format from the extension and the first bytes (which may end inside a character). */
export function detectFormat(file: string, head: Uint8Array): FileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || (head[0] === 0x50 && head[1] === 0x4b)) return 'long-xlsx';
  if (ext === '.xls') throw fileError(file, 'format', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx');
  const text = new ChunkDecoder(detectEncoding(head, file), file).push(head).replace(/\r\n?/g, '\n');
  if (text.replace(/^\ufeff/, '').trim() === '') throw fileError(file, 'empty', '文件是空的');
  const first = text.replace(/^\ufeff/, '').split('\n')[0] ?? '';
  if (/^"?数据库[:：]/.test(first)) return nbsFormat(first);
  if (/(^|,)"?(指标|indicator)"?(,|$)/i.test(first)) return 'long-csv';
  const lines = text.split('\n').slice(0, 12);
  if (lines.some((l) => REGION_HEADER.test(l.split(',')[0]?.replace(/["\s]/g, '') ?? '')))
    return 'wide-report-csv';
  throw fileError(file, 'format', UNKNOWN_FORMAT);
}

async function* once(rows: ParsedRow[]): AsyncGenerator<ParsedRow[]> {
  yield rows;
}

/** The file's bytes, opened only when the rows are read, so an unread file holds no handle and raises no event. */
async function* bytesOf(path: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(path);
}

/** Passes the batches on; a file that yields none had no data rows, which is refused rather than reported as done. */
async function* requireRows(rows: AsyncIterable<ParsedRow[]>, file: string): AsyncGenerator<ParsedRow[]> {
  let count = 0;
  for await (const batch of rows) {
    count += batch.length;
    yield batch;
  }
  if (count === 0) throw fileError(file, 'empty', '文件中没有数据行（只有表头，或所有数值都为空）');
}

async function parseWhole(
  path: string,
  file: string,
  format: FileFormat,
): Promise<{ format: FileFormat; rows: ParsedRow[] }> {
  const buf = await readFile(path);
  if (format === 'long-xlsx') {
    // One extension, two layouts: the long template starts with its header row; anything else is a 报表.
    const sheet = await firstSheetRows(buf, file);
    if (sheet.every((r) => r.every((c) => c.trim() === '')))
      throw fileError(file, 'empty', '文件是空的：第一个工作表没有内容');
    if (isLongSheet(sheet)) return { format, rows: parseLongSheet(sheet, file) };
    return { format: 'wide-report-xlsx', rows: parseWideReport(sheet, file) };
  }
  if (format === 'wide-report-csv') return { format, rows: readWideCsv(decodeText(buf, file), file) };
  return { format, rows: parseNbs(decodeText(buf, file), file) };
}

/**
 * The format and rows of a statistics file. Every problem with the file — unreadable, damaged, wrong
 * encoding, bad cells, cut short, no data — is an ImportError naming file, row and column, thrown here or
 * while the rows are read.
 */
export async function parseFile(
  path: string,
): Promise<{ format: FileFormat; rows: AsyncIterable<ParsedRow[]> }> {
  const file = basename(path);
  const fh = await open(path, 'r').catch(() => {
    throw fileError(file, 'format', `找不到文件 ${path}`);
  });
  let bytesRead = 0;
  const head = Buffer.alloc(64 * 1024);
  try {
    ({ bytesRead } = await fh.read(head, 0, head.length, 0));
  } catch (e) {
    throw asImportError(e, file, 0);
  } finally {
    await fh.close();
  }
  if (bytesRead === 0) throw fileError(file, 'empty', '文件是空的');
  const format = detectFormat(file, head.subarray(0, bytesRead));
  if (format === 'long-csv') return { format, rows: requireRows(parseLongCsv(bytesOf(path), file), file) };
  try {
    const whole = await parseWhole(path, file, format);
    return { format: whole.format, rows: requireRows(once(whole.rows), file) };
  } catch (e) {
    throw e instanceof ImportError ? e : asImportError(e, file, 0);
  }
}
