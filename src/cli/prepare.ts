// Run by `npm ci` / `npm install` (package.json "prepare"): initialises one empty PGlite cluster so that its
// archive is cached (store/drivers/template.ts) and every later new data directory skips initdb. Best effort:
// a failure here never fails the install — the first new directory then pays for initdb itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../store/drivers/pglite.ts';
import { hasTemplate } from '../store/drivers/template.ts';

if (!hasTemplate()) {
  const dir = mkdtempSync(join(tmpdir(), 'tiaodu-template-'));
  try {
    const db = await openPglite(join(dir, 'db'), { command: 'prepare' });
    await db.close();
  } catch (e) {
    console.error(`（可忽略）未能预先准备空数据库模板：${(e as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
