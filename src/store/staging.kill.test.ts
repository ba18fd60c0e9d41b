// A real process killed (-9) while it stages a big file leaves no half-import: nothing reaches the
// observations, and the next import drops the staging table it left behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { importFile } from '../app/imports.ts';
import { divisionsUnder, openStore, upsertRegions } from './index.ts';

const TOWNS = divisionsUnder('3301', 'town').filter((r) => r.level === 4);

// The embedded store only: on PostgreSQL a staging table is dropped as stale only after a day.
describe.skipIf(!!process.env.DATABASE_URL)('an import killed while staging, on PGlite', () => {
  it('writes nothing, and its staging table is dropped when the next import starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiaodu-kill-'));
    const data = join(dir, 'data');
    const setup = await openStore({ dataDir: data });
    await upsertRegions(setup, divisionsUnder('3301', 'town'));
    await setup.close();

    const lines = ['指标,地区,期间,数值'];
    const indicators = ['fai', 'industrial_va', 'retail_sales', 'tax_revenue', 'budget_revenue'];
    for (let i = 0; i < 200_000; i++) {
      const indicator = indicators[Math.floor(i / TOWNS.length) % indicators.length];
      const month = Math.floor(i / (TOWNS.length * indicators.length));
      lines.push(
        `${indicator},${TOWNS[i % TOWNS.length]?.code},${2001 + Math.floor(month / 12)}-${(month % 12) + 1},${i}`,
      );
    }
    const big = join(dir, 'big.csv');
    writeFileSync(big, `${lines.join('\n')}\n`);
    const child = join(dir, 'child.mts');
    writeFileSync(
      child,
      `import { importFile } from ${JSON.stringify(join(import.meta.dirname, '../app/imports.ts'))};
       import { openStore } from ${JSON.stringify(join(import.meta.dirname, 'index.ts'))};
       const db = await openStore({ dataDir: ${JSON.stringify(data)} });
       await importFile(db, ${JSON.stringify(big)}, {
         onProgress: (p) => { if (p.rows >= 20000) console.log('staging ' + p.rows); },
       });
       console.log('finished');`,
    );
    const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const seen = await new Promise<string>((resolve) => {
      createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (line.startsWith('staging') || line === 'finished') resolve(line);
      });
      proc.once('exit', () => resolve('exited'));
    });
    expect(seen).toMatch(/^staging/);
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));

    const db = await openStore({ dataDir: data });
    try {
      const left = await db.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'import\\_staging\\_%'`,
      );
      expect(left).toHaveLength(1);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]?.n).toBe(0);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batch'))[0]?.n).toBe(0);
      const small = join(dir, 'small.csv');
      writeFileSync(small, '指标,地区,期间,数值\nfai,330106,2025-06,1.5\n');
      expect(await importFile(db, small)).toMatchObject({ created: 1 });
      expect(
        await db.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'import\\_staging\\_%'`),
      ).toEqual([]);
    } finally {
      await db.close();
    }
    // A real process on a shared two-core machine: minutes, not the default minute, when other work runs.
  }, 300_000);
});
