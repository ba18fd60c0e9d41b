// Key projects at city scale: 10,000 projects × 12 monthly reports in one city (districts and towns).
// Times the register import (CSV, all new, then all updated), the reports import, the city's project
// list, rates and lights, and the board over HTTP: warm, after writes, a whole read, the first opening after a
// start with and without the read ahead. Prints numbers; asserts nothing.
// Run: npx tsx bench/projects.ts [--projects 10000] [--runs 10] [--data DIR]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importProjectFile } from '../src/app/imports.ts';
import { projectRow } from '../src/core/projects/rows.ts';
import { createApp } from '../src/server/app.ts';
import { createTokenAuth } from '../src/server/auth.ts';
import {
  divisionsUnder,
  loadObservations,
  openStore,
  projectList,
  projectRatesAt,
  projectsAt,
  projectsUnder,
  reportsUnder,
  upsertRegions,
} from '../src/store/index.ts';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '10' },
    data: { type: 'string' },
  },
});
const N = Number(values.projects);
const RUNS = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'tiaodu-bench-projects-'));

/** Times `fn` RUNS times; `before` runs untimed before each (e.g. a write, so the server reads anew). */
async function time(fn: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before?.();
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(ms.length * q))] ?? 0).toFixed(0);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`;
}

async function once(label: string, fn: () => Promise<unknown>): Promise<void> {
  const t = performance.now();
  await fn();
  console.log(`${label.padEnd(40)} ${((performance.now() - t) / 1000).toFixed(2)} s`);
}

const regions = divisionsUnder('3301', 'town');
const places = regions.filter((r) => r.level >= 3);
const levels = ['省重点', '市重点', '县重点', '区重点'];
const month = (m: number) => `2025-${String(m).padStart(2, '0')}`;

function registerCsv(plan: (i: number) => number): string {
  const rows = [
    '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期',
  ];
  for (let i = 0; i < N; i++) {
    const place = places[i % places.length] as (typeof places)[number];
    const start = (i % 14) + 1;
    const started = i % 5 !== 0 && start <= 12;
    rows.push(
      [
        `P${String(i).padStart(6, '0')}`,
        `项目${i}`,
        place.code,
        `${place.name}单位${i % 7}`,
        `领导${i % 50}`,
        levels[i % 4],
        '产业',
        i % 3 === 0 ? '续建' : '新建',
        plan(i) * 4,
        plan(i),
        start <= 12 ? month(start) : '2026-02',
        started ? `${month(start)}-10` : '',
        '2026-12',
        '',
        started && i % 4 !== 0 ? month(Math.min(12, start + 1)) : '',
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

function reportsCsv(): string {
  const rows = ['项目编号,月份,本年累计完成投资(万元),形象进度,存在问题,需协调事项'];
  for (let i = 0; i < N; i++)
    for (let m = 1; m <= 12; m++)
      rows.push(`P${String(i).padStart(6, '0')},${month(m)},${(1000 + (i % 500)) * m * 0.07},施工中,,`);
  return `${rows.join('\n')}\n`;
}

const db = await openStore({ dataDir: values.data ?? 'memory://' });
await upsertRegions(db, regions);
// One cockpit figure: the web app opens the board at the city's latest period, and so does the read ahead.
await loadObservations(db, [
  {
    indicatorCode: 'fai',
    regionCode: '3301',
    year: 2025,
    month: 6,
    value: 1000,
    yoy: null,
    scope: '',
    forecast: false,
    source: 'bench',
    status: 'published',
  },
]);
console.log(
  `${N} projects in ${places.length} districts and towns of 杭州市, ${N * 12} monthly reports; ${RUNS} runs each`,
);
const register = join(dir, '项目库.csv');
writeFileSync(
  register,
  registerCsv((i) => 1000 + (i % 500)),
);
await once('register import (all new)', () => importProjectFile(db, register));
writeFileSync(
  register,
  registerCsv((i) => 1000 + (i % 500) + (i % 2)),
);
await once('register re-import (half changed, history)', () => importProjectFile(db, register));
const reports = join(dir, '项目月报.csv');
writeFileSync(reports, reportsCsv());
await once(`monthly reports import (${N * 12} rows)`, () => importProjectFile(db, reports));
const june = { year: 2025, month: 6 };
console.log(`${'city: read the register (SQL)'.padEnd(40)} ${await time(() => projectsUnder(db, '3301'))}`);
console.log(
  `${'city: read the reports (SQL)'.padEnd(40)} ${await time(() => reportsUnder(db, '3301', june))}`,
);
const projects = await projectsUnder(db, '3301');
const byCode = await reportsUnder(db, '3301', june);
console.log(
  `${'city: rows and lights (core only)'.padEnd(40)} ${await time(async () =>
    projects.map((p) => projectRow(p, byCode.get(p.code) ?? [], june)),
  )}`,
);
console.log(
  `${'city: rows and lights (projectsAt)'.padEnd(40)} ${await time(() => projectsAt(db, '3301', june))}`,
);
console.log(`${'city: project list'.padEnd(40)} ${await time(() => projectList(db, '3301', june))}`);
console.log(`${'city: rates'.padEnd(40)} ${await time(() => projectRatesAt(db, '3301', june))}`);
console.log(
  `${'district 西湖区: project list'.padEnd(40)} ${await time(() => projectList(db, '330106', june))}`,
);
// The board over HTTP as the browser asks it. The server keeps its read model of (region, period) and after a
// write reads again what changed: the "after" lines write first (untimed), each run.
const newApp = () =>
  createApp(db, { auth: createTokenAuth({ bench: { name: 'bench', role: 'analyst', regionCode: null } }) });
const app = newApp();
const bearer = { authorization: 'Bearer bench' };
const ask = (path: string, query = '', to = app) =>
  to.request(`${path}?region=3301&period=2025-06${query}`, { headers: bearer });
const all =
  (paths: string[], to = () => app) =>
  async () => {
    const answers = await Promise.all(paths.map((p) => ask(p, '', to())));
    await Promise.all(answers.map((r) => r.text()));
  };
let written = 0;
/** A write that changes nothing the board reads: a problem added to a project. */
const addProblem = async (to = app) => {
  const r = await to.request('/api/projects/problems', {
    method: 'POST',
    headers: { ...bearer, 'content-type': 'application/json' },
    body: JSON.stringify({
      region: '3301',
      code: `P${String(written++ % N).padStart(6, '0')}`,
      description: '用地指标',
      coordinator: '规资局',
      due: '2025-05-31',
    }),
  });
  if (r.status !== 201) throw new Error(`write: ${r.status} ${await r.text()}`);
};
const post = async (path: string, body: unknown) => {
  const r = await app.request(path, {
    method: 'POST',
    headers: { ...bearer, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as { id: number };
};
let updated = 0;
/** A write to one project: its June report sent and approved (two requests). */
const approveUpdate = async () => {
  const code = `P${String((updated++ * 37) % N).padStart(6, '0')}`;
  const sent = await post('/api/projects/updates', {
    region: '3301',
    code,
    period: '2025-06',
    done: 100 + updated,
  });
  await post('/api/projects/updates/review', { ids: [sent.id], decision: 'approve' });
};
let renamed = 0;
/** A change every project's row shows (a town's name), then a write over HTTP: the board reads everything. */
const renameTown = async (to = app) => {
  const town = places[places.length - 1] as (typeof places)[number];
  await db.query('UPDATE region SET name = $2 WHERE code = $1', [
    town.code,
    `${town.name}${renamed++ % 2 ? '' : '镇'}`,
  ]);
  await addProblem(to);
};
// Before the board paged on the server it asked these three at once, the list whole (10,000 rows).
console.log(
  `${'city board over HTTP (list+rates+三未)'.padEnd(40)} ${await time(
    all(['/api/projects', '/api/projects/rates', '/api/projects/three-nots']),
    () => addProblem(),
  )}`,
);
// What the board asks for its first screen now: one page of 20 rows (sorted, with the counts and menus) and
// the rates, at once. The 三未 lists wait for their tab. After a write the server asks the store which projects
// changed since it read them: none (a problem added), one (an update approved), or everything (a region renamed).
const opening = all(['/api/projects/page', '/api/projects/rates']);
console.log(`${'opening after a problem added'.padEnd(40)} ${await time(opening, () => addProblem())}`);
console.log(`${'opening after an update approved'.padEnd(40)} ${await time(opening, approveUpdate)}`);
console.log(
  `${'opening after a town renamed (whole)'.padEnd(40)} ${await time(opening, () => renameTown())}`,
);
console.log(`${'city board opening, warm (page+rates)'.padEnd(40)} ${await time(opening)}`);
// A start: a new app over the same store, its read models empty; tiaodu serve reads the board ahead once listening.
let started = newApp();
const start = async (readAhead: boolean) => {
  started = newApp();
  if (readAhead) await started.warmUp();
};
const firstOpening = all(['/api/projects/page', '/api/projects/rates'], () => started);
console.log(
  `${'first opening after start (whole read)'.padEnd(40)} ${await time(firstOpening, () => start(false))}`,
);
console.log(`${'start → board read ahead'.padEnd(40)} ${await time(() => newApp().warmUp())}`);
console.log(
  `${'first opening after start, read ahead'.padEnd(40)} ${await time(firstOpening, () => start(true))}`,
);
// After a write the read ahead waits for a second of quiet, then brings the model asked last up to date.
const renamedAndQuiet = async () => {
  await renameTown(started);
  await new Promise((r) => setTimeout(r, 1500));
};
console.log(
  `${'opening 1.5 s after a town renamed, ahead'.padEnd(40)} ${await time(firstOpening, renamedAndQuiet)}`,
);
let turn = 0;
console.log(
  `${'city board page turn (filter, sort)'.padEnd(40)} ${await time(async () => {
    const r = await ask('/api/projects/page', `&level=市重点&sort=lag&order=descend&offset=${20 * turn++}`);
    await r.text();
  })}`,
);
const first = (await (await ask('/api/projects/page')).json()) as { total: number; rows: unknown[] };
const size = (await (await ask('/api/projects/page')).text()).length;
console.log(
  `check: the board's page has ${first.rows.length} of ${first.total} rows, ${(size / 1024).toFixed(0)} k characters`,
);
const rates = await projectRatesAt(db, '3301', june);
console.log(
  `check: ${rates.projects} projects, red ${rates.red}, yellow ${rates.yellow}, green ${rates.green}`,
);
await db.close();
rmSync(dir, { recursive: true, force: true });
