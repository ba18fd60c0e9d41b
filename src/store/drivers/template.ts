// A freshly initialised PGlite data directory, kept as an archive: PGlite's initdb takes ≈ 5 s (minutes on a busy
// machine) on every new directory, while unpacking the same empty cluster from the archive onto the disk takes
// ≈ 0.1 s. The
// archive is made once per PGlite version (by `npm ci`'s prepare step, or by the first new directory) and kept in
// node_modules/.cache/tiaodu/. Without it, or when it cannot be read, a new directory is initialised as before.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { unpackTar } from '../tar.ts';

/** node_modules/@electric-sql/pglite, found from its entry point (its package.json is not exported). */
function pgliteDir(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The archive's path, named by the PGlite version: a new PGlite makes a new one. */
export function templatePath(): string {
  const dir = pgliteDir();
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return join(dir, '..', '..', '.cache', 'tiaodu', `pgdata-${version}.tar.gz`);
}

/** Whether the empty cluster's archive is there. */
export function hasTemplate(): boolean {
  try {
    return existsSync(templatePath());
  } catch {
    return false;
  }
}

/**
 * Unpacks the empty cluster into `dataDir` (which holds at most our lock file); false when there is no archive or
 * it cannot be read, and the caller runs initdb instead. `skip`: our own files, which the archive must not replace.
 */
export function unpackTemplate(dataDir: string, skip: Set<string>): boolean {
  let tar: Uint8Array;
  try {
    const path = templatePath();
    if (!existsSync(path)) return false;
    tar = gunzipSync(readFileSync(path));
  } catch {
    return false;
  }
  unpackTar(tar, dataDir, skip);
  return true;
}

/** Keeps a just-initialised cluster as the archive; best effort (a read-only node_modules only costs speed). */
export async function saveTemplate(pg: PGlite): Promise<void> {
  try {
    const path = templatePath();
    const archive = await pg.dumpDataDir('gzip');
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and renamed, so a process reading it never sees half an archive.
    const part = `${path}.${process.pid}.part`;
    writeFileSync(part, new Uint8Array(await archive.arrayBuffer()));
    renameSync(part, path);
  } catch {
    // No cache: the next new directory runs initdb again.
  }
}
