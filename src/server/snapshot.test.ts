// GET /api/backup: who may take a copy of everything, and that a copy taken during an import is consistent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreArchive } from '../store/backup.ts';
import type { Db } from '../store/db.ts';
import { divisionsUnder, openStore, upsertRegions } from '../store/index.ts';
import { freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';

const auth = createTokenAuth({
  admin: { name: '管理员', role: 'admin', regionCode: null },
  xihuAdmin: { name: '西湖区管理员', role: 'admin', regionCode: '330106' },
  analyst: { name: '分析员', role: 'analyst', regionCode: null },
});
const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const dir = mkdtempSync(join(tmpdir(), 'tiaodu-backup-api-'));

describe('the backup endpoint on an embedded store', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openStore({ dataDir: join(dir, 'data'), url: '' });
    await upsertRegions(db, divisionsUnder('330100', 'town'));
    app = createApp(db, { auth });
  }, 300_000);
  afterAll(() => db.close());

  it('is for a city-wide administrator only: an analyst and a district’s administrator are refused', async () => {
    expect((await app.request('/api/backup')).status).toBe(401);
    expect((await app.request('/api/backup', as('analyst'))).status).toBe(403);
    const district = await app.request('/api/backup', as('xihuAdmin'));
    expect(district.status).toBe(403);
    expect((await district.json()).error.message).toContain('只有不限辖区的管理员');
  });

  it('taken during an import holds the whole import or none of it, and records who took it', async () => {
    const regions = divisionsUnder('330100', 'town');
    const rows = regions.flatMap((r) =>
      Array.from({ length: 12 }, (_, m) => `gdp,${r.code},2024-${String(m + 1).padStart(2, '0')},${m + 1.5}`),
    );
    const body = `指标,地区,期间,数值\n${rows.join('\n')}\n`;
    const imported = app.request('/api/import', {
      method: 'POST',
      headers: { authorization: 'Bearer admin', 'x-filename': encodeURIComponent('全年.csv') },
      body,
    });
    const backup = app.request('/api/backup?file=%E5%A4%87%E4%BB%BD.tar.gz', as('admin'));
    const [i, b] = await Promise.all([imported, backup]);
    expect(i.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.headers.get('content-type')).toBe('application/gzip');
    expect(b.headers.get('content-disposition')).toContain(encodeURIComponent('备份.tar.gz'));

    const archive = new Uint8Array(await b.arrayBuffer());
    const { db: copy, counts } = await restoreArchive(archive, '备份.tar.gz', join(dir, 'restored'), 'cli');
    try {
      expect([0, rows.length]).toContain(counts.observations);
      const [who] = await copy.query<{ user_name: string; file: string }>(
        "SELECT user_name, file FROM audit_event WHERE action = 'backup'",
      );
      expect(who).toEqual({ user_name: '管理员', file: '备份.tar.gz' });
    } finally {
      await copy.close();
    }
  }, 300_000);
});

describe.runIf(process.env.DATABASE_URL)('the backup endpoint on PostgreSQL', () => {
  let store: { db: Db; drop: () => Promise<void> };
  beforeAll(async () => {
    store = await freshStore();
  });
  afterAll(() => store.drop());

  it('says to use pg_dump, with the command', async () => {
    const res = await createApp(store.db, { auth }).request('/api/backup', as('admin'));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(
      'pg_dump --format=custom --file=tiaodu.dump "$DATABASE_URL"',
    );
  });
});
