// The problem list of key projects over the API, on the test app's day 2025-07-15: a district reporter adds and
// solves problems of its own projects only; due today is not overdue, due yesterday is; solving and reopening
// are audited; the progress notice lists the overdue ones.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { createUser, importProjectRegister, listAudit, setLeaderName } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { as, projectFixture, testApp, workedCity } from './testing.ts';

interface Problem {
  id: number;
  projectCode: string;
  description: string;
  due: string;
  open: boolean;
  overdue: boolean;
  daysOverdue: number | null;
  resolvedOn: string | null;
  resolution: string | null;
  resolvedLate: boolean;
}

describe(`the problem list of key projects on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof testApp>;
  const send = async (path: string, token: string, json?: unknown) => {
    const r = await app.request(path, as(token, json === undefined ? {} : { json }));
    return { status: r.status, body: await r.json() };
  };
  const add = (token: string, region: string, code: string, due: string, description = '用地指标未落实') =>
    send('/api/projects/problems', token, { region, code, description, coordinator: '区规划资源分局', due });
  const count = async () =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM project_problem'))[0]?.n);

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    await importProjectRegister(db, '项目库.csv', [
      projectFixture('XH-1', '西湖区'),
      projectFixture('BJ-1', '滨江区'),
      projectFixture('XH-L', '西湖区', { leader: '市领导' }),
      projectFixture('BJ-L', '滨江区', { leader: '王副市长' }),
    ]);
    app = testApp(db);
  });
  afterAll(() => drop());

  it('flags a problem due yesterday as overdue by one day, and one due today not yet', async () => {
    const today = await add('xihu', '330106', 'XH-1', '2025-07-15', '施工许可待办');
    const yesterday = await add('xihu', '330106', 'XH-1', '2025-07-14');
    expect(today.status).toBe(201);
    expect(today.body).toMatchObject({ projectCode: 'XH-1', open: true, overdue: false, daysOverdue: null });
    expect(yesterday.body).toMatchObject({ open: true, overdue: true, daysOverdue: 1 });
    const list = await send('/api/projects/problems?region=330106&code=XH-1', 'xihu');
    expect(list.body.today).toBe('2025-07-15');
    expect(list.body.problems.map((p: Problem) => [p.due, p.overdue])).toEqual([
      ['2025-07-15', false],
      ['2025-07-14', true],
    ]);
  });

  it('lets the city see every district’s overdue problems and a district only its own', async () => {
    expect((await add('analyst', '330108', 'BJ-1', '2025-06-30', '电力接入')).status).toBe(201);
    const city = await send('/api/projects/problems?region=3301&only=overdue', 'analyst');
    expect(city.body.problems.map((p: Problem) => [p.projectCode, p.daysOverdue])).toEqual([
      ['BJ-1', 15],
      ['XH-1', 1],
    ]);
    const xihu = await send('/api/projects/problems?region=330106&only=open', 'xihu');
    expect(xihu.body.problems.map((p: Problem) => p.projectCode)).toEqual(['XH-1', 'XH-1']);
    expect((await send('/api/projects/problems?region=330108&only=open', 'xihu')).status).toBe(403);
  });

  it('refuses a 西湖区 reporter another district’s project, writing nothing', async () => {
    const before = await count();
    expect((await add('xihu', '330108', 'BJ-1', '2025-08-31')).status).toBe(403);
    const named = await add('xihu', '330106', 'BJ-1', '2025-08-31');
    expect(named.status).toBe(404);
    expect(named.body.error.code).toBe('project.unknown');
    expect((await send('/api/projects/problems?region=330106&code=BJ-1', 'xihu')).status).toBe(404);
    const bj = (await send('/api/projects/problems?region=330108&code=BJ-1', 'analyst')).body.problems[0];
    const solve = await send(`/api/projects/problems/${bj.id}/resolve`, 'xihu', { region: '330106' });
    expect(solve.status).toBe(404);
    expect(await count()).toBe(before);
    const still = (await send('/api/projects/problems?region=330108&code=BJ-1', 'analyst')).body.problems[0];
    expect(still.open).toBe(true);
  });

  it('lets a leader read the list but not add to it', async () => {
    expect((await send('/api/projects/problems?region=3301&only=open', 'leader')).body.problems).toHaveLength(
      3,
    );
    expect((await add('leader', '330106', 'XH-1', '2025-08-31')).status).toBe(403);
  });

  it('refuses an impossible due day and a solved day after today, naming the field', async () => {
    const bad = await add('xihu', '330106', 'XH-1', '2025-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('due');
    const [p] = (await send('/api/projects/problems?region=330106&code=XH-1', 'xihu')).body.problems;
    const later = await send(`/api/projects/problems/${p.id}/resolve`, 'xihu', {
      region: '330106',
      on: '2025-07-16',
    });
    expect(later.status).toBe(400);
    expect(later.body.error.message).toContain('不能晚于今天');
  });

  it('solves an overdue problem late, refuses solving it twice, reopens it as overdue; all audited', async () => {
    const list = (await send('/api/projects/problems?region=330106&only=overdue', 'xihu')).body.problems;
    const p = list[0] as Problem;
    const solved = await send(`/api/projects/problems/${p.id}/resolve`, 'xihu', {
      region: '330106',
      note: '已协调落实用地指标',
    });
    expect(solved.status).toBe(200);
    expect(solved.body).toMatchObject({
      open: false,
      overdue: false,
      resolvedOn: '2025-07-15',
      resolution: '已协调落实用地指标',
      resolvedLate: true,
    });
    const again = await send(`/api/projects/problems/${p.id}/resolve`, 'xihu', { region: '330106' });
    expect(again.status).toBe(409);
    expect((await send('/api/projects/problems?region=330106&only=overdue', 'xihu')).body.problems).toEqual(
      [],
    );
    const reopened = await send(`/api/projects/problems/${p.id}/reopen`, 'xihu', { region: '330106' });
    expect(reopened.body).toMatchObject({ open: true, overdue: true, daysOverdue: 1, resolvedOn: null });
    const actions = (await listAudit(db, { user: '西湖区填报员', limit: 50 }))
      .map((e) => e.action)
      .filter((a) => a.startsWith('project.problem'));
    expect(actions.sort()).toEqual([
      'project.problem.add',
      'project.problem.add',
      'project.problem.reopen',
      'project.problem.resolve',
    ]);
  });

  it('gives a leader the projects whose 包联领导 is its name, then its leader name once linked', async () => {
    const mine = await send('/api/projects/mine?region=3301&period=2025-06', 'leader');
    expect(mine.body.leaderName).toBe('市领导');
    expect(mine.body.projects.map((p: { code: string }) => p.code)).toEqual(['XH-L']);
    await createUser(db, 'admin', {
      name: '市领导',
      role: 'leader',
      regionCode: null,
      password: 'lingdao-2025-mima',
    });
    await setLeaderName(db, 'admin', '市领导', '王副市长');
    const linked = await send('/api/projects/mine?region=3301&period=2025-06', 'leader');
    expect(linked.body.leaderName).toBe('王副市长');
    expect(linked.body.projects.map((p: { code: string }) => p.code)).toEqual(['BJ-L']);
    const audit = await listAudit(db, { action: 'user.leader', limit: 5 });
    expect(audit[0]).toMatchObject({ user: 'admin', object: '市领导', new: { leaderName: '王副市长' } });
  });

  it('lists the overdue problems in the progress notice, with their days late', async () => {
    const r = await app.request('/api/projects/notice?region=3301&period=2025-07&format=docx', as('analyst'));
    expect(r.status).toBe(200);
    const zip = await JSZip.loadAsync(await r.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    // The last of nine sections, numbered in Chinese like the rest.
    expect(text).toContain('九、逾期未解决问题（截至2025-07-15）');
    expect(text).toContain('电力接入');
    // BJ-1's problem due 06-30 is 15 days late on 07-15; XH-1's due 07-15 is not listed.
    expect(text).toMatch(/电力接入区规划资源分局2025-06-3015/);
    expect(text).not.toContain('施工许可待办');
  });
});
