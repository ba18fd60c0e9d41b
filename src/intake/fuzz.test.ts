// The fuzz test of issue 8: 1,200 corrupt files of every accepted format into a small city's store, 1 in 10 through the HTTP app.
// Deterministic: TIAODU_FUZZ_SEED picks the corruptions, TIAODU_FUZZ_ONLY=n re-runs one case; failures print both.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile, importTargets } from '../app/imports.ts';
import { createApp } from '../server/app.ts';
import { createTokenAuth } from '../server/auth.ts';
import type { Db } from '../store/db.ts';
import { divisionsUnder, loadObservations, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { BYTE_MUTATIONS, DRAFT_MUTATIONS, int, pick, prng, type Rng, render } from './fuzz/mutate.ts';
import { type Draft, SEEDS, type Seed } from './fuzz/seeds.ts';
import { FILE_ISSUE_CODES, ImportError, type ImportIssue, type ParsedRow, parseFile } from './index.ts';
import { type ParsedTarget, readTargetFile } from './targets.ts';

const SEED = Number(process.env.TIAODU_FUZZ_SEED ?? 20250706);
const CASES = Number(process.env.TIAODU_FUZZ_CASES ?? 1200);
const ONLY = process.env.TIAODU_FUZZ_ONLY === undefined ? null : Number(process.env.TIAODU_FUZZ_ONLY);
const VERBOSE = process.env.TIAODU_FUZZ_VERBOSE === '1';
const HTTP_EVERY = 10;
const dir = mkdtempSync(join(tmpdir(), `tiaodu-fuzz-${SEED}-`));

interface Case {
  n: number;
  seed: Seed;
  mutations: string[];
  bytes: Uint8Array;
  file: string;
}

/** Case n from its own PRNG, so that any one case reproduces without running the others. */
async function makeCase(n: number): Promise<Case> {
  const rng: Rng = prng((SEED ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0);
  const seed = SEEDS[n % SEEDS.length] as Seed;
  let draft: Draft = seed.draft;
  const mutations: string[] = [];
  const changeDraft = rng() < 0.65;
  if (changeDraft) {
    const names = Object.keys(DRAFT_MUTATIONS).filter(
      (k) => k.startsWith('xlsx:') === (draft.kind === 'xlsx'),
    );
    for (let tries = 0; tries < 8 && mutations.length === 0; tries++) {
      const name = pick(rng, names);
      const r = DRAFT_MUTATIONS[name]?.(rng, draft);
      if (r) {
        draft = r.draft;
        mutations.push(`${name}(${r.did})`);
      }
    }
  }
  // ExcelJS writes the clock into the workbook: a fixed clock gives the same bytes on every run.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2025, 6, 1) });
  let bytes = await render(draft, rng).finally(() => vi.useRealTimers());
  // Every case is corrupted at least once; some twice, in the text and then in the bytes.
  if (mutations.length === 0 || rng() < 0.3) {
    for (let tries = 0; tries < 8; tries++) {
      const name = pick(rng, Object.keys(BYTE_MUTATIONS));
      const r = BYTE_MUTATIONS[name]?.(rng, bytes, draft);
      if (r) {
        bytes = r.bytes;
        mutations.push(`${name}(${r.did})`);
        break;
      }
    }
  }
  const file = `case-${n}-${seed.name}${int(rng, 4) === 0 ? '-数据' : ''}${seed.extension}`;
  return { n, seed, mutations, bytes, file };
}

interface Written {
  row: string;
  year: number;
  month: number;
  value: number | null;
  yoy: number | null;
}

/** What the store holds, observation by observation and target by target, plus counts and a history checksum. */
async function snapshot(db: Db) {
  const observations = await db.query<Written & { key: string }>(
    `SELECT concat_ws('|', region_code, indicator_code, year, month, scope) AS key, o::text AS row, year, month, value, yoy
     FROM observation o`,
  );
  const targets = await db.query<Written & { key: string }>(
    `SELECT concat_ws('|', region_code, indicator_code, year, strength) AS key,
       concat_ws('|', kind, value, cmp, trajectory::text, source) AS row, year, 12 AS month, value, NULL AS yoy
     FROM target`,
  );
  const [counts] = await db.query<{
    history: string;
    changes: number;
    batches: number;
    targetChanges: number;
  }>(
    `SELECT (SELECT md5(coalesce(string_agg(h::text, ',' ORDER BY id), '')) FROM observation_history h) AS history,
       (SELECT count(*)::int FROM observation_history) AS changes,
       (SELECT count(*)::int FROM import_batch) AS batches,
       (SELECT count(*)::int FROM target_history) AS "targetChanges"`,
  );
  return {
    observations: new Map(observations.map((r) => [r.key, r as Written])),
    targets: new Map(targets.map((r) => [r.key, r as Written])),
    counts,
  };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

const same = (a: Snapshot, b: Snapshot) =>
  JSON.stringify([...a.observations, ...a.targets, a.counts]) ===
  JSON.stringify([...b.observations, ...b.targets, b.counts]);

/** The keys a write added and the keys whose row it changed, and whether it removed any. */
function diff(before: Map<string, Written>, after: Map<string, Written>) {
  return {
    created: [...after.keys()].filter((k) => !before.has(k)),
    changed: [...after].filter(([k, r]) => before.has(k) && before.get(k)?.row !== r.row).map(([k]) => k),
    removed: [...before.keys()].filter((k) => !after.has(k)).length,
  };
}

/** Problems with a refusal's issues: each names the file and a row ≥ 1 with a column, or is about the whole file. */
function issueProblems(issues: ImportIssue[], file: string): string[] {
  if (issues.length === 0) return ['refused without an issue'];
  return issues.flatMap((i) => {
    const where = (i.row >= 1 && i.column !== '') || (FILE_ISSUE_CODES as readonly string[]).includes(i.code);
    return [
      ...(i.file === file ? [] : [`issue names file ${i.file}`]),
      ...(where ? [] : [`issue ${i.code} has row ${i.row} column "${i.column}"`]),
      ...(i.expected ? [] : ['issue without a message']),
    ];
  });
}

/** Problems with an accepted statistics file: the store must have changed by exactly the file's rows. */
function acceptedProblems(
  before: Snapshot,
  after: Snapshot,
  summary: Record<string, unknown>,
  parsed: ParsedRow[],
): string[] {
  const problems: string[] = [];
  const { created, changed, removed } = diff(before.observations, after.observations);
  if (removed > 0) problems.push(`removed ${removed} observations`);
  if (created.length !== summary.created)
    problems.push(`created ${created.length}, summary says ${summary.created}`);
  if (changed.length !== summary.updated)
    problems.push(`changed ${changed.length}, summary says ${summary.updated}`);
  if (Number(summary.created) + Number(summary.updated) + Number(summary.ignored) !== parsed.length)
    problems.push(
      `summary counts ${JSON.stringify(summary)} do not add up to the file's ${parsed.length} rows`,
    );
  const inFile = new Set(parsed.map((p) => `${p.year}-${p.month}:${p.value}:${p.yoy}`));
  for (const k of [...created, ...changed]) {
    const r = after.observations.get(k);
    if (r && !inFile.has(`${r.year}-${r.month}:${r.value}:${r.yoy}`))
      problems.push(`wrote ${k} = ${r.value}/${r.yoy}, not in the file`);
  }
  if (after.counts?.changes !== (before.counts?.changes ?? 0) + changed.length)
    problems.push('history does not match the changed observations');
  const targets = (x: Snapshot) => JSON.stringify([...x.targets, x.counts?.targetChanges]);
  if (targets(before) !== targets(after)) problems.push('a statistics file changed targets');
  return problems;
}

/** Problems with an accepted target file: only its targets were set, each as the file says. */
function acceptedTargetProblems(
  before: Snapshot,
  after: Snapshot,
  count: unknown,
  parsed: ParsedTarget[],
): string[] {
  const problems: string[] = [];
  const { created, changed, removed } = diff(before.targets, after.targets);
  if (removed > 0) problems.push(`removed ${removed} targets`);
  if (count !== parsed.length) problems.push(`set ${count} targets of the file's ${parsed.length}`);
  if (created.length + changed.length > parsed.length)
    problems.push(`wrote ${created.length + changed.length} targets, more than the file's ${parsed.length}`);
  const inFile = new Set(parsed.map((p) => `${p.year}:${p.value}`));
  for (const k of [...created, ...changed]) {
    const r = after.targets.get(k);
    if (r && !inFile.has(`${r.year}:${r.value}`))
      problems.push(`wrote target ${k} = ${r.value}, not in the file`);
  }
  const statistics = (x: Snapshot) =>
    JSON.stringify([...x.observations, x.counts?.history, x.counts?.batches]);
  if (statistics(before) !== statistics(after)) problems.push('a target file changed observations');
  return problems;
}

async function parsedRows(path: string): Promise<ParsedRow[]> {
  const { rows } = await parseFile(path);
  const all: ParsedRow[] = [];
  for await (const batch of rows) all.push(...batch);
  return all;
}

describe(`fuzzing the importers with corrupt files on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const errors: unknown[] = [];
  const onError = (e: unknown) => errors.push(e);

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
    const obs = (indicatorCode: string, regionCode: string, year: number, month: number, value: number) =>
      ({
        indicatorCode,
        regionCode,
        year,
        month,
        value,
        yoy: null,
        scope: '',
        forecast: false,
        source: 'seed',
        status: 'published',
      }) as const;
    await loadObservations(db, [
      obs('fai', '330106', 2025, 6, 300),
      obs('fai', '330108', 2025, 6, 280.5),
      obs('retail_sales', '330102', 2025, 6, 455.25),
      obs('real_estate_investment', '3301', 2025, 3, 800),
      obs('gdp', '330106', 2024, 12, 2700.5),
    ]);
    app = createApp(db, {
      auth: createTokenAuth({ fuzz: { name: '分析员', role: 'analyst', regionCode: null } }),
    });
    process.on('unhandledRejection', onError);
    process.on('uncaughtException', onError);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
    await drop();
  });

  it('refuses every corrupt file with ImportError naming file, row and column, writes nothing then, and exactly the rows of a file it accepts', {
    timeout: 300_000,
  }, async () => {
    const started = performance.now();
    const failures: string[] = [];
    const tally: Record<string, { accepted: number; refused: number }> = {};
    let viaHttp = 0;
    const numbers = ONLY === null ? Array.from({ length: CASES }, (_, n) => n) : [ONLY];
    // The store changes only through the case at hand, so one case's "after" is the next one's "before".
    let before = await snapshot(db);
    for (const n of numbers) {
      const c = await makeCase(n);
      const path = join(dir, c.file);
      writeFileSync(path, c.bytes);
      const fail = (why: string[]) => {
        const keep = join(dir, 'failed');
        mkdirSync(keep, { recursive: true });
        writeFileSync(join(keep, c.file), c.bytes);
        failures.push(
          `case ${n} (TIAODU_FUZZ_SEED=${SEED} TIAODU_FUZZ_ONLY=${n}) ${c.seed.name} ${c.mutations.join(' + ')}: ${why.join('; ')} [${join(keep, c.file)}]`,
        );
      };
      const http = n % HTTP_EVERY === 0;
      let outcome: { accepted: Record<string, unknown> } | { refused: ImportIssue[] };
      if (http) {
        viaHttp++;
        const route = c.seed.importer === 'targets' ? '/api/targets/import' : '/api/import';
        const r = await app.request(route, {
          method: 'POST',
          headers: { authorization: 'Bearer fuzz', 'x-filename': encodeURIComponent(c.file) },
          body: new Uint8Array(c.bytes),
        });
        const json = (await r.json()) as { error?: { issues?: ImportIssue[] } } & Record<string, unknown>;
        if (r.status !== 200 && r.status !== 422) {
          fail([`HTTP ${r.status} ${JSON.stringify(json).slice(0, 300)}`]);
          before = await snapshot(db);
          continue;
        }
        outcome = r.status === 200 ? { accepted: json } : { refused: json.error?.issues ?? [] };
      } else {
        try {
          outcome = {
            accepted:
              c.seed.importer === 'targets'
                ? { targets: await importTargets(db, path, 'fuzz') }
                : ((await importFile(db, path, { user: 'fuzz' })) as unknown as Record<string, unknown>),
          };
        } catch (e) {
          if (!(e instanceof ImportError)) {
            fail([`threw ${(e as Error)?.name}: ${(e as Error)?.message}`]);
            before = await snapshot(db);
            continue;
          }
          outcome = { refused: e.issues };
        }
      }
      const after = await snapshot(db);
      tally[c.seed.name] ??= { accepted: 0, refused: 0 };
      const t = tally[c.seed.name] as { accepted: number; refused: number };
      if (VERBOSE)
        console.log(
          `${n} ${c.seed.name} ${c.mutations.join(' + ')} → ${'refused' in outcome ? `refused: ${outcome.refused[0]?.code} ${outcome.refused[0]?.row}/${outcome.refused[0]?.column} ${outcome.refused[0]?.expected.slice(0, 60)}` : 'accepted'}`,
        );
      if ('refused' in outcome) {
        t.refused++;
        const problems = issueProblems(outcome.refused, c.file);
        if (!same(before, after)) problems.push('the store changed although the file was refused');
        if (problems.length > 0) fail(problems);
      } else {
        t.accepted++;
        const problems =
          c.seed.importer === 'targets'
            ? acceptedTargetProblems(
                before,
                after,
                outcome.accepted.targets,
                await readTargetFile(await readFile(path), c.file),
              )
            : acceptedProblems(before, after, outcome.accepted, await parsedRows(path));
        if (problems.length > 0) fail(problems);
      }
      if (errors.length > 0) fail([`unhandled: ${errors.splice(0).map(String).join(', ')}`]);
      before = after;
    }
    const health = await app.request('/api/health');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz seed ${SEED}: ${numbers.length} files (${viaHttp} through HTTP) in ${seconds} s; ${Object.entries(
        tally,
      )
        .map(([k, v]) => `${k} ${v.refused} refused/${v.accepted} accepted`)
        .join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(health.status).toBe(200);
    if (ONLY === null) {
      expect(numbers.length).toBeGreaterThanOrEqual(1000);
      // Most corruptions must be refused; a fuzz that accepts nearly everything is not corrupting.
      for (const [seed, v] of Object.entries(tally))
        expect({ seed, refusedMostly: v.refused > v.accepted }).toEqual({ seed, refusedMostly: true });
    }
  });
});
