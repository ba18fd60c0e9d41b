// `tiaodu init`: loading the division catalogue into a fresh store, from a province's towns to China's, on the
// embedded database (or PostgreSQL with DATABASE_URL). Each load is timed twice: into an empty store, then
// again over itself (every row already there and unchanged). Run: npx tsx bench/regions.ts [--runs 3]
import { parseArgs } from 'node:util';
import { divisionsUnder, upsertRegions } from '../src/store/index.ts';
import { freshStore } from '../src/store/testing.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const cases: [string, string, 'county' | 'town'][] = [
  ['浙江省 to towns', '33', 'town'],
  ['China to counties', 'CN', 'county'],
  ['China to towns', 'CN', 'town'],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

console.log(`driver ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${runs} runs, median`);
for (const [label, code, depth] of cases) {
  const regions = divisionsUnder(code, depth);
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { db, drop } = await freshStore();
    let t = performance.now();
    await upsertRegions(db, regions);
    first.push(performance.now() - t);
    t = performance.now();
    await upsertRegions(db, regions);
    again.push(performance.now() - t);
    await drop();
  }
  const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(
    `${label.padEnd(18)} ${String(regions.length).padStart(6)} regions  load ${ms(median(first))}  again ${ms(median(again))}`,
  );
}
