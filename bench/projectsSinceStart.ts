// 开工以来累计 at city scale: 10,000 projects reported monthly for 2023, 2024 and 2025 to June (300,000 reports).
// Times the one query of earlier years' last reports alone and the city's project list that adds it.
// Prints numbers; asserts nothing. Run: npx tsx bench/projectsSinceStart.ts [--projects 10000] [--runs 10]
import { parseArgs } from 'node:util';
import {
  divisionsUnder,
  openStore,
  projectList,
  projectsAt,
  reportsUnder,
  upsertRegions,
  yearEndsUnder,
} from '../src/store/index.ts';

const { values } = parseArgs({
  options: { projects: { type: 'string', default: '10000' }, runs: { type: 'string', default: '10' } },
});
const N = Number(values.projects);
const RUNS = Number(values.runs);

async function time(fn: () => Promise<unknown>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] ?? 0).toFixed(0);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`;
}

const db = await openStore({ dataDir: 'memory://' });
const regions = divisionsUnder('3301', 'town');
await upsertRegions(db, regions);
const places = regions.filter((r) => r.level >= 3).map((r) => r.code);
// The register and the reports made in SQL: the reads are measured here, the imports in bench/projects.ts.
await db.query(
  `INSERT INTO project (code, name, region_code, nature, total_investment, annual_plan)
   SELECT 'P' || lpad(i::text, 6, '0'), '项目' || i, ($2::text[])[1 + i % array_length($2::text[], 1)], '续建',
     40000, 4000 FROM generate_series(0, $1::int - 1) i`,
  [N, places],
);
await db.query(
  `INSERT INTO project_report (project_code, year, month, done)
   SELECT p.code, y, m, m * 300 FROM project p, generate_series(2023, 2025) y, generate_series(1, 12) m
   WHERE y < 2025 OR m <= 6`,
);
const june = { year: 2025, month: 6 };
console.log(
  `${N} projects in ${places.length} districts and towns, reports 2023-01 to 2025-06; ${RUNS} runs each`,
);
const line = async (label: string, fn: () => Promise<unknown>) =>
  console.log(`${label.padEnd(44)} ${await time(fn)}`);
await line('city: this year’s reports (SQL)', () => reportsUnder(db, '3301', june));
await line('city: earlier years’ last reports (SQL)', () => yearEndsUnder(db, '3301', 2025));
await line('city: rows and lights (projectsAt)', () => projectsAt(db, '3301', june));
await line('city: project list', () => projectList(db, '3301', june));
await line('district 西湖区: project list', () => projectList(db, '330106', june));
const row = (await projectList(db, '3301', june))[0];
console.log(
  `check: ${row?.code} since the start ${row?.sinceStart} (3600 + 3600 + 1800), ${row?.shareOfTotal} %`,
);
await db.close();
