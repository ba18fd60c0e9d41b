// Import jobs and size limits: a big file imports in the background with progress, a refused one names its
// issues, nobody else sees the job, other requests are answered meanwhile, and oversized requests get 413.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, upsertRegions } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import type { ImportJob } from './imports.ts';
import { as, testApp, workedCity } from './testing.ts';

const TOWNS = divisionsUnder('3301', 'town').filter((r) => r.level === 4);
const INDICATORS = ['fai', 'industrial_va', 'retail_sales', 'tax_revenue', 'budget_revenue'];

/** A long CSV of distinct rows (every town × five indicators × month from 2001-01 on), optionally spoiling the last value. */
function bigCsv(rows: number, lastValue?: string): string {
  const lines = ['指标,地区,期间,数值'];
  for (let i = 0; i < rows; i++) {
    const town = TOWNS[i % TOWNS.length]?.code;
    const indicator = INDICATORS[Math.floor(i / TOWNS.length) % INDICATORS.length];
    const month = Math.floor(i / (TOWNS.length * INDICATORS.length));
    const period = `${2001 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    lines.push(`${indicator},${town},${period},${i === rows - 1 && lastValue ? lastValue : i + 0.5}`);
  }
  return `${lines.join('\n')}\n`;
}

describe(`import jobs and size limits on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  const count = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]?.n ?? 0;
  const upload = (token: string, query: string, csv: string, name = '大文件.csv') =>
    app.request(`/api/import?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-filename': encodeURIComponent(name) },
      body: csv,
    });
  const job = async (id: string, token = 'analyst') => {
    const r = await app.request(`/api/imports/${id}`, as(token));
    return { status: r.status, body: (await r.json()) as ImportJob };
  };
  /** Polls a job until it ends, keeping every state seen on the way. */
  const follow = async (id: string) => {
    const seen: ImportJob[] = [];
    for (;;) {
      const { body } = await job(id);
      seen.push(body);
      if (body.state === 'done' || body.state === 'failed') return seen;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await upsertRegions(db, TOWNS);
    app = testApp(db);
  });
  afterAll(() => drop());

  it('answers 202 at once and imports as a job whose progress ends in the summary', async () => {
    const before = await count();
    const r = await upload('analyst', 'async=1', bigCsv(12_000));
    expect(r.status).toBe(202);
    const accepted = (await r.json()) as { id: string; state: string };
    expect(accepted.state).toBe('queued');
    expect(r.headers.get('location')).toBe(`/api/imports/${accepted.id}`);
    const seen = await follow(accepted.id);
    const order = ['queued', 'reading', 'checking', 'writing', 'done'];
    const states = seen.map((j) => order.indexOf(j.state));
    expect(states).toEqual([...states].sort((a, b) => a - b));
    const rows = seen.map((j) => j.rows);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const last = seen.at(-1);
    expect(last).toMatchObject({ state: 'done', rows: 12_000, percent: 100, file: '大文件.csv', issues: [] });
    expect(last?.bytes).toBe(Buffer.byteLength(bigCsv(12_000)));
    expect(last?.summary).toMatchObject({ file: '大文件.csv', rows: 12_000, created: 12_000, dryRun: false });
    expect(await count()).toBe(before + 12_000);
  });

  it('fails a job whose last row is bad with its issues by row and column, writing nothing', async () => {
    const before = await count();
    const r = await upload('analyst', 'async=1', bigCsv(12_000, '12x'), '坏文件.csv');
    const seen = await follow(((await r.json()) as { id: string }).id);
    const last = seen.at(-1);
    expect(last?.state).toBe('failed');
    expect(last?.summary).toBeNull();
    expect(last?.error?.code).toBe('import');
    expect(last?.error?.message).toMatch(
      /^导入失败，未写入任何数据：文件 坏文件\.csv 第12001行 第D列「12x」/,
    );
    expect(last?.issues[0]).toMatchObject({ file: '坏文件.csv', row: 12_001, column: 'D', value: '12x' });
    expect(await count()).toBe(before);
  });

  it('shows a job only to the user who started it', async () => {
    const r = await upload('analyst', 'async=1&dryRun=1', bigCsv(10));
    const { id } = (await r.json()) as { id: string };
    await follow(id);
    expect((await job(id, 'analyst')).status).toBe(200);
    for (const other of ['leader', 'xihu']) {
      const { status, body } = await job(id, other);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: 'import_job.unknown' } });
    }
    expect((await job('no-such-job')).status).toBe(404);
  });

  it('answers other requests while a big file is being imported', async () => {
    // 60,000 rows, 1.5 MB: over the JSON limit, well under the upload limit, staged in 12 chunks.
    const r = await upload('analyst', 'async=1', bigCsv(60_000));
    expect(r.status).toBe(202);
    const { id } = (await r.json()) as { id: string };
    let state = await job(id);
    while (state.body.state === 'queued' || (state.body.state === 'reading' && state.body.rows === 0)) {
      await new Promise((res) => setTimeout(res, 10));
      state = await job(id);
    }
    expect(state.body.state).toBe('reading');
    // A read that needs the database (the export is not cached) gets its turn between two chunks.
    const read = await app.request('/api/targets/export.csv?region=330106&year=2025', as('analyst'));
    expect(read.status).toBe(200);
    expect(await read.text()).toContain('西湖区');
    expect((await job(id)).body.state).not.toBe('done');
    expect((await follow(id)).at(-1)?.state).toBe('done');
  });

  it('keeps the plain synchronous import answering with the summary', async () => {
    const r = await upload('analyst', '', bigCsv(5), '小文件.csv');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ file: '小文件.csv', rows: 5, dryRun: false });
  });

  it('answers a national NBS file with the skip summary on a dry run and in the job, and an unknown name without a command', async () => {
    const nbs = (names: string[]) =>
      [
        '数据库：主要城市年度数据',
        '指标：地区生产总值(亿元)',
        '地区,2024年,2023年',
        ...names.map((n, i) => `${n},${100 + i},${90 + i}`),
        '数据来源：国家统计局',
      ].join('\n');
    const dry = await upload('analyst', 'dryRun=1', nbs(['杭州市', '北京市', '上海市']), '城市.csv');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      rows: 6,
      created: 2,
      dryRun: true,
      skipped: { rows: 4, regions: ['北京市', '上海市'] },
    });
    const r = await upload('analyst', 'async=1', nbs(['北京市', '杭州市']), '城市.csv');
    const last = (await follow(((await r.json()) as { id: string }).id)).at(-1);
    expect(last?.summary).toMatchObject({ created: 2, skipped: { rows: 2, regions: ['北京市'] } });
    const bad = await upload('analyst', '', nbs(['杭州市', '杭洲市']), '城市.csv');
    expect(bad.status).toBe(422);
    const error = ((await bad.json()) as { error: { message: string; issues: unknown[] } }).error;
    expect(error.issues).toEqual([expect.objectContaining({ row: 5, column: 'A', value: '杭洲市' })]);
    expect(error.message).not.toMatch(/tiaodu|命令行/);
  });

  it('refuses a JSON body over 1 MB with 413 and a Chinese message', async () => {
    const r = await app.request(
      '/api/observations',
      as('analyst', {
        json: { indicator: 'fai', region: '330106', period: '2025-06', value: 1, comment: 'x'.repeat(2e6) },
      }),
    );
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({
      error: { code: 'request.too_large', message: '请求内容过大：上限 1 MB' },
    });
  });

  it('refuses a peer group with too many members, and a body of millions before reading it', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => String(330106001 + i));
    const r = await app.request(
      '/api/groups/大组',
      as('analyst', { method: 'PUT', json: { regions: many } }),
    );
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toContain('一个分组最多 5000 个地区');
    const huge = Array.from({ length: 2_000_000 }, () => '330106');
    const h = await app.request(
      '/api/groups/大组',
      as('analyst', { method: 'PUT', json: { regions: huge } }),
    );
    expect(h.status).toBe(413);
    expect((await app.request('/api/groups', as('analyst'))).status).toBe(200);
    const groups = (await (await app.request('/api/groups', as('analyst'))).json()) as { name: string }[];
    expect(groups.map((g) => g.name)).not.toContain('大组');
  });

  it('refuses too many open jobs for one user with 429', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => upload('xihu', 'async=1&dryRun=1', bigCsv(20_000))),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([202, 202, 202, 429]);
    const refused = answers.find((a) => a.status === 429) as Response;
    expect((await refused.json()).error.message).toContain('导入任务过多');
    for (const a of answers.filter((x) => x.status === 202)) {
      const { id } = (await a.json()) as { id: string };
      for (let s = 'queued'; s !== 'done' && s !== 'failed'; await new Promise((r) => setTimeout(r, 20)))
        s = (await job(id, 'xihu')).body.state;
    }
  });
});
