import { describe, expect, it } from 'vitest';
import type { RegionScore } from '../assess/score.ts';
import type { Overview } from '../overview.ts';
import type { LeadRates } from '../projects/leads.ts';
import type { ProjectRates } from '../projects/rates.ts';
import type { NoticeTask } from '../tasks/notice.ts';
import { assessmentSection } from './assessmentSection.ts';
import { buildBriefing } from './build.ts';
import { explainNumber } from './explain.ts';
import { untracedNumbers } from './numbers.ts';
import { projectsSection } from './projectsSection.ts';
import { tasksSection } from './tasksSection.ts';

const region = { code: '330106', name: '西湖区' };
const period = '2025-06';

const rates: ProjectRates = {
  projects: 4,
  annualPlan: 12000,
  done: 4800,
  investmentRate: 40,
  timeProgress: 50,
  started: 3,
  startRate: 75,
  newPlannedByNow: 2,
  newStarted: 1,
  newStartRate: 50,
  toFinish: 0,
  finished: 0,
  finishRate: null,
  inLibrary: 2,
  inLibraryRate: 66.67,
  red: 1,
  yellow: 1,
  green: 2,
};

const leads: LeadRates = {
  signed: 2,
  contract: 30000,
  registered: 1,
  started: 1,
  producing: 0,
  fundsArrived: 4500,
  registerRate: 50,
  startRate: 50,
  productionRate: 0,
  fundsRate: 15,
};

const task = (t: Partial<NoticeTask> & { id: number }): NoticeTask => ({
  title: `事项${t.id}`,
  lead: ['区经信局'],
  support: [],
  due: '2025-06-20',
  percent: 50,
  status: 'in_progress',
  light: 'green',
  daysLeft: 0,
  lastReport: null,
  escalated: false,
  redDays: 0,
  reasons: [],
  closedOn: null,
  ...t,
});

const tasks: NoticeTask[] = [
  task({ id: 1, status: 'done', light: null, percent: 100, closedOn: '2025-06-18' }),
  task({ id: 2, status: 'done', light: null, percent: 100, due: '2025-05-31', closedOn: '2025-06-10' }),
  task({
    id: 3,
    title: '推进园区污水管网改造',
    lead: ['区住建局'],
    status: 'overdue',
    light: 'red',
    escalated: true,
    redDays: 12,
  }),
  task({
    id: 4,
    title: '完成3个项目入库',
    lead: ['区发改局', '区统计局'],
    status: 'overdue',
    light: 'red',
    escalated: true,
    redDays: 9,
  }),
  task({ id: 5, light: 'yellow' }),
  task({ id: 6 }),
];

const score = (region: string, group: string, rank: number, total: number, vetoed = false): RegionScore => ({
  region,
  code: region,
  group,
  total,
  rank,
  vetoed,
  bonus: 0,
  penalty: 0,
  rankBefore: null,
  rankChange: null,
  items: [],
});

const scores = [
  score('甲镇', '一类镇', 1, 92.5),
  score('乙镇', '一类镇', 2, 88),
  score('丙镇', '一类镇', 3, 0, true),
  ...['A', 'B', 'C', 'D', 'E', 'F'].map((n, i) => score(`${n}镇`, '二类镇', i + 1, 90 - 5 * i)),
];

describe('the projects section of the briefing', () => {
  const s = projectsSection({ region, period, projects: rates, leads });

  it('says the rates of `project rates` and `lead rates` in sentences', () => {
    expect(s?.paragraphs).toEqual([
      '1—6月，全区纳入调度的重点项目4个，年度计划投资12000万元，本年累计完成投资4800万元，投资完成率40%，慢于时序进度（50%）10个百分点。',
      '已开工3个，开工率75%；新建项目计划开工2个、已开工1个，新开工率50%；已开工项目中入库2个，入库率66.67%。',
      '按亮灯规则，红灯项目1个、黄灯项目1个、绿灯项目2个，红灯项目需重点督促推进。',
      '招商引资方面，本年签约项目2个，签约金额30000万元；已注册1个，履约率50%；已开工1个，开工率50%；已投产0个，投产率0%；累计到位资金4500万元，资金到位率15%。',
    ]);
  });

  it('prints no number that is not one of its figures, each coded by the rate it is', () => {
    expect(s && untracedNumbers(s)).toEqual([]);
    const rate = s?.figures.find((f) => f.indicator === 'projects.investmentRate');
    expect(rate).toMatchObject({ value: 40, timeProgress: 50, gap: 10, unit: '%', region: '330106' });
    expect(s?.figures.find((f) => f.indicator === 'leads.fundsRate')?.value).toBe(15);
    expect(s?.figures.find((f) => f.indicator === 'projects.red')?.value).toBe(1);
  });

  it('explains a printed rate by its definition, not as a published statistic', () => {
    const [why] = explainNumber({ text: '66.67', value: 66.67, digits: 2, times: false }, s?.figures ?? []);
    expect(why?.formula).toContain('入库率 = 本期末以前已入库的已开工项目 ÷ 已开工项目 × 100');
    expect(why?.figure).toBe('西湖区 入库率 1—6月');
  });

  it('says an investment ahead of time progress as 快于, and leaves out rates with no denominator', () => {
    const ahead = projectsSection({
      region,
      period,
      projects: { ...rates, investmentRate: 62.35, newStartRate: null, red: 0 },
      leads: null,
    });
    expect(ahead?.paragraphs[0]).toContain('投资完成率62.35%，快于时序进度（50%）12.35个百分点。');
    expect(ahead?.paragraphs[1]).toBe('已开工3个，开工率75%；已开工项目中入库2个，入库率66.67%。');
    expect(ahead?.paragraphs[2]).toBe('按亮灯规则，无红灯项目，黄灯项目1个、绿灯项目2个。');
    expect(ahead?.paragraphs).toHaveLength(3);
  });

  it('is left out without projects and without leads signed this year', () => {
    expect(
      projectsSection({
        region,
        period,
        projects: { ...rates, projects: 0 },
        leads: { ...leads, signed: 0 },
      }),
    ).toBeNull();
    expect(projectsSection({ region, period, projects: null, leads }))?.not.toBeNull();
  });
});

describe('the supervision section of the briefing', () => {
  const s = tasksSection({ region, period, asOf: '2025-06-30', rows: tasks });

  it('counts the notice’s figures on the period’s last day and names the 约谈 list', () => {
    expect(s?.paragraphs).toEqual([
      '截至6月底，全区督办事项共6项，已办结2项（按期办结1项），逾期未办结2项，正在推进2项。',
      '按督办亮灯规则，亮红灯2项、亮黄灯1项，相关责任单位要加快推进。',
      // A title with a number of its own is said by its lead units: the text prints no number it cannot trace.
      '列入约谈名单的2项：区住建局牵头的“推进园区污水管网改造”（红灯12天）；区发改局、区统计局牵头的事项（红灯9天）。',
    ]);
    expect(s && untracedNumbers(s)).toEqual([]);
  });

  it('says 截至目前 while the month runs, and nothing about lights when all are green', () => {
    const calm = tasksSection({ region, period, asOf: '2025-06-12', rows: [task({ id: 9 })] });
    expect(calm?.paragraphs).toEqual(['截至目前，全区督办事项共1项，尚无办结事项，正在推进1项。']);
  });

  it('is left out without tasks', () => {
    expect(tasksSection({ region, period, asOf: '2025-06-30', rows: [] })).toBeNull();
  });
});

describe('the assessment section of the briefing', () => {
  const s = assessmentSection({ region, period, scheme: '镇域经济考核', rows: scores });

  it('says each group’s ranking: in full when small, its first and last three when six or more', () => {
    expect(s?.paragraphs).toEqual([
      '1—6月“镇域经济考核”结果已发布，各组排名情况如下。',
      '一类镇（三个）得分从高到低依次为甲镇（92.5分）、乙镇（88分）和丙镇（一票否决）。',
      '二类镇（六个）得分居前三位的是A镇（90分）、B镇（85分）和C镇（80分）；居后三位的是D镇（75分）、E镇（70分）和F镇（65分）。',
    ]);
    expect(s && untracedNumbers(s)).toEqual([]);
    expect(s?.figures.find((f) => f.regionName === 'E镇')).toMatchObject({ value: 70, rank: 5, rankOf: 6 });
  });

  it('leaves out a scheme name that prints a number of its own, and is left out without a run', () => {
    const v2 = assessmentSection({ region, period, scheme: '镇域考核第2版', rows: scores });
    expect(v2?.paragraphs[0]).toBe('1—6月考核结果已发布，各组排名情况如下。');
    expect(assessmentSection({ region, period, scheme: 'x', rows: [] })).toBeNull();
  });

  it('says the regions assessed, not the group’s name, when the scheme has one group', () => {
    const one = assessmentSection({ region, period, scheme: '考核', rows: scores.slice(0, 3) });
    expect(one?.paragraphs[1]).toBe(
      '参加考核的三个地区得分从高到低依次为甲镇（92.5分）、乙镇（88分）和丙镇（一票否决）。',
    );
  });
});

describe('the briefing with the modules’ sections', () => {
  const overview: Overview = { region, parent: null, period, rows: [], doubleHalf: false, allGreen: false };
  const extra = [
    projectsSection({ region, period, projects: rates, leads: null }),
    tasksSection({ region, period, asOf: '2025-06-30', rows: tasks }),
    assessmentSection({ region, period, scheme: '镇域经济考核', rows: scores }),
  ].filter((x) => x !== null);

  it('files them after the statistics, every number traced', () => {
    const b = buildBriefing({ overview, level: 3, subRegions: [], extra });
    expect(b.sections.map((x) => x.key)).toEqual(['overview', 'projects', 'tasks', 'assessment']);
    for (const x of b.sections) expect(untracedNumbers(x), x.key).toEqual([]);
  });

  it('attaches their figures as a table for the XLSX and the DOCX, one row per figure', () => {
    const b = buildBriefing({ overview, level: 3, subRegions: [], extra });
    const t = b.tables.find((x) => x.key === 'modules');
    expect(t?.header).toEqual(['板块', '指标', '地区', '数值', '单位']);
    expect(t?.rows).toContainEqual(['重点项目和招商引资', '投资完成率', '西湖区', 40, '%']);
    expect(t?.rows).toContainEqual(['督查督办', '推进园区污水管网改造', '西湖区', 12, '天']);
    expect(t?.rows).toContainEqual(['考核情况', '二类镇考核得分', 'E镇', 70, '分']);
    expect(t?.rows).toHaveLength(extra.reduce((n, s) => n + s.figures.length, 0));
    expect(buildBriefing({ overview, level: 3, subRegions: [] }).tables.map((x) => x.key)).toEqual(['main']);
  });

  it('the check fails on a number the figures do not hold', () => {
    const [p] = extra;
    if (!p) throw new Error('no projects section');
    const wrong = { ...p, paragraphs: [p.paragraphs[0]?.replace('4800', '4900') ?? ''] };
    expect(untracedNumbers(wrong)).toEqual([`4900（${wrong.paragraphs[0]?.slice(0, 24)}…）`]);
  });
});
