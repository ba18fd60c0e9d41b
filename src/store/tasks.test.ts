// Supervised tasks on a real database: owners from the unit catalogue, 各乡镇（街道） expanded, reports reviewed,
// extensions checked against the due date, and the list's lights on given days (worked out by hand).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TiaoduError } from '../core/errors.ts';
import { DEFAULT_TASK_RULES } from '../core/tasks/index.ts';
import type { Db } from './db.ts';
import {
  addMeeting,
  addTask,
  addUnit,
  askExtension,
  closeTask,
  createTask,
  divisionsUnder,
  listAudit,
  listTaskRows,
  reportProgress,
  requireUnit,
  reviewReport,
  setSettings,
  tasksUnder,
  upsertRegions,
} from './index.ts';
import { driverName, freshStore } from './testing.ts';

const XIHU = '330106';
const SHANGCHENG = '330102';

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as TiaoduError;
  }
  throw new Error('expected a refusal');
};

describe(`supervised tasks on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'town'));
    await addUnit(db, XIHU, '西湖区经信局');
    await addUnit(db, XIHU, '西湖区统计局');
    await addUnit(db, XIHU, '经信局');
    await addUnit(db, SHANGCHENG, '经信局');
  });
  afterAll(() => drop());

  const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM task'))[0]?.n);

  it('creates a task for units named by name, lists it with the contract keys and its light on the day', async () => {
    const id = await createTask(
      db,
      { title: '规上工业企业培育', lead: ['西湖区经信局'], support: ['西湖区统计局'], due: '2025-06-30' },
      'cli',
      '2025-06-10',
    );
    await reportProgress(db, id, { percent: 40, note: '已完成摸排' }, 'cli', '2025-06-10');
    const [row] = await listTaskRows(db, { today: '2025-06-10', id });
    // Start 06-10 (the day added) → due 06-30: 20 days left, nothing elapsed, 40 %: green, in progress.
    expect(row).toMatchObject({
      id,
      title: '规上工业企业培育',
      lead: ['西湖区经信局'],
      support: ['西湖区统计局'],
      start: '2025-06-10',
      due: '2025-06-30',
      recurrence: null,
      percent: 40,
      status: 'in_progress',
      light: 'green',
      daysLeft: 20,
      lastReport: '2025-06-10',
      escalated: false,
      region: XIHU,
      lastNote: '已完成摸排',
    });
    // 06-30 → 07-08 is 8 red days: escalated (约谈).
    const [late] = await listTaskRows(db, { today: '2025-07-08', id });
    expect(late).toMatchObject({ light: 'red', status: 'overdue', daysLeft: -8, escalated: true });
    const audit = await listAudit(db, { action: 'task.create' });
    expect(audit.some((a) => a.object === `task ${id}` && a.region === XIHU)).toBe(true);
  });

  it('refuses an ambiguous unit name by listing the candidates with their regions, and writes nothing', async () => {
    const before = await count();
    const e = await fails(
      createTask(
        db,
        { title: '培育', lead: ['经信局'], support: [], due: '2025-06-30' },
        'cli',
        '2025-06-10',
      ),
    );
    expect(e.code).toBe('unit.ambiguous');
    expect(e.message).toContain('经信局（西湖区，编号');
    expect(e.message).toContain('经信局（上城区，编号');
    const unknown = await fails(
      createTask(
        db,
        { title: '培育', lead: ['西湖区经信局'], support: ['统计'], due: '2025-06-30' },
        'cli',
        '2025-06-10',
      ),
    );
    expect(unknown.code).toBe('unit.unknown');
    expect(unknown.message).toContain('西湖区统计局');
    expect(await count()).toBe(before);
  });

  it('accepts a unit by its id', async () => {
    const u = await requireUnit(db, '西湖区统计局');
    const id = await createTask(
      db,
      { title: '统计', lead: [String(u.id)], support: [], due: '2025-07-31' },
      'cli',
      '2025-07-01',
    );
    expect((await listTaskRows(db, { today: '2025-07-01', id }))[0]?.lead).toEqual(['西湖区统计局']);
  });

  it('expands 各乡镇（街道） into one child task per town or street of the region, each led by it', async () => {
    const towns = divisionsUnder(XIHU, 'town').filter((r) => r.level === 4);
    const id = await createTask(
      db,
      { title: '清理低效用地', lead: ['西湖区经信局'], support: ['各乡镇（街道）'], due: '2025-09-30' },
      'cli',
      '2025-07-01',
    );
    const rows = await listTaskRows(db, { today: '2025-07-01', regionCode: XIHU });
    const parent = rows.find((r) => r.id === id);
    const children = rows.filter((r) => r.parent === id);
    expect(parent?.support).toEqual([]);
    expect(parent?.children).toHaveLength(towns.length);
    expect(children.map((c) => c.lead[0]).sort()).toEqual(towns.map((t) => t.name).sort());
    expect(children.map((c) => c.region).sort()).toEqual(towns.map((t) => t.code).sort());
    expect(children[0]?.title).toBe(`清理低效用地（${children[0]?.lead[0]}）`);
  });

  it('lists for a unit the tasks it leads or supports, and filters by light', async () => {
    const stats = await requireUnit(db, '西湖区统计局');
    const mine = await listTaskRows(db, { today: '2025-07-01', unitId: stats.id });
    expect(mine.map((r) => r.title)).toEqual(['规上工业企业培育', '统计']);
    // On 07-01 the first is past due (red); the second is due 07-31 with 30 days left.
    const red = await listTaskRows(db, { today: '2025-07-01', unitId: stats.id, light: 'red' });
    expect(red.map((r) => r.title)).toEqual(['规上工业企业培育']);
  });

  it('leaves a returned report out, closes a task only once, and shows a closed task without a light', async () => {
    const id = await createTask(
      db,
      { title: '报表', lead: ['西湖区统计局'], support: [], due: '2025-08-31' },
      'cli',
      '2025-08-01',
    );
    const { reportId } = await reportProgress(db, id, { percent: 60, note: '初稿' }, 'xihu', '2025-08-05');
    expect(await fails(reviewReport(db, reportId, { accept: false, reason: ' ' }, 'office'))).toMatchObject({
      code: 'validation',
    });
    await reviewReport(db, reportId, { accept: false, reason: '缺少佐证材料' }, 'office');
    let [row] = await listTaskRows(db, { today: '2025-08-06', id });
    expect(row).toMatchObject({ percent: 0, status: 'not_started', lastReport: null });
    expect(await fails(closeTask(db, id, 'office', '2025-08-06'))).toMatchObject({ code: 'task.conflict' });
    await reportProgress(
      db,
      id,
      { percent: 100, evidence: { name: '台账.xlsx', bytes: new Uint8Array([1, 2, 3]) } },
      'xihu',
      '2025-08-07',
    );
    await closeTask(db, id, 'office', '2025-08-08');
    [row] = await listTaskRows(db, { today: '2025-09-30', id });
    expect(row).toMatchObject({
      status: 'done',
      light: null,
      escalated: false,
      percent: 100,
      closedOn: '2025-08-08',
    });
    expect(await fails(reportProgress(db, id, { note: '补充' }, 'xihu', '2025-08-09'))).toMatchObject({
      code: 'task.conflict',
    });
    const returned = await listAudit(db, { action: 'task.return' });
    expect(returned[0]?.new).toEqual({ status: 'returned', reason: '缺少佐证材料' });
  });

  it('extends a task asked on its due date, and refuses one asked the day after without changing anything', async () => {
    const id = await createTask(
      db,
      { title: '招商', lead: ['西湖区经信局'], support: [], due: '2025-06-30' },
      'cli',
      '2025-06-01',
    );
    expect(
      await askExtension(
        db,
        id,
        { to: '2025-07-15', reason: '企业延迟签约', approve: true },
        'cli',
        '2025-06-30',
      ),
    ).toMatchObject({
      due: '2025-07-15',
    });
    expect((await listTaskRows(db, { today: '2025-07-01', id }))[0]).toMatchObject({
      due: '2025-07-15',
      daysLeft: 14,
    });
    const late = await fails(
      askExtension(db, id, { to: '2025-08-31', reason: '再延', approve: true }, 'cli', '2025-07-16'),
    );
    expect(late).toMatchObject({ code: 'task.extension' });
    expect(late.message).toContain('已过截止日期 2025-07-15');
    expect((await listTaskRows(db, { today: '2025-07-16', id }))[0]?.due).toBe('2025-07-15');
  });

  it('turns a meeting’s decisions into tasks due 20 days after it, with the meeting as their source', async () => {
    const m = await addMeeting(
      db,
      {
        region: '西湖区',
        date: '2025-05-06',
        kind: '常务会议',
        title: '区政府第12次常务会议',
        leader: '区长',
        attendees: ['西湖区经信局'],
        decisions: [{ title: '制定工业稳增长措施', lead: ['西湖区经信局'] }],
      },
      'office',
    );
    const [row] = await listTaskRows(db, { today: '2025-05-06', id: m.tasks[0] });
    // 05-06 + 20 days = 05-26.
    expect(row).toMatchObject({
      start: '2025-05-06',
      due: '2025-05-26',
      sourceKind: 'meeting',
      source: '区政府第12次常务会议（2025-05-06）',
    });
  });

  it('keeps document tasks working and links their names to units where one unit matches', async () => {
    const t = await addTask(
      db,
      {
        regionCode: XIHU,
        action: '推进数字经济',
        lead: ['西湖区经信局'],
        support: ['某协会'],
        due: '二季度',
        recurrence: null,
        source: '讲话',
        quote: '区经信局牵头',
        documentId: null,
      },
      'analyst',
    );
    expect((await tasksUnder(db, XIHU)).some((x) => x.id === t.id && x.due === '二季度')).toBe(true);
    const [row] = await listTaskRows(db, { today: '2025-07-01', id: t.id });
    const unit = await requireUnit(db, '西湖区经信局');
    expect(row).toMatchObject({
      lead: ['西湖区经信局'],
      support: ['某协会'],
      leadIds: [unit.id],
      supportIds: [],
    });
    // "二季度" is no day: no due date, so no red, blue or percent rule; not yet silent for 30 days.
    expect(row).toMatchObject({ due: null, daysLeft: null, light: 'green' });
  });

  it('reads its thresholds from the deployment settings', async () => {
    const id = await createTask(
      db,
      { title: '设置', lead: ['西湖区经信局'], support: [], due: '2025-10-31' },
      'cli',
      '2025-10-01',
    );
    await reportProgress(db, id, { percent: 95 }, 'cli', '2025-10-20');
    // 11 days left on 10-20: green by default, blue when the window is 15 days.
    expect((await listTaskRows(db, { today: '2025-10-20', id }))[0]?.light).toBe('green');
    await setSettings(db, { 'tasks.rules': { ...DEFAULT_TASK_RULES, blueDays: 15 } }, 'admin');
    expect((await listTaskRows(db, { today: '2025-10-20', id }))[0]?.light).toBe('blue');
    await setSettings(db, { 'tasks.rules': DEFAULT_TASK_RULES }, 'admin');
  });
});
