// Importing a statistics file: detect its format, then parse it into rows (streamed for the long CSV).
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeText } from './decode.ts';
import { isLongXlsx, parseLongCsv, parseLongXlsx } from './long.ts';
import { nbsFormat, parseNbs } from './nbs.ts';
import { type FileFormat, ImportError, type ParsedRow } from './types.ts';
import { REGION_HEADER, readWideCsv, readWideXlsx } from './wide.ts';

export * from './types.ts';

const refuse = (file: string, expected: string): ImportError =>
  new ImportError([{ file, row: 0, column: '', value: '', expected, code: 'format', message: expected }]);

/** Decides the format from the extension and the first bytes. */
export function detectFormat(file: string, head: Uint8Array): FileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || (head[0] === 0x50 && head[1] === 0x4b)) return 'long-xlsx';
  if (ext === '.xls') throw refuse(file, '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx');
  let text: string;
  try {
    text = decodeText(head.subarray(0, lastLineEnd(head)), file);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw refuse(file, '无法读取文件');
  }
  const first = text.replace(/^\ufeff/, '').split('\n')[0] ?? '';
  if (/^"?数据库[:：]/.test(first)) return nbsFormat(first);
  if (/(^|,)"?(指标|indicator)"?(,|$)/i.test(first)) return 'long-csv';
  const lines = text.split('\n').slice(0, 12);
  if (lines.some((l) => REGION_HEADER.test(l.split(',')[0]?.replace(/["\s]/g, '') ?? '')))
    return 'wide-report-csv';
  throw refuse(
    file,
    '无法识别文件格式。支持：国家统计局导出的 CSV（以「数据库：」开头）、本系统的长表模板（表头含 指标,地区,期间,数值）、宽表报表（首列为「地区」，标题写明期间），以及这些格式的 .xlsx',
  );
}

// Cut the sniffed head at a line end so no multi-byte character is split.
function lastLineEnd(head: Uint8Array): number {
  const i = head.lastIndexOf(0x0a);
  return i > 0 ? i : head.length;
}

async function* once(rows: ParsedRow[]): AsyncGenerator<ParsedRow[]> {
  yield rows;
}

export async function parseFile(
  path: string,
): Promise<{ format: FileFormat; rows: AsyncIterable<ParsedRow[]> }> {
  const file = basename(path);
  const fh = await open(path, 'r').catch(() => {
    throw refuse(file, `找不到文件 ${path}`);
  });
  const head = Buffer.alloc(64 * 1024);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  await fh.close();
  if (bytesRead === 0) throw refuse(file, '文件是空的');
  const format = detectFormat(file, head.subarray(0, bytesRead));
  if (format === 'long-csv') return { format, rows: parseLongCsv(createReadStream(path), file) };
  const buf = await readFile(path);
  if (format === 'long-xlsx') {
    // One extension, two layouts: the long template starts with its header row; anything else is a 报表.
    if (await isLongXlsx(buf)) return { format, rows: once(await parseLongXlsx(buf, file)) };
    return { format: 'wide-report-xlsx', rows: once(await readWideXlsx(buf, file)) };
  }
  if (format === 'wide-report-csv') return { format, rows: once(readWideCsv(decodeText(buf, file), file)) };
  return { format, rows: once(parseNbs(decodeText(buf, file), file)) };
}
