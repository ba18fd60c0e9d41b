// Backup and restore of the embedded store, on real data directories.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backupArchive, restoreArchive, storeCounts } from './backup.ts';
import { divisionsUnder, loadObservations, openStore, upsertRegions } from './index.ts';
import { LOCK_FILE, SERVER_FILE } from './lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'tiaodu-backup-'));

/** The names in a tar archive, read with the system's tar so our own reader is not checking itself. */
async function tarNames(gz: Uint8Array): Promise<string[]> {
  const { execFileSync } = await import('node:child_process');
  const file = join(fresh(), 'a.tar');
  writeFileSync(file, gunzipSync(gz));
  return execFileSync('tar', ['tf', file]).toString().trim().split('\n');
}

/** A directory store with the districts of 杭州市 and one figure each for 2025-06. */
async function cityStore(dataDir: string) {
  const db = await openStore({ dataDir, url: '' }); // always the embedded store: its directory is what is copied
  const regions = divisionsUnder('330100', 'county');
  await upsertRegions(db, regions);
  await loadObservations(
    db,
    regions.map((r, i) => ({
      indicatorCode: 'gdp',
      regionCode: r.code,
      year: 2025,
      month: 6,
      value: 100 + i + 0.25,
      yoy: null,
      scope: '',
      forecast: false,
      source: 'test',
      status: 'published' as const,
    })),
  );
  return { db, regions };
}

describe('backup and restore', () => {
  it('copies the store without its lock or server files, and the copy opens with the same figures', async () => {
    const source = join(fresh(), 'data');
    const { db, regions } = await cityStore(source);
    // The source is in use: its lock (and a server's address) sit in the directory being copied.
    writeFileSync(join(source, SERVER_FILE), '{}');
    const archive = await backupArchive(db, '管理员', 'tiaodu-2025-07-01.tar.gz');
    await db.close();

    const names = await tarNames(archive);
    expect(names).toContain('/PG_VERSION');
    expect(names.filter((n) => n.endsWith(LOCK_FILE) || n.endsWith(SERVER_FILE))).toEqual([]);

    const target = join(fresh(), 'restored');
    const { db: copy, counts } = await restoreArchive(archive, 'tiaodu-2025-07-01.tar.gz', target, 'cli');
    try {
      expect(counts).toEqual({ regions: regions.length, observations: regions.length, users: 0 });
      const [xihu] = await copy.query<{ value: number }>(
        "SELECT value FROM observation WHERE region_code = '330106' AND year = 2025 AND month = 6",
      );
      expect(xihu?.value).toBe(100 + regions.findIndex((r) => r.code === '330106') + 0.25);
      const audit = await copy.query<{ user_name: string; action: string; file: string }>(
        "SELECT user_name, action, file FROM audit_event WHERE action IN ('backup', 'restore') ORDER BY id",
      );
      expect(audit).toEqual([
        { user_name: '管理员', action: 'backup', file: 'tiaodu-2025-07-01.tar.gz' },
        { user_name: 'cli', action: 'restore', file: 'tiaodu-2025-07-01.tar.gz' },
      ]);
      expect(await storeCounts(copy)).toEqual(counts);
    } finally {
      await copy.close();
    }
    expect(readdirSync(target)).not.toContain(SERVER_FILE);
    expect(readdirSync(target)).not.toContain(LOCK_FILE); // ours, released on close
  }, 300_000);

  it('restores only into an empty or absent directory, and leaves a non-empty one as it was', async () => {
    const source = join(fresh(), 'data');
    const { db } = await cityStore(source);
    const archive = await backupArchive(db, 'cli');
    await db.close();
    const busy = fresh();
    writeFileSync(join(busy, '重要.txt'), '别动');
    await expect(restoreArchive(archive, 'b.tar.gz', busy, 'cli')).rejects.toMatchObject({
      code: 'restore.not_empty',
      message: expect.stringContaining('不是空目录'),
    });
    expect(readdirSync(busy)).toEqual(['重要.txt']);

    const empty = fresh();
    const { db: copy } = await restoreArchive(archive, 'b.tar.gz', empty, 'cli');
    await copy.close();
    expect(readdirSync(empty)).toContain('PG_VERSION');
  }, 300_000);

  it('refuses a file that is not a backup, leaving the target as it found it', async () => {
    const bad = new TextEncoder().encode('指标,地区,期间,数值\n');
    const absent = join(fresh(), 'never');
    await expect(restoreArchive(bad, '月报.csv', absent, 'cli')).rejects.toThrow(
      '文件 月报.csv 不是 tiaodu 备份（应为 tiaodu backup 生成的 .tar.gz）',
    );
    expect(existsSync(absent)).toBe(false);
    const empty = join(fresh(), 'empty');
    mkdirSync(empty);
    const truncated = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]);
    await expect(restoreArchive(truncated, '坏.tar.gz', empty, 'cli')).rejects.toMatchObject({
      code: 'restore.invalid',
      message: expect.stringContaining('gzip 数据损坏'),
    });
    expect(readdirSync(empty)).toEqual([]);
  });
});
