// `tiaodu task …` and `tiaodu meeting add` while `tiaodu serve` holds the data directory: the same commands run on
// two directories set up alike — one held by a server (started on the day of each step via TIAODU_TODAY), one
// opened directly — print the same thing, byte for byte, errors included; a --today the server is not on is refused
// and changes nothing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killLeftovers, type Run, startServer, tempDir, tiaodu } from './testing.ts';

afterAll(killLeftovers);

const dir = tempDir('tasks-serve');
const direct = join(dir, 'direct');
const served = join(dir, 'served');
const evidence = join(dir, '摸排台账.xlsx');
writeFileSync(evidence, 'PK fake');
const decisions = join(dir, '决定事项.csv');
writeFileSync(
  decisions,
  '\uFEFF事项,牵头单位,配合单位,截止日期\n制定工业稳增长措施,西湖区经信局,西湖区统计局,\n开展企业走访,西湖区统计局,,2025-06-20\n',
);

/** Runs one command on both directories (the CLI told the day by --today) and expects the same answer. */
async function both(day: string, args: string[]): Promise<Run> {
  const a = await tiaodu(direct, [...args, '--today', day]);
  const b = await tiaodu(served, [...args, '--today', day]);
  expect(b).toEqual(a);
  return a;
}

/** Runs `steps` with a server on `day` holding the served directory. */
async function withServerOn(day: string, steps: () => Promise<void>) {
  const server = await startServer(served, { TIAODU_TODAY: day });
  try {
    await steps();
  } finally {
    await server.stop();
  }
}

// These processes always run the embedded store (DATABASE_URL=''): the PostgreSQL pass of CI would repeat them.
describe.skipIf(!!process.env.DATABASE_URL)('tiaodu task while tiaodu serve holds the data directory', () => {
  it('adds, reports, extends, lists, returns and closes through the server as it does directly', async () => {
    for (const data of [direct, served]) {
      expect((await tiaodu(data, ['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
      for (const name of ['西湖区经信局', '西湖区统计局'])
        expect((await tiaodu(data, ['unit', 'add', '--region', '西湖区', '--name', name])).code).toBe(0);
    }
    const add = ['task', 'add', '--title', '规上工业企业培育', '--lead', '西湖区经信局'];

    await withServerOn('2025-06-01', async () => {
      const t = await both('2025-06-01', [
        ...add,
        '--support',
        '西湖区统计局',
        '--due',
        '2025-06-30',
        '--json',
      ]);
      expect(t.stderr).toBe('');
      expect(JSON.parse(t.stdout)).toMatchObject({
        id: 1,
        lead: ['西湖区经信局'],
        support: ['西湖区统计局'],
        start: '2025-06-01',
        due: '2025-06-30',
        status: 'not_started',
        light: 'green',
        daysLeft: 29,
      });
      const monthly = [
        'task',
        'add',
        '--title',
        '月度调度',
        '--lead',
        '西湖区统计局',
        '--recurrence',
        'monthly',
      ];
      expect((await both('2025-06-01', monthly)).stdout).toContain('周期 monthly，本期截止 2025-06-30');
      const m = await both('2025-06-01', [
        'meeting',
        'add',
        '--region',
        '西湖区',
        '--date',
        '2025-06-01',
        '--title',
        '区政府第12次常务会议',
        '--decisions',
        decisions,
        '--json',
      ]);
      expect(JSON.parse(m.stdout)).toEqual({ id: 1, tasks: [3, 4] });
      // Refused the same way on both: a unit the catalogue does not have.
      const unknown = await both('2025-06-01', [
        ...add.slice(0, 4),
        '--lead',
        '体育中心',
        '--due',
        '2025-06-30',
      ]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('体育中心');

      // The server is on 06-01: another day is refused, and nothing is written.
      const other = await tiaodu(served, [...add, '--due', '2025-06-30', '--today', '2025-06-02']);
      expect(other.code).toBe(1);
      expect(other.stderr).toContain(
        '运行中的 tiaodu serve 按 2025-06-01 办理督办事项，与所给日期 2025-06-02',
      );
      expect(other.stderr).toContain('[today.conflict]');
      const env = await tiaodu(served, ['task', 'list', '--json'], { env: { TIAODU_TODAY: '2025-06-03' } });
      expect(env.code).toBe(1);
      expect(env.stderr).toContain('与所给日期 2025-06-03');
      const list = await tiaodu(served, ['task', 'list', '--json', '--today', '2025-06-01']);
      expect((JSON.parse(list.stdout) as { id: number }[]).map((r) => r.id)).toEqual([1, 2, 3, 4]);
    });

    await withServerOn('2025-06-10', async () => {
      const upd = await both('2025-06-10', [
        'task',
        'update',
        '1',
        '--percent',
        '40',
        '--note',
        '已完成摸排',
        '--evidence',
        evidence,
        '--json',
      ]);
      expect(JSON.parse(upd.stdout)).toMatchObject({ reportId: 1, percent: 40, lastReport: '2025-06-10' });
      const ext = await both('2025-06-10', [
        'task',
        'extend',
        '1',
        '--to',
        '2025-07-05',
        '--reason',
        '企业材料未齐',
      ]);
      expect(ext.stdout).toContain('截止日期 2025-06-30 → 2025-07-05');
    });

    await withServerOn('2025-07-09', async () => {
      // Task 1: 06-01 → 07-05, 40 % and overdue 4 days: red. The monthly task: June ended unreported, red 9 days.
      const rows = await both('2025-07-09', ['task', 'list', '--json']);
      const list = JSON.parse(rows.stdout) as {
        id: number;
        light: string;
        daysLeft: number;
        escalated: boolean;
      }[];
      expect(list.map((r) => [r.id, r.light, r.daysLeft, r.escalated])).toEqual([
        [1, 'red', -4, false],
        [2, 'red', 22, true],
        [3, 'red', -18, true],
        [4, 'red', -19, true],
      ]);
      expect(
        JSON.parse((await both('2025-07-09', ['task', 'list', '--unit', '西湖区经信局', '--json'])).stdout),
      ).toEqual(list.filter((r) => r.id === 1 || r.id === 3));
      expect((await both('2025-07-09', ['task', 'list', '--light', 'green'])).stdout).toContain(
        '督办任务 0 项',
      );
      const late = await both('2025-07-09', [
        'task',
        'extend',
        '1',
        '--to',
        '2025-08-31',
        '--reason',
        '再延',
      ]);
      expect(late.code).toBe(1);
      expect(late.stderr).toContain('已过截止日期 2025-07-05');
      expect(
        (await both('2025-07-09', ['task', 'return', '1', '--reason', '数据口径不符'])).stdout,
      ).toContain('已退回进展报送 1');
      const close = await both('2025-07-09', ['task', 'close', '1']);
      expect(close.code).toBe(1);
      expect(close.stderr).toContain('还没有可审核的进展报送，不能办结');
      const done = await both('2025-07-09', ['task', 'update', '2', '--done', '--json']);
      expect(JSON.parse(done.stdout)).toMatchObject({ id: 2, status: 'done', light: null, percent: 100 });
      await both('2025-07-09', ['task', 'update', '4', '--note', '已走访 12 家']);
      expect((await both('2025-07-09', ['task', 'close', '4'])).stdout).toBe(
        '已办结督办任务 4（2025-07-09）\n',
      );
      await both('2025-07-09', ['task', 'list']);
    });
  }, 600_000);
});
