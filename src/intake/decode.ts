// Decoding statistics files: UTF-8 (with or without BOM) or GBK/GB18030, refusing anything else.
import { ImportError } from './types.ts';

const refuse = (file: string, expected: string, value = ''): ImportError =>
  new ImportError([{ file, row: 0, column: '', value, expected, code: 'encoding', message: expected }]);

/** Text of a file in UTF-8 or GBK; CRLF becomes LF. A wrong encoding is refused, never passed on as mojibake. */
export function decodeText(buf: Uint8Array, file: string): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw refuse(file, '文件是 UTF-16 编码；请另存为 UTF-8 或 GBK 编码的 CSV');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw refuse(file, '文件既不是 UTF-8 也不是 GBK 编码，无法读取');
    }
  }
  if (text.includes('\u0000'))
    throw refuse(file, '文件含有空字符（可能是 UTF-16 或二进制文件）；请另存为 UTF-8 CSV');
  if (text.includes('\ufffd')) throw refuse(file, '文件含有无法识别的字符（编码错误）');
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Text of a document (speech, report, news item): UTF-8, GBK/GB18030 or UTF-16 with its BOM.
 * Unlike a statistics file, a scraped document may carry a few replacement characters of its own;
 * the normaliser marks them as unreadable instead of refusing the whole document.
 */
export function decodeDocument(buf: Uint8Array, file: string): string {
  const utf16 =
    buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : null;
  const tries = utf16 ? [utf16] : ['utf-8', 'gb18030'];
  for (const encoding of tries) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(buf).replace(/\r\n?/g, '\n');
    } catch {
      // the next encoding
    }
  }
  throw refuse(file, '文件既不是 UTF-8，也不是 GBK 或带 BOM 的 UTF-16 编码，无法读取');
}
