// The demo's supervision (督办): a meeting whose decisions became tasks, a leader's instruction and typed tasks,
// dated from the day the demo is loaded so the 督办 page shows every light at once — blue (due within days),
// yellow (behind the elapsed share), red (overdue), red long enough to be escalated to 约谈, one closed on time,
// one report sent back — and 西湖区's reporter `xihu` answers for its 区发改局, so its home page has a to-do list.
import { addDays } from '../core/tasks/index.ts';
import type { Db } from '../store/db.ts';
import { addMeeting } from '../store/meetings.ts';
import { createTask } from '../store/taskCreate.ts';
import { closeTask, reportProgress, reviewReport } from '../store/taskReports.ts';
import { ensureUnit, linkUnitUser } from '../store/units.ts';

const CITY = '330100';
const XIHU = '330106';
const BY = 'analyst';

export async function loadDemoTasks(db: Db, today: string): Promise<number> {
  const day = (n: number) => addDays(today, n);
  const xihuDrc = await ensureUnit(db, XIHU, '区发改局');
  await linkUnitUser(db, xihuDrc.id, 'xihu', BY);

  const meeting = await addMeeting(
    db,
    {
      region: CITY,
      date: day(-40),
      kind: '经济运行分析会',
      title: '全市经济运行分析会',
      leader: '市长',
      attendees: ['市发改委', '市统计局', '市经信局', '市商务局', '市住建局'],
      decisions: [
        {
          title: '做好四季度固定资产投资项目入库工作，确保应入尽入',
          lead: ['市发改委'],
          support: ['市统计局'],
          due: day(3),
        },
        {
          title: '稳住外贸基本盘，逐家走访出口前二十位企业',
          lead: ['市商务局'],
          due: day(-12),
        },
        {
          title: '梳理规上工业企业用工缺口，形成清单报市经信局',
          lead: ['市经信局'],
          support: ['市统计局'],
          due: day(40),
        },
      ],
    },
    BY,
  );
  const [intake, trade, labour] = meeting.tasks as [number, number, number];

  const instruction = await createTask(
    db,
    {
      title: '抓紧研究既有住宅加装电梯审批提速办法',
      lead: ['市住建局'],
      support: [],
      start: day(-6),
      due: day(-2),
      sourceKind: 'instruction',
      urgency: 'urgent',
      source: '市长批示',
    },
    BY,
    day(-6),
  );
  const monthly = await createTask(
    db,
    {
      title: '每月报送全市经济运行监测分析',
      lead: ['市统计局'],
      support: ['市发改委'],
      start: day(-90),
      recurrence: 'monthly',
      source: '市政府办公室',
    },
    BY,
    day(-90),
  );
  const budget = await createTask(
    db,
    { title: '完成年度预算执行情况分析', lead: ['市财政局'], support: [], start: day(-30), due: day(-5) },
    BY,
    day(-30),
  );
  const leads = await createTask(
    db,
    {
      title: '对接在谈招商项目，推动签约落地',
      lead: ['市投资促进局'],
      support: ['市商务局'],
      start: day(-20),
      due: day(25),
    },
    BY,
    day(-20),
  );
  const xihu = await createTask(
    db,
    {
      title: '西湖区重点项目月报核实，问题清单逐项销号',
      lead: [String(xihuDrc.id)],
      support: [],
      start: day(-10),
      due: day(5),
    },
    BY,
    day(-10),
  );

  // Reports: on time and closed; behind the time line (yellow); sent back with a reason; still waiting review.
  await reportProgress(
    db,
    intake,
    { percent: 80, note: '已入库项目 412 个，剩余 37 个正在补齐资料' },
    BY,
    day(-4),
  );
  await reportProgress(db, labour, { percent: 10, note: '已下发调查表' }, BY, day(-35));
  await reportProgress(db, monthly, { percent: 100, note: '上月分析已报送' }, BY, day(-25));
  const budgetReport = await reportProgress(
    db,
    budget,
    { percent: 100, note: '分析报告已报市政府' },
    BY,
    day(-7),
  );
  await reviewReport(db, budgetReport.reportId, { accept: true }, BY);
  await closeTask(db, budget, BY, day(-6));
  const sentBack = await reportProgress(db, leads, { percent: 30, note: '已对接' }, BY, day(-8));
  await reviewReport(db, sentBack.reportId, { accept: false, reason: '请列明对接的项目名称和签约时间' }, BY);
  await reportProgress(db, xihu, { percent: 40, note: '已核实 6 个项目，2 个问题待协调' }, 'xihu', day(-2));
  return [intake, trade, labour, instruction, monthly, budget, leads, xihu].length;
}
