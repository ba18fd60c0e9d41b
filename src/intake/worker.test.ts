// Parsing on a worker thread gives the same rows and the same refusals as parsing in place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from './index.ts';
import { ImportError, type ParsedRow } from './types.ts';
import { parseFileInWorker } from './worker.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-worker-'));
const write = (name: string, rows: number, last = '') => {
  const lines = ['指标,地区,期间,数值'];
  for (let i = 0; i < rows; i++)
    lines.push(
      // A hundred years of months per region name (years stop at 2100); names are resolved later, not here.
      `固定资产投资,西湖区${Math.floor(i / 1200)},${2000 + (Math.floor(i / 12) % 100)}-${(i % 12) + 1},${i === rows - 1 && last ? last : i}`,
    );
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const all = async (rows: AsyncIterable<ParsedRow[]>) => {
  const out: ParsedRow[][] = [];
  for await (const batch of rows) out.push(batch);
  return out;
};

describe('parsing on a worker thread', () => {
  it('hands back the rows parseFile reads, in chunks of at most 5,000, with the total at the end', async () => {
    const path = write('long.csv', 12_345);
    const here = (await all((await parseFile(path)).rows)).flat();
    const parsed = await parseFileInWorker(path);
    expect(parsed.format).toBe('long-csv');
    const chunks = await all(parsed.rows);
    expect(chunks.map((c) => c.length)).toEqual([5_000, 5_000, 2_345]);
    expect(chunks.flat()).toEqual(here);
    expect(parsed.total()).toBe(12_345);
  });

  it('refuses a bad file with the same issues, by row and column', async () => {
    const path = write('bad.csv', 20, '12x');
    const here = await all((await parseFile(path)).rows).catch((e: unknown) => e);
    const there = await parseFileInWorker(path)
      .then((p) => all(p.rows))
      .catch((e: unknown) => e);
    expect(there).toBeInstanceOf(ImportError);
    expect((there as ImportError).issues).toEqual((here as ImportError).issues);
    expect((there as ImportError).issues[0]).toMatchObject({ row: 21, column: 'D', value: '12x' });
  });

  it('names a missing file, and reads the next file after one was left half read', async () => {
    const missing = await parseFileInWorker(join(dir, '没有.csv')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ImportError);
    expect((missing as ImportError).message).toContain('找不到文件');
    const half = await parseFileInWorker(write('half.csv', 12_000));
    for await (const _ of half.rows) break;
    const next = await parseFileInWorker(write('next.csv', 7));
    expect((await all(next.rows)).flat().map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
