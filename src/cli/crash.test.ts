// kill -9 at the worst moments, with real processes on a real data directory: whatever was acknowledged
// survives, an import cut short is wholly absent, and the dead process's lock does not block the next one.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import {
  bigCsv,
  killLeftovers,
  sleep,
  spawnTiaodu,
  startServer,
  tableFiles,
  tempDir,
  tiaodu,
  until,
} from './testing.ts';

afterAll(killLeftovers);

/** Rows of `year` in the store, read in this process once every tiaodu process has gone. */
async function observationsOf(data: string, year: number): Promise<number> {
  const db = await openStore({ dataDir: data, url: '' });
  try {
    const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation WHERE year = $1', [
      year,
    ]);
    return Number(r?.n);
  } finally {
    await db.close();
  }
}

type Point = { period: string; value: number };
const seriesOf = async (data: string, region: string) => {
  const r = await tiaodu(data, ['series', '--indicator', 'gdp', '--region', region, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return { points: JSON.parse(r.stdout) as Point[], stderr: r.stderr };
};

// These processes always run the embedded store (DATABASE_URL=''): the PostgreSQL pass of CI would repeat them.
describe.skipIf(!!process.env.DATABASE_URL)('a process killed with kill -9', () => {
  it('during a 50,000-row import leaves that import wholly absent and everything imported before it in place', async () => {
    const dir = tempDir('kill-import');
    const data = join(dir, 'data');
    expect((await tiaodu(data, ['init', '--region', '330100'])).code).toBe(0);
    const small = join(dir, '先导入.csv');
    writeFileSync(
      small,
      '指标,地区,期间,数值\n地区生产总值,西湖区,2023-06,111.25\n地区生产总值,滨江区,2023-06,98.5\n',
    );
    expect((await tiaodu(data, ['import', small])).stdout).toContain('新增 2');

    const big = bigCsv(join(dir, '大文件.csv'), 2024);
    expect(big.rows).toBeGreaterThan(45_000);
    const before = new Set(tableFiles(data));
    const p = spawnTiaodu(data, ['import', big.path]);
    // The import's staging table appears on disk once it has begun writing; cut it off a moment later.
    await until('the import to begin', () => tableFiles(data).some((f) => !before.has(f)));
    await sleep(700);
    expect(p.child.exitCode, 'the import finished before it could be killed').toBeNull();
    p.child.kill('SIGKILL');
    expect((await p.exited).signal).toBe('SIGKILL');

    const after = await seriesOf(data, '西湖区');
    expect(after.stderr).toContain(`已不在运行`); // the dead import's lock was taken over, and said so
    expect(after.points.filter((x) => x.period === '2023-06')).toEqual([
      expect.objectContaining({ period: '2023-06', value: 111.25 }),
    ]);
    // Killed before its commit it is absent; the kill may also land after the commit, before the summary.
    expect([0, big.rows]).toContain(await observationsOf(data, 2024));

    // The store is not left so that the next import hangs: the same file goes in whole.
    const again = await tiaodu(data, ['import', big.path], { timeout: 180_000 });
    expect(again.stdout).toContain(`新增 ${big.rows}`);
    expect(await observationsOf(data, 2024)).toBe(big.rows);
  }, 900_000);

  it('during a burst of writes through the server keeps every write that was answered', async () => {
    const dir = tempDir('kill-burst');
    const data = join(dir, 'data');
    expect((await tiaodu(data, ['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
    const server = await startServer(data);
    const acked = new Map<string, number>();
    let stopped = false;
    const writer = async (w: number) => {
      for (let i = w; !stopped; i += 4) {
        const period = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        const value = i + 0.5;
        const res = await server
          .api('/api/observations', {
            method: 'POST',
            // Made-up values grow 25-fold a year: confirmed, so the plausibility check does not refuse them.
            body: JSON.stringify({
              indicator: 'gdp',
              region: '330106',
              period,
              value,
              confirm: true,
              reason: '测试数据',
            }),
          })
          .catch(() => null);
        if (res?.ok) acked.set(period, value);
        else if (res) throw new Error(`write refused: ${res.status} ${await res.text()}`);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await until('some writes to be answered', () => acked.size >= 150, 120_000);
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    stopped = true;
    await Promise.all(writers);

    const { points, stderr } = await seriesOf(data, '330106');
    expect(stderr).toContain('已不在运行');
    const stored = new Map(points.map((p) => [p.period, p.value]));
    const lost = [...acked].filter(([period, value]) => stored.get(period) !== value);
    expect(lost, `${lost.length} of ${acked.size} answered writes lost`).toEqual([]);
  }, 600_000);

  it('as a server leaves a lock that does not block the next server, nor send commands to the dead one', async () => {
    const dir = tempDir('kill-serve');
    const data = join(dir, 'data');
    expect((await tiaodu(data, ['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
    const first = await startServer(data);
    first.child.kill('SIGKILL');
    await first.exited;

    // Its lock and its published address are still on disk; a command goes straight to the store.
    const direct = await tiaodu(data, [
      'target',
      'set',
      '--indicator',
      'gdp',
      '--region',
      '西湖区',
      '--year',
      '2025',
      '--growth',
      '6',
    ]);
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stderr).toContain(`PID ${first.child.pid}`);
    expect(existsSync(join(data, 'tiaodu.server.json'))).toBe(false);

    const second = await startServer(data);
    const res = await second.api('/api/targets?region=330106&year=2025');
    expect(await res.json()).toEqual([
      expect.objectContaining({ indicatorCode: 'gdp', kind: 'growth', value: 6 }),
    ]);
    expect((await second.stop()).code).toBe(0);
  }, 600_000);
});
