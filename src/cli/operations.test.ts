// `tiaodu backup` and `tiaodu restore` as an operator runs them: with and without a running server.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import { killLeftovers, startServer, tempDir, tiaodu } from './testing.ts';

afterAll(killLeftovers);

const dir = tempDir('backup-cli');
const data = join(dir, 'data');

describe('tiaodu backup and restore', () => {
  // Always the embedded store (DATABASE_URL=''): skipped on the PostgreSQL pass of CI, which would repeat it.
  it.skipIf(!!process.env.DATABASE_URL)(
    'back up a served store through the server, and the restored copy answers as the original did',
    async () => {
      expect((await tiaodu(data, ['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
      const file = join(dir, '月报.csv');
      writeFileSync(file, '指标,地区,期间,数值,同比(%)\n地区生产总值,西湖区,2025-06,902.88,5.8\n');
      expect((await tiaodu(data, ['import', file])).code).toBe(0);

      const server = await startServer(data);
      const out = join(dir, 'tiaodu-2025-07-01.tar.gz');
      const backup = await tiaodu(data, ['backup', '--out', out]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(new RegExp(`^已备份 ${data} → ${out}（[\\d.]+ MB；`));
      expect((await server.stop()).code).toBe(0);
      expect(existsSync(`${out}.partial`)).toBe(false);

      const again = await tiaodu(data, ['backup', '--out', out]);
      expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining(`文件 ${out} 已存在`) });

      const restored = join(dir, 'restored');
      const r = await tiaodu(restored, ['restore', out]);
      expect(r.stdout).toBe(`已恢复到 ${restored}：14 个地区，1 条数据，0 个账号\n`);
      const query = ['series', '--indicator', 'gdp', '--region', '西湖区', '--json'];
      const original = await tiaodu(data, query);
      expect(JSON.parse(original.stdout)[0]).toMatchObject({ period: '2025-06', value: 902.88, yoy: 5.8 });
      expect((await tiaodu(restored, query)).stdout).toBe(original.stdout);
      // The copy carries the record of its own making: the server's local admin took it.
      const copy = await openStore({ dataDir: restored, url: '' });
      const made = await copy.query(
        "SELECT user_name, file FROM audit_event WHERE action IN ('backup', 'restore') ORDER BY id",
      );
      await copy.close();
      expect(made).toEqual([
        { user_name: 'cli', file: 'tiaodu-2025-07-01.tar.gz' },
        { user_name: 'cli', file: 'tiaodu-2025-07-01.tar.gz' },
      ]);

      const onto = await tiaodu(data, ['restore', out]);
      expect(onto).toMatchObject({ code: 1, stderr: expect.stringContaining('不是空目录') });
    },
    900_000,
  );

  it('with DATABASE_URL point to pg_dump and pg_restore instead', async () => {
    const env = { DATABASE_URL: 'postgresql://nobody@localhost/nothing' };
    const b = await tiaodu(data, ['backup', '--out', join(dir, 'x.tar.gz')], { env });
    expect(b).toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump --format=custom') });
    const r = await tiaodu(join(dir, 'new'), ['restore', join(dir, 'x.tar.gz')], { env });
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('pg_restore --no-owner') });
  });
});
