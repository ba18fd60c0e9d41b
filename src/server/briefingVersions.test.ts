// Editing the briefing before export: an analyst saves versions of edited paragraphs (numbers checked against
// the section's figures), everyone who may see the region reads them and who changed what, and the export
// carries the saved text.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../core/briefing/types.ts';
import { loadDemo } from '../demo/index.ts';
import type { Db } from '../store/db.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as } from './testing.ts';

const auth = createTokenAuth({
  analyst: { name: '市分析员', role: 'analyst', regionCode: null },
  xhAnalyst: { name: '西湖分析员', role: 'analyst', regionCode: '330106' },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: '330106' },
  leader: { name: '市领导', role: 'leader', regionCode: null },
});

/** The demo's generated GDP paragraph of 西湖区 at June 2025, as read in the rendered Word file. */
const GDP =
  '上半年，全区地区生产总值1054.53亿元，同比增长5.0%，高于全市（4.9%）0.1个百分点，增速与一季度持平，' +
  '居全市13个区、县（市）第4位，位次比一季度后退1位；低于年度目标（增长5.5%）0.5个百分点。';
const EDITED = '上半年，全区地区生产总值同比增长5.0%，高于全市0.1个百分点，增速保持稳定。';

describe(`saved versions of the briefing on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const save = (json: unknown, token = 'analyst') =>
    app.request('/api/briefing/versions', as(token, { json }));
  const versions = (region = '330106', token = 'analyst') =>
    app.request(`/api/briefing/versions?region=${region}&period=2025-06`, as(token));
  const brief = async (query = '', token = 'analyst') =>
    (await (
      await app.request(`/api/briefing?region=330106&period=2025-06${query}`, as(token))
    ).json()) as Briefing;
  const gdp = (b: Briefing) => b.sections.find((s) => s.key === 'gdp');

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await loadDemo(db);
    app = createApp(db, { auth, today: new Date('2026-01-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it('saves a reworded paragraph as version 1, lists who changed what and which figures it dropped', async () => {
    expect(gdp(await brief())?.paragraphs[0]).toBe(GDP);
    const r = await save({
      region: '330106',
      period: '2025-06',
      base: 0,
      edits: [{ section: 'gdp', index: 0, text: EDITED }],
      note: '压缩篇幅',
    });
    expect(r.status).toBe(201);
    const list = (await (await versions()).json()) as {
      version: number;
      savedBy: string;
      note: string;
      changes: { section: string; title: string; before: string; after: string; removed: string[] }[];
    }[];
    expect(list.map((v) => [v.version, v.savedBy, v.note])).toEqual([[1, '市分析员', '压缩篇幅']]);
    expect(list[0]?.changes).toEqual([
      {
        section: 'gdp',
        title: '地区生产总值',
        index: 0,
        before: GDP,
        after: EDITED,
        removed: ['1054.53', '4.9', '13', '4', '1', '5.5', '0.5'],
        peers: true,
      },
    ]);
    const [audit] = await db.query<{ user_name: string; object: string }>(
      `SELECT user_name, object FROM audit_event WHERE action = 'briefing.save'`,
    );
    expect(audit).toEqual({ user_name: '市分析员', object: '2025-06 第1版' });
  });

  it('shows the saved text by default, marks the edited paragraph, and the generated text with version=0', async () => {
    const b = await brief();
    expect(gdp(b)?.paragraphs[0]).toBe(EDITED);
    expect(gdp(b)?.edited).toEqual([0]);
    expect(b.version).toMatchObject({ number: 1, savedBy: '市分析员' });
    const original = await brief('&version=0');
    expect(gdp(original)?.paragraphs[0]).toBe(GDP);
    expect(original.version).toBeNull();
  });

  it('exports the saved text into the Word file', async () => {
    const r = await app.request('/api/briefing?region=330106&period=2025-06&format=docx', as('analyst'));
    const zip = await JSZip.loadAsync(await r.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(EDITED);
    expect(xml).not.toContain('1054.53亿元');
  });

  it('refuses an edit that states a number not among the section’s figures, naming the paragraph and the number', async () => {
    const r = await save({
      region: '330106',
      period: '2025-06',
      base: 1,
      edits: [{ section: 'gdp', index: 0, text: '上半年，全区地区生产总值同比增长5.6%。' }],
    });
    expect(r.status).toBe(400);
    const { error } = (await r.json()) as { error: { message: string } };
    expect(error.message).toContain('「地区生产总值」第1段中的数字「5.6」不是本节的数据');
    expect(((await (await versions()).json()) as unknown[]).length).toBe(1);
  });

  it('refuses a save made on an older version than the latest (409), so no edit is overwritten unseen', async () => {
    const r = await save({
      region: '330106',
      period: '2025-06',
      base: 0,
      edits: [{ section: 'gdp', index: 0, text: '上半年，全区地区生产总值同比增长5.0%。' }],
    });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('市分析员');
  });

  it('reverts a paragraph when a later version leaves it out, and says so in the changes', async () => {
    const r = await save({ region: '330106', period: '2025-06', base: 1, edits: [] }, 'xhAnalyst');
    expect(r.status).toBe(201);
    const v2 = (await r.json()) as { version: number; changes: { before: string; after: string }[] };
    expect(v2.version).toBe(2);
    expect(v2.changes.map((c) => [c.before, c.after])).toEqual([[EDITED, GDP]]);
    expect(gdp(await brief())?.paragraphs[0]).toBe(GDP);
    expect(gdp(await brief('&version=1'))?.paragraphs[0]).toBe(EDITED);
  });

  it('lets those who may see the region read the versions, and only its analysts and administrators save', async () => {
    expect((await versions('330106', 'xihu')).status).toBe(200);
    expect((await versions('330106', 'leader')).status).toBe(200);
    expect((await versions('330105', 'xihu')).status).toBe(403);
    const edit = {
      region: '330106',
      period: '2025-06',
      base: 2,
      edits: [{ section: 'gdp', index: 0, text: EDITED }],
    };
    expect((await save(edit, 'xihu')).status).toBe(403);
    expect((await save(edit, 'leader')).status).toBe(403);
    expect((await save({ ...edit, region: '330105', base: 0 }, 'xhAnalyst')).status).toBe(403);
    expect(((await (await versions()).json()) as unknown[]).length).toBe(2);
  });

  it('no longer applies an edit once the figures of its paragraph are revised, and lists it as stale', async () => {
    const edit = {
      region: '330106',
      period: '2025-06',
      base: 2,
      edits: [{ section: 'gdp', index: 0, text: EDITED }],
    };
    expect((await save(edit)).status).toBe(201);
    const post = await app.request(
      '/api/observations',
      as('analyst', {
        json: {
          indicator: 'gdp',
          region: '330106',
          period: '2025-06',
          value: 1060,
          yoy: 5.2,
          reason: '修订',
        },
      }),
    );
    expect(post.status).toBe(200);
    const b = await brief();
    expect(gdp(b)?.paragraphs[0]).toMatch(/^上半年，全区地区生产总值1060.00亿元，同比增长5.2%/);
    expect(gdp(b)?.edited).toEqual([]);
    expect(b.stale).toEqual([{ section: 'gdp', index: 0, text: EDITED }]);
  });
});
