// The investment-attraction breakdowns (招商引资 by region, industry and unit), the lead list with the stage each
// lead has reached, and the monthly report (招商引资月报) as words and tables — all from `leadRates`, so every
// figure equals `tiaodu lead rates` over the same leads.
import { byEnd, monthEnd } from './dates.ts';
import { type LeadRates, leadRates } from './leads.ts';
import type { NoticeTable } from './notice.ts';
import { say } from './numbers.ts';
import type { PeriodAt } from './rows.ts';
import type { Lead } from './types.ts';

/** The stages of a lead, in order (在谈 = not yet signed). */
export const LEAD_STAGES = ['在谈', '签约', '注册', '开工', '投产'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

/** One group of a breakdown: its name and the lead rates of its leads. */
export interface LeadGroup extends LeadRates {
  key: string;
  name: string;
}

/** A region below the one reported on, with its rank (competition ranks; see `rankAreas`). */
export interface LeadArea extends LeadGroup {
  rank: number;
}

export interface LeadBreakdown {
  totals: LeadRates;
  byArea: LeadArea[];
  byIndustry: LeadGroup[];
  byUnit: LeadGroup[];
}

/** The stage a lead has reached by a day: the last stage whose date is on or before it. */
export function leadStage(l: Lead, end: string): LeadStage {
  if (byEnd(l.producing, end)) return '投产';
  if (byEnd(l.started, end)) return '开工';
  if (byEnd(l.registered, end)) return '注册';
  if (byEnd(l.signed, end)) return '签约';
  return '在谈';
}

/**
 * Competition ranks (1, 2, 2, 4) by 签约金额, then by 开工率. The amount signed is the headline figure of
 * attraction work and what the monthly league of the 招商 office is read by; among regions that signed the same
 * amount (most often none), the one that has turned more of its contracts into work sites stands higher.
 */
export function rankAreas<T extends LeadRates>(areas: readonly T[]): (T & { rank: number })[] {
  const better = (a: T, b: T) => b.contract - a.contract || (b.startRate ?? -1) - (a.startRate ?? -1);
  const sorted = [...areas].sort(better);
  const ranks: number[] = [];
  sorted.forEach((a, i) => {
    const prev = sorted[i - 1];
    ranks.push(prev && better(prev, a) === 0 ? (ranks[i - 1] as number) : i + 1);
  });
  return sorted.map((a, i) => ({ ...a, rank: ranks[i] as number }));
}

/** Groups leads by a key and gives each group's rates; groups with no lead signed this year are left out. */
function groups(
  leads: readonly Lead[],
  at: PeriodAt,
  keyOf: (l: Lead) => { key: string; name: string },
): LeadGroup[] {
  const by = new Map<string, { name: string; leads: Lead[] }>();
  for (const l of leads) {
    const k = keyOf(l);
    const g = by.get(k.key) ?? { name: k.name, leads: [] };
    g.leads.push(l);
    by.set(k.key, g);
  }
  return [...by.entries()]
    .map(([key, g]) => ({ key, name: g.name, ...leadRates(g.leads, at) }))
    .filter((g) => g.signed > 0)
    .sort((a, b) => b.contract - a.contract || a.name.localeCompare(b.name, 'zh'));
}

/**
 * The rates of a region's leads and their breakdowns. `areas` are the regions ranked (the region's children,
 * each ranked even with nothing signed: a 挂零 region is news), `areaOf` which of them a lead lies in; leads of
 * the region itself count in the totals only. A unit is told apart by its region as well as its name, since
 * two districts may each have a 投资促进局.
 * @example leadBreakdown(leads, JUNE, children, areaOf).byArea[0].rank // 1
 */
export function leadBreakdown(
  leads: readonly Lead[],
  at: PeriodAt,
  areas: readonly { code: string; name: string }[],
  areaOf: (regionCode: string) => string | null,
): LeadBreakdown {
  const byArea = rankAreas(
    areas.map((a) => ({
      key: a.code,
      name: a.name,
      ...leadRates(
        leads.filter((l) => areaOf(l.regionCode) === a.code),
        at,
      ),
    })),
  );
  const unitNames = new Map<string, Set<string>>();
  for (const l of leads)
    if (l.unit) unitNames.set(l.unit, (unitNames.get(l.unit) ?? new Set()).add(l.unitRegion ?? ''));
  return {
    totals: leadRates(leads, at),
    byArea,
    byIndustry: groups(leads, at, (l) => ({ key: l.industry ?? '', name: l.industry ?? '未分类' })),
    byUnit: groups(leads, at, (l) => {
      if (!l.unit) return { key: '', name: '未明确责任单位' };
      const shared = (unitNames.get(l.unit)?.size ?? 0) > 1;
      return {
        key: `${l.unitRegionCode ?? ''}|${l.unit}`,
        name: shared && l.unitRegion ? `${l.unit}（${l.unitRegion}）` : l.unit,
      };
    }),
  };
}

/** A row of the lead list: the lead, the stage reached by the period's end, and whether it counts this year. */
export interface LeadListRow extends Lead {
  stage: LeadStage;
  /** Signed in the period's year up to its end: one of the leads the rates are over. */
  counted: boolean;
}

export function leadList(leads: readonly Lead[], at: PeriodAt): LeadListRow[] {
  const end = monthEnd(at.year, at.month);
  return leads.map((l) => ({
    ...l,
    stage: leadStage(l, end),
    counted: byEnd(l.signed, end) && (l.signed ?? '') >= `${at.year}-01-01`,
  }));
}

export interface LeadReport {
  title: string;
  paragraphs: string[];
  tables: NoticeTable[];
  breakdown: LeadBreakdown;
}

const pct = (x: number | null) => (x === null ? '—' : `${say(x)}%`);

const RATE_HEADER = [
  '签约项目数',
  '签约金额(万元)',
  '履约率(%)',
  '开工率(%)',
  '投产率(%)',
  '到位资金(万元)',
  '资金到位率(%)',
];
const rateCells = (r: LeadRates) => [
  r.signed,
  r.contract,
  r.registerRate,
  r.startRate,
  r.productionRate,
  r.fundsArrived,
  r.fundsRate,
];

/**
 * The monthly attraction report of a region: the totals in words, then tables by region (ranked), by industry,
 * by responsible unit, and the leads signed this year with the stage each has reached.
 */
export function leadReport(
  name: string,
  at: PeriodAt,
  leads: readonly Lead[],
  areas: readonly { code: string; name: string }[],
  areaOf: (regionCode: string) => string | null,
): LeadReport {
  const b = leadBreakdown(leads, at, areas, areaOf);
  const t = b.totals;
  const span = at.month === 1 ? '1月' : `1—${at.month}月`;
  const paragraphs = [
    `${at.year}年${span}，${name}新签约招商项目 ${t.signed} 个，签约金额 ${say(t.contract)} 万元。其中已注册 ${t.registered} 个，履约率 ${pct(t.registerRate)}；已开工 ${t.started} 个，开工率 ${pct(t.startRate)}；已投产 ${t.producing} 个，投产率 ${pct(t.productionRate)}；累计到位资金 ${say(t.fundsArrived)} 万元，资金到位率 ${pct(t.fundsRate)}。`,
  ];
  const first = b.byArea[0];
  if (first && first.contract > 0) {
    const top = b.byArea.filter((a) => a.rank === 1).map((a) => a.name);
    const none = b.byArea.filter((a) => a.signed === 0).map((a) => a.name);
    paragraphs.push(
      `分地区看，签约金额居首位的是${top.join('、')}（${say(first.contract)} 万元）${none.length > 0 ? `；${none.join('、')}本年尚无签约项目` : ''}。各地区按签约金额排名，金额相同的按开工率排名。`,
    );
  }
  const end = monthEnd(at.year, at.month);
  const counted = leadList(leads, at).filter((l) => l.counted);
  const tables: NoticeTable[] = [
    { title: '总体情况', header: ['项目', ...RATE_HEADER], rows: [['合计', ...rateCells(t)]] },
  ];
  if (b.byArea.length > 0)
    tables.push({
      title: '各地区情况（按签约金额排名）',
      header: ['名次', '地区', ...RATE_HEADER],
      rows: b.byArea.map((a) => [a.rank, a.name, ...rateCells(a)]),
    });
  tables.push(
    {
      title: '分产业类别情况',
      header: ['产业类别', ...RATE_HEADER],
      rows: b.byIndustry.map((g) => [g.name, ...rateCells(g)]),
    },
    {
      title: '分责任单位情况',
      header: ['责任单位', ...RATE_HEADER],
      rows: b.byUnit.map((g) => [g.name, ...rateCells(g)]),
    },
    {
      title: '本年签约项目清单',
      header: [
        '项目编号',
        '项目名称',
        '所属地区',
        '签约金额(万元)',
        '签约日期',
        '所处阶段',
        '到位资金(万元)',
      ],
      rows: counted
        .sort((a, b) => b.contract - a.contract || a.code.localeCompare(b.code))
        .map((l) => [l.code, l.name, l.region, l.contract, l.signed, leadStage(l, end), l.fundsArrived]),
    },
  );
  return {
    title: `${name}${at.year}年${at.month}月招商引资月报`,
    paragraphs,
    tables,
    breakdown: b,
  };
}
