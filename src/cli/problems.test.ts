// `tiaodu project problems` as an outside check calls it: a real process on a real data directory, the day set
// by --today; days late counted by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { addProjectProblem, openStore, setProblemResolved } from '../store/index.ts';
import { cliWorkspace, ok, tiaodu } from './testing.ts';

const { data, write } = cliWorkspace('problems');

beforeAll(async () => {
  ok(await tiaodu(data, ['init', '--region', '330100', '--depth', 'county']));
  const register = write(
    '项目库.csv',
    '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期\n' +
      'XH-001,示例产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n' +
      'BJ-001,示例园区,滨江区,滨江区发改局,李四,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n',
  );
  ok(await tiaodu(data, ['import', register]));
  // The processes run on the embedded database (testing.ts), so the set-up does too.
  const db = await openStore({ dataDir: data, url: '' });
  try {
    const add = (code: string, description: string, due: string) =>
      addProjectProblem(db, { code, description, coordinator: '区规划资源分局', due }, 'xihu');
    await add('XH-001', '用地指标未落实', '2025-06-30');
    await add('XH-001', '施工许可待办', '2025-07-15');
    await add('BJ-001', '电力接入', '2025-07-01');
    const solved = await add('XH-001', '征迁未完成', '2025-06-01');
    await setProblemResolved(db, solved, { on: '2025-06-20', note: '已完成征迁' }, 'xihu');
  } finally {
    await db.close();
  }
}, 300_000);

describe('tiaodu project problems', () => {
  it('lists a district’s open problems, the longest overdue first; due today is not overdue', async () => {
    const r = ok(
      await tiaodu(data, ['project', 'problems', '--region', '西湖区', '--today', '2025-07-15', '--json']),
    );
    const rows = JSON.parse(r.stdout) as {
      description: string;
      overdue: boolean;
      daysOverdue: number | null;
    }[];
    expect(rows.map((p) => [p.description, p.overdue, p.daysOverdue])).toEqual([
      ['用地指标未落实', true, 15],
      ['施工许可待办', false, null],
    ]);
  });

  it('keeps only the overdue ones of the city with --overdue, and says how many in the heading', async () => {
    const r = ok(
      await tiaodu(data, ['project', 'problems', '--region', '杭州市', '--overdue', '--today', '2025-07-15']),
    );
    expect(r.stdout).toContain('杭州市 重点项目未解决问题 2 个，其中逾期 2 个（截至 2025-07-15）');
    expect(r.stdout).toContain('电力接入');
    expect(r.stdout).not.toContain('施工许可待办');
    expect(r.stdout).not.toContain('征迁未完成');
  });
});
