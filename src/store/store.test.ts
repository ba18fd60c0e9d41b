// Integration tests of the monitoring loop on a real database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../app/imports.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from './db.ts';
import {
  divisionsUnder,
  league,
  progress,
  requireIndicator,
  requireRegion,
  series,
  setTarget,
  targetHistory,
  upsertRegions,
} from './index.ts';
import { driverName, freshStore } from './testing.ts';

const NBS = join(import.meta.dirname, '../../../shared/data/nbs-real-estate-monthly');
const GDP = join(import.meta.dirname, '../../../shared/data/gdp-annual/provincial-gdp-2006-2024.csv');
const hasShared = existsSync(NBS);
if (!hasShared) console.warn('../shared/data 不存在：跳过使用真实统计文件的测试');

const count = async (db: Db) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]?.n;

describe(`regions and name resolution on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('33', 'town'));
  });
  afterAll(() => drop());

  it('loads a province with its cities, counties and towns from the division codes', async () => {
    const [r] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM region WHERE code LIKE '3301%'",
    );
    expect(r?.n).toBeGreaterThan(150);
    expect((await requireRegion(db, '330106')).name).toBe('西湖区');
    expect((await requireRegion(db, '330100')).name).toBe('杭州市');
  });

  it('refuses an ambiguous town name and accepts it qualified by its county', async () => {
    await expect(requireRegion(db, '城南街道')).rejects.toMatchObject({ code: 'region.ambiguous' });
    expect((await requireRegion(db, '桐庐县/城南街道')).code).toBe('330122004');
  });

  it('refuses a region that was not loaded', async () => {
    await expect(requireRegion(db, '鼓楼区')).rejects.toMatchObject({ code: 'region.unknown' });
  });
});

describe.skipIf(!hasShared)(`importing the NBS exports on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  const files = hasShared ? readdirSync(NBS).map((f) => join(NBS, f)) : [];
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('CN', 'province'));
  });
  afterAll(() => drop());

  it('refuses a file with text in a number cell and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiaodu-'));
    const lines = readFileSync(files[0] as string, 'utf8').split('\n');
    const cells = (lines[4] as string).split(',');
    cells[3] = '12x3.5';
    lines[4] = cells.join(',');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const err = await importFile(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const issue = (err as ImportError).issues[0];
    expect(issue).toMatchObject({ row: 5, value: '12x3.5' });
    expect(issue?.column).toContain('D');
    expect(await count(db)).toBe(0);
  });

  it('imports every province and returns the file values and published growth exactly', async () => {
    for (const f of files) await importFile(db, f);
    const indicator = await requireIndicator(db, '房地产投资');
    const yunnan = await requireRegion(db, '云南省');
    const s = await series(db, indicator, yunnan.code);
    const june = s.find((p) => p.period === '2019-06');
    // Read off 云南.csv: 2019年6月 1729.11 亿元, 28.8 %; 2018年6月 1342.21.
    expect(june).toMatchObject({ value: 1729.11, yoy: 28.8, yoyPublished: 28.8, unit: '亿元' });
    expect(june?.yoyDerived).toBeCloseTo((1729.11 / 1342.21 - 1) * 100, 2);
    expect(s.some((p) => p.period.endsWith('-01'))).toBe(false);
    // 两年平均 against 2017-06 (1224.33): √(1729.11 / 1224.33) − 1.
    expect(june?.twoYearAverage).toBeCloseTo((Math.sqrt(1729.11 / 1224.33) - 1) * 100, 2);
  });

  it('flags a swing where growth moves more than 5 points in a month', async () => {
    const indicator = await requireIndicator(db, '房地产投资');
    const s = await series(db, indicator, (await requireRegion(db, '云南省')).code, {
      from: '2019-01',
      to: '2019-12',
    });
    // 云南 2019: 1–4月 27.4 → 1–5月 32.8 (+5.4 pp); 1–9月 29.7 → 1–10月 24.2 (−5.5 pp); no other move exceeds 5.
    expect(s.filter((p) => p.swing).map((p) => p.period)).toEqual(['2019-05', '2019-10']);
  });

  it('reports unchanged rows as ignored when a file is imported again', async () => {
    const s = await importFile(db, files[0] as string);
    expect(s.created).toBe(0);
    expect(s.updated).toBe(0);
    expect(s.ignored).toBeGreaterThan(0);
  });

  it('ranks provinces by published growth in a league table', async () => {
    const indicator = await requireIndicator(db, '房地产投资');
    const rows = await league(db, { indicator, year: 2019, month: 6, by: 'yoy' });
    expect(rows).toHaveLength(files.length);
    const yoys = rows.map((r) => r.yoy ?? 0);
    expect([...yoys].sort((a, b) => b - a)).toEqual(yoys);
    expect(rows[0]?.rank).toBe(1);
    expect(rows[0]?.explain.formula).toContain('排位');
    expect(rows[0]?.rankChange).not.toBeUndefined();
  });

  it('measures progress against growth and amount targets at June', async () => {
    const indicator = await requireIndicator(db, '房地产投资');
    const yunnan = await requireRegion(db, '云南');
    const base = { indicatorCode: indicator.code, regionCode: yunnan.code, year: 2019, cmp: '>=' as const };
    const more = { trajectory: null, source: 'test', quote: null };
    await setTarget(db, { ...base, kind: 'growth', value: 8, strength: 'expected', ...more });
    let [row] = (await progress(db, yunnan.code, 2019, 6)).rows;
    expect(row).toMatchObject({ targetKind: 'growth', actual: 28.8, timeProgress: 50 });
    expect(row?.gap).toBeCloseTo(20.8, 6);
    // The rest of 2019 needs (3247.23 × 1.08 − 1729.11) ÷ (3247.23 − 1342.21) − 1 = −6.67 % (already far ahead).
    expect(row?.needed.growth).toBeCloseTo(-6.67, 2);
    await setTarget(db, { ...base, kind: 'amount', value: 4000, strength: 'expected', ...more });
    [row] = (await progress(db, yunnan.code, 2019, 6)).rows;
    // 1729.11 / 4000 = 43.23 %; 43.23 − 50 = −6.77 pp.
    expect(row?.completion).toBeCloseTo(43.23, 2);
    expect(row?.gap).toBeCloseTo(-6.77, 2);
    const history = await targetHistory(db, yunnan.code, indicator.code, 2019);
    expect(history).toHaveLength(2);
    expect(history[1]?.old?.value).toBe(8);
  });

  it('imports the GBK-encoded annual GDP file', async () => {
    const s = await importFile(db, GDP);
    expect(s.created).toBe(31 * 19);
    const gdp = await requireIndicator(db, 'gdp');
    const bj = await requireRegion(db, '北京市');
    const points = await series(db, gdp, bj.code, { from: '2024-01', to: '2024-12' });
    expect(points).toEqual([expect.objectContaining({ period: '2024-12', value: 49670.2 })]);
  });
});
