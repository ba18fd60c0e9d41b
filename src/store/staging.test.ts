// A big file is staged in chunks outside the final transaction: progress is told, staging is cleaned up,
// a refused file writes nothing, and a file over the row limit is refused with the limit named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../app/imports.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from './db.ts';
import { divisionsUnder, type ImportProgress, upsertRegions } from './index.ts';
import { createStaging, dropStaleStaging } from './staging.ts';
import { driverName, freshStore } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-staging-'));
const TOWNS = divisionsUnder('3301', 'town').filter((r) => r.level === 4);
const INDICATORS = ['fai', 'industrial_va', 'retail_sales', 'tax_revenue', 'budget_revenue'];

/** A long CSV of `rows` distinct rows: every town × five indicators × month from 2001-01 on. */
function bigCsv(name: string, rows: number, lastValue?: string): string {
  const lines = ['指标,地区,期间,数值'];
  for (let i = 0; i < rows; i++) {
    const town = TOWNS[i % TOWNS.length]?.code;
    const indicator = INDICATORS[Math.floor(i / TOWNS.length) % INDICATORS.length];
    const month = Math.floor(i / (TOWNS.length * INDICATORS.length));
    const period = `${2001 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    lines.push(`${indicator},${town},${period},${i === rows - 1 && lastValue ? lastValue : i + 0.5}`);
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;
const stagingTables = async (db: Db) =>
  (
    await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'import\\_staging\\_%'`,
    )
  ).map((r) => r.name);

describe(`staged imports on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
  });
  afterAll(() => drop());

  it('tells its progress chunk by chunk, then checks and writes, and leaves no staging table behind', async () => {
    const seen: ImportProgress[] = [];
    const summary = await importFile(db, bigCsv('big.csv', 12_000), { onProgress: (p) => seen.push(p) });
    expect(summary).toMatchObject({ rows: 12_000, created: 12_000, updated: 0 });
    expect(await count(db, 'observation')).toBe(12_000);
    const reading = seen.filter((p) => p.state === 'reading').map((p) => p.rows);
    // 12,000 rows in chunks of 5,000: told after each chunk, never going backwards.
    expect(reading).toEqual([0, 5_000, 10_000, 12_000]);
    expect(seen.map((p) => p.state).slice(-2)).toEqual(['checking', 'writing']);
    expect(await stagingTables(db)).toEqual([]);
  });

  it('writes nothing from a file whose last row is bad, and drops its staging', async () => {
    const before = await count(db, 'observation');
    const err = await importFile(db, bigCsv('bad-last.csv', 12_000, '12x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]).toMatchObject({ row: 12_001, column: 'D', value: '12x' });
    expect(await count(db, 'observation')).toBe(before);
    expect(await count(db, 'observation_history')).toBe(0);
    expect(await stagingTables(db)).toEqual([]);
  });

  it('writes nothing and keeps no staging on a dry run', async () => {
    const before = await count(db, 'observation');
    const summary = await importFile(db, bigCsv('dry.csv', 6_000), { dryRun: true });
    expect(summary).toMatchObject({ rows: 6_000, dryRun: true, created: 0, ignored: 6_000 });
    expect(await count(db, 'observation')).toBe(before);
    expect(await stagingTables(db)).toEqual([]);
  });

  it('refuses a file over the row limit, naming the limit and the row it was passed at', async () => {
    const err = await importFile(db, bigCsv('too-many.csv', 120), { maxRows: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]).toMatchObject({ row: 102, code: 'too_many_rows' });
    expect((err as ImportError).issues[0]?.expected).toContain('最多 100 行');
    expect(await stagingTables(db)).toEqual([]);
  });

  it('drops a staging table an interrupted import left behind, when the next import starts', async () => {
    // A table as a killed process would leave it: created, filled, never dropped, and not this process's.
    const left = await createStaging(db);
    await db.exec(`INSERT INTO ${left} (line, region_code) VALUES (2, '330106')`);
    expect(await dropStaleStaging(db)).toEqual([]); // still being filled here, so not stale
    await db.exec(`ALTER TABLE ${left} RENAME TO import_staging_0_dead`);
    // Named as started at time 0: stale on PostgreSQL too, where only tables over a day old are dropped.
    expect(await dropStaleStaging(db)).toEqual(['import_staging_0_dead']);
    expect(await stagingTables(db)).toEqual([]);
  });
});
