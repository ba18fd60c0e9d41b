// The monthly update of a key project in the app: a district reporter submits its own project's month with a
// photo, it counts only once an analyst of the level above approves it; returns need a reason; scope holds throughout.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, importProjectRegister, upsertRegions } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, PNG, projectFixture, testApp, workedCity } from './testing.ts';

describe(`monthly project updates on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  const send = async (path: string, token: string, json?: unknown) => {
    const r = await app.request(path, as(token, json === undefined ? {} : { json }));
    return { status: r.status, body: await r.json() };
  };
  const upload = (
    token: string,
    region: string,
    code: string,
    body: Uint8Array<ArrayBuffer> = new Uint8Array(PNG),
  ) =>
    app.request(`/api/projects/photos?region=${region}&code=${code}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-filename': encodeURIComponent('工地.png') },
      body,
    });
  const lightOf = async (code: string) =>
    (await send('/api/projects?region=3301&period=2025-06', 'analyst')).body.find(
      (p: { code: string }) => p.code === code,
    );

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', [
      projectFixture('XH-1', '西湖区'),
      projectFixture('BJ-1', '滨江区'),
    ]);
    app = testApp(db);
  });
  afterAll(() => drop());

  it('counts a reporter’s month with a photo only after the city analyst approves it', async () => {
    expect((await lightOf('XH-1')).light).toBe('red'); // nothing reported: lag 50 pp
    const photo = await upload('xihu', '330106', 'XH-1');
    expect(photo.status).toBe(201);
    const { id: photoId } = (await photo.json()) as { id: number };
    const sent = await send('/api/projects/updates', 'xihu', {
      region: '330106',
      code: 'XH-1',
      period: '2025-06',
      done: 550,
      progress: '主体结构封顶',
      problems: null,
      coordination: '用电增容',
      photos: [photoId],
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'submitted', photos: [{ id: photoId, name: '工地.png' }] });
    // Waiting: the figures do not move.
    expect((await lightOf('XH-1')).done).toBe(0);
    const again = await send('/api/projects/updates', 'xihu', {
      region: '330106',
      code: 'XH-1',
      period: '2025-06',
      done: 600,
    });
    expect(again.status).toBe(409);

    const waiting = await send('/api/projects/updates?region=3301&status=submitted', 'analyst');
    expect(waiting.body.map((u: { id: number }) => u.id)).toEqual([sent.body.id]);
    const ok = await send('/api/projects/updates/review', 'analyst', {
      ids: [sent.body.id],
      decision: 'approve',
    });
    expect(ok.status).toBe(200);
    const row = await lightOf('XH-1');
    expect(row).toMatchObject({ done: 550, light: 'green' }); // 45.83 % against 50 %: lag 4.17 pp
    const detail = await send('/api/projects/detail?region=330106&period=2025-06&code=XH-1', 'xihu');
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body.months).toEqual([
      { month: 6, done: 550, plan: 600, progress: '主体结构封顶', problems: null, coordination: '用电增容' },
    ]);
    expect(detail.body.history.map((h: { field: string; new: unknown }) => [h.field, h.new])).toContainEqual([
      'done',
      550,
    ]);
    const image = await app.request(`/api/projects/photos/${photoId}?region=330106`, as('xihu'));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a neighbour’s project, a non-image, a district review and a return without a reason', async () => {
    expect((await upload('xihu', '330108', 'BJ-1')).status).toBe(403);
    expect((await upload('xihu', '330106', 'BJ-1')).status).toBe(404);
    expect((await upload('xihu', '330106', 'XH-1', new TextEncoder().encode('not a picture'))).status).toBe(
      400,
    );
    const sent = await send('/api/projects/updates', 'xihu', {
      region: '330106',
      code: 'XH-1',
      period: '2025-07',
      done: 700,
    });
    expect(sent.status).toBe(201);
    expect(
      (await send('/api/projects/updates/review', 'xihu', { ids: [sent.body.id], decision: 'approve' }))
        .status,
    ).toBe(403);
    const bare = await send('/api/projects/updates/review', 'analyst', {
      ids: [sent.body.id],
      decision: 'return',
    });
    expect(bare.status).toBe(400);
    const back = await send('/api/projects/updates/review', 'analyst', {
      ids: [sent.body.id],
      decision: 'return',
      reason: '照片与项目不符',
    });
    expect(back.body[0]).toMatchObject({ status: 'returned', reason: '照片与项目不符' });
    const july = await send('/api/projects?region=330106&period=2025-07', 'xihu');
    expect(july.body[0].done).toBe(550);
    expect((await send('/api/projects/photos/1?region=330108', 'xihu')).status).toBe(403);
  });

  it('downloads the progress notice as Word and Excel for the region asked', async () => {
    const docx = await app.request(
      '/api/projects/notice?region=3301&period=2025-06&format=docx',
      as('analyst'),
    );
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer()))
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('项目BJ-1'); // the red list
    expect(xml).toContain('1—6月累计完成投资 550 万元');
    const xlsx = await app.request('/api/projects/notice?region=3301&period=2025-06&format=xlsx', as('xihu'));
    expect(xlsx.status).toBe(403);
  });
});

describe(`the level above reviews a project's month on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const TOWN = '330106002';
  const send = async (path: string, token: string, json?: unknown) => {
    const r = await app.request(path, as(token, json === undefined ? {} : { json }));
    return { status: r.status, body: await r.json() };
  };

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await upsertRegions(db, divisionsUnder('330106', 'town'));
    await importProjectRegister(db, '项目库.csv', [
      projectFixture('XH-1', '330106'),
      projectFixture('XH-T', TOWN),
      projectFixture('BJ-1', '330108'),
    ]);
    const users = createTokenAuth({
      analyst: { name: '分析员', role: 'analyst', regionCode: null },
      xihuAnalyst: { name: '西湖区分析员', role: 'analyst', regionCode: '330106' },
      xihu: { name: '西湖区填报员', role: 'reporter', regionCode: '330106' },
      town: { name: '镇街填报员', role: 'reporter', regionCode: TOWN },
      binjiang: { name: '滨江区填报员', role: 'reporter', regionCode: '330108' },
    });
    app = createApp(db, { auth: users, today: new Date('2025-07-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it('lets a district analyst approve its town’s month but not its own district’s or a neighbour’s', async () => {
    const month = (token: string, region: string, code: string) =>
      send('/api/projects/updates', token, { region, code, period: '2025-06', done: 600 });
    const town = (await month('town', TOWN, 'XH-T')).body;
    const own = (await month('xihu', '330106', 'XH-1')).body;
    const neighbour = (await month('binjiang', '330108', 'BJ-1')).body;

    const waiting = await send('/api/projects/updates?region=330106&status=submitted', 'xihuAnalyst');
    const can = Object.fromEntries(
      waiting.body.map((u: { code: string; canReview: boolean }) => [u.code, u.canReview]),
    );
    expect(can).toEqual({ 'XH-T': true, 'XH-1': false });

    const refusedOwn = await send('/api/projects/updates/review', 'xihuAnalyst', {
      ids: [own.id],
      decision: 'approve',
    });
    expect(refusedOwn.status).toBe(403);
    expect(refusedOwn.body.error.message).toContain('上一级');
    const refusedNeighbour = await send('/api/projects/updates/review', 'xihuAnalyst', {
      ids: [neighbour.id],
      decision: 'approve',
    });
    expect(refusedNeighbour.status).toBe(403);

    const ok = await send('/api/projects/updates/review', 'xihuAnalyst', {
      ids: [town.id],
      decision: 'approve',
    });
    expect(ok.body[0]).toMatchObject({ code: 'XH-T', status: 'approved', reviewedBy: '西湖区分析员' });
    const rows = (await send('/api/projects?region=330106&period=2025-06', 'xihuAnalyst')).body;
    expect(rows.find((p: { code: string }) => p.code === 'XH-T').done).toBe(600);
    // Half the plan of 1200 at half the year: on the time line, so green.
    expect(rows.find((p: { code: string }) => p.code === 'XH-T').light).toBe('green');
    // The city reviews the district's own.
    const city = await send('/api/projects/updates/review', 'analyst', {
      ids: [own.id],
      decision: 'approve',
    });
    expect(city.body[0].status).toBe('approved');
  });
});
