// The problem list's rules at each edge: due today is not overdue, due yesterday and open is, solved late is
// closed but said to be late; counts per project and the notice's table. Days counted by hand.
import { describe, expect, it } from 'vitest';
import {
  openProblems,
  overdueProblemsTable,
  type ProjectProblem,
  problemCounts,
  problemStatus,
} from './index.ts';

const problem = (over: Partial<ProjectProblem> = {}): ProjectProblem => ({
  id: 1,
  projectCode: 'P1',
  projectName: '示例项目',
  region: '西湖区',
  regionCode: '330106',
  description: '用地指标未落实',
  coordinator: '市规划资源局',
  due: '2025-06-30',
  resolvedOn: null,
  resolution: null,
  raisedBy: 'xihu',
  raisedAt: '2025-06-01T02:00:00.000Z',
  ...over,
});

describe('the state of a problem on a day', () => {
  it('is open and not overdue on its due day', () => {
    expect(problemStatus(problem(), '2025-06-30')).toEqual({
      open: true,
      overdue: false,
      daysOverdue: null,
      resolvedLate: false,
    });
  });

  it('is overdue by one day the day after its due day while unsolved', () => {
    expect(problemStatus(problem(), '2025-07-01')).toEqual({
      open: true,
      overdue: true,
      daysOverdue: 1,
      resolvedLate: false,
    });
  });

  it('counts days overdue across a month end: due 06-30, on 08-01 it is 32 days late', () => {
    expect(problemStatus(problem(), '2025-08-01').daysOverdue).toBe(32);
  });

  it('is closed and on time when solved on its due day', () => {
    const s = problemStatus(problem({ resolvedOn: '2025-06-30' }), '2025-07-10');
    expect(s).toEqual({ open: false, overdue: false, daysOverdue: null, resolvedLate: false });
  });

  it('is closed but marked solved late when solved after its due day', () => {
    const s = problemStatus(problem({ resolvedOn: '2025-07-05' }), '2025-07-10');
    expect(s).toEqual({ open: false, overdue: false, daysOverdue: null, resolvedLate: true });
  });

  it('was still open (and overdue) on a day before it was solved', () => {
    const s = problemStatus(problem({ resolvedOn: '2025-07-05' }), '2025-07-03');
    expect(s).toMatchObject({ open: true, overdue: true, daysOverdue: 3 });
  });
});

describe('the open problems of a region', () => {
  const list = [
    problem({ id: 1, projectCode: 'P2', due: '2025-07-10' }),
    problem({ id: 2, projectCode: 'P1', due: '2025-06-20' }),
    problem({ id: 3, projectCode: 'P1', due: '2025-06-01', resolvedOn: '2025-06-15' }),
    problem({ id: 4, projectCode: 'P3', due: '2025-07-01' }),
  ];

  it('lists the longest overdue first, then the not yet due by due day; leaves out the solved', () => {
    const open = openProblems(list, '2025-07-05');
    expect(open.map((p) => [p.id, p.daysOverdue])).toEqual([
      [2, 15],
      [4, 4],
      [1, null],
    ]);
  });

  it('keeps only the overdue ones when asked', () => {
    expect(openProblems(list, '2025-07-05', true).map((p) => p.id)).toEqual([2, 4]);
  });

  it('counts open and overdue problems per project', () => {
    const counts = problemCounts(list, '2025-07-05');
    expect(counts.get('P1')).toEqual({ open: 1, overdue: 1 });
    expect(counts.get('P2')).toEqual({ open: 1, overdue: 0 });
    expect(counts.get('P3')).toEqual({ open: 1, overdue: 1 });
  });

  it('gives the notice a table of the overdue problems with their days late', () => {
    const t = overdueProblemsTable(list, '2025-07-05');
    expect(t.title).toBe('逾期未解决问题（截至2025-07-05）');
    expect(t.header).toEqual([
      '项目编号',
      '项目名称',
      '所属地区',
      '问题描述',
      '协调单位',
      '完成时限',
      '逾期天数',
    ]);
    expect(t.rows).toEqual([
      ['P1', '示例项目', '西湖区', '用地指标未落实', '市规划资源局', '2025-06-20', 15],
      ['P3', '示例项目', '西湖区', '用地指标未落实', '市规划资源局', '2025-07-01', 4],
    ]);
  });
});
