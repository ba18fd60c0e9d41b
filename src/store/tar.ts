// The tar archives of a PGlite data directory (its dumpDataDir, our backups, the empty cluster's template): read,
// filtered, and unpacked straight onto the disk — PGlite's own unpacking (loadDataDir) writes each file through
// its WebAssembly file system: a new directory opened in 1.3 s that way, 1.05 s this way; a demo restore 2.6 → 1.8 s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, normalize, sep } from 'node:path';

const BLOCK = 512;

/** The NUL-terminated text in a tar header field. */
function field(header: Uint8Array, from: number, length: number): string {
  const bytes = header.subarray(from, from + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

export interface TarEntry {
  /** The path inside the archive, without a leading ./ or /. */
  name: string;
  /** '0' (or NUL) a file, '5' a directory; other kinds are not in a data directory. */
  type: string;
  mode: number;
  /** The header's offset; the data follows it, and the entry ends at `end` (padded to 512 bytes). */
  start: number;
  size: number;
  end: number;
}

/** Whether the bytes begin with a ustar header (the magic at 257). */
export const isUstar = (tar: Uint8Array): boolean =>
  tar.length >= BLOCK && new TextDecoder().decode(tar.subarray(257, 262)) === 'ustar';

/** The entries of a tar archive: a 512-byte header (name at 0, mode at 100, size in octal at 124, type at 156,
 * ustar prefix at 345) followed by the data padded to 512 bytes; an empty block ends it. */
export function* tarEntries(tar: Uint8Array): Generator<TarEntry> {
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const mode = Number.parseInt(field(header, 100, 8).trim() || '0', 8);
    const name = `${field(header, 345, 155)}${field(header, 0, 100)}`.replace(/^\.?\/+/, '');
    const type = String.fromCharCode(header[156] ?? 0);
    const end = at + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    yield { name, type, mode, start: at, size, end };
    at = end;
  }
}

/** A tar archive without the entries whose base name is in `drop`. */
export function withoutEntries(tar: Uint8Array, drop: ReadonlySet<string>): Uint8Array<ArrayBuffer> {
  const kept = [...tarEntries(tar)].filter((e) => !drop.has(basename(e.name)));
  const out = new Uint8Array(kept.reduce((n, e) => n + e.end - e.start, 0) + BLOCK * 2);
  let at = 0;
  for (const e of kept) {
    out.set(tar.subarray(e.start, e.end), at);
    at += e.end - e.start;
  }
  return out;
}

/**
 * Writes the archive's directories and files under `dir`, leaving out the names in `skip` (our lock and server
 * files). An entry that would land outside `dir` (an absolute or `..` path) or is not a plain file or directory is
 * refused before anything is written: a backup is a user's file.
 */
export function unpackTar(tar: Uint8Array, dir: string, skip: ReadonlySet<string> = new Set()): void {
  const entries = [...tarEntries(tar)].filter((e) => e.name !== '' && !skip.has(basename(e.name)));
  for (const e of entries) {
    const rel = normalize(e.name);
    if (rel.startsWith(`..${sep}`) || rel === '..' || rel.startsWith(sep))
      throw new Error(`归档中的路径「${e.name}」超出数据目录`);
    if (!['0', '\0', '5'].includes(e.type)) throw new Error(`归档中的「${e.name}」不是普通文件或目录`);
  }
  // PG_VERSION last: a directory cut short (a full disk) has none, so it is still taken for a new one.
  const last = (e: TarEntry) => (e.name === 'PG_VERSION' ? 1 : 0);
  for (const e of [...entries].sort((a, b) => last(a) - last(b))) {
    const path = join(dir, e.name);
    if (e.type === '5') mkdirSync(path, { recursive: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      const data = tar.subarray(e.start + BLOCK, e.start + BLOCK + e.size);
      writeFileSync(path, data, { mode: e.mode & 0o777 || 0o600 });
    }
  }
}
