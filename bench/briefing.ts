// The briefing on the demo city: the model (overview + the children's league + text), and each file format,
// for a district (西湖区), the city (杭州市) and a town. Prints latency; asserts nothing.
// Run: npx tsx bench/briefing.ts [--runs 5]
import { parseArgs } from 'node:util';
import { loadDemo } from '../src/demo/index.ts';
import { renderBriefing } from '../src/reports/briefing/index.ts';
import { briefing, openStore, requireRegion } from '../src/store/index.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);

async function time(fn: () => Promise<unknown>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return `p50 ${(ms[Math.floor(ms.length / 2)] ?? 0).toFixed(0)} ms  max ${(ms.at(-1) ?? 0).toFixed(0)} ms`;
}

const db = await openStore({ dataDir: 'memory://' });
await loadDemo(db);
for (const name of ['西湖区', '杭州市', '330106010']) {
  const region = await requireRegion(db, name);
  const b = await briefing(db, region, 2025, 6);
  console.log(
    `${region.name.padEnd(6, '　')} model         ${await time(() => briefing(db, region, 2025, 6))}`,
  );
  for (const format of ['docx', 'xlsx', 'html'] as const)
    console.log(
      `${region.name.padEnd(6, '　')} + ${format} render ${await time(() => renderBriefing(b, format))}`,
    );
}
await db.close();
