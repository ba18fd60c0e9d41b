// Text intake over the API: a speech uploaded, its items reviewed, targets and tasks created from the accepted ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../intake/testing.ts';
import type { Db } from '../store/db.ts';
import { targetsFor } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import type { createApp } from './app.ts';
import { as, testApp, workedCity, XIHU } from './testing.ts';

const SPEECH = [
  '在全区二季度经济运行分析会上的讲话',
  '同志们：今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，力争达到6.5%以上；城镇调查失业率控制在5%以内。',
  '要组建专项债券申报专班，由区财政局牵头，会同区发改局做好这项工作，确保争取专项债券资金不低于20亿元。',
  '区统计局负责，每月召开一次经济运行分析会。',
  '1-5月，全区规上工业增加值增长7.2%，增速居全市第三位。',
].join('\n');

describe(`documents and their review through the JSON API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let id: number;
  const upload = async (
    token: string,
    body: Uint8Array<ArrayBuffer> | string,
    query = '?region=西湖区&year=2025',
    name = '讲话.txt',
  ) => {
    const init = as(token, { method: 'POST', headers: { 'x-filename': encodeURIComponent(name) } });
    const r = await app.request(`/api/documents${query}`, { ...init, body });
    return { status: r.status, body: await r.json() };
  };
  const get = async (path: string, token = 'analyst') => {
    const r = await app.request(path, as(token));
    return { status: r.status, body: await r.json() };
  };
  const decide = async (seq: number, json: unknown, token = 'analyst') => {
    const r = await app.request(`/api/documents/${id}/items/${seq}`, as(token, { json }));
    return { status: r.status, body: await r.json() };
  };
  const item = async (kind: string, pick: (x: Record<string, unknown>) => boolean) => {
    const doc = (await get(`/api/documents/${id}`)).body;
    return doc.items.find(
      (i: { kind: string; extracted: Record<string, unknown> }) => i.kind === kind && pick(i.extracted),
    );
  };

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = testApp(db);
  });
  afterAll(() => drop());

  it('takes in an uploaded speech and finds its targets, tasks and figures', async () => {
    const r = await upload('analyst', SPEECH);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ targets: 4, tasks: 2 });
    id = r.body.id;
    const doc = (await get(`/api/documents/${id}`)).body;
    expect(doc).toMatchObject({ regionCode: XIHU, title: '讲话', year: 2025, pending: doc.items.length });
    const gdp = doc.items.find((i: { extracted: { value: number } }) => i.extracted.value === 6);
    // Where the item stands in the text, so the page can highlight it.
    expect(doc.text.slice(gdp.extracted.start, gdp.extracted.end)).toBe('6%');
    expect(gdp.draft).toEqual({
      indicator: 'gdp',
      kind: 'growth',
      value: 6,
      cmp: '≈',
      strength: 'expected',
      year: 2025,
      problem: null,
    });
    const list = (await get('/api/documents?region=西湖区')).body;
    expect(list).toEqual([
      expect.objectContaining({ id, title: '讲话', pending: doc.items.length, accepted: 0 }),
    ]);
  });

  it('refuses an upload to a reporter, and another district’s documents to a reporter', async () => {
    expect((await upload('xihu', SPEECH)).status).toBe(403);
    const binjiang = await upload('analyst', SPEECH, '?region=滨江区&year=2025');
    expect((await get(`/api/documents/${binjiang.body.id}`, 'xihu')).status).toBe(403);
    expect((await get(`/api/documents/${id}`, 'xihu')).status).toBe(200);
  });

  it('accepts an edited target: the target is set with the document and quote as its source', async () => {
    const t = await item('target', (x) => x.value === 6.5);
    expect(t.draft).toMatchObject({ strength: 'strive', cmp: '>=', value: 6.5 });
    const target = {
      indicator: 'gdp',
      region: '西湖区',
      year: 2025,
      kind: 'growth',
      value: 6.8,
      cmp: '>=',
      strength: 'strive',
    };
    const r = await decide(t.seq, { decision: 'accept', target });
    expect(r).toMatchObject({ status: 200, body: { status: 'accepted', accepted: { value: 6.8 } } });
    const set = (await targetsFor(db, XIHU, 2025)).find(
      (x) => x.indicatorCode === 'gdp' && x.strength === 'strive',
    );
    expect(set).toMatchObject({ value: 6.8, cmp: '>=', source: '文件：讲话' });
    expect(set?.quote).toContain('力争达到6.5%以上');
    expect((await decide(t.seq, { decision: 'reject' })).status).toBe(409);
  });

  it('accepts a task with its lead and supporting units', async () => {
    const t = await item('task', (x) => (x.lead as string[]).includes('区财政局'));
    expect(t.extracted).toMatchObject({ lead: ['区财政局'], support: ['区发改局'] });
    const task = {
      region: '西湖区',
      action: '组建专项债券申报专班',
      lead: ['区财政局'],
      support: ['区发改局'],
      due: '6月底前',
      recurrence: null,
    };
    expect((await decide(t.seq, { decision: 'accept', task })).status).toBe(200);
    const tasks = (await get('/api/tasks?region=西湖区')).body;
    expect(tasks).toEqual([
      expect.objectContaining({
        action: '组建专项债券申报专班',
        lead: ['区财政局'],
        due: '6月底前',
        status: 'not_started',
        documentId: id,
        source: '文件：讲话',
      }),
    ]);
  });

  it('rejects an item, and records figures as read', async () => {
    const jobless = await item('target', (x) => x.value === 5);
    expect((await decide(jobless.seq, { decision: 'reject' })).body.status).toBe('rejected');
    const rank = await item('figure', (x) => x.kind === 'rank');
    expect(rank.extracted).toMatchObject({ value: 3, period: '1-5月' });
    expect((await decide(rank.seq, { decision: 'accept' })).body.status).toBe('accepted');
    expect((await targetsFor(db, XIHU, 2025)).some((x) => x.indicatorCode === 'unemployment_rate')).toBe(
      false,
    );
  });

  it('refuses a target for a district outside a reviewer’s reach, and a target without an indicator, setting nothing', async () => {
    const t = await item('target', (x) => x.value === 20);
    const bad = {
      indicator: '没有这个指标',
      region: '西湖区',
      year: 2025,
      kind: 'amount',
      value: 20,
      strength: 'must',
    };
    expect((await decide(t.seq, { decision: 'accept', target: bad })).status).toBe(404);
    expect((await item('target', (x) => x.value === 20)).status).toBe('pending');
  });

  it('reads a GBK-encoded document', async () => {
    const r = await upload('analyst', encodeGbk(SPEECH), '?region=西湖区&year=2025', 'gbk.txt');
    expect(r.status).toBe(201);
    expect(r.body.targets).toBe(4);
  });
});

const REPORTS = join(import.meta.dirname, '../../../shared/corpus/work-reports-2024');
const hasReports = existsSync(REPORTS);
if (!hasReports) console.warn('../shared/corpus 不存在：跳过使用真实工作报告的测试');

/** A work report as pasted from a website: no front matter, the date line, last year's review, then the plan. */
const report = (year: number, last: string, next: string) =>
  [
    '**政府工作报告**',
    `——${year}年1月20日在西湖区人民代表大会上`,
    '各位代表：',
    `**一、${year - 1}年工作回顾**`,
    `${year - 1}年地区生产总值增长${last}%，一般公共预算收入增长8.1%。`,
    `**二、${year}年主要工作**`,
    `今年经济社会发展的主要预期目标是：地区生产总值增长${next}%左右。`,
  ].join('\n');

type Item = {
  seq: number;
  kind: string;
  status: string;
  extracted: { value: number };
  draft?: { year: number | null; problem: string | null };
};
type Doc = { id: number; year: number | null; items: Item[] };

describe(`a document’s year through the JSON API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const upload = async (body: string, query = '?region=西湖区', name = '报告.txt') => {
    const init = as('analyst', { method: 'POST', headers: { 'x-filename': encodeURIComponent(name) } });
    const r = await app.request(`/api/documents${query}`, { ...init, body });
    expect(r.status).toBe(201);
    return ((await r.json()) as { id: number }).id;
  };
  const get = async (id: number): Promise<Doc> =>
    (await app.request(`/api/documents/${id}`, as('analyst'))).json() as Promise<Doc>;
  const redate = async (id: number, year: unknown, token = 'analyst') => {
    const r = await app.request(`/api/documents/${id}`, as(token, { method: 'PATCH', json: { year } }));
    return { status: r.status, body: (await r.json()) as Doc };
  };
  /** The targets offered for review: value and year. */
  const offered = (doc: Doc) =>
    doc.items
      .filter((i) => i.kind === 'target' && i.status === 'pending')
      .map((i) => [i.extracted.value, i.draft?.year]);

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = testApp(db);
  });
  afterAll(() => drop());

  it.each([
    [2023, '3.1', '6'],
    [2024, '5.2', '5.5'],
  ])(
    'offers a %s report’s own targets for its own year, and never last year’s result',
    async (year, last, next) => {
      const doc = await get(await upload(report(year, last, next)));
      expect(doc.year).toBe(year);
      expect(offered(doc)).toEqual([[Number(next), year]]);
    },
  );

  it.skipIf(!hasReports)('reads the year of a real 2024 work report pasted without its header', async () => {
    const raw = readFileSync(join(REPORTS, '主要城市-厦门市-2024.md'), 'utf8');
    const doc = await get(
      await upload(raw.replace(/^---\n[\s\S]*?\n---\n/, ''), '?region=西湖区', '厦门.txt'),
    );
    expect(doc.year).toBe(2024);
    const targets = doc.items.filter((i) => i.kind === 'target');
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.every((i) => i.draft?.year === 2024)).toBe(true);
    // Xiamen's 2023 GDP grew 3.1%: a result in the review, not a target.
    const quotes = targets.map((i) => (i.extracted as unknown as { quote: string }).quote);
    expect(quotes.filter((q) => /2023年/.test(q))).toEqual([]);
  });

  it('waits for a year before offering the targets of a document that names none, and takes one set later', async () => {
    const id = await upload(
      '同志们：今年全区经济社会发展的主要预期目标是：地区生产总值增长6%左右，力争达到6.5%以上。',
      '?region=西湖区',
      '讲话.txt',
    );
    const before = await get(id);
    expect(before.year).toBeNull();
    expect(before.items.filter((i) => i.kind === 'target').map((i) => i.draft)).toEqual([
      expect.objectContaining({ year: null, problem: expect.stringContaining('请先设定文件年度') }),
      expect.objectContaining({ year: null, problem: expect.stringContaining('请先设定文件年度') }),
    ]);
    const r = await redate(id, 2025);
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2025);
    expect(offered(r.body)).toEqual([
      [6, 2025],
      [6.5, 2025],
    ]);
    expect(r.body.items.every((i) => i.draft === undefined || i.draft.problem === null)).toBe(true);
  });

  it('re-reads a document given the wrong year: last year’s result drops out and the targets follow', async () => {
    // Uploaded as if for 2023: the 2023 review then reads as the plan, and its 5.2% as a target.
    const id = await upload(report(2024, '5.2', '5.5'), '?region=西湖区&year=2023');
    const wrong = await get(id);
    expect(wrong.year).toBe(2023);
    expect(offered(wrong)).toContainEqual([5.2, 2023]);
    const right = await redate(id, 2024);
    expect(right.body.year).toBe(2024);
    expect(offered(right.body)).toEqual([[5.5, 2024]]);
    const list = (await (await app.request('/api/documents?region=西湖区', as('analyst'))).json()) as Doc[];
    expect(list.find((d) => d.id === id)?.year).toBe(2024);
  });

  it('keeps decided items as they were, and numbers the items read again after them', async () => {
    const id = await upload(report(2024, '5.2', '5.5'), '?region=西湖区&year=2023');
    const first = await get(id);
    const result = first.items.find((i) => i.kind === 'target' && i.extracted.value === 5.2) as Item;
    const reject = await app.request(
      `/api/documents/${id}/items/${result.seq}`,
      as('analyst', { json: { decision: 'reject' } }),
    );
    expect(reject.status).toBe(200);
    const after = (await redate(id, 2024)).body;
    expect(after.items.find((i) => i.seq === result.seq)).toMatchObject({ status: 'rejected' });
    const last = Math.max(...first.items.map((i) => i.seq));
    expect(after.items.filter((i) => i.status === 'pending').every((i) => i.seq > last)).toBe(true);
    // A decision sent for a number that was replaced finds nothing, rather than another item.
    const stale = first.items.find((i) => i.status === 'pending' && i.seq !== result.seq) as Item;
    const late = await app.request(
      `/api/documents/${id}/items/${stale.seq}`,
      as('analyst', { json: { decision: 'reject' } }),
    );
    expect(late.status).toBe(404);
  });

  it('lets only a reviewer in scope change the year, and only to a year', async () => {
    const id = await upload(report(2024, '5.2', '5.5'));
    expect((await redate(id, 2025, 'xihu')).status).toBe(403);
    expect((await redate(id, '2025年')).status).toBe(400);
    expect((await redate(id, 1999)).status).toBe(400);
    const other = await upload(report(2024, '5.2', '5.5'), '?region=滨江区');
    expect((await redate(other, 2025, 'xihu')).status).toBe(403);
    expect((await get(id)).year).toBe(2024);
  });
});
