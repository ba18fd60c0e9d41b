// Checking an XLSX's zip container before reading it: ExcelJS does not check CRC-32s, so a damaged entry
// that still inflates (a changed digit in the sheet) would be read as data.
import { inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The end-of-central-directory record: the last 22 bytes, or earlier when a comment (≤ 64 KB) follows it. */
function endRecord(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === END) return i;
  return -1;
}

/**
 * Whether every entry of a zip is whole: its directory is where it says, and each entry inflates to its
 * recorded length and CRC-32. False for a cut, damaged or altered file. Zip64 and unknown compression
 * methods are left to the reader.
 * @example zipIsWhole(await readFile('报表.xlsx'))
 */
export function zipIsWhole(buf: Buffer): boolean {
  try {
    const end = endRecord(buf);
    if (end < 0) return false;
    const count = buf.readUInt16LE(end + 10);
    let at = buf.readUInt32LE(end + 16);
    if (count === 0xffff || at === 0xffffffff) return true;
    for (let n = 0; n < count; n++) {
      if (buf.readUInt32LE(at) !== CENTRAL) return false;
      const method = buf.readUInt16LE(at + 10);
      const crc = buf.readUInt32LE(at + 16);
      const compressed = buf.readUInt32LE(at + 20);
      const length = buf.readUInt32LE(at + 24);
      const local = buf.readUInt32LE(at + 42);
      if (buf.readUInt32LE(local) !== LOCAL) return false;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (start + compressed > buf.length) return false;
      const data = buf.subarray(start, start + compressed);
      if (method === 0 || method === 8) {
        // The recorded length bounds the output, so a lying entry cannot inflate without limit.
        const out = method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, length) });
        if (out.length !== length || crc32(out) !== crc) return false;
      }
      at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    }
    return true;
  } catch {
    // A read past the end or an inflate error: the file is not a whole zip.
    return false;
  }
}
