// What the web app's supervision pages use: the unit picker's suggestions, a speech's task accepted as tasks for
// catalogue units (各乡镇（街道） expanded, the quote kept, the due date read from the speech), a meeting whose
// decisions become tasks, the extension list with a refusal after the due date, and the notice as DOCX and XLSX.
// The server's day is 2025-07-15.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { addUnit, divisionsUnder, requireUnit, upsertRegions } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import type { createApp } from './app.ts';
import { as, testApp, workedCity, XIHU } from './testing.ts';

const SPEECH = [
  '在全区经济运行分析会上的讲话',
  '要抓好规上企业培育，由区经信局牵头，区统计局、各乡镇（街道）配合，9月底前完成。',
].join('\n');

describe(`supervision pages' API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const call = async (method: string, path: string, json?: unknown, token = 'analyst') => {
    const r = await app.request(path, as(token, { method, json }));
    return { status: r.status, body: await r.json() };
  };
  const towns = divisionsUnder(XIHU, 'town').filter((r) => r.level === 4);

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await upsertRegions(db, divisionsUnder(XIHU, 'town'));
    app = testApp(db);
    await addUnit(db, XIHU, '西湖区经济和信息化局');
    await addUnit(db, XIHU, '西湖区统计局');
    await addUnit(db, '330108', '滨江区经济和信息化局');
  });
  afterAll(() => drop());

  it("suggests the district's own bureau first for 区经信 and says 各乡镇（街道） is one task per town", async () => {
    const r = await call('GET', `/api/supervision/units?region=${XIHU}&name=${encodeURIComponent('区经信')}`);
    expect(r.status).toBe(200);
    expect(r.body.units[0]).toMatchObject({ name: '西湖区经济和信息化局', regionName: '西湖区' });
    expect(r.body.units.map((u: { name: string }) => u.name)).not.toContain('滨江区经济和信息化局');
    const c = await call(
      'GET',
      `/api/supervision/units?region=${XIHU}&name=${encodeURIComponent('各乡镇（街道）')}`,
    );
    expect(c.body.collective).toMatchObject({ kind: 'towns', expandable: true });
  });

  it("turns a speech's task into tasks for two units and one per town, keeping the quote and the speech's deadline", async () => {
    const up = await app.request('/api/documents?region=西湖区&year=2025', {
      ...as('analyst', { method: 'POST', headers: { 'x-filename': encodeURIComponent('讲话.txt') } }),
      body: SPEECH,
    });
    const doc = (await up.json()) as { id: number };
    const item = (await call('GET', `/api/documents/${doc.id}`)).body.items.find(
      (i: { kind: string }) => i.kind === 'task',
    );
    const lead = await requireUnit(db, '西湖区经济和信息化局');
    const stats = await requireUnit(db, '西湖区统计局');
    const supervise = {
      region: XIHU,
      title: '抓好规上企业培育',
      lead: [String(lead.id)],
      support: [String(stats.id), '各乡镇（街道）'],
      due: '2025-09-30',
    };
    const r = await call('POST', `/api/documents/${doc.id}/items/${item.seq}`, {
      decision: 'accept',
      supervise,
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('accepted');
    const rows = (await call('GET', `/api/supervision/tasks?region=${XIHU}`)).body as {
      id: number;
      title: string;
      lead: string[];
      support: string[];
      due: string;
      quote: string;
      sourceKind: string;
      parent: number | null;
    }[];
    const parent = rows.find((t) => t.title === '抓好规上企业培育');
    expect(parent).toMatchObject({
      lead: ['西湖区经济和信息化局'],
      support: ['西湖区统计局'],
      due: '2025-09-30',
      sourceKind: 'document',
    });
    expect(parent?.quote).toContain('由区经信局牵头');
    expect(rows.filter((t) => t.parent === parent?.id)).toHaveLength(towns.length);
    // A unit not in the catalogue by id or exact name is refused and nothing is accepted.
    const again = await call('POST', `/api/documents/${doc.id}/items/${item.seq}`, {
      decision: 'accept',
      supervise,
    });
    expect(again.status).toBe(409);
  });

  it('gives a task without a written deadline the default time limit of its source kind, or asks for one', async () => {
    const up = await app.request('/api/documents?region=西湖区&year=2025', {
      ...as('analyst', { method: 'POST', headers: { 'x-filename': encodeURIComponent('讲话2.txt') } }),
      body: '讲话\n要做好统计执法检查，由区统计局牵头。',
    });
    const doc = (await up.json()) as { id: number };
    const item = (await call('GET', `/api/documents/${doc.id}`)).body.items.find(
      (i: { kind: string }) => i.kind === 'task',
    );
    const base = { region: XIHU, title: '统计执法检查', lead: ['西湖区统计局'] };
    const none = await call('POST', `/api/documents/${doc.id}/items/${item.seq}`, {
      decision: 'accept',
      supervise: base,
    });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('文中没有写明时限');
    const ok = await call('POST', `/api/documents/${doc.id}/items/${item.seq}`, {
      decision: 'accept',
      supervise: { ...base, limitKind: 'meeting' },
    });
    expect(ok.status).toBe(200);
    // 20 days after 07-15.
    expect(ok.body.accepted).toMatchObject({ due: '2025-08-04', lead: ['西湖区统计局'] });
  });

  it('records a meeting whose decisions become tasks due 20 days after it', async () => {
    const r = await call('POST', '/api/supervision/meetings', {
      region: XIHU,
      date: '2025-07-10',
      kind: '常务会议',
      title: '区政府第5次常务会议',
      leader: '区长',
      decisions: [{ title: '推进老旧小区改造', lead: ['西湖区统计局'] }],
    });
    expect(r.status).toBe(201);
    expect(r.body.tasks[0]).toMatchObject({
      title: '推进老旧小区改造',
      due: '2025-07-30',
      sourceKind: 'meeting',
      source: '区政府第5次常务会议（2025-07-10）',
    });
    const leader = await call('POST', '/api/supervision/meetings', { ...r.body, region: XIHU }, 'leader');
    expect(leader.status).toBe(403);
  });

  it('lists extensions and refuses one asked after the due date with the reason in Chinese', async () => {
    const t = await call('POST', '/api/supervision/tasks', {
      region: XIHU,
      title: '过期事项',
      lead: ['西湖区统计局'],
      start: '2025-07-01',
      due: '2025-07-10',
      sourceKind: 'instruction',
    });
    expect(t.body.sourceKind).toBe('instruction');
    const late = await call('POST', `/api/supervision/tasks/${t.body.id}/extensions`, {
      to: '2025-08-31',
      reason: '资金未到位',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('已过截止日期 2025-07-10');
    const u = await call('POST', '/api/supervision/tasks', {
      region: XIHU,
      title: '可延期事项',
      lead: ['西湖区统计局'],
      due: '2025-07-20',
    });
    await call('POST', `/api/supervision/tasks/${u.body.id}/extensions`, {
      to: '2025-08-31',
      reason: '资金未到位',
    });
    const list = await call('GET', `/api/supervision/tasks/${u.body.id}/extensions`);
    expect(list.body).toEqual([
      expect.objectContaining({
        oldDue: '2025-07-20',
        newDue: '2025-08-31',
        status: 'approved',
        reason: '资金未到位',
      }),
    ]);
  });

  it('downloads the notice as a Word file and a workbook listing the units', async () => {
    const docx = await app.request(`/api/supervision/notice?region=${XIHU}&format=docx`, as('analyst'));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('.docx');
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('西湖区督办事项落实情况通报');
    expect(xml).toContain('西湖区统计局');
    const xlsx = await app.request(`/api/supervision/notice?region=${XIHU}&format=xlsx`, as('analyst'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const cells = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells).toContain('西湖区统计局');
    expect(cells).toContain('过期事项');
  });
});
