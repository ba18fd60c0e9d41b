// Supervision over the API: the office gives tasks to units, a unit's account sees and reports only its unit's
// tasks (with an evidence file), the office sends a report back once and then closes the task; extensions are
// asked by the unit and approved by the office. The server's day is 2025-07-15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { addUnit, linkUnitUser, listAudit, requireUnit, saveUser } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, BINJIANG, workedCity, XIHU } from './testing.ts';

const auth = createTokenAuth({
  office: { name: '市督查室', role: 'analyst', regionCode: null },
  leader: { name: '市领导', role: 'leader', regionCode: null },
  xihu: { name: '西湖区经信局填报员', role: 'reporter', regionCode: XIHU },
  xihuPlain: { name: '西湖区填报员', role: 'reporter', regionCode: XIHU },
});

describe(`supervision over the API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = async (path: string, token: string, json?: unknown) => {
    const r = await app.request(
      path,
      as(token, json === undefined ? { method: 'POST' } : { method: 'POST', json }),
    );
    return { status: r.status, body: await r.json() };
  };
  const get = async (path: string, token: string) => {
    const r = await app.request(path, as(token));
    return { status: r.status, body: await r.json() };
  };
  let mine = 0;
  let theirs = 0;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = createApp(db, { auth, today: new Date('2025-07-15T08:00:00Z') });
    await addUnit(db, XIHU, '西湖区经信局');
    await addUnit(db, BINJIANG, '滨江区经信局');
    await saveUser(db, {
      name: '西湖区经信局填报员',
      role: 'reporter',
      regionCode: XIHU,
      password: 'Qiantang-chao-2025',
    });
    await linkUnitUser(db, (await requireUnit(db, '西湖区经信局')).id, '西湖区经信局填报员', 'admin');
    const a = await send('/api/supervision/tasks', 'office', {
      region: '西湖区',
      title: '规上企业培育',
      lead: ['西湖区经信局'],
      due: '2025-07-17',
    });
    expect(a.status).toBe(201);
    // Added today 07-15, due 07-17: 2 days left, blue.
    expect(a.body).toMatchObject({ start: '2025-07-15', daysLeft: 2, light: 'blue', status: 'not_started' });
    mine = a.body.id;
    const b = await send('/api/supervision/tasks', 'office', {
      region: '滨江区',
      title: '滨江事项',
      lead: ['滨江区经信局'],
      due: '2025-09-30',
    });
    theirs = b.body.id;
  });
  afterAll(() => drop());

  it("shows a unit's account only its unit's tasks, and another account of the district none", async () => {
    expect((await get('/api/supervision/tasks', 'xihu')).body.map((r: { id: number }) => r.id)).toEqual([
      mine,
    ]);
    expect((await get('/api/supervision/tasks', 'xihuPlain')).body).toEqual([]);
    const all = (await get('/api/supervision/tasks', 'leader')).body.map((r: { id: number }) => r.id);
    expect(all).toEqual(expect.arrayContaining([mine, theirs]));
  });

  it('lets the unit report with a file, the office send it back once and then close the task', async () => {
    expect((await send(`/api/supervision/tasks/${theirs}/reports`, 'xihu', { percent: 50 })).status).toBe(
      403,
    );
    expect((await send(`/api/supervision/tasks/${mine}/reports`, 'leader', { percent: 50 })).status).toBe(
      403,
    );
    const evidence = { name: '培育台账.xlsx', base64: Buffer.from('台账').toString('base64') };
    const first = await send(`/api/supervision/tasks/${mine}/reports`, 'xihu', {
      percent: 60,
      note: '已摸排',
      evidence,
    });
    expect(first.status).toBe(201);
    expect(first.body.task).toMatchObject({ percent: 60, status: 'in_progress', lastReport: '2025-07-15' });
    const back = await send(`/api/supervision/reports/${first.body.reportId}`, 'office', {
      decision: 'return',
      reason: '台账缺少企业名单',
    });
    expect(back.status).toBe(200);
    // The returned report no longer counts: nothing reported.
    expect(back.body).toMatchObject({ percent: 0, status: 'not_started', lastReport: null });
    expect(
      (
        await send(`/api/supervision/reports/${first.body.reportId}`, 'office', {
          decision: 'return',
          reason: '再退',
        })
      ).status,
    ).toBe(409);
    const reports = (await get(`/api/supervision/tasks/${mine}/reports`, 'xihu')).body;
    expect(reports).toMatchObject([
      { status: 'returned', returnReason: '台账缺少企业名单', evidenceName: '培育台账.xlsx' },
    ]);
    await send(`/api/supervision/tasks/${mine}/reports`, 'xihu', { percent: 100, note: '已补齐名单' });
    const closed = await send(`/api/supervision/tasks/${mine}/close`, 'office');
    expect(closed.body).toMatchObject({ status: 'done', light: null, percent: 100, closedOn: '2025-07-15' });
    expect((await send(`/api/supervision/tasks/${mine}/close`, 'xihu')).status).toBe(403);
    const stored = await db.query<{ evidence: Uint8Array }>(
      'SELECT evidence FROM task_report WHERE evidence_name IS NOT NULL',
    );
    expect(Buffer.from(stored[0]?.evidence ?? []).toString()).toBe('台账');
    expect((await listAudit(db, { action: 'task.close' }))[0]?.user).toBe('市督查室');
  });

  it('keeps an extension the unit asks as asked until the office approves it', async () => {
    const t = await send('/api/supervision/tasks', 'office', {
      region: '西湖区',
      title: '延期事项',
      lead: ['西湖区经信局'],
      due: '2025-07-31',
    });
    const ask = await send(`/api/supervision/tasks/${t.body.id}/extensions`, 'xihu', {
      to: '2025-08-31',
      reason: '企业停产检修',
    });
    expect(ask.status).toBe(201);
    expect(ask.body.task.due).toBe('2025-07-31');
    const ok = await send(`/api/supervision/extensions/${ask.body.extensionId}`, 'office', {
      decision: 'approve',
    });
    // 07-15 → 08-31: 16 + 31 = 47 days.
    expect(ok.body).toMatchObject({ due: '2025-08-31', daysLeft: 47 });
    expect(
      (await send(`/api/supervision/extensions/${ask.body.extensionId}`, 'office', { decision: 'approve' }))
        .status,
    ).toBe(409);
  });

  it("refuses a caller's day other than the server's, writing nothing, and takes the lead unit's region when none is named", async () => {
    const task = { title: '另一天的事项', lead: ['西湖区经信局'], due: '2025-08-29' };
    const other = await send('/api/supervision/tasks?today=2025-07-16', 'office', task);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('today.conflict');
    expect(other.body.error.message).toContain('按 2025-07-15 办理督办事项，与所给日期 2025-07-16');
    const listed = await get('/api/supervision/tasks?today=2025-07-15', 'leader');
    expect(listed.body.map((r: { title: string }) => r.title)).not.toContain('另一天的事项');
    const same = await send('/api/supervision/tasks?today=2025-07-15', 'office', {
      ...task,
      lead: ['滨江区经信局'],
    });
    expect(same.status).toBe(201);
    // Added 07-15, due 08-29: 45 days left, in 滨江区 (its lead unit's district).
    expect(same.body).toMatchObject({ region: BINJIANG, start: '2025-07-15', daysLeft: 45 });
    // Closing with a report (办结) is the office's: a unit's account may report, not close.
    const closing = await send(`/api/supervision/tasks/${mine}/reports`, 'xihu', {
      percent: 100,
      done: true,
    });
    expect(closing.status).toBe(403);
  });
});
