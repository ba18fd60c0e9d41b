// The contract's lights for tasks at every boundary; each expected value is worked out by hand in a comment.
import { describe, expect, it } from 'vitest';
import { type TaskFacts, taskState } from './lights.ts';
import { DEFAULT_TASK_RULES } from './rules.ts';

const once = (start: string, due: string, reports: TaskFacts['reports'] = [], done = false): TaskFacts => ({
  start,
  due,
  recurrence: null,
  done,
  reports,
});
const r = (date: string, percent: number | null) => ({ date, percent });

describe('a one-time task', () => {
  it('is green with the last percent and days left when on track', () => {
    // 06-01→06-30 is 29 days, 9 elapsed: share 31.0 %, yellow below 11.0 %; 40 % is ahead. 06-10→06-30 = 20 days.
    const s = taskState(once('2025-06-01', '2025-06-30', [r('2025-06-10', 40)]), '2025-06-10');
    expect(s).toMatchObject({ light: 'green', status: 'in_progress', percent: 40, daysLeft: 20 });
    expect(s.lastReport).toBe('2025-06-10');
    expect(s.escalated).toBe(false);
  });

  it('turns yellow only when percent is strictly below the elapsed share minus 20 points', () => {
    // 06-01→06-11 is 10 days; on 06-06 5 have passed: share 50 %, the line is 30 %.
    const at30 = taskState(once('2025-06-01', '2025-06-11', [r('2025-06-02', 30)]), '2025-06-06');
    expect(at30.light).toBe('green');
    const at29 = taskState(once('2025-06-01', '2025-06-11', [r('2025-06-02', 29)]), '2025-06-06');
    expect(at29.light).toBe('yellow');
    // On 06-04, 3 of 10 days: share 30 %, the line is exactly 10 % (no floating-point 10.000000000000002).
    expect(taskState(once('2025-06-01', '2025-06-11', [r('2025-06-02', 10)]), '2025-06-04').light).toBe(
      'green',
    );
    expect(taskState(once('2025-06-01', '2025-06-11', [r('2025-06-02', 9)]), '2025-06-04').light).toBe(
      'yellow',
    );
  });

  it('turns yellow after 30 days without a report, counted from the last report or else the start', () => {
    // 05-02 → 05-31 is 29 days, → 06-01 is 30. 50 % is well ahead of the 8-month span's share.
    const t = once('2025-05-01', '2025-12-31', [r('2025-05-02', 50)]);
    expect(taskState(t, '2025-05-31').light).toBe('green');
    expect(taskState(t, '2025-06-01').light).toBe('yellow');
    // No report: from the start 05-01; 05-30 is 29 days (share 29/244 = 11.9 %, below the 20-point margin).
    const silent = once('2025-05-01', '2025-12-31');
    expect(taskState(silent, '2025-05-30')).toMatchObject({
      light: 'green',
      status: 'not_started',
      percent: 0,
    });
    expect(taskState(silent, '2025-05-31')).toMatchObject({ light: 'yellow', status: 'not_started' });
  });

  it('turns blue within 3 days of the due date, and red the day after it', () => {
    // Reported 90 % on 06-25: on 06-26 share 25/29 = 86.2 %, line 66.2 %: not behind.
    const t = once('2025-06-01', '2025-06-30', [r('2025-06-25', 90)]);
    expect(taskState(t, '2025-06-26')).toMatchObject({ light: 'green', daysLeft: 4 });
    expect(taskState(t, '2025-06-27')).toMatchObject({ light: 'blue', daysLeft: 3 });
    expect(taskState(t, '2025-06-30')).toMatchObject({ light: 'blue', daysLeft: 0, status: 'in_progress' });
    expect(taskState(t, '2025-07-01')).toMatchObject({
      light: 'red',
      daysLeft: -1,
      status: 'overdue',
      redDays: 1,
    });
  });

  it('is escalated when red for more than 7 days', () => {
    const t = once('2025-06-01', '2025-06-30', [r('2025-06-25', 90)]);
    // 06-30 → 07-07 = 7 red days: not yet; 07-08 = 8.
    expect(taskState(t, '2025-07-07')).toMatchObject({ light: 'red', escalated: false, redDays: 7 });
    expect(taskState(t, '2025-07-08')).toMatchObject({ light: 'red', escalated: true, redDays: 8 });
  });

  it('shows red over yellow and yellow over blue', () => {
    // 10 % on 07-01 is behind and past due: red.
    expect(taskState(once('2025-06-01', '2025-06-30', [r('2025-06-02', 10)]), '2025-07-01').light).toBe(
      'red',
    );
    // On 06-28, 2 days left (blue) but 50 % is behind 27/29 = 93.1 % − 20: yellow.
    expect(taskState(once('2025-06-01', '2025-06-30', [r('2025-06-25', 50)]), '2025-06-28').light).toBe(
      'yellow',
    );
  });

  it('has no light and is never escalated once done, even long past due', () => {
    const s = taskState(once('2025-06-01', '2025-06-30', [r('2025-06-20', 100)], true), '2025-09-01');
    expect(s).toMatchObject({ light: null, status: 'done', escalated: false, percent: 100 });
  });

  it('keeps the last percent on a note-only report and ignores reports dated after today', () => {
    const t = once('2025-06-01', '2025-06-30', [
      r('2025-06-05', 40),
      r('2025-06-08', null),
      r('2025-06-20', 90),
    ]);
    expect(taskState(t, '2025-06-10')).toMatchObject({ percent: 40, lastReport: '2025-06-08' });
  });

  it('takes every threshold from the settings', () => {
    const rules = { ...DEFAULT_TASK_RULES, blueDays: 5, escalateRedDays: 2 };
    const t = once('2025-06-01', '2025-06-30', [r('2025-06-25', 90)]);
    expect(taskState(t, '2025-06-25', rules).light).toBe('blue'); // 5 days left
    expect(taskState(t, '2025-07-03', rules).escalated).toBe(true); // 3 red days > 2
  });
});

const every = (
  recurrence: 'weekly' | 'monthly' | 'quarterly',
  start: string,
  reports: TaskFacts['reports'] = [],
) => ({
  start,
  due: null,
  recurrence,
  done: false,
  reports,
});

describe('a recurring task', () => {
  it('is due at the end of the calendar week holding today and blue in its last 3 days', () => {
    // Start Tue 2025-06-10; the week is Mon 06-09 … Sun 06-15. No week has ended since the start.
    expect(taskState(every('weekly', '2025-06-10'), '2025-06-11')).toMatchObject({
      due: '2025-06-15',
      daysLeft: 4,
      light: 'green',
    });
    expect(taskState(every('weekly', '2025-06-10'), '2025-06-12')).toMatchObject({
      daysLeft: 3,
      light: 'blue',
      status: 'not_started',
    });
  });

  it('is red when the last week that ended after the start had no report, red days counted from its end', () => {
    // Mon 06-16: the week 06-09…06-15 ended after the start 06-10, without a report: red 1 day; due Sun 06-22.
    expect(taskState(every('weekly', '2025-06-10'), '2025-06-16')).toMatchObject({
      light: 'red',
      status: 'overdue',
      redDays: 1,
      due: '2025-06-22',
      daysLeft: 6,
    });
    expect(taskState(every('weekly', '2025-06-10', [r('2025-06-14', null)]), '2025-06-16').light).toBe(
      'green',
    );
    // A task started on Sunday 06-15: that week ended on, not after, its start.
    expect(taskState(every('weekly', '2025-06-15'), '2025-06-16').light).toBe('green');
  });

  it('escalates a month missed for more than 7 days', () => {
    // May ended 05-31 after the start 05-15 with no report: on 06-07 red 7 days, on 06-08 8 days.
    expect(taskState(every('monthly', '2025-05-15'), '2025-06-07')).toMatchObject({
      light: 'red',
      redDays: 7,
      escalated: false,
      due: '2025-06-30',
      daysLeft: 23,
    });
    expect(taskState(every('monthly', '2025-05-15'), '2025-06-08')).toMatchObject({
      escalated: true,
      redDays: 8,
    });
  });

  it('is not held to the percent rule, only to silence', () => {
    // Reported 0 % on 05-20: on 06-10 a one-time task would be behind; this one is 21 days silent: green.
    const t = every('monthly', '2025-05-15', [r('2025-05-20', 0)]);
    expect(taskState(t, '2025-06-10').light).toBe('green');
    // 05-20 → 06-19 = 11 + 19 = 30 days: yellow.
    expect(taskState(t, '2025-06-18').light).toBe('green');
    expect(taskState(t, '2025-06-19').light).toBe('yellow');
  });

  it('checks the quarter that ended', () => {
    // Q1 (01-01…03-31) ended after the start 02-10 with no report: on 04-05 red 5 days; due 06-30, 25+31+30 = 86 days.
    expect(taskState(every('quarterly', '2025-02-10'), '2025-04-05')).toMatchObject({
      light: 'red',
      redDays: 5,
      due: '2025-06-30',
      daysLeft: 86,
    });
    expect(taskState(every('quarterly', '2025-02-10', [r('2025-03-31', 20)]), '2025-04-05').light).toBe(
      'green',
    );
  });
});
