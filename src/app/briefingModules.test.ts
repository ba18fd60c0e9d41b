// The briefing's projects, supervision and assessment sections on a small real store: projects and leads imported
// from files, tasks created and reported, a run published — the figures worked out by hand and equal to what
// `project rates`, `lead rates` and `task list` give.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionScore } from '../core/assess/score.ts';
import { untracedNumbers } from '../core/briefing/numbers.ts';
import { buildNotice } from '../core/tasks/notice.ts';
import { publishRun } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import {
  addUnit,
  briefing,
  closeTask,
  createTask,
  divisionsUnder,
  leadRatesAt,
  listTaskRows,
  projectRatesAt,
  reportProgress,
  requireRegion,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { importProjectFile } from './imports.ts';

const XIHU = '330106';
const dir = mkdtempSync(join(tmpdir(), 'tiaodu-briefsec-'));
const write = (name: string, lines: string[]) => {
  const p = join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, divisionsUnder('3301', 'town'));
  await importProjectFile(
    db,
    write('项目库.csv', [
      '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期',
      // New, started on plan, 入库 in April.
      'XH-001,示例产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04',
      // Continuing since 2024, due to finish in October.
      'XH-002,示例道路,西湖区,西湖区建设局,李四,市重点,基础设施,续建,80000,20000,2024-05,2024-05-10,2025-10,,2024-06',
      // New, planned to start in February and to finish in June: neither happened.
      'XH-003,示例学校,西湖区,西湖区教育局,王五,区重点,社会民生,新建,30000,8000,2025-02,,2025-06,,',
    ]),
    { user: 'tester' },
  );
  await importProjectFile(
    db,
    write('项目月报.csv', [
      '项目编号,月份,本年累计完成投资(万元),形象进度,存在问题,需协调事项',
      'XH-001,2025-06,6000,主体施工,,',
      'XH-002,2025-05,7000,路基完成,,',
    ]),
    { user: 'tester' },
  );
  await importProjectFile(
    db,
    write('招商项目.csv', [
      '项目编号,项目名称,所属地区,责任单位,产业类别,签约金额(万元),签约日期,注册日期,开工日期,投产日期,累计到位资金(万元)',
      'ZS-001,智能装备,西湖区,西湖区商务局,制造业,20000,2025-02-10,2025-03-01,2025-05-01,,5000',
      // Registered after June: not yet 履约 at the period.
      'ZS-002,数字服务,西湖区,西湖区商务局,服务业,10000,2025-05-20,2025-07-01,,,1000',
      // Signed last year: not among this year's leads.
      'ZS-003,去年签约,西湖区,西湖区商务局,制造业,50000,2024-11,2025-01,,,1000',
    ]),
    { user: 'tester' },
  );
  await addUnit(db, XIHU, '西湖区经信局');
  await addUnit(db, XIHU, '西湖区住建局');
  const task = (title: string, lead: string, due: string, today: string) =>
    createTask(db, { title, lead: [lead], support: [], due }, 'tester', today);
  // Done on time: reported complete 06-18, closed the same day, due 06-20.
  const t1 = await task('规上企业培育', '西湖区经信局', '2025-06-20', '2025-06-01');
  await reportProgress(db, t1, { percent: 100 }, 'tester', '2025-06-18');
  await closeTask(db, t1, 'tester', '2025-06-18');
  // Overdue since 06-10 with no report: red 20 days on 06-30, escalated (约谈).
  await task('推进园区污水管网改造', '西湖区住建局', '2025-06-10', '2025-05-01');
  // 06-01 → 07-31, 10 % on 06-01; on 06-30 29 of 60 days have passed: 10 < 48.3 − 20, yellow.
  const t3 = await task('完成3个项目入库', '西湖区经信局', '2025-07-31', '2025-06-01');
  await reportProgress(db, t3, { percent: 10 }, 'tester', '2025-06-01');
  // Added in July: not yet assigned on 06-30.
  await task('七月新增事项', '西湖区经信局', '2025-08-31', '2025-07-05');
  const rows: RegionScore[] = [
    ['330106001', '北山街道', 1, 91.5],
    ['330106002', '西溪街道', 2, 84],
  ].map(([code, region, rank, total]) => ({
    code: code as string,
    region: region as string,
    group: '街道',
    rank: rank as number,
    total: total as number,
    vetoed: false,
    bonus: 0,
    penalty: 0,
    rankBefore: null,
    rankChange: null,
    items: [],
  }));
  await publishRun(db, {
    schemeName: '街道经济考核',
    body: { name: '街道经济考核' },
    year: 2025,
    month: 6,
    parentCode: XIHU,
    rows,
    inputs: [],
    file: null,
    user: 'tester',
  });
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`the briefing's module sections on ${driverName}`, () => {
  const june = async (today = '2025-12-04') =>
    briefing(db, await requireRegion(db, XIHU), 2025, 6, { today });

  it('states the project and lead rates worked by hand, the same as `project rates` and `lead rates`', async () => {
    const s = (await june()).sections.find((x) => x.key === 'projects');
    // Plan 12000 + 20000 + 8000 = 40000; done 6000 + 7000 (May's, the latest) + 0 = 13000: 32.5 % against 50 %.
    // Started 2 of 3; new planned by June 2 (XH-001, XH-003), started 1; to finish 1 (XH-003), finished 0;
    // both started are 入库. XH-003 three months late to start: red; XH-002 15 points behind: yellow.
    expect(s?.paragraphs).toEqual([
      '1—6月，全区纳入调度的重点项目3个，年度计划投资40000万元，本年累计完成投资13000万元，投资完成率32.5%，慢于时序进度（50%）17.5个百分点。',
      '已开工2个，开工率66.67%；新建项目计划开工2个、已开工1个，新开工率50%；计划竣工1个、已竣工0个，竣工率0%；已开工项目中入库2个，入库率100%。',
      '按亮灯规则，红灯项目1个、黄灯项目1个、绿灯项目1个，红灯项目需重点督促推进。',
      // 2 signed this year for 30000; ZS-001 registered and started; funds 5000 + 1000 = 6000, 20 %.
      '招商引资方面，本年签约项目2个，签约金额30000万元；已注册1个，履约率50%；已开工1个，开工率50%；已投产0个，投产率0%；累计到位资金6000万元，资金到位率20%。',
    ]);
    expect(s && untracedNumbers(s)).toEqual([]);
    const rates = await projectRatesAt(db, XIHU, { year: 2025, month: 6 });
    const leads = await leadRatesAt(db, XIHU, { year: 2025, month: 6 });
    const value = (code: string) => s?.figures.find((f) => f.indicator === code)?.value;
    expect(value('projects.investmentRate')).toBe(rates.investmentRate);
    expect(value('projects.startRate')).toBe(rates.startRate);
    expect(value('projects.inLibraryRate')).toBe(rates.inLibraryRate);
    expect(value('projects.red')).toBe(rates.red);
    expect(value('leads.fundsRate')).toBe(leads.fundsRate);
    expect(value('leads.contract')).toBe(leads.contract);
  });

  it('reads the tasks on the period’s last day: the notice’s counts, the 约谈 list, a later task not yet', async () => {
    const s = (await june()).sections.find((x) => x.key === 'tasks');
    expect(s?.paragraphs).toEqual([
      '截至6月底，全区督办事项共3项，已办结1项（按期办结1项），逾期未办结1项，正在推进1项。',
      '按督办亮灯规则，亮红灯1项、亮黄灯1项，相关责任单位要加快推进。',
      '列入约谈名单的1项：西湖区住建局牵头的“推进园区污水管网改造”（红灯20天）。',
    ]);
    expect(s && untracedNumbers(s)).toEqual([]);
  });

  it('reads the tasks on today while the period runs, as `task list --today` does', async () => {
    const b = await briefing(db, await requireRegion(db, XIHU), 2025, 7, { today: '2025-07-10' });
    const s = b.sections.find((x) => x.key === 'tasks');
    const list = await listTaskRows(db, { today: '2025-07-10', regionCode: XIHU });
    const notice = buildNotice(list, '2025-07-10');
    expect(s?.paragraphs[0]).toBe(
      `截至目前，全区督办事项共${list.length}项，已办结1项（按期办结1项），逾期未办结1项，正在推进2项。`,
    );
    expect(list).toHaveLength(4);
    const red = s?.figures.find((f) => f.indicator === 'tasks.red')?.value;
    expect(red).toBe(notice.red.length);
  });

  it('says the published assessment of the region’s children, and leaves all three out where there is none', async () => {
    const s = (await june()).sections.find((x) => x.key === 'assessment');
    expect(s?.paragraphs).toEqual([
      '1—6月“街道经济考核”结果已发布，各组排名情况如下。',
      '参加考核的两个地区得分从高到低依次为北山街道（91.5分）和西溪街道（84分）。',
    ]);
    const other = await briefing(db, await requireRegion(db, '330102'), 2025, 6, { today: '2025-12-04' });
    expect(other.sections.map((x) => x.key)).not.toContain('projects');
    expect(other.sections.map((x) => x.key)).not.toContain('tasks');
    expect(other.sections.map((x) => x.key)).not.toContain('assessment');
  });
});
