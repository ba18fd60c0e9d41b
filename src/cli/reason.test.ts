// `tiaodu import` into a published (locked) period: refused without --reason, taken with one — a real process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observationHistory, openStore, publishPeriod } from '../store/index.ts';
import { tiaodu as run, tempDir } from './testing.ts';

const dir = tempDir('cli-reason');
const data = join(dir, 'db');
const tiaodu = (...args: string[]) => run(data, args);

describe('tiaodu import into a published period', () => {
  it('refuses a change without --reason, naming the row, and records the reason with one', async () => {
    await tiaodu('init', '--region', '330100', '--depth', 'county');
    const file = (name: string, value: number) => {
      const path = join(dir, name);
      writeFileSync(path, `指标,地区,期间,数值\n社零,西湖区,2025-06,${value}\n`);
      return path;
    };
    expect((await tiaodu('import', file('六月.csv', 420))).code).toBe(0);
    const store = await openStore({ dataDir: data, url: '' });
    await publishPeriod(store, '330106', 2025, 6, '市分析员');
    await store.close();

    const refused = await tiaodu('import', file('更正.csv', 425));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('更正.csv：第2行（西湖区 2025-06）属于已发布并锁定的期间');
    expect(refused.stderr).toContain('--reason');

    const taken = await tiaodu('import', file('更正.csv', 425), '--reason', '统计局年报修正');
    expect(taken.code).toBe(0);
    const series = JSON.parse(
      (await tiaodu('series', '--indicator', '社零', '--region', '西湖区', '--json')).stdout,
    );
    expect(series).toEqual([expect.objectContaining({ period: '2025-06', value: 425 })]);
    const after = await openStore({ dataDir: data, url: '' });
    const history = await observationHistory(after, '330106', 'retail_sales', 2025, 6);
    await after.close();
    expect(history).toEqual([
      expect.objectContaining({ old_value: 420, new_value: 425, reason: '统计局年报修正' }),
    ]);
  }, 120_000);
});
