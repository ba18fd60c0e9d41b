// The briefing's 重点项目 section: the figures of `tiaodu project rates` and `tiaodu lead rates` for the region
// and period, said in sentences; each number printed is filed as a figure (indicator projects.* or leads.*).
import type { LeadRates } from '../projects/leads.ts';
import { round2, say } from '../projects/numbers.ts';
import type { ProjectRates } from '../projects/rates.ts';
import { figureBook } from './figures.ts';
import { periodLabel, selfName } from './phrases.ts';
import type { BriefingSection } from './types.ts';

export interface ProjectsSectionInput {
  region: { code: string; name: string };
  period: string;
  projects: ProjectRates | null;
  leads: LeadRates | null;
}

/** How each rate is made (the contract's definitions), for the page's explanation of a printed number. */
const FORMULAS: Record<string, string> = {
  'projects.investmentRate': '投资完成率 = 本年累计完成投资 ÷ 年度计划投资 × 100；时序进度 = 月份 ÷ 12 × 100',
  'projects.startRate': '开工率 = 已开工项目（新建和续建）÷ 项目数 × 100',
  'projects.newStartRate': '新开工率 = 已开工的新建项目 ÷ 计划开工日期在本期末以前的新建项目 × 100',
  'projects.finishRate': '竣工率 = 已竣工项目 ÷ 计划竣工日期在本期末以前的项目 × 100',
  'projects.inLibraryRate': '入库率 = 本期末以前已入库的已开工项目 ÷ 已开工项目 × 100',
  'leads.registerRate': '履约率 = 本年签约且已注册的项目 ÷ 本年签约项目 × 100',
  'leads.startRate': '开工率 = 本年签约且已开工的项目 ÷ 本年签约项目 × 100',
  'leads.productionRate': '投产率 = 本年签约且已投产的项目 ÷ 本年签约项目 × 100',
  'leads.fundsRate': '资金到位率 = 累计到位资金 ÷ 签约金额 × 100（本年签约项目）',
};

/** 投资完成率与时序进度: 快于/慢于 by the lag in 百分点, or 持平. */
function againstTime(lag: number, tp: string, points: string): string {
  if (lag === 0) return `与时序进度（${tp}%）持平`;
  return `${lag < 0 ? '快于' : '慢于'}时序进度（${tp}%）${points}个百分点`;
}

/**
 * The section, or null when the region has no project and no lead signed this year. Rates whose denominator is
 * 0 (no new project planned to start by now, none planned to finish) are left unsaid.
 * @example projectsSection({ region, period: '2025-06', projects: rates, leads: null })?.paragraphs[0]
 * // '1—6月，全区纳入调度的重点项目4个，年度计划投资12000万元，本年累计完成投资4800万元，投资完成率40%，慢于时序进度（50%）10个百分点。'
 */
export function projectsSection(input: ProjectsSectionInput): BriefingSection | null {
  const { region, period, projects: p, leads: l } = input;
  const source = '重点项目和招商引资调度（tiaodu project rates、lead rates）';
  const { figures, put } = figureBook(region, period, source);
  const num = (indicator: string, name: string, value: number, unit: string) =>
    say(put(indicator, name, value, unit, {}, FORMULAS[indicator]).value as number);
  const paragraphs: string[] = [];
  const self = selfName(region.name);
  if (p && p.projects > 0) {
    const head = [
      `${periodLabel(period)}，${self}纳入调度的重点项目${num('projects.count', '重点项目', p.projects, '个')}个`,
      `年度计划投资${num('projects.annualPlan', '年度计划投资', p.annualPlan, '万元')}万元`,
      `本年累计完成投资${num('projects.done', '本年累计完成投资', p.done, '万元')}万元`,
    ];
    if (p.investmentRate !== null) {
      const lag = round2(p.timeProgress - p.investmentRate);
      const formula = `${FORMULAS['projects.investmentRate']}；滞后 = 时序进度 − 投资完成率（百分点）`;
      const f = put(
        'projects.investmentRate',
        '投资完成率',
        p.investmentRate,
        '%',
        {
          timeProgress: p.timeProgress,
          gap: lag,
          explain: {
            target: {
              formula: `${source}：${formula}`,
              inputs: { 投资完成率: p.investmentRate, 时序进度: p.timeProgress, 滞后: lag },
              result: lag,
            },
          },
        },
        FORMULAS['projects.investmentRate'],
      );
      head.push(
        `投资完成率${say(f.value as number)}%，${againstTime(lag, say(p.timeProgress), say(Math.abs(lag)))}`,
      );
    }
    paragraphs.push(`${head.join('，')}。`);
    const rate = (indicator: string, name: string, v: number | null) =>
      v === null ? null : num(indicator, name, v, '%');
    const parts: string[] = [];
    const start = rate('projects.startRate', '开工率', p.startRate);
    parts.push(`已开工${num('projects.started', '已开工项目', p.started, '个')}个，开工率${start}%`);
    const newRate = rate('projects.newStartRate', '新开工率', p.newStartRate);
    if (newRate !== null)
      parts.push(
        `新建项目计划开工${num('projects.newPlannedByNow', '新建项目计划开工', p.newPlannedByNow, '个')}个、已开工${num('projects.newStarted', '新建项目已开工', p.newStarted, '个')}个，新开工率${newRate}%`,
      );
    const finish = rate('projects.finishRate', '竣工率', p.finishRate);
    if (finish !== null)
      parts.push(
        `计划竣工${num('projects.toFinish', '计划竣工项目', p.toFinish, '个')}个、已竣工${num('projects.finished', '已竣工项目', p.finished, '个')}个，竣工率${finish}%`,
      );
    const library = rate('projects.inLibraryRate', '入库率', p.inLibraryRate);
    if (library !== null)
      parts.push(
        `已开工项目中入库${num('projects.inLibrary', '已入库项目', p.inLibrary, '个')}个，入库率${library}%`,
      );
    paragraphs.push(`${parts.join('；')}。`);
    const red = num('projects.red', '红灯项目', p.red, '个');
    const yellow = num('projects.yellow', '黄灯项目', p.yellow, '个');
    const green = num('projects.green', '绿灯项目', p.green, '个');
    paragraphs.push(
      p.red > 0
        ? `按亮灯规则，红灯项目${red}个、黄灯项目${yellow}个、绿灯项目${green}个，红灯项目需重点督促推进。`
        : `按亮灯规则，无红灯项目，黄灯项目${yellow}个、绿灯项目${green}个。`,
    );
  }
  if (l && l.signed > 0) {
    const parts = [
      `招商引资方面，本年签约项目${num('leads.signed', '签约项目', l.signed, '个')}个，签约金额${num('leads.contract', '签约金额', l.contract, '万元')}万元`,
    ];
    // Every rate is over the leads signed (signed > 0 here): the field names of `lead rates` are the codes.
    const stage = (what: string, count: keyof LeadRates, rate: keyof LeadRates, rateName: string) =>
      `${what}${num(`leads.${count}`, `招商项目${what}`, l[count] as number, '个')}个，${rateName}${num(`leads.${rate}`, `招商项目${rateName}`, l[rate] as number, '%')}%`;
    parts.push(stage('已注册', 'registered', 'registerRate', '履约率'));
    parts.push(stage('已开工', 'started', 'startRate', '开工率'));
    parts.push(stage('已投产', 'producing', 'productionRate', '投产率'));
    if (l.fundsRate !== null)
      parts.push(
        `累计到位资金${num('leads.fundsArrived', '累计到位资金', l.fundsArrived, '万元')}万元，资金到位率${num('leads.fundsRate', '资金到位率', l.fundsRate, '%')}%`,
      );
    paragraphs.push(`${parts.join('；')}。`);
  }
  if (paragraphs.length === 0) return null;
  return { key: 'projects', title: '重点项目和招商引资', part: null, paragraphs, figures };
}
