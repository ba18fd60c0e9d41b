// The writes of the role × endpoint × region table on figures, targets, documents and the review: each aimed
// at a target region or at an object of one (a document, a submission).
import { reviewSubmissions, setTarget, submitObservation } from '../store/index.ts';
import {
  type AccessTable,
  always,
  type Ctx,
  cityWide,
  code,
  created,
  figureFile,
  OWN,
  qs,
  regionWrite,
  reviewsAbove,
  taskForce,
  type Variant,
  writers,
} from './access-cases.ts';
import type { Answer } from './access-probe.ts';
import { waitForJob } from './access-reads.ts';
import { makeDocument, speech } from './access-world.ts';

/** A fresh value of the target region under review (submitted by its reporter), in a period nothing else uses. */
async function submissionOf(c: Ctx): Promise<number> {
  const { submission } = await submitObservation(
    c.w.db,
    {
      regionCode: code(c),
      indicatorCode: 'fai',
      year: 2024,
      month: 2,
      scope: '',
      value: c.w.next(),
      yoy: null,
      forecast: false,
    },
    `reporter-${c.target}`,
  );
  return submission?.id ?? 0;
}

/** An import refused for scope names each row and column it refuses (a file error: 422, all issues `forbidden`). */
const importRefusal = (c: Ctx) => (writers(c) && !cityWide(c) ? [422] : [403]);
const onlyScopeIssues = (a: Answer) => {
  const error = (
    a.json as { error?: { code?: string; issues?: { code: string; row: number; column: string }[] } }
  ).error;
  if (error?.code !== 'import') return null; // a role refusal (403): nothing to check
  const issues = error.issues ?? [];
  const ok = issues.length > 0 && issues.every((i) => i.code === 'forbidden' && i.row > 0 && i.column);
  return ok ? null : `refused for other reasons than scope: ${JSON.stringify(issues).slice(0, 200)}`;
};
const importVariant = (name: string, params: Record<string, string>, extra: Partial<Variant> = {}) =>
  regionWrite(
    name,
    writers,
    (c) => ({
      method: 'POST',
      path: `/api/import?${qs(params)}`,
      headers: { 'x-filename': encodeURIComponent('上报.csv') },
      body: figureFile(c, '2024-05'),
    }),
    { refused: importRefusal, checkRefusal: onlyScopeIssues, ...extra },
  );

/** An import job's outcome as the synchronous import would answer it: done 200, a file error 422. */
async function jobOutcome(a: Answer, c: Ctx): Promise<Answer> {
  if (a.status !== 202) return a;
  const job = await waitForJob(c, (a.json as { id: string }).id);
  const state = job.json as {
    state: string;
    error?: { code: string };
    issues?: unknown[];
    summary?: unknown;
  };
  if (state.state === 'done') return { ...job, status: 200 };
  const status = state.error?.code === 'import' ? 422 : 500;
  return { ...job, status, json: { error: { ...state.error, issues: state.issues } } };
}

export const DATA_WRITES: AccessTable = {
  'PUT /api/targets': [
    regionWrite('a target of the target', taskForce, (c) => ({
      method: 'PUT',
      path: '/api/targets',
      json: { indicator: 'fai', region: code(c), year: 2026, kind: 'amount', value: c.w.next() },
    })),
  ],
  'DELETE /api/targets': [
    regionWrite('a target of the target', taskForce, async (c) => {
      const key = { indicatorCode: 'fai', regionCode: code(c), year: 2027, strength: 'must' as const };
      await setTarget(c.w.db, {
        ...key,
        kind: 'amount',
        value: 1,
        cmp: '>=',
        trajectory: null,
        source: null,
        quote: null,
      });
      return {
        method: 'DELETE',
        path: '/api/targets',
        json: { indicator: 'fai', region: code(c), year: 2027, strength: 'must' },
      };
    }),
  ],
  'POST /api/targets/import': [
    regionWrite(
      'a file of targets of the target',
      always,
      (c) => ({
        method: 'POST',
        path: '/api/targets/import',
        headers: { 'x-filename': encodeURIComponent('目标.csv') },
        body: `指标,地区,年度,类型,目标值,比较,力度,分解,来源\n固定资产投资,${code(c)},2028,总量,${c.w.next()},>=,预期,,\n`,
      }),
      // The target importer checks no scope row by row: only city-wide analysts and administrators may use it.
      { allowed: (c) => taskForce(c) && cityWide(c) },
    ),
  ],
  'POST /api/briefing/versions': [
    regionWrite(
      'an edited opening of the target’s briefing',
      taskForce,
      async (c) => {
        const [v] = await c.w.db.query<{ n: number }>(
          `SELECT coalesce(max(version), 0)::int AS n FROM briefing_version
           WHERE region_code = $1 AND year = 2025 AND month = 6`,
          [code(c)],
        );
        // No digits: an edit may state only the section's figures; each text differs from the last saved.
        const text = `经济运行${'稳'.repeat((c.w.next() % 40) + 1)}。`;
        return {
          method: 'POST',
          path: '/api/briefing/versions',
          json: {
            region: code(c),
            period: '2025-06',
            base: v?.n ?? 0,
            edits: [{ section: 'overview', index: 0, text }],
          },
        };
      },
      { ok: created },
    ),
  ],
  'POST /api/observations': [
    regionWrite('a figure of the target', writers, (c) => ({
      method: 'POST',
      path: '/api/observations',
      json: { indicator: 'fai', region: code(c), period: '2024-04', value: c.w.next() },
    })),
  ],
  'POST /api/import': [
    importVariant('a file of the target', {}),
    importVariant('a dry run of the target', { dryRun: '1' }),
    importVariant('a job of the target', { async: '1' }, { settle: jobOutcome }),
  ],
  'POST /api/documents': [
    regionWrite(
      'a speech of the target',
      taskForce,
      (c) => ({
        method: 'POST',
        path: `/api/documents?${qs({ region: code(c) })}`,
        headers: { 'x-filename': encodeURIComponent('讲话.txt') },
        body: speech('重点'),
      }),
      { ok: created },
    ),
  ],
  'PATCH /api/documents/{id}': [
    regionWrite('changing the year of a document of the target', taskForce, async (c) => {
      const id = await makeDocument(c.w.db, code(c), `文件${c.w.next()}`, speech('项目'));
      return { method: 'PATCH', path: `/api/documents/${id}`, json: { year: 2026 } };
    }),
  ],
  'POST /api/documents/{id}/items/{seq}': [
    regionWrite('rejecting an item of a document of the target', taskForce, async (c) => {
      const id = await makeDocument(c.w.db, code(c), `文件${c.w.next()}`, speech('项目'));
      return { method: 'POST', path: `/api/documents/${id}/items/0`, json: { decision: 'reject' } };
    }),
    regionWrite("accepting an own document's target for the target", taskForce, async (c) => {
      const id = await makeDocument(c.w.db, OWN, `文件${c.w.next()}`, speech('项目'));
      const target = { indicator: 'fai', region: code(c), year: 2029, kind: 'growth', value: 6 };
      return { method: 'POST', path: `/api/documents/${id}/items/0`, json: { decision: 'accept', target } };
    }),
    regionWrite("accepting an own document's task for the target", taskForce, async (c) => {
      const id = await makeDocument(c.w.db, OWN, `文件${c.w.next()}`, speech('项目'));
      const task = { region: code(c), action: '推进项目建设', lead: ['区发改局'] };
      return { method: 'POST', path: `/api/documents/${id}/items/1`, json: { decision: 'accept', task } };
    }),
  ],
  'POST /api/submissions/review': [
    {
      name: 'approving a value of the target',
      aim: 'region',
      build: async (c) => ({
        method: 'POST',
        path: '/api/submissions/review',
        json: { ids: [await submissionOf(c)], decision: 'approve' },
      }),
      // Documented: the reviewer sits a level above the value's region — a district never approves its own.
      allowed: reviewsAbove,
    },
    {
      name: 'returning a value of the target',
      aim: 'region',
      build: async (c) => ({
        method: 'POST',
        path: '/api/submissions/review',
        json: { ids: [await submissionOf(c)], decision: 'return', reason: '请核实' },
      }),
      allowed: reviewsAbove,
    },
    {
      // A reviewer above it learns the value was returned (409); anyone else must learn nothing of it.
      name: 'approving a value of the target that was returned',
      aim: 'region',
      build: async (c) => {
        const id = await submissionOf(c);
        await reviewSubmissions(c.w.db, [id], 'return', { name: 'city-analyst', regionCode: null }, '请核实');
        return { method: 'POST', path: '/api/submissions/review', json: { ids: [id], decision: 'approve' } };
      },
      allowed: reviewsAbove,
      ok: () => [409],
    },
  ],
  'POST /api/periods/publish': [
    regionWrite('a period of the target', taskForce, (c) => ({
      method: 'POST',
      path: '/api/periods/publish',
      json: { region: code(c), period: '2024-03' },
    })),
  ],
};
