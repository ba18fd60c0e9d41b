// Test helpers for files as users send them.

let table: Map<string, number[]> | null = null;

/** GBK bytes of a text. Node has no GBK encoder, so one is built by decoding every 2-byte GBK code. */
export function encodeGbk(text: string): Uint8Array<ArrayBuffer> {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text)
    out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  return new Uint8Array(out);
}

/** Bytes of a text in UTF-8 or GBK. */
export const encode = (text: string, encoding: 'utf-8' | 'gbk'): Uint8Array =>
  encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeGbk(text);

/** Bytes of one character (GBK: the 2-byte characters `encodeGbk` writes). */
function charSize(ch: string, encoding: 'utf-8' | 'gbk'): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (encoding === 'gbk') return 2;
  return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Whether byte `offset` of the encoded text falls inside a character rather than between two. */
function insideCharacter(text: string, offset: number, encoding: 'utf-8' | 'gbk'): boolean {
  let at = 0;
  for (const ch of text) {
    const size = charSize(ch, encoding);
    if (offset > at && offset < at + size) return true;
    if (offset <= at) return false;
    at += size;
  }
  return false;
}

/**
 * A CSV whose every multiple of `chunk` bytes falls inside a multi-byte character, so a reader whose chunks
 * are `chunk` bytes long (64 KB is the default of `createReadStream`) sees a character split at each boundary.
 * `line(i)` gives data line i with its line break; leading spaces shift it until the boundary lands inside a
 * character (the importers trim cells).
 */
export function straddlingCsv(
  header: string,
  line: (i: number) => string,
  count: number,
  encoding: 'utf-8' | 'gbk',
  chunk = 64 * 1024,
): Buffer {
  const parts: Uint8Array[] = [encode(header, encoding)];
  let size = parts[0]?.length ?? 0;
  let boundary = chunk;
  for (let i = 0; i < count; i++) {
    for (let pad = 0; ; pad++) {
      if (pad > 200) throw new Error(`line ${i} cannot be placed across byte ${boundary}`);
      const text = ' '.repeat(pad) + line(i);
      const bytes = encode(text, encoding);
      if (size + bytes.length > boundary + chunk) throw new Error(`line ${i} is longer than a chunk`);
      if (size + bytes.length > boundary && !insideCharacter(text, boundary - size, encoding)) continue;
      parts.push(bytes);
      size += bytes.length;
      if (size > boundary) boundary += chunk;
      break;
    }
  }
  return Buffer.concat(parts);
}

/** The multiples of `chunk` that fall between two characters of a file (none, for a straddling file). */
export function cleanBoundaries(bytes: Uint8Array, encoding: 'utf-8' | 'gbk', chunk = 64 * 1024): number[] {
  const text = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'gb18030', { ignoreBOM: true }).decode(bytes);
  const starts = new Set<number>();
  let at = 0;
  for (const ch of text) {
    starts.add(at);
    at += charSize(ch, encoding);
  }
  const clean: number[] = [];
  for (let b = chunk; b < bytes.length; b += chunk) if (starts.has(b)) clean.push(b);
  return clean;
}
