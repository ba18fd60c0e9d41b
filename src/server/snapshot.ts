// GET /api/backup: a consistent snapshot of the embedded store while it serves — for a city-wide admin only.
import { Hono } from 'hono';
import { admin } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import { backupArchive, POSTGRES_BACKUP } from '../store/backup.ts';
import type { Db } from '../store/db.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';
import { uploadName } from './upload.ts';

/**
 * The backup route. It takes the driver's own handle (not the request-serialising wrapper): the dump waits
 * for PGlite's transaction lock itself, so it never lands inside another request's import.
 * @example app.route('/api', backupRoutes(store))
 */
export function backupRoutes(store: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  // Only a city-wide admin (declared): the copy holds every region's data and every account's password hash.
  implementer(store)(api, admin.backup, async ({ user, query, c }) => {
    if (!store.dumpDataDir) throw new TiaoduError('backup.postgres', POSTGRES_BACKUP);
    const day = new Date().toISOString().slice(0, 10);
    const name = uploadName(query.file, `tiaodu-${day}.tar.gz`);
    const archive = await backupArchive(store, user.name, name);
    return c.body(new Uint8Array(archive), 200, {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
  });
  return api;
}
