// The project commands as outside checks call them: real `tiaodu` processes on a real data directory, the
// contract's sample files, and every figure worked by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, ok, tiaodu } from './testing.ts';

const { data, files, write } = cliWorkspace('projects');
const json = async (args: string[]) => JSON.parse(ok(await tiaodu(data, args)).stdout);

beforeAll(async () => {
  ok(await tiaodu(data, ['init', '--region', '330100', '--depth', 'county']));
  const register = write(
    '项目库.csv',
    '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期\n' +
      'XH-001,示例产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n' +
      'XH-002,示例道路,西湖区,西湖区建设局,李四,市重点,基础设施,续建,80000,20000,2024-05,2024-05-10,2025-10,,2024-06\n' +
      'XH-003,未开工项目,西湖区,西湖区发改局,王五,区重点,社会民生,新建,9000,4000,2025-03,,2026-06,,\n',
  );
  const reports = write(
    '项目月报.csv',
    '项目编号,月份,本年累计完成投资(万元),形象进度,存在问题,需协调事项\nXH-001,2025-06,5000,主体施工,,\nXH-002,2025-06,9000,路面施工,征迁,协调征迁\n',
  );
  const leads = write(
    '招商项目.csv',
    '项目编号,项目名称,所属地区,责任单位,产业类别,签约金额(万元),签约日期,注册日期,开工日期,投产日期,累计到位资金(万元)\n' +
      'ZS-001,示例智能制造,西湖区,西湖区商务局,制造业,30000,2025-02-10,2025-03-01,2025-05-20,,8000\n',
  );
  const r = ok(await tiaodu(data, ['import', register, reports, leads]));
  expect(r.stdout).toContain('新增责任单位 2 个：西湖区发改局（西湖区）、西湖区建设局（西湖区）');
}, 300_000);

describe('the project commands', () => {
  it('lists the projects of a district with done, rate, lag, light and reasons', async () => {
    const rows = await json(['project', 'list', '--region', '西湖区', '--period', '2025-06', '--json']);
    // XH-001 5000/12000 = 41.67 %, lag 8.33 green; XH-002 9000/20000 = 45 %, lag 5 green;
    // XH-003 planned 2025-03-31, not started at 06-30: 3 months late → red, and done 0 → lag 50.
    expect(rows.map((p: Record<string, unknown>) => [p.code, p.rate, p.lag, p.light])).toEqual([
      ['XH-001', 41.67, 8.33, 'green'],
      ['XH-002', 45, 5, 'green'],
      ['XH-003', 0, 50, 'red'],
    ]);
    expect(rows[2].reasons).toEqual([
      '投资完成率低于时序进度 50 个百分点',
      '计划 2025-03-31 开工，逾期 3 个月未开工',
    ]);
    expect(rows[0]).toMatchObject({
      region: '西湖区',
      unit: '西湖区发改局',
      level: '区重点',
      nature: '新建',
      annualPlan: 12000,
      done: 5000,
    });
    // The city includes the district.
    const city = await json(['project', 'list', '--region', '杭州市', '--period', '2025-06', '--json']);
    expect(city).toHaveLength(3);
  });

  it('gives the rates of a region', async () => {
    const r = await json(['project', 'rates', '--region', '西湖区', '--period', '2025-06', '--json']);
    // Plan 36000, done 14000 → 38.89 %; started 2 of 3 = 66.67 %; new planned XH-001, XH-003, started XH-001 → 50 %.
    expect(r).toEqual({
      projects: 3,
      annualPlan: 36000,
      done: 14000,
      investmentRate: 38.89,
      timeProgress: 50,
      started: 2,
      startRate: 66.67,
      newPlannedByNow: 2,
      newStarted: 1,
      newStartRate: 50,
      toFinish: 0,
      finished: 0,
      finishRate: null,
      inLibrary: 2,
      inLibraryRate: 100,
      red: 1,
      yellow: 0,
      green: 2,
    });
  });

  it('gives the lead rates over the leads signed this year', async () => {
    const r = await json(['lead', 'rates', '--region', '西湖区', '--period', '2025-06', '--json']);
    expect(r).toMatchObject({
      signed: 1,
      contract: 30000,
      registered: 1,
      started: 1,
      producing: 0,
      fundsArrived: 8000,
    });
    expect(r).toMatchObject({ registerRate: 100, startRate: 100, productionRate: 0, fundsRate: 26.67 });
  });

  it('scores a tour sheet and refuses a score above 100, naming the cell', async () => {
    const sheet = write(
      '拉练评分.csv',
      '项目编号,评委,分数\nXH-001,评委甲,88\nXH-001,评委乙,91\nXH-002,评委甲,79\n',
    );
    const rows = await json(['tour', 'score', sheet, '--json']);
    // XH-001 89.5, XH-002 79 → 西湖区 84.25.
    expect(rows.map((r: Record<string, unknown>) => [r.region, r.code, r.projects, r.score, r.rank])).toEqual(
      [['西湖区', '330106', 2, 84.25, 1]],
    );
    const bad = await tiaodu(data, [
      'tour',
      'score',
      write('评分错.csv', '项目编号,评委,分数\nXH-001,评委甲,120\n'),
      '--json',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('第2行 第C(分数)列「120」：分数应为 0–100 之间的数');
  });

  it('refuses a monthly report with an unknown project and writes nothing', async () => {
    const bad = write(
      '月报错.csv',
      '项目编号,月份,本年累计完成投资(万元)\nXH-001,2025-07,6000\nXX-404,2025-07,1\n',
    );
    const r = await tiaodu(data, ['import', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('导入失败，未写入任何数据');
    expect(r.stderr).toContain('第3行 第A(项目编号)列「XX-404」：项目库中没有这个项目编号');
    const rows = await json(['project', 'list', '--region', '西湖区', '--period', '2025-07', '--json']);
    expect(rows[0].done).toBe(5000);
  });

  it('writes the progress notice and the templates', async () => {
    for (const ext of ['docx', 'xlsx']) {
      const out = join(files, `通报.${ext}`);
      const r = ok(
        await tiaodu(data, ['report', 'projects', '--region', '西湖区', '--period', '2025-06', '--out', out]),
      );
      expect(r.stdout).toContain('西湖区2025年1—6月重点项目推进情况通报');
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    }
    const template = join(files, '模板.csv');
    ok(await tiaodu(data, ['template', 'project-reports-csv', '--out', template]));
    expect(readFileSync(template, 'utf8')).toMatch(
      /^\ufeff项目编号,月份,本年累计完成投资\(万元\),形象进度,存在问题,需协调事项\r\n/,
    );
  }, 180_000);

  it('prints a readable Chinese table without --json', async () => {
    const r = ok(await tiaodu(data, ['project', 'list', '--region', '西湖区', '--period', '2025-06']));
    expect(r.stdout).toContain('西湖区 重点项目 2025-06（3 个）');
    expect(r.stdout).toMatch(/XH-003.*红灯.*逾期 3 个月未开工/);
  });
});
