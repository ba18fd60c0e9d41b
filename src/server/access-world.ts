// The world the role × endpoint × region test runs in: 西湖区 with its towns, its sibling 滨江区 and the parent
// 杭州市, accounts of every role, and canaries — distinctive figures, titles and names — wherever a scoped
// account must not look.
import { decodeDocument } from '../intake/decode.ts';
import { extract } from '../intake/text/extract.ts';
import { normalize } from '../intake/text/normalize.ts';
import type { Db } from '../store/db.ts';
import {
  addTask,
  divisionsUnder,
  listIndicators,
  loadObservations,
  recordAudit,
  saveDocument,
  saveUser,
  setRegionGroup,
  setTarget,
  submitObservation,
  updateUser,
  upsertRegions,
} from '../store/index.ts';
import { publishWorldAssessment } from './access-assess.ts';
import { seedWorldProjects } from './access-projects-world.ts';
import { createApp } from './app.ts';
import { accountAuth, anyAuth, createTokenAuth, type User } from './auth.ts';

export const XIHU = '330106';
export const BINJIANG = '330108';
export const CITY = '3301';

/** The accounts under test: four roles scoped to 西湖区, and two city-wide controls. */
export type RoleKey = 'admin' | 'analyst' | 'reporter' | 'leader' | 'cityAdmin' | 'cityAnalyst';
export const ROLE_KEYS: RoleKey[] = ['admin', 'analyst', 'reporter', 'leader', 'cityAdmin', 'cityAnalyst'];
export const ROLE_USERS: Record<RoleKey, User> = {
  admin: { name: 'xh-admin', role: 'admin', regionCode: XIHU },
  analyst: { name: 'xh-analyst', role: 'analyst', regionCode: XIHU },
  reporter: { name: 'xh-reporter', role: 'reporter', regionCode: XIHU },
  leader: { name: 'xh-leader', role: 'leader', regionCode: XIHU },
  cityAdmin: { name: 'city-admin', role: 'admin', regionCode: null },
  cityAnalyst: { name: 'city-analyst', role: 'analyst', regionCode: null },
};
/** A reporter of the sibling district: owns the import job nobody else may read. */
export const SIBLING_REPORTER: User = { name: 'bj-reporter', role: 'reporter', regionCode: BINJIANG };
export const PASSWORD = 'Qiantang-chao-2025';

/** Where a request is aimed, seen from 西湖区. */
export type TargetKey = 'own' | 'ownTown' | 'sibling' | 'siblingTown' | 'parent';
export const TARGET_KEYS: TargetKey[] = ['own', 'ownTown', 'sibling', 'siblingTown', 'parent'];
export const CODES: Record<TargetKey, string> = {
  own: XIHU,
  ownTown: '330106002', // 北山街道
  sibling: BINJIANG,
  siblingTown: '330108001', // 西兴街道
  parent: CITY,
};

/** Whether a role's scope covers the target: city-wide covers all, 西湖区 its own district and towns. */
export const inScope = (role: RoleKey, t: TargetKey | null) =>
  ROLE_USERS[role].regionCode === null || t === 'own' || t === 'ownTown';

/**
 * What a canary stands for. `outPublished` are published figures of other regions (league tables may show
 * them, by the setting league.peerFigures); `ownPending`/`outPending` are values still under review.
 */
export type CanaryClass =
  | 'outPublished'
  | 'outTarget'
  | 'outTask'
  | 'outDocument'
  | 'outPending'
  | 'ownPending'
  | 'outAudit'
  | 'outAccount'
  | 'outLead'
  | 'outJob';

export interface Canary {
  cls: CanaryClass;
  /** What is searched for in a response: a number's integer digits (so a rounded figure is caught too) or a token. */
  text: string;
  where: TargetKey | 'job';
}

const out = ['sibling', 'siblingTown', 'parent'] as const;
const figure = (value: number) => String(Math.trunc(value));
const PUBLISHED = {
  sibling: { now: 987654.321, before: 876543.219, yoy: 13579.2468 },
  siblingTown: { now: 765432.198, before: 654321.987, yoy: 24681.357 },
  parent: { now: 543219.876, before: 432198.765, yoy: 35791.468 },
};
const TARGETS = { sibling: 246801.357, siblingTown: 468023.579, parent: 357912.468 };
/** A target of 滨江区 set by an account that has since moved to 西湖区: its history stays 滨江区's. */
const MOVED_TARGET = 159260.371;
const PENDING = {
  sibling: 192837.465,
  siblingTown: 283746.519,
  parent: 374651.928,
  own: 918273.645,
  ownTown: 827364.591,
};
const TOKEN = { sibling: 'BJ', siblingTown: 'BJT', parent: 'CITY' };
/** The investment lead of each target region (access-projects-world.ts), its code a canary ended by Q. */
export const leadOf = (t: TargetKey | null) =>
  `ZXLEAD${{ own: 'XH', ownTown: 'XHT', ...TOKEN }[t ?? 'own']}Q`;

export const CANARIES: Canary[] = [
  ...out.flatMap((t) => [
    ...Object.values(PUBLISHED[t]).map((v) => ({ cls: 'outPublished' as const, text: figure(v), where: t })),
    { cls: 'outTarget' as const, text: figure(TARGETS[t]), where: t },
    { cls: 'outTarget' as const, text: `TGTSRC${TOKEN[t]}`, where: t },
    { cls: 'outTask' as const, text: `KQTASK${TOKEN[t]}`, where: t },
    { cls: 'outDocument' as const, text: `ZXDOC${TOKEN[t]}`, where: t },
    { cls: 'outDocument' as const, text: `ZXTEXT${TOKEN[t]}`, where: t },
    { cls: 'outPending' as const, text: figure(PENDING[t]), where: t },
    { cls: 'outAudit' as const, text: `AUDITOBJ${TOKEN[t]}`, where: t },
    { cls: 'outAccount' as const, text: `canary-acct-${TOKEN[t].toLowerCase()}`, where: t },
    { cls: 'outLead' as const, text: leadOf(t), where: t },
  ]),
  { cls: 'outTarget', text: figure(MOVED_TARGET), where: 'sibling' },
  { cls: 'ownPending', text: figure(PENDING.own), where: 'own' },
  { cls: 'ownPending', text: figure(PENDING.ownTown), where: 'ownTown' },
  { cls: 'outJob', text: 'QJOBBJ', where: 'job' },
];

export interface World {
  db: Db;
  app: ReturnType<typeof createApp>;
  /** The document of each target region, for reads by id. */
  docs: Record<TargetKey, number>;
  /** An import job of the sibling district's reporter. */
  otherJob: string;
  /** Each role's signed-in session, once made (sign-in costs an argon2 verification). */
  sessions: Map<RoleKey, { token: string; csrf: string }>;
  /** A fresh number for names and values that must not repeat. */
  next(): number;
}

/** Uploads a speech as the API does (normalise, extract, keep every item pending), directly in the store. */
export async function makeDocument(db: Db, regionCode: string, title: string, body: string): Promise<number> {
  const file = `${title}.txt`;
  const normalized = normalize(decodeDocument(new TextEncoder().encode(`title: ${title}\n${body}`), file));
  const found = extract(normalized.text, { year: 2025, catalog: await listIndicators(db) });
  const items = [
    ...found.targets.map((extracted) => ({ kind: 'target' as const, extracted })),
    ...found.tasks.map((extracted) => ({ kind: 'task' as const, extracted })),
    ...found.figures.map((extracted) => ({ kind: 'figure' as const, extracted })),
  ];
  const doc = { regionCode, title, source: file, year: 2025, text: normalized.text, unreadable: 0 };
  return saveDocument(db, doc, items, 'city-analyst');
}

/** A speech with a target (item 0), a task (item 1) and figures, mentioning `token` in each. */
export const speech = (token: string) =>
  `2025年全区固定资产投资增长6%左右。区发改局牵头，区财政局配合，推进${token}项目建设，年底前完成。上半年${token}地区生产总值达到1234.5亿元，增长7.2%。`;

/** An account straight into the table (no argon2: these never sign in), for the account writes to aim at. */
export async function plainAccount(db: Db, name: string, regionCode: string | null, role = 'reporter') {
  await db.query(
    `INSERT INTO app_user (name, password_hash, role, region_code) VALUES ($1, 'x', $2, $3)
     ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, region_code = EXCLUDED.region_code`,
    [name, role, regionCode],
  );
}

async function seedFigures(db: Db) {
  const obs = (regionCode: string, year: number, value: number, yoy: number | null = null) => ({
    indicatorCode: 'fai',
    regionCode,
    year,
    month: 6,
    value,
    yoy,
    scope: '',
    forecast: false,
    source: 'test',
    status: 'published' as const,
  });
  await loadObservations(db, [
    obs(XIHU, 2024, 100),
    obs(XIHU, 2025, 110),
    obs(CODES.ownTown, 2024, 10),
    obs(CODES.ownTown, 2025, 11),
    ...out.flatMap((t) => [
      obs(CODES[t], 2024, PUBLISHED[t].before),
      obs(CODES[t], 2025, PUBLISHED[t].now, PUBLISHED[t].yoy),
    ]),
  ]);
  const target = (regionCode: string, value: number, source: string | null = null) => ({
    indicatorCode: 'fai',
    regionCode,
    year: 2025,
    kind: 'amount' as const,
    value,
    cmp: '>=' as const,
    strength: 'expected' as const,
    trajectory: null,
    source,
    quote: null,
  });
  await setTarget(db, target(XIHU, 220), 'city-analyst');
  await setTarget(db, target(CODES.ownTown, 22), 'city-analyst');
  for (const t of out) await setTarget(db, target(CODES[t], TARGETS[t], `TGTSRC${TOKEN[t]}`), 'city-analyst');
  // Pending values on the same key as the published ones: they must never stand in for them.
  for (const t of [...out, 'own', 'ownTown'] as const) {
    const entry = { ...obs(CODES[t], 2025, PENDING[t]), comment: null, reason: null };
    await submitObservation(db, entry, `reporter-${t}`);
  }
}

async function seedObjects(db: Db) {
  for (const t of out) {
    const lead = ['区发改局'];
    const task = { regionCode: CODES[t], action: `推进KQTASK${TOKEN[t]}`, lead, support: [], due: null };
    await addTask(db, { ...task, recurrence: null, source: null, quote: null, documentId: null }, 'city');
    await recordAudit(db, {
      user: 'city-admin',
      action: 'target.set',
      region: CODES[t],
      object: `AUDITOBJ${TOKEN[t]}`,
    });
  }
  const own = { regionCode: XIHU, action: '推进西湖区重点项目', lead: ['区发改局'], support: [], due: null };
  await addTask(db, { ...own, recurrence: null, source: null, quote: null, documentId: null }, 'city');
  await setRegionGroup(db, '城区', [XIHU, BINJIANG]);
}

async function seedAccounts(db: Db) {
  for (const u of [...Object.values(ROLE_USERS), SIBLING_REPORTER])
    await saveUser(db, { ...u, password: PASSWORD });
  for (const t of out) await plainAccount(db, `canary-acct-${TOKEN[t].toLowerCase()}`, CODES[t]);
  // A city-wide analyst set a target of 滨江区, and was later moved to 西湖区: 滨江区's history stays 滨江区's.
  await plainAccount(db, 'moved-analyst', null, 'analyst');
  await setTarget(
    db,
    {
      indicatorCode: 'gdp',
      regionCode: BINJIANG,
      year: 2025,
      kind: 'amount',
      value: MOVED_TARGET,
      cmp: '>=',
      strength: 'expected',
      trajectory: null,
      source: null,
      quote: null,
    },
    'moved-analyst',
  );
  await updateUser(db, 'city-admin', { name: 'moved-analyst', role: 'analyst', regionCode: XIHU });
}

/** The world, with its app (made after seeding, so no cached answer predates the data). */
export async function buildWorld(db: Db): Promise<World> {
  await upsertRegions(db, [
    ...divisionsUnder(CITY, 'county'),
    ...[XIHU, BINJIANG].flatMap((d) => divisionsUnder(d, 'town').filter((r) => r.level === 4)),
  ]);
  await seedFigures(db);
  await publishWorldAssessment(db);
  await seedWorldProjects(db);
  await seedObjects(db);
  await seedAccounts(db);
  const docs = {} as Record<TargetKey, number>;
  for (const t of TARGET_KEYS) {
    const token = t in TOKEN ? `ZXTEXT${TOKEN[t as keyof typeof TOKEN]}` : '西湖';
    const title = t in TOKEN ? `讲话ZXDOC${TOKEN[t as keyof typeof TOKEN]}` : `讲话${t}`;
    docs[t] = await makeDocument(db, CODES[t], title, speech(token));
  }
  const tokens = createTokenAuth(
    Object.fromEntries([
      ...Object.entries(ROLE_USERS).map(([k, u]) => [k, u]),
      ['bjReporter', SIBLING_REPORTER],
    ]),
  );
  const app = createApp(db, {
    auth: anyAuth(accountAuth(db), tokens),
    today: new Date('2025-07-15T00:00:00Z'),
    security: { cookieSecure: 'auto', trustProxy: false },
  });
  const otherJob = await siblingJob(app);
  let n = 0;
  return { db, app, docs, otherJob, sessions: new Map(), next: () => ++n };
}

/** The sibling reporter's dry-run import job, with a canary in its file name; waits until it is done. */
async function siblingJob(app: ReturnType<typeof createApp>): Promise<string> {
  const r = await app.request('/api/import?async=1&dryRun=1', {
    method: 'POST',
    headers: { authorization: 'Bearer bjReporter', 'x-filename': encodeURIComponent('QJOBBJ-上报.csv') },
    body: `指标,地区,期间,数值\n固定资产投资,滨江区,2025-05,5\n`,
  });
  const { id } = (await r.json()) as { id: string };
  for (let i = 0; i < 200; i++) {
    const job = await app.request(`/api/imports/${id}`, { headers: { authorization: 'Bearer bjReporter' } });
    const { state } = (await job.json()) as { state: string };
    if (state === 'done') return id;
    if (state === 'failed') throw new Error(`the sibling's import job failed`);
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error('the sibling’s import job did not finish');
}
