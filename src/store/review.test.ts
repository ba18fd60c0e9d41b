// The review flow on a real database: submitted › approved by the level above › published and locked; returns,
// revisions with reasons, reporters' imports as submissions, and the preview of pending values.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../app/imports.ts';
import { httpStatus, type TiaoduError } from '../core/errors.ts';
import type { Observation } from '../core/types.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from './db.ts';
import {
  divisionsUnder,
  league,
  listSubmissions,
  loadObservations,
  observationHistory,
  periodStatus,
  previewSeries,
  publishPeriod,
  requireIndicator,
  reviewSubmissions,
  saveObservation,
  series,
  submitObservation,
  upsertRegions,
} from './index.ts';
import { migrate } from './migrate.ts';
import { driverName, freshStore } from './testing.ts';

const XIHU = '330106';
const BINJIANG = '330108';
const BEISHAN = '330106002'; // 北山街道, a town of 西湖区
const XIXI = '330106004'; // 西溪街道

const obs = (regionCode: string, year: number, value: number, month = 6): Observation => ({
  indicatorCode: 'fai',
  regionCode,
  year,
  month,
  value,
  yoy: null,
  scope: '',
  forecast: false,
  source: 'test',
  status: 'published',
});

const cityAnalyst = { name: '市分析员', regionCode: null };
const xihuAnalyst = { name: '西湖区分析员', regionCode: XIHU };

describe(`reviewing reported values on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'tiaodu-review-'));
  const entry = (regionCode: string, value: number, extra: { reason?: string; month?: number } = {}) => ({
    regionCode,
    indicatorCode: 'fai',
    year: 2025,
    month: extra.month ?? 6,
    scope: '',
    value,
    yoy: null,
    forecast: false,
    reason: extra.reason,
  });
  const districts = async () => {
    const fai = await requireIndicator(db, 'fai');
    const rows = await league(db, { indicator: fai, year: 2025, month: 6, by: 'value', parentCode: '3301' });
    return Object.fromEntries(rows.map((r) => [r.code, r.value]));
  };
  const actions = async () =>
    (await db.query<{ action: string }>('SELECT action FROM audit_event ORDER BY id')).map((r) => r.action);

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
    await loadObservations(db, [
      obs(XIHU, 2024, 100),
      obs(XIHU, 2025, 110),
      obs(BINJIANG, 2024, 100),
      obs(BINJIANG, 2025, 120),
      obs(BEISHAN, 2025, 10),
    ]);
  });
  afterAll(() => drop());

  it('keeps a reported value out of the league until it is approved and published, then shows it with its history', async () => {
    const sent = await submitObservation(db, entry(XIHU, 130), '西湖区填报员');
    expect(sent.result).toBe('submitted');
    expect(sent.submission).toMatchObject({
      status: 'submitted',
      value: 130,
      period: '2025-06',
      published: { value: 110, yoy: null },
      locked: false,
    });
    expect((await districts())[XIHU]).toBe(110);

    const id = sent.submission?.id as number;
    const [approved] = await reviewSubmissions(db, [id], 'approve', cityAnalyst);
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: '市分析员' });
    expect((await districts())[XIHU]).toBe(110);

    const result = await publishPeriod(db, XIHU, 2025, 6, '市分析员');
    expect(result).toEqual({ region: XIHU, period: '2025-06', published: 1, revised: 0, pending: 0 });
    expect(await districts()).toMatchObject({ [XIHU]: 130, [BINJIANG]: 120 });
    const fai = await requireIndicator(db, 'fai');
    expect((await series(db, fai, XIHU, { from: '2025-06' }))[0]).toMatchObject({ value: 130, yoy: 30 });
    expect(await observationHistory(db, XIHU, 'fai', 2025, 6)).toEqual([
      expect.objectContaining({ old_value: 110, new_value: 130, changed_by: '市分析员' }),
    ]);
    const [{ source } = { source: '' }] = await db.query<{ source: string }>(
      `SELECT source FROM observation WHERE region_code = '${XIHU}' AND year = 2025 AND month = 6`,
    );
    expect(source).toBe(`审核发布：提交#${id}（西湖区填报员填报，市分析员审核）`);
    const [published] = await listSubmissions(db, { under: null, ids: [id] });
    expect(published).toMatchObject({ status: 'published', publishedBy: '市分析员', locked: true });
    expect(await actions()).toEqual(['observation.submit', 'observation.approve', 'period.publish']);
  });

  it('locks the published period for the subtree only, and says so', async () => {
    expect((await periodStatus(db, BEISHAN, 2025, 6)).lock).toMatchObject({
      regionCode: XIHU,
      period: '2025-06',
      lockedBy: '市分析员',
    });
    expect((await periodStatus(db, BINJIANG, 2025, 6)).lock).toBeNull();
    expect((await periodStatus(db, XIHU, 2025, 5)).lock).toBeNull();
  });

  it('refuses a new value for a published period without a reason (409), and records the revision with it', async () => {
    const refused = await submitObservation(db, entry(XIHU, 135), '西湖区填报员').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'period.locked', message: expect.stringContaining('修订原因') });
    expect(httpStatus((refused as TiaoduError).code)).toBe(409);
    expect(await listSubmissions(db, { under: XIHU, status: 'open' })).toEqual([]);

    const sent = await submitObservation(db, entry(XIHU, 135, { reason: '统计局反馈修正' }), '西湖区填报员');
    expect(sent.submission).toMatchObject({ status: 'submitted', reason: '统计局反馈修正', locked: true });
    await reviewSubmissions(db, [sent.submission?.id as number], 'approve', cityAnalyst);
    expect(await publishPeriod(db, XIHU, 2025, 6, '市分析员')).toMatchObject({ published: 1, revised: 1 });
    const [revise] = await db.query<{ user_name: string; old: unknown; new: unknown }>(
      `SELECT user_name, old, new FROM audit_event WHERE action = 'observation.revise'`,
    );
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(revise?.user_name).toBe('市分析员');
    expect(json(revise?.old)).toEqual({ value: 130, yoy: null });
    expect(json(revise?.new)).toMatchObject({ value: 135, reason: '统计局反馈修正' });
    const history = await observationHistory(db, XIHU, 'fai', 2025, 6);
    expect(history.at(-1)).toMatchObject({ old_value: 130, new_value: 135, reason: '统计局反馈修正' });
  });

  it("refuses an analyst's own entry into a locked period without a reason, and keeps the reason with one", async () => {
    const o = { ...obs(XIHU, 2025, 140), source: '填报:市分析员' };
    await expect(saveObservation(db, o, '市分析员')).rejects.toMatchObject({ code: 'period.locked' });
    expect((await districts())[XIHU]).toBe(135);
    expect(await saveObservation(db, o, '市分析员', { reason: '与省局口径一致' })).toBe('updated');
    expect((await districts())[XIHU]).toBe(140);
    expect((await observationHistory(db, XIHU, 'fai', 2025, 6)).at(-1)).toMatchObject({
      old_value: 135,
      new_value: 140,
      reason: '与省局口径一致',
    });
    expect((await actions()).at(-1)).toBe('observation.revise');
  });

  it('returns a value with its reason, and refuses a return without one', async () => {
    const sent = await submitObservation(db, entry(BINJIANG, 150), '滨江区填报员');
    const id = sent.submission?.id as number;
    await expect(reviewSubmissions(db, [id], 'return', cityAnalyst, '  ')).rejects.toMatchObject({
      code: 'validation',
    });
    const [returned] = await reviewSubmissions(db, [id], 'return', cityAnalyst, '与统计局反馈数不一致');
    expect(returned).toMatchObject({ status: 'returned', returnReason: '与统计局反馈数不一致' });
    await expect(reviewSubmissions(db, [id], 'approve', cityAnalyst)).rejects.toMatchObject({
      code: 'submission.conflict',
    });
    await publishPeriod(db, BINJIANG, 2025, 6, '市分析员');
    expect((await districts())[BINJIANG]).toBe(120);
    expect((await actions()).filter((a) => a === 'observation.return')).toHaveLength(1);
  });

  it("lets a district analyst approve his towns' values but not his own district's", async () => {
    const town = await submitObservation(db, entry(BEISHAN, 12, { month: 7 }), '北山街道填报员');
    const own = await submitObservation(db, entry(XIHU, 160, { month: 7 }), '西湖区填报员');
    const ids = [town.submission?.id as number, own.submission?.id as number];
    await expect(reviewSubmissions(db, ids, 'approve', xihuAnalyst)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('西湖区的数据须由上一级地区的分析员审核'),
    });
    // All or none: the town's value was not approved either.
    expect((await listSubmissions(db, { under: XIHU, month: 7 })).map((s) => s.status)).toEqual([
      'submitted',
      'submitted',
    ]);
    const [approved] = await reviewSubmissions(db, [ids[0] as number], 'approve', xihuAnalyst);
    expect(approved).toMatchObject({ regionCode: BEISHAN, status: 'approved', reviewedBy: '西湖区分析员' });
    const city = await reviewSubmissions(db, [ids[1] as number], 'approve', cityAnalyst);
    expect(city[0]?.status).toBe('approved');
  });

  it('keeps one pending value per key: a newer one supersedes the older, which stays in history', async () => {
    const first = await submitObservation(db, entry(XIXI, 20, { month: 8 }), '西溪街道填报员');
    expect((await submitObservation(db, entry(XIXI, 20, { month: 8 }), '西溪街道填报员')).result).toBe(
      'ignored',
    );
    const second = await submitObservation(db, entry(XIXI, 21, { month: 8 }), '西溪街道填报员');
    const all = await listSubmissions(db, { under: XIXI, month: 8 });
    expect(all.map((s) => [s.id, s.value, s.status])).toEqual([
      [second.submission?.id, 21, 'submitted'],
      [first.submission?.id, 20, 'superseded'],
    ]);
  });

  it('overlays pending values on the series for a preview, marked, and leaves the published series alone', async () => {
    const fai = await requireIndicator(db, 'fai');
    const preview = await previewSeries(db, fai, XIHU, { from: '2025-06' });
    expect(preview.map((p) => [p.period, p.value, p.pending ?? null])).toEqual([
      ['2025-06', 140, null],
      ['2025-07', 160, 'approved'],
    ]);
    expect(preview[1]).toMatchObject({ publishedValue: null, submissionId: expect.any(Number) });
    expect((await series(db, fai, XIHU, { from: '2025-06' })).map((p) => p.period)).toEqual(['2025-06']);
  });

  it("turns a reporter's import into submissions, all or nothing, and publishes nothing", async () => {
    const header = '指标,地区,期间,数值,同比(%)';
    const good = join(dir, '西湖区9月.csv');
    writeFileSync(good, `${header}\n固定资产投资,西湖区,2025-09,170,5\n固定资产投资,北山街道,2025-09,13,2\n`);
    const options = { user: '西湖区填报员', role: 'reporter' as const, scopeRegionCode: XIHU };
    const summary = await importFile(db, good, options);
    expect(summary).toMatchObject({ created: 2, submitted: 2 });
    expect(await db.query('SELECT 1 FROM observation WHERE year = 2025 AND month = 9')).toEqual([]);
    const sent = await listSubmissions(db, { under: XIHU, month: 9 });
    expect(sent.map((s) => [s.regionCode, s.value]).sort()).toEqual([
      [XIHU, 170],
      [BEISHAN, 13],
    ]);
    // The same file again changes nothing: pending values keep their place (and any approval).
    expect((await importFile(db, good, options)).submitted).toBe(0);

    const bad = join(dir, '坏.csv');
    writeFileSync(bad, `${header}\n固定资产投资,西湖区,2025-10,1,1\n固定资产投资,滨江区,2025-10,2,2\n`);
    await expect(importFile(db, bad, options)).rejects.toBeInstanceOf(ImportError);
    expect(await listSubmissions(db, { under: null, month: 10 })).toEqual([]);
  });

  it('refuses an import that changes a locked period without a reason, naming the row, and takes it with one', async () => {
    const file = join(dir, '修正.csv');
    writeFileSync(
      file,
      '指标,地区,期间,数值\n固定资产投资,滨江区,2025-06,120\n固定资产投资,西湖区,2025-06,141\n',
    );
    const err = await importFile(db, file, { user: '统计员' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'period.locked', message: expect.stringContaining('第3行') });
    expect((await districts())[XIHU]).toBe(140);
    await importFile(db, file, { user: '统计员', reason: '年报口径调整' });
    expect((await districts())[XIHU]).toBe(141);
    expect((await observationHistory(db, XIHU, 'fai', 2025, 6)).at(-1)).toMatchObject({
      new_value: 141,
      reason: '年报口径调整',
    });
  });
});

describe(`migrating to review on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
  });
  afterAll(() => drop());

  it('moves values reporters entered before review into submissions and publishes the figure they replaced', async () => {
    // Back to the schema before version 6, with one corrected and one new unreviewed value in observation.
    await db.exec(`DROP TABLE observation_submission; DROP TABLE period_lock; DROP TABLE setting;
      ALTER TABLE observation_history DROP COLUMN reason; DELETE FROM schema_migration WHERE version = 6`);
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    await loadObservations(db, [
      obs(XIHU, 2025, 111),
      { ...obs(BINJIANG, 2025, 50), status: 'submitted', source: '填报:滨江区填报员' },
      { ...obs(XIHU, 2025, 112, 7), status: 'submitted', source: '填报:西湖区填报员' },
    ]);
    await db.query(`UPDATE observation SET status = 'submitted' WHERE region_code = $1 AND month = 6`, [
      XIHU,
    ]);
    await db.query(
      `INSERT INTO observation_history (region_code, indicator_code, year, month, scope, old_value, new_value,
         old_yoy, new_yoy, changed_by) VALUES ($1, 'fai', 2025, 6, '', 110, 111, 4.5, NULL, '西湖区填报员')`,
      [XIHU],
    );
    await migrate(db);
    const published = await db.query<{
      region_code: string;
      month: number;
      value: number;
      yoy: number | null;
    }>('SELECT region_code, month, value, yoy FROM observation ORDER BY region_code, month');
    expect(published).toEqual([{ region_code: XIHU, month: 6, value: 110, yoy: 4.5 }]);
    const moved = await listSubmissions(db, { under: null, status: 'submitted' });
    expect(moved.map((s) => [s.regionCode, s.period, s.value]).sort()).toEqual([
      [XIHU, '2025-06', 111],
      [XIHU, '2025-07', 112],
      [BINJIANG, '2025-06', 50],
    ]);
  });
});
