// A 130,000-row XLSX imported into a served demo city while a client asks for a league table every 100 ms.
// Run: npx tsx bench/import-while-serving.ts [--rows N] [--no-cache]   (prints numbers; asserts nothing)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { builtinIndicators } from '../src/core/catalog.ts';
import { divisionsUnder } from '../src/store/regions.ts';
import { signIn, startServed, stats } from './lib/served.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, 'no-cache': { type: 'boolean' }, 'give-up': { type: 'string' } },
});
const ROWS = Number(values.rows ?? 130_000);
/** An import still running after this many seconds is abandoned (the code before issue 8 took hours). */
const GIVE_UP_S = Number(values['give-up'] ?? 900);

/** The long template, one row per indicator × region × month from 2000-01 on; `badLast` spoils the last value. */
async function writeXlsx(path: string, rows: number, badLast: boolean): Promise<void> {
  const regions = divisionsUnder('3301', 'town').map((r) => r.code);
  const indicators = builtinIndicators.map((i) => i.code);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(['指标', '地区', '期间', '数值', '同比(%)']).commit();
  let n = 0;
  outer: for (let month = 0; ; month++) {
    const period = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    for (const region of regions) {
      for (const indicator of indicators) {
        if (n === rows) break outer;
        n++;
        const value = n === rows && badLast ? '十二点五' : (n % 997) + 0.25;
        sheet.addRow([indicator, region, period, value, (n % 13) - 3]).commit();
      }
    }
  }
  await sheet.commit();
  await wb.commit();
}

async function run(label: string, base: string, headers: Record<string, string>, file: string) {
  const body = readFileSync(file);
  const league: number[] = [];
  let failed = 0;
  let pending = 0;
  let tick = 0;
  // Each tick sends a request whether or not the last one came back, as 10 waiting browsers would.
  const poller = setInterval(() => {
    const indicator = builtinIndicators[tick % builtinIndicators.length]?.code ?? 'gdp';
    const period = `2025-${String((tick % 6) + 1).padStart(2, '0')}`;
    tick++;
    pending++;
    const t = performance.now();
    fetch(`${base}/api/league?indicator=${indicator}&period=${period}&by=yoy&parent=3301`, { headers })
      .then((r) => r.arrayBuffer())
      .then(
        () => league.push(performance.now() - t),
        () => failed++,
      )
      .finally(() => pending--);
  }, 100);
  const t0 = performance.now();
  const abort = AbortSignal.timeout(GIVE_UP_S * 1000);
  type Answer = { state?: string; summary?: unknown; issues?: unknown[]; error?: { message: string } };
  let result: Answer = { error: { message: `gave up after ${GIVE_UP_S} s` } };
  let mode = 'synchronous';
  try {
    const r = await fetch(`${base}/api/import?async=1`, {
      method: 'POST',
      headers: { ...headers, 'x-filename': encodeURIComponent(file.split('/').pop() ?? 'f.xlsx') },
      body,
      signal: abort,
    });
    result = (await r.json()) as Answer;
    if (r.status === 202) {
      mode = 'job';
      const id = (result as { id: string }).id;
      for (;;) {
        await new Promise((res) => setTimeout(res, 250));
        result = (await (
          await fetch(`${base}/api/imports/${id}`, { headers, signal: abort })
        ).json()) as Answer;
        if (result.state === 'done' || result.state === 'failed') break;
      }
    }
  } catch (e) {
    result = {
      error: { message: `${(e as Error).message} after ${((performance.now() - t0) / 1000).toFixed(0)} s` },
    };
  }
  const took = (performance.now() - t0) / 1000;
  clearInterval(poller);
  const drained = performance.now() + 30_000;
  while (pending > 0 && performance.now() < drained) await new Promise((res) => setTimeout(res, 20));
  const outcome = result.summary
    ? JSON.stringify(result.summary)
    : (result.error?.message ?? JSON.stringify(result).slice(0, 200));
  console.log(`${label} (${mode}): ${took.toFixed(1)} s — ${outcome.slice(0, 160)}`);
  console.log(`  league during the import: ${stats(league)}; ${failed} failed, ${pending} unanswered`);
}

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-xlsx-'));
const valid = join(dir, `valid-${ROWS}.xlsx`);
const bad = join(dir, `bad-last-row-${ROWS}.xlsx`);
await writeXlsx(valid, ROWS, false);
await writeXlsx(bad, ROWS, true);
console.log(`${ROWS} rows: ${(readFileSync(valid).length / 1e6).toFixed(1)} MB XLSX`);

const served = await startServed({ cache: !values['no-cache'] });
try {
  const headers = await signIn(served.base, 'analyst', 'tiaodu-fenxi');
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await (
      await fetch(`${served.base}/api/league?indicator=fai&period=2025-06&by=yoy&parent=3301`, { headers })
    ).arrayBuffer();
    idle.push(performance.now() - t);
  }
  console.log(`league with no import:    ${stats(idle)}`);
  await run('refused (error in the last row)', served.base, headers, bad);
  await run('valid', served.base, headers, valid);
} finally {
  await served.stop();
  rmSync(dir, { recursive: true, force: true });
}
