// A small worked city for the API tests: two Hangzhou districts, two indicators, targets whose results are hand-computed.
import type { ParsedProject } from '../core/projects/parsed.ts';
import type { Observation } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { divisionsUnder, loadObservations, setTarget, upsertRegions } from '../store/index.ts';
import { freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';

export const XIHU = '330106';
export const BINJIANG = '330108';

const obs = (indicatorCode: string, regionCode: string, year: number, value: number): Observation => ({
  indicatorCode,
  regionCode,
  year,
  month: 6,
  value,
  yoy: null,
  scope: '',
  forecast: false,
  source: 'test',
  status: 'published',
});

/**
 * 西湖区: 固定资产投资 1–6月 100 → 110 (derived growth 10 %, target ≈8 % → gap 2 pp);
 * 社零 500 → 600 against an amount target of 1000 (completion 60 %, time 50 % → gap 10 pp).
 * 滨江区: 固定资产投资 100 → 120 (20 %).
 */
export async function workedCity(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const { db, drop } = await freshStore();
  await upsertRegions(db, divisionsUnder('3301', 'county'));
  await loadObservations(db, [
    obs('fai', XIHU, 2024, 100),
    obs('fai', XIHU, 2025, 110),
    obs('fai', BINJIANG, 2024, 100),
    obs('fai', BINJIANG, 2025, 120),
    obs('retail_sales', XIHU, 2024, 500),
    obs('retail_sales', XIHU, 2025, 600),
  ]);
  const target = {
    regionCode: XIHU,
    year: 2025,
    strength: 'expected',
    trajectory: null,
    source: null,
    quote: null,
  } as const;
  await setTarget(db, { ...target, indicatorCode: 'fai', kind: 'growth', value: 8, cmp: '≈' });
  await setTarget(db, { ...target, indicatorCode: 'retail_sales', kind: 'amount', value: 1000, cmp: '>=' });
  return { db, drop };
}

/** The tokens the tests sign in with. */
export const auth = createTokenAuth({
  analyst: { name: '分析员', role: 'analyst', regionCode: null },
  leader: { name: '市领导', role: 'leader', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: XIHU },
});

export const testApp = (db: Db) => createApp(db, { auth, today: new Date('2025-07-15T00:00:00Z') });

/**
 * The test app on `db`, counting the reads of the project register (one per subtree the board reads), for the
 * tests that the board reads once and then answers from what it read; `get` is the analyst's JSON of a path.
 * @example const { get, reads } = countingApp(db);
 */
export function countingApp(db: Db) {
  let reads = 0;
  const counting: Db = {
    kind: db.kind,
    query: (sql, params) => {
      if (sql.includes('FROM project p JOIN region r')) reads++;
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    copyCsv: (t, c, csv) => db.copyCsv(t, c, csv),
    close: async () => undefined,
  };
  const app = testApp(counting);
  const get = async (path: string) => (await app.request(path, as('analyst'))).json();
  return { app, get, reads: () => reads };
}

/** The analyst submits a project's month over the API and approves it at once: a write the board must see. */
export async function approveUpdate(
  app: ReturnType<typeof testApp>,
  update: { region: string; code: string; period: string; done: number },
): Promise<void> {
  const sent = await (await app.request('/api/projects/updates', as('analyst', { json: update }))).json();
  await app.request(
    '/api/projects/updates/review',
    as('analyst', { json: { ids: [sent.id], decision: 'approve' } }),
  );
}

/** Request options signed in with `token`, with a JSON body when given. */
export function as(
  token: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers, authorization: `Bearer ${token}` };
  if (init.json === undefined) return { method: init.method ?? 'GET', headers };
  headers['content-type'] = 'application/json';
  return { method: init.method ?? 'POST', headers, body: JSON.stringify(init.json) };
}

/**
 * A row of the project register (项目库) as the importer reads it: a 区重点 产业 project continued (续建) from
 * 2024 — planned for 2024-03, started 2024-03-15, in the library by 2024-04 — with 1,200 planned this year;
 * `fields` change any of it.
 * @example projectFixture('XH-1', '西湖区', { leader: '张三' })
 */
export const projectFixture = (
  code: string,
  regionText: string,
  fields: Partial<ParsedProject> = {},
): ParsedProject => ({
  code,
  name: `项目${code}`,
  regionText,
  unit: null,
  leader: null,
  level: '区重点',
  type: '产业',
  nature: '续建',
  totalInvestment: null,
  annualPlan: 1200,
  plannedStart: '2024-03-31',
  actualStart: '2024-03-15',
  plannedFinish: null,
  actualFinish: null,
  libraryDate: '2024-04-30',
  at: { line: 2, region: { line: 2, column: 'C' }, unit: { line: 2, column: 'D' } },
  ...fields,
});

/** A 1×1 PNG: a photo of a project's site. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A project new this year: planned for 2025-03, started 2025-03-15, in the library by 2025-04. */
export const NEW_IN_2025 = {
  nature: '新建',
  plannedStart: '2025-03-31',
  actualStart: '2025-03-15',
  libraryDate: '2025-04-30',
} as const satisfies Partial<ParsedProject>;
