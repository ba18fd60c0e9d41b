// Where an input item's figures can come from besides the office's entries: the projects module (重点项目 rates,
// 招商项目 rates, 项目拉练 scores), read for the run's period and each region's subtree.
import { TiaoduError } from '../errors.ts';
import type { LeadRates } from '../projects/leads.ts';
import type { ProjectRates } from '../projects/rates.ts';

type NumericKeys<T> = { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T];

/** The figures of `tiaodu project rates` an item may read, with the words its explanation uses. */
export const PROJECT_MEASURES = {
  investmentRate: '投资完成率(%)',
  startRate: '开工率(%)',
  newStartRate: '新开工率(%)',
  finishRate: '竣工率(%)',
  inLibraryRate: '入库率(%)',
  done: '本年累计完成投资(万元)',
  projects: '项目个数',
  started: '开工个数',
  finished: '竣工个数',
} as const satisfies Partial<Record<NumericKeys<ProjectRates>, string>>;

/** The figures of `tiaodu lead rates` an item may read. */
export const LEAD_MEASURES = {
  registerRate: '注册率(%)',
  startRate: '开工率(%)',
  productionRate: '投产率(%)',
  fundsRate: '资金到位率(%)',
  signed: '签约个数',
  contract: '签约金额(万元)',
  fundsArrived: '到位资金(万元)',
} as const satisfies Partial<Record<NumericKeys<LeadRates>, string>>;

export type ProjectMeasure = keyof typeof PROJECT_MEASURES;
export type LeadMeasure = keyof typeof LEAD_MEASURES;

export type Source =
  | { kind: 'projects'; measure: ProjectMeasure }
  | { kind: 'leads'; measure: LeadMeasure }
  | { kind: 'tour'; tour: string };

/** Who a figure read from a source is recorded as having entered. */
export const SOURCE_USER = 'system: 重点项目';

const bad = (message: string): never => {
  throw new TiaoduError('assess.scheme', `考核方案有误：${message}`);
};

const list = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k}（${v.replace(/\(.*\)$/, '')}）`)
    .join('、');

/**
 * An item's `source`, checked: `{"kind":"projects","measure":"startRate"}`, `{"kind":"leads","measure":…}` or
 * `{"kind":"tour","tour":"拉练名称"}`; `where` names the item in the error.
 * @example readSource({ kind: 'projects', measure: 'startRate' }, '第3项「项目开工」') // { kind: 'projects', measure: 'startRate' }
 */
export function readSource(raw: unknown, where: string): Source {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return bad(`${where}的取数来源 source 应为对象，如 {"kind":"projects","measure":"startRate"}`);
  const o = raw as Record<string, unknown>;
  const measure = typeof o.measure === 'string' ? o.measure : String(o.measure ?? '');
  switch (o.kind) {
    case 'projects':
      if (!Object.hasOwn(PROJECT_MEASURES, measure))
        return bad(`${where}的取数来源 measure「${measure}」未知，重点项目可取：${list(PROJECT_MEASURES)}`);
      return { kind: 'projects', measure: measure as ProjectMeasure };
    case 'leads':
      if (!Object.hasOwn(LEAD_MEASURES, measure))
        return bad(`${where}的取数来源 measure「${measure}」未知，招商项目可取：${list(LEAD_MEASURES)}`);
      return { kind: 'leads', measure: measure as LeadMeasure };
    case 'tour': {
      const tour = typeof o.tour === 'string' ? o.tour.trim() : '';
      if (!tour)
        return bad(`${where}的取数来源缺少拉练名称 tour（导入拉练评分时的文件名，如 "2025年二季度拉练"）`);
      return { kind: 'tour', tour };
    }
    default:
      return bad(
        `${where}的取数来源 source.kind「${String(o.kind ?? '')}」未知，应为 projects（重点项目）、leads（招商项目）或 tour（项目拉练）`,
      );
  }
}

/**
 * The words naming a source's figure in an explanation.
 * @example sourceLabel({ kind: 'projects', measure: 'startRate' }) // '重点项目开工率(%)'
 */
export function sourceLabel(s: Source): string {
  if (s.kind === 'projects') return `重点项目${PROJECT_MEASURES[s.measure]}`;
  if (s.kind === 'leads') return `招商项目${LEAD_MEASURES[s.measure]}`;
  return `项目拉练「${s.tour}」得分`;
}
