// GET /api/backup: a consistent snapshot of the embedded store while it serves — for a city-wide admin only.
import { Hono } from 'hono';
import { TiaoduError } from '../core/errors.ts';
import { backupArchive, POSTGRES_BACKUP } from '../store/backup.ts';
import type { Db } from '../store/db.ts';
import { type AuthEnv, requireRole } from './auth.ts';
import { uploadName } from './upload.ts';

/**
 * The backup route. It takes the driver's own handle (not the request-serialising wrapper): the dump waits
 * for PGlite's transaction lock itself, so it never lands inside another request's import.
 * @example app.route('/api', backupRoutes(store))
 */
export function backupRoutes(store: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  api.get('/backup', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin']);
    // The copy holds every region's data and every account's password hash.
    if (user.regionCode !== null)
      throw new TiaoduError('forbidden', '只有不限辖区的管理员可以备份整个数据库');
    if (!store.dumpDataDir) throw new TiaoduError('backup.postgres', POSTGRES_BACKUP);
    const day = new Date().toISOString().slice(0, 10);
    const name = uploadName(c.req.query('file'), `tiaodu-${day}.tar.gz`);
    const archive = await backupArchive(store, user.name, name);
    return c.body(new Uint8Array(archive), 200, {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
  });
  return api;
}
