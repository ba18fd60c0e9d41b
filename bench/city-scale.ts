// City-scale benchmark: 300 regions × 150 indicators × 10 years × 12 months ≈ 5.4 M observations.
// Prints load throughput and series/league/progress/overview latency; asserts nothing (machines here are shared).
// Run: npx tsx bench/city-scale.ts [--driver pglite|postgres] [--scale 0.1] [--import-rows 1000000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Indicator, Observation, Region } from '../src/core/types.ts';
import {
  type Db,
  league,
  loadObservations,
  openDb,
  openStore,
  overview,
  progress,
  saveIndicator,
  series,
  setTarget,
  upsertRegions,
} from '../src/store/index.ts';
import { importGeneratedCsv } from './import-csv.ts';

const { values } = parseArgs({
  options: {
    driver: { type: 'string', default: 'pglite' },
    scale: { type: 'string', default: '1' },
    'import-rows': { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '50' },
  },
});
const scale = Number(values.scale);
const REGIONS = Math.max(10, Math.round(300 * scale));
const INDICATORS = Math.max(5, Math.round(150 * scale));
const YEARS = 10;
const RUNS = Number(values.runs);

function regions(): Region[] {
  const city: Region = { code: 'B00', name: '基准市', parentCode: null, level: 2, kind: 'division' };
  const counties = Array.from(
    { length: 20 },
    (_, i): Region => ({
      code: `B${String(i + 1).padStart(2, '0')}`,
      name: `基准县${i + 1}`,
      parentCode: 'B00',
      level: 3,
      kind: 'division',
    }),
  );
  const towns = Array.from(
    { length: REGIONS - 21 },
    (_, i): Region => ({
      code: `B${String((i % 20) + 1).padStart(2, '0')}T${String(i).padStart(3, '0')}`,
      name: `基准镇${i}`,
      parentCode: `B${String((i % 20) + 1).padStart(2, '0')}`,
      level: 4,
      kind: 'division',
    }),
  );
  return [city, ...counties, ...towns];
}

const indicator = (i: number): Indicator => ({
  code: `bench_${i}`,
  name: `基准指标${i}`,
  aliases: [],
  unit: '亿元',
  frequency: 'month',
  measure: 'flow',
  aggregation: 'sum',
  direction: 'up',
  comparable: false,
  janFebCombined: false,
  reportingUnit: null,
  leader: null,
  intake: 'file',
  alertThreshold: null,
  excellenceThreshold: null,
});

function* observations(rs: Region[]): Generator<Observation> {
  for (const r of rs) {
    for (let i = 0; i < INDICATORS; i++) {
      for (let y = 2016; y < 2016 + YEARS; y++) {
        let ytd = 0;
        for (let m = 1; m <= 12; m++) {
          ytd += 10 + ((i * 7 + m * 13 + y) % 17);
          yield {
            regionCode: r.code,
            indicatorCode: `bench_${i}`,
            year: y,
            month: m,
            value: ytd,
            yoy: null,
            scope: '',
            forecast: false,
            source: null,
            status: 'published',
          };
        }
      }
    }
  }
}

async function time<T>(runs: number, fn: (i: number) => Promise<T>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => (ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0).toFixed(1);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tiaodu-bench-'));
  if (values.driver === 'postgres') {
    // Start from an empty schema on the server, as PGlite starts from an empty directory.
    const raw = await openDb({ url: process.env.DATABASE_URL });
    await raw.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await raw.close();
  }
  const db: Db = await openStore(
    values.driver === 'postgres' ? { url: process.env.DATABASE_URL } : { dataDir: join(dir, 'db') },
  );
  const rs = regions();
  await upsertRegions(db, rs);
  for (let i = 0; i < INDICATORS; i++) await saveIndicator(db, indicator(i));
  const expected = rs.length * INDICATORS * YEARS * 12;
  console.log(
    `driver ${db.kind}; ${rs.length} regions × ${INDICATORS} indicators × ${YEARS} years × 12 months = ${expected.toLocaleString()} observations`,
  );
  // How much of the load is this script making rows in JavaScript, not the database ingesting them.
  let t = performance.now();
  let chars = 0;
  for (const o of observations(rs)) chars += o.regionCode.length + String(o.value).length;
  const genSeconds = (performance.now() - t) / 1000;
  console.log(`generate rows    ${genSeconds.toFixed(1)} s (JavaScript only, ${chars} chars touched)`);
  t = performance.now();
  const n = await loadObservations(db, observations(rs), 'bench', { bulk: true });
  let s = (performance.now() - t) / 1000;
  console.log(
    `load (COPY)      ${n.toLocaleString()} rows in ${s.toFixed(1)} s = ${Math.round(n / s).toLocaleString()} rows/s`,
  );
  t = performance.now();
  await db.exec('ANALYZE');
  console.log(`analyze          ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const town = rs[rs.length - 1] as Region;
  for (let i = 0; i < 20; i++) {
    await setTarget(db, {
      indicatorCode: `bench_${i}`,
      regionCode: town.code,
      year: 2025,
      kind: i % 2 ? 'growth' : 'amount',
      value: i % 2 ? 6 : 3000,
      cmp: '>=',
      strength: 'expected',
      trajectory: null,
      source: null,
      quote: null,
    });
  }
  const ind = (i: number) => indicator(i % INDICATORS);
  console.log(
    `series  (10 y)   ${await time(RUNS, (i) => series(db, ind(i), (rs[(i * 7) % rs.length] as Region).code))}`,
  );
  console.log(
    `league by value  ${await time(RUNS, (i) => league(db, { indicator: ind(i), year: 2025, month: 1 + (i % 12), by: 'value', level: 4 }))}`,
  );
  console.log(
    `league by yoy    ${await time(RUNS, (i) => league(db, { indicator: ind(i), year: 2025, month: 1 + (i % 12), by: 'yoy', level: 4 }))}`,
  );
  console.log(`progress (20 t)  ${await time(RUNS, (i) => progress(db, town.code, 2025, 1 + (i % 12)))}`);
  console.log(`overview (town)  ${await time(RUNS, (i) => overview(db, town, 2025, 1 + (i % 12)))}`);
  const importRows = Number(values['import-rows']);
  if (importRows > 0) {
    t = performance.now();
    const summary = await importGeneratedCsv(db, dir, rs, importRows);
    s = (performance.now() - t) / 1000;
    console.log(
      `import long CSV  ${summary.rows.toLocaleString()} rows (${summary.updated.toLocaleString()} updated) in ${s.toFixed(1)} s = ${Math.round(summary.rows / s).toLocaleString()} rows/s`,
    );
  }
  console.log(`memory           rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
