// Text intake over the API: a speech uploaded, its items reviewed, targets and tasks created from the accepted ones.
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
