// A freshly initialised PGlite data directory with the schema migrated, kept as an archive: PGlite's initdb takes
// ≈ 5 s (minutes on a busy machine) and the migrations 0.3 s on every new directory, while unpacking the same
// cluster from the archive onto the disk takes ≈ 0.35–0.5 s (a thousand small files). The archive is made once per PGlite version and set of
// migrations (by `npm ci`'s prepare step, or by the first new directory) and kept, uncompressed (gunzip cost 0.3 s),
// in node_modules/.cache/tiaodu/. Without it, or when it cannot be read, a new directory is initialised as before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { migrations } from '../migrations.ts';
import { unpackTar } from '../tar.ts';

/** node_modules/@electric-sql/pglite, found from its entry point (its package.json is not exported). */
function pgliteDir(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The archive's path, named by the PGlite version and the migrations: a new one of either makes a new archive. */
export function templatePath(): string {
  const dir = pgliteDir();
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const schema = createHash('sha256')
    .update(migrations.map((m) => `${m.version}\n${m.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return join(dir, '..', '..', '.cache', 'tiaodu', `pgdata-${version}-${schema}.tar`);
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
export function unpackTemplate(dataDir: string, skip: ReadonlySet<string>): boolean {
  let tar: Uint8Array;
  try {
    const path = templatePath();
    if (!existsSync(path)) return false;
    tar = readFileSync(path);
  } catch {
    return false;
  }
  unpackTar(tar, dataDir, skip);
  return true;
}

/** Keeps a just-initialised, migrated cluster as the archive, and drops older ones; best effort (a read-only
 * node_modules only costs speed). */
export async function saveTemplate(pg: PGlite): Promise<void> {
  try {
    const path = templatePath();
    // Checkpointed first, so that a new directory opening it replays no WAL of the migrations.
    await pg.exec('CHECKPOINT');
    const archive = await pg.dumpDataDir('none');
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and renamed, so a process reading it never sees half an archive.
    const part = `${path}.${process.pid}.part`;
    writeFileSync(part, new Uint8Array(await archive.arrayBuffer()));
    renameSync(part, path);
    for (const f of readdirSync(dirname(path)))
      if (f.startsWith('pgdata-') && join(dirname(path), f) !== path && !f.endsWith('.part'))
        rmSync(join(dirname(path), f), { force: true });
  } catch {
    // No cache: the next new directory runs initdb again.
  }
}
