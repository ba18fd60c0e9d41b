// Decoding statistics files: UTF-8 (with or without BOM) or GBK/GB18030, refusing anything else.
import { fileError } from './types.ts';

export type Encoding = 'utf-8' | 'gb18030';

/** How many bytes of a streamed file decide its encoding. */
export const SNIFF_BYTES = 64 * 1024;

const LF = 0x0a;
/** A line longer than this is not tracked for the error's row number (a binary file has no lines). */
const MAX_TRACKED_LINE = 1024 * 1024;
const NEITHER = '文件既不是 UTF-8 也不是 GBK 编码，无法读取；请在 Excel 或 WPS 中另存为「CSV UTF-8」';

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * The 0-based index of the first line of `bytes` (which starts at a line start) that is not valid in
 * `encoding`, or -1. LF is never part of a multi-byte character in UTF-8 or GBK, so lines decode alone;
 * the last line may end inside a character that the next chunk completes.
 */
function badLine(bytes: Uint8Array, encoding: Encoding): number {
  let start = 0;
  for (let line = 0; ; line++) {
    const end = bytes.indexOf(LF, start);
    try {
      const piece = bytes.subarray(start, end < 0 ? bytes.length : end);
      new TextDecoder(encoding, { fatal: true }).decode(piece, { stream: end < 0 });
    } catch {
      return line;
    }
    if (end < 0) return -1;
    start = end + 1;
  }
}

/**
 * The encoding of a file from its first bytes, which may end inside a character.
 * @example detectEncoding(new Uint8Array([0xd6, 0xd0]), 'a.csv') // 'gb18030'
 */
export function detectEncoding(head: Uint8Array, file: string): Encoding {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)))
    throw fileError(file, 'encoding', '文件是 UTF-16 编码；请另存为 UTF-8 或 GBK 编码的 CSV');
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true });
      return encoding;
    } catch {
      // the next encoding
    }
  }
  // The encoding that reads further is the one the file was meant to be in; name the line where it breaks.
  const line = Math.max(badLine(head, 'utf-8'), badLine(head, 'gb18030'));
  throw fileError(file, 'encoding', NEITHER, line + 1);
}

/**
 * Decodes chunk after chunk in one encoding; a chunk may end inside a character (the decoder keeps it for
 * the next). A byte that is invalid in the encoding is refused with the line it is on.
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;
  /** Line number of the first byte of `pending`. */
  private line = 1;
  /** Bytes since the last line break, to find the line of a bad byte; null once a line is too long. */
  private pending: Uint8Array | null = new Uint8Array(0);

  constructor(
    readonly encoding: Encoding,
    private readonly file: string,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  push(chunk: Uint8Array): string {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      const row = this.pending
        ? this.line + Math.max(0, badLine(concat(this.pending, chunk), this.encoding))
        : 0;
      throw fileError(this.file, 'encoding', NEITHER, row);
    }
    this.check(text);
    this.track(chunk);
    return text;
  }

  /** The rest; a file that ends inside a character was cut. */
  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw fileError(
        this.file,
        'truncated',
        '文件在一个字符的中间结束：文件可能被截断，请重新导出',
        this.line,
      );
    }
  }

  private check(text: string): void {
    const found = [text.indexOf('\u0000'), text.indexOf('\ufffd')].filter((i) => i >= 0);
    if (found.length === 0) return;
    const bad = Math.min(...found);
    const row = this.pending ? this.line + (text.slice(0, bad).match(/\n/g)?.length ?? 0) : 0;
    const expected =
      text[bad] === '\u0000'
        ? '文件含有空字符（可能是 UTF-16 或二进制文件）；请另存为 UTF-8 CSV'
        : '文件含有无法识别的字符「\ufffd」（之前的编码转换出错）；请从原始数据重新导出';
    throw fileError(this.file, 'encoding', expected, row);
  }

  private track(chunk: Uint8Array): void {
    const last = chunk.lastIndexOf(LF);
    if (last < 0) {
      this.pending =
        this.pending && this.pending.length + chunk.length <= MAX_TRACKED_LINE
          ? concat(this.pending, chunk)
          : null;
      return;
    }
    let lines = 0;
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) lines++;
    this.line += lines;
    this.pending = chunk.slice(last + 1);
  }
}

/** Text of a file in UTF-8 or GBK; CRLF becomes LF. A wrong encoding is refused, never passed on as mojibake. */
export function decodeText(buf: Uint8Array, file: string): string {
  const decoder = new ChunkDecoder(detectEncoding(buf, file), file);
  return (decoder.push(buf) + decoder.end()).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/**
 * Decodes a byte stream: the encoding is decided from its first `SNIFF_BYTES` (however small the chunks),
 * then every chunk is decoded in streaming mode, so a character split between chunks stays whole.
 */
export async function* decodeStream(input: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const head: Uint8Array[] = [];
  let size = 0;
  let decoder: ChunkDecoder | null = null;
  for await (const chunk of input) {
    if (decoder) {
      yield decoder.push(chunk);
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size < SNIFF_BYTES) continue;
    const bytes = Buffer.concat(head);
    decoder = new ChunkDecoder(detectEncoding(bytes, file), file);
    yield decoder.push(bytes);
  }
  if (!decoder) {
    const bytes = Buffer.concat(head);
    decoder = new ChunkDecoder(detectEncoding(bytes, file), file);
    yield decoder.push(bytes);
  }
  yield decoder.end();
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
  throw fileError(file, 'encoding', '文件既不是 UTF-8，也不是 GBK 或带 BOM 的 UTF-16 编码，无法读取');
}
