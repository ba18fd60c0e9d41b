import { describe, expect, it } from 'vitest';
import { buildNotice, type NoticeTask } from './notice.ts';

const task = (id: number, lead: string[], o: Partial<NoticeTask>): NoticeTask => ({
  id,
  title: `任务${id}`,
  lead,
  support: [],
  due: '2025-06-30',
  percent: 0,
  status: 'in_progress',
  light: 'green',
  daysLeft: 0,
  lastReport: null,
  escalated: false,
  redDays: 0,
  reasons: [],
  closedOn: null,
  ...o,
});

describe('the supervision notice', () => {
  it('counts by lead unit the tasks assigned, done on time, done late, overdue and in hand', () => {
    const n = buildNotice(
      [
        task(1, ['经信局'], { status: 'done', light: null, closedOn: '2025-06-30' }),
        task(2, ['经信局'], { status: 'done', light: null, closedOn: '2025-07-01' }),
        task(3, ['经信局', '统计局'], { status: 'overdue', light: 'red', redDays: 9, escalated: true }),
        task(4, ['统计局'], { light: 'yellow' }),
        task(5, ['发改局'], { status: 'overdue', light: 'red', redDays: 2 }),
      ],
      '2025-07-09',
    );
    expect(n.byUnit).toEqual([
      { unit: '经信局', assigned: 3, doneOnTime: 1, doneLate: 1, overdue: 1, inHand: 0 },
      { unit: '统计局', assigned: 2, doneOnTime: 0, doneLate: 0, overdue: 1, inHand: 1 },
      { unit: '发改局', assigned: 1, doneOnTime: 0, doneLate: 0, overdue: 1, inHand: 0 },
    ]);
    expect(n.red.map((t) => t.id)).toEqual([3, 5]);
    expect(n.yellow.map((t) => t.id)).toEqual([4]);
    expect(n.escalated.map((t) => t.id)).toEqual([3]);
    expect(n.total).toBe(5);
  });
});
