// `tiaodu task …` and `tiaodu meeting add` as the 督查 office runs them: real processes on a real data directory,
// the day given by --today or TIAODU_TODAY, lights worked out by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiaodu as run, tempDir } from './testing.ts';

const dir = tempDir('tasks-cli');
const data = join(dir, 'db');
const tiaodu = (args: string[], env: Record<string, string> = {}) => run(data, args, { env });
const json = async (args: string[], env: Record<string, string> = {}) => {
  const r = await tiaodu(args, env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('tiaodu task', () => {
  it('adds, reports, lists with lights by the given day, extends by the due date and refuses after it', async () => {
    expect((await tiaodu(['init', '--region', '330100', '--depth', 'county'])).code).toBe(0);
    for (const [region, name] of [
      ['西湖区', '西湖区经信局'],
      ['西湖区', '西湖区统计局'],
      ['西湖区', '经信局'],
      ['上城区', '经信局'],
    ] as const)
      expect((await tiaodu(['unit', 'add', '--region', region, '--name', name])).stdout).toContain('编号');

    const t = await json(
      [
        'task',
        'add',
        '--title',
        '规上工业企业培育',
        '--lead',
        '西湖区经信局',
        '--support',
        '西湖区统计局',
        '--due',
        '2025-06-30',
        '--json',
      ],
      { TIAODU_TODAY: '2025-06-01' },
    );
    expect(t).toMatchObject({
      title: '规上工业企业培育',
      start: '2025-06-01',
      due: '2025-06-30',
      status: 'not_started',
    });

    const evidence = join(dir, '摸排台账.xlsx');
    writeFileSync(evidence, 'PK fake');
    const upd = await tiaodu(
      ['task', 'update', String(t.id), '--percent', '40', '--note', '已完成摸排', '--evidence', evidence],
      {
        TIAODU_TODAY: '2025-06-10',
      },
    );
    expect(upd.code).toBe(0);
    expect(upd.stdout).toContain('进度 40%');

    // 06-24: 23 of 29 days gone, share 79.3 %; 40 % < 59.3 %: yellow, 6 days left.
    const [row] = await json(['task', 'list', '--json', '--today', '2025-06-24']);
    expect(row).toMatchObject({
      id: t.id,
      percent: 40,
      light: 'yellow',
      daysLeft: 6,
      lastReport: '2025-06-10',
      status: 'in_progress',
    });
    expect(await json(['task', 'list', '--light', 'green', '--json', '--today', '2025-06-24'])).toEqual([]);
    expect(
      await json(['task', 'list', '--unit', '西湖区统计局', '--json', '--today', '2025-06-24']),
    ).toHaveLength(1);

    const ext = await tiaodu([
      'task',
      'extend',
      String(t.id),
      '--to',
      '2025-07-20',
      '--reason',
      '企业材料未齐',
      '--today',
      '2025-06-30',
    ]);
    expect(ext.stdout).toContain('截止日期 2025-06-30 → 2025-07-20');
    const late = await tiaodu([
      'task',
      'extend',
      String(t.id),
      '--to',
      '2025-08-31',
      '--reason',
      '再延',
      '--today',
      '2025-07-21',
    ]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('已过截止日期 2025-07-20');
    // 07-20 → 07-29 = 9 red days: escalated; the refused extension changed nothing.
    const [red] = await json(['task', 'list', '--json', '--today', '2025-07-29']);
    expect(red).toMatchObject({
      due: '2025-07-20',
      light: 'red',
      status: 'overdue',
      daysLeft: -9,
      escalated: true,
    });
    const table = await tiaodu(['task', 'list', '--today', '2025-07-29']);
    expect(table.stdout).toMatch(
      /规上工业企业培育\s+西湖区经信局\s+西湖区统计局\s+2025-07-20\s+-9\s+40\s+已超期\s+红/,
    );

    const ambiguous = await tiaodu([
      'task',
      'add',
      '--title',
      '培育',
      '--lead',
      '经信局',
      '--due',
      '2025-06-30',
      '--today',
      '2025-06-01',
    ]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(
      /单位「经信局」有多个：经信局（西湖区，编号 \d+）、经信局（上城区，编号 \d+）/,
    );
    const neither = await tiaodu([
      'task',
      'add',
      '--title',
      '培育',
      '--lead',
      '西湖区经信局',
      '--due',
      '2025-06-30',
      '--recurrence',
      'weekly',
    ]);
    expect(neither.code).toBe(2);
    expect(await json(['task', 'list', '--json', '--today', '2025-07-29'])).toHaveLength(1);

    const done = await json(['task', 'update', String(t.id), '--done', '--json', '--today', '2025-07-30']);
    expect(done).toMatchObject({ status: 'done', light: null, percent: 100, escalated: false });
  }, 300_000);

  it('records a meeting whose decisions become tasks due 20 days later unless a date is given', async () => {
    const csv = join(dir, '决定事项.csv');
    writeFileSync(
      csv,
      '\uFEFF事项,牵头单位,配合单位,截止日期\n制定工业稳增长措施,西湖区经信局,西湖区统计局,\n开展企业走访,西湖区统计局,,2025-05-31\n',
    );
    const m = await json([
      'meeting',
      'add',
      '--region',
      '西湖区',
      '--date',
      '2025-05-06',
      '--title',
      '区政府第12次常务会议',
      '--kind',
      '常务会议',
      '--decisions',
      csv,
      '--json',
    ]);
    expect(m.tasks).toHaveLength(2);
    const rows = await json(['task', 'list', '--json', '--today', '2025-05-06']);
    const mine = rows.filter((r: { id: number }) => m.tasks.includes(r.id));
    // 05-06 + 20 days = 05-26.
    expect(mine.map((r: { title: string; due: string }) => [r.title, r.due])).toEqual([
      ['制定工业稳增长措施', '2025-05-26'],
      ['开展企业走访', '2025-05-31'],
    ]);
    const bad = join(dir, '坏.csv');
    writeFileSync(bad, '事项,牵头单位,配合单位,截止日期\n走访,西湖区统计局,,5月底\n');
    const r = await tiaodu([
      'meeting',
      'add',
      '--region',
      '西湖区',
      '--date',
      '2025-05-06',
      '--title',
      '会',
      '--decisions',
      bad,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('坏.csv 第 2 行「截止日期」列：应为 YYYY-MM-DD，收到「5月底」');
  }, 300_000);

  it('keeps a monthly task red for the month that ended unreported, and returns and closes from the command line', async () => {
    const t = await json([
      'task',
      'add',
      '--title',
      '月度调度',
      '--lead',
      '西湖区统计局',
      '--recurrence',
      'monthly',
      '--json',
      '--today',
      '2025-06-10',
    ]);
    expect(t).toMatchObject({ due: '2025-06-30', recurrence: 'monthly', daysLeft: 20, light: 'green' });
    // June ended 06-30 with no report: on 07-09 red for 9 days, escalated; due is July's end, 22 days away.
    const rows = await json([
      'task',
      'list',
      '--unit',
      '西湖区统计局',
      '--light',
      'red',
      '--json',
      '--today',
      '2025-07-09',
    ]);
    expect(rows.find((r: { id: number }) => r.id === t.id)).toMatchObject({
      due: '2025-07-31',
      daysLeft: 22,
      redDays: 9,
      escalated: true,
    });
    const upd = await tiaodu(['task', 'update', String(t.id), '--percent', '10', '--today', '2025-07-09']);
    const reportId = /报送编号 (\d+)/.exec(upd.stdout)?.[1];
    expect(reportId).toBeDefined();
    const back = await tiaodu(['task', 'return', String(reportId), '--reason', '数据口径不符']);
    expect(back.stdout).toContain('已退回进展报送');
    const close = await tiaodu(['task', 'close', String(t.id), '--today', '2025-07-10']);
    expect(close.code).toBe(1);
    expect(close.stderr).toContain('还没有可审核的进展报送，不能办结');
  }, 300_000);
});
