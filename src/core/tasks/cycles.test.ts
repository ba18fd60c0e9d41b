import { describe, expect, it } from 'vitest';
import { cycleOf, lastEndedCycle } from './cycles.ts';
import { expandTowns, isTownsCollective } from './expand.ts';
import { checkExtension } from './extension.ts';
import { defaultLimitDays } from './rules.ts';

describe('recurrence cycles', () => {
  it('are calendar weeks from Monday to Sunday, also across a year end', () => {
    expect(cycleOf('weekly', '2025-06-15')).toEqual({ start: '2025-06-09', end: '2025-06-15' }); // a Sunday
    expect(cycleOf('weekly', '2025-06-16')).toEqual({ start: '2025-06-16', end: '2025-06-22' }); // a Monday
    expect(cycleOf('weekly', '2025-12-31')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
  });

  it('are calendar months (with leap February) and quarters', () => {
    expect(cycleOf('monthly', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(cycleOf('quarterly', '2025-11-05')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(cycleOf('quarterly', '2025-03-31')).toEqual({ start: '2025-01-01', end: '2025-03-31' });
  });

  it('count a cycle as ended only once it ended after the start', () => {
    expect(lastEndedCycle('monthly', '2025-05-15', '2025-06-01')).toEqual({
      start: '2025-05-01',
      end: '2025-05-31',
    });
    expect(lastEndedCycle('monthly', '2025-05-31', '2025-06-01')).toBeNull();
    expect(lastEndedCycle('monthly', '2025-07-01', '2025-06-01')).toBeNull();
  });
});

describe('an extension', () => {
  const task = { due: '2025-06-30', recurrence: null, done: false };
  it('may be asked before and on the due date, and is refused after it', () => {
    expect(checkExtension(task, '2025-07-15', '资金未到位', '2025-06-29')).toEqual({ ok: true });
    expect(checkExtension(task, '2025-07-15', '资金未到位', '2025-06-30')).toEqual({ ok: true });
    const late = checkExtension(task, '2025-07-15', '资金未到位', '2025-07-01');
    expect(late.ok).toBe(false);
    expect(!late.ok && late.problem).toContain('已过截止日期 2025-06-30');
  });

  it('must move the due date later, give a reason, and is refused for recurring or closed tasks', () => {
    expect(checkExtension(task, '2025-06-30', '理由', '2025-06-20').ok).toBe(false);
    expect(checkExtension(task, '2025-07-10', '  ', '2025-06-20').ok).toBe(false);
    expect(checkExtension({ ...task, recurrence: 'monthly' }, '2025-07-10', '理由', '2025-06-20').ok).toBe(
      false,
    );
    expect(checkExtension({ ...task, done: true }, '2025-07-10', '理由', '2025-06-20').ok).toBe(false);
  });
});

describe('各乡镇（街道）', () => {
  const towns = [
    { code: '330106001', name: '北山街道' },
    { code: '330106002', name: '西溪街道' },
  ];
  it('is recognised in the forms speeches write it', () => {
    for (const s of ['各乡镇（街道）', '各乡镇(街道)', '各镇（街道）', '各镇街', '各乡镇街道', '各街道'])
      expect(isTownsCollective(s), s).toBe(true);
    expect(isTownsCollective('区经信局')).toBe(false);
  });

  it('becomes one child task per town or street led by it, under a parent keeping the named units', () => {
    const e = expandTowns(['区经信局'], ['各乡镇（街道）', '区统计局'], towns);
    expect(e?.parent).toEqual({ lead: ['区经信局'], support: ['区统计局'] });
    expect(e?.children.map((c) => [c.town.code, c.lead])).toEqual([
      ['330106001', ['北山街道']],
      ['330106002', ['西溪街道']],
    ]);
    expect(expandTowns(['区经信局'], [], towns)).toBeNull();
  });
});

describe('default time limits', () => {
  it('are 20 days for meeting minutes and 5, 15, 30 for urgent, normal and hard instructions', () => {
    expect(defaultLimitDays('meeting')).toBe(20);
    expect(defaultLimitDays('instruction', undefined, 'urgent')).toBe(5);
    expect(defaultLimitDays('instruction')).toBe(15);
    expect(defaultLimitDays('instruction', undefined, 'hard')).toBe(30);
    expect(defaultLimitDays('manual')).toBeNull();
  });
});
