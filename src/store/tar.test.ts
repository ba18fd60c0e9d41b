import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tarEntries, unpackTar, withoutEntries } from './tar.ts';

/** A ustar archive of the given entries, written by hand: the layout the unpacker must read. */
function tar(entries: { name: string; data?: string; type?: string; mode?: number }[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const data = new TextEncoder().encode(e.data ?? '');
    const h = new Uint8Array(512);
    const put = (at: number, s: string) => h.set(new TextEncoder().encode(s), at);
    put(0, e.name);
    put(100, `${(e.mode ?? 0o644).toString(8).padStart(7, '0')}\0`);
    put(124, `${data.length.toString(8).padStart(11, '0')}\0`);
    put(156, e.type ?? '0');
    put(257, 'ustar\0');
    blocks.push(h);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a data directory archive', () => {
  it('unpacks directories and files with their modes, leaving out our own files', () => {
    dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const archive = tar([
      { name: '/PG_VERSION', data: '18\n' },
      { name: '/base', type: '5', mode: 0o755 },
      { name: '/base/1/112', data: 'x'.repeat(700), mode: 0o600 },
      { name: '/tiaodu.lock', data: 'someone else' },
    ]);
    expect([...tarEntries(archive)].map((e) => e.name)).toEqual([
      'PG_VERSION',
      'base',
      'base/1/112',
      'tiaodu.lock',
    ]);
    unpackTar(archive, dir, new Set(['tiaodu.lock']));
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8')).toBe('18\n');
    expect(readFileSync(join(dir, 'base/1/112'), 'utf8')).toBe('x'.repeat(700));
    expect(statSync(join(dir, 'base/1/112')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'tiaodu.lock'))).toBe(false);
    expect([...tarEntries(withoutEntries(archive, new Set(['112'])))].map((e) => e.name)).toEqual([
      'PG_VERSION',
      'base',
      'tiaodu.lock',
    ]);
  });

  it('refuses a path that leaves the directory, or a link, before writing anything', () => {
    dir = mkdtempSync(join(tmpdir(), 'tar-'));
    const target = join(dir, 'data');
    const outside = tar([
      { name: 'PG_VERSION', data: '18' },
      { name: '../escaped', data: 'x' },
    ]);
    expect(() => unpackTar(outside, target)).toThrow('超出数据目录');
    const link = tar([
      { name: 'PG_VERSION', data: '18' },
      { name: 'base', type: '2' },
    ]);
    expect(() => unpackTar(link, target)).toThrow('不是普通文件或目录');
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});
