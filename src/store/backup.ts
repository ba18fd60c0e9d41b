// Backup and restore of the embedded store: a gzipped tar of the PGlite data directory, taken while nothing
// runs, without the lock and server files (a restored directory must not look held by the process it came from).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { lockDataDir, OWN_FILES } from './lock.ts';
import { migrate } from './migrate.ts';
import { isUstar, tarEntries, unpackTar, withoutEntries } from './tar.ts';

/** A PGlite data directory's archive: a ustar archive with PG_VERSION at its top. */
function isDataDirArchive(tar: Uint8Array): boolean {
  if (!isUstar(tar)) return false;
  for (const e of tarEntries(tar)) if (e.name === 'PG_VERSION') return true;
  return false;
}

/** What a store holds, for the lines backup and restore print. */
export interface StoreCounts {
  regions: number;
  observations: number;
  users: number;
}

export async function storeCounts(db: Db): Promise<StoreCounts> {
  const [r] = await db.query<StoreCounts>(
    `SELECT (SELECT count(*) FROM region)::int AS regions, (SELECT count(*) FROM observation)::int AS observations,
       (SELECT count(*) FROM app_user)::int AS users`,
  );
  return {
    regions: Number(r?.regions ?? 0),
    observations: Number(r?.observations ?? 0),
    users: Number(r?.users ?? 0),
  };
}

/**
 * A consistent copy of the embedded store, gzipped, recorded in the audit log as `backup` by `user`.
 * @example writeFileSync('tiaodu-2025-07-01.tar.gz', await backupArchive(db, 'cli', 'tiaodu-2025-07-01.tar.gz'))
 */
export async function backupArchive(db: Db, user: string, file: string | null = null): Promise<Uint8Array> {
  if (!db.dumpDataDir) throw new TiaoduError('backup.postgres', POSTGRES_BACKUP);
  await recordAudit(db, { user, action: 'backup', file });
  const tar = await db.dumpDataDir();
  // Level 1: the archive is mostly empty pages; level 6 took 0.3 s longer for a sixth smaller file (demo: 7.9 → 9.2 MB).
  return promisify(gzip)(withoutEntries(tar, OWN_FILES), { level: 1 });
}

export const POSTGRES_BACKUP =
  '使用 PostgreSQL（DATABASE_URL）时请用 PostgreSQL 自带的工具备份：pg_dump --format=custom --file=tiaodu.dump "$DATABASE_URL"（见 README「备份与恢复」）';
export const POSTGRES_RESTORE =
  '使用 PostgreSQL（DATABASE_URL）时请用 PostgreSQL 自带的工具恢复：pg_restore --no-owner --dbname="$DATABASE_URL" tiaodu.dump（见 README「备份与恢复」）';

function isEmptyOrAbsent(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw new TiaoduError('restore.target', `无法读取目录 ${dir}：${(e as Error).message}`);
  }
}

/**
 * Unpacks a backup into an empty or absent directory and opens it (migrating it if it is older than this
 * version). The caller closes the returned store.
 */
export async function restoreArchive(
  archive: Uint8Array,
  file: string,
  dataDir: string,
  user: string,
): Promise<{ db: Db; counts: StoreCounts }> {
  if (!isEmptyOrAbsent(dataDir))
    throw new TiaoduError(
      'restore.not_empty',
      `目录 ${dataDir} 不是空目录：恢复只写入空目录或不存在的目录，以免覆盖现有数据；请换一个目录，或先移走其中的文件`,
    );
  let tar: Uint8Array;
  try {
    tar = archive[0] === 0x1f && archive[1] === 0x8b ? await promisify(gunzip)(archive) : archive;
  } catch {
    throw new TiaoduError('restore.invalid', `文件 ${file} 不是有效的 tiaodu 备份：gzip 数据损坏`);
  }
  if (!isDataDirArchive(tar))
    throw new TiaoduError(
      'restore.invalid',
      `文件 ${file} 不是 tiaodu 备份（应为 tiaodu backup 生成的 .tar.gz）`,
    );
  const existed = existsSync(dataDir);
  const lock = await lockDataDir(dataDir, { command: 'restore' });
  const { openPglite } = await import('./drivers/pglite.ts');
  let db: Db | null = null;
  try {
    unpackTar(tar, dataDir, OWN_FILES);
    db = await openPglite(dataDir, { lock });
    await migrate(db);
    await recordAudit(db, { user, action: 'restore', file: basename(file) });
    return { db, counts: await storeCounts(db) };
  } catch (e) {
    if (db) await db.close();
    else lock.release();
    // The directory was empty or absent: leave it so, not half restored.
    if (existed)
      for (const f of readdirSync(dataDir)) rmSync(join(dataDir, f), { recursive: true, force: true });
    else rmSync(dataDir, { recursive: true, force: true });
    throw new TiaoduError(
      'restore.failed',
      `无法从 ${file} 恢复：${(e as Error).message}；目录 ${dataDir} 未改动`,
    );
  }
}
