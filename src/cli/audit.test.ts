// `tiaodu audit` as an operator runs it: a real process on a real data directory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiaodu as run, tempDir } from './testing.ts';

const dir = tempDir('audit-cli');
const data = join(dir, 'db');
const tiaodu = (...args: string[]) => run(data, args);

describe('tiaodu audit', () => {
  it('lists account changes and corrected values with their file, newest first, as JSON and as a table', async () => {
    expect((await tiaodu('init', '--region', '330100', '--depth', 'county')).code).toBe(0);
    const add = await tiaodu(
      'user',
      'add',
      '--name',
      'xihu',
      '--role',
      'reporter',
      '--region',
      '西湖区',
      '--password',
      'Tianbao-2025!',
    );
    expect(add.code).toBe(0);
    const first = join(dir, '6月.csv');
    writeFileSync(first, '指标,地区,期间,数值,同比(%)\n社零,西湖区,2025-06,420,5.2\n');
    const fixed = join(dir, '6月（更正）.csv');
    writeFileSync(fixed, '指标,地区,期间,数值,同比(%)\n社零,西湖区,2025-06,425,5.4\n');
    expect((await tiaodu('import', first, '--user', 'tongji')).code).toBe(0);
    expect((await tiaodu('import', fixed, '--user', 'tongji')).code).toBe(0);

    const all = JSON.parse((await tiaodu('audit', '--json')).stdout);
    expect(all.map((e: { action: string; file: string | null }) => [e.action, e.file])).toEqual([
      ['import', '6月（更正）.csv'],
      ['import', '6月（更正）.csv'],
      ['import', '6月.csv'],
      ['user.create', null],
    ]);
    expect(all[1]).toMatchObject({
      user: 'tongji',
      region: '330106',
      object: 'retail_sales 2025-06',
      old: { value: 420, yoy: 5.2 },
      new: { value: 425, yoy: 5.4 },
    });
    expect(all[3]).toMatchObject({
      user: 'cli',
      object: 'xihu',
      region: '330106',
      new: { role: 'reporter' },
    });

    const byUser = JSON.parse((await tiaodu('audit', '--user', 'cli', '--json')).stdout);
    expect(byUser.map((e: { action: string }) => e.action)).toEqual(['user.create']);
    expect(JSON.parse((await tiaodu('audit', '--since', '2999-01-01', '--json')).stdout)).toEqual([]);

    const table = await tiaodu('audit', '--user', 'tongji');
    expect(table.stdout.split('\n')[0]).toMatch(/^时间\s+用户\s+操作\s+地区\s+对象\s+旧值\s+新值\s+文件/);
    expect(table.stdout).toContain('导入');
    expect(table.stdout).toContain('6月（更正）.csv');

    const bad = await tiaodu('audit', '--since', '2025-6-1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('参数 --since 应为 YYYY-MM-DD，收到「2025-6-1」');
  }, 300_000); // ten real processes, each opening the embedded database: slow on a busy machine
});
