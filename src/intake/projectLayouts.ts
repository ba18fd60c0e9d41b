// The four project layouts of DESIGN.md (项目库, 项目月报, 招商项目, 拉练评分): their columns, and which layout a
// header row is. Headers match with ASCII or full-width parentheses, with or without the unit in them, or by
// an English alias.
import type { ProjectLayout } from '../core/projects/parsed.ts';

export interface LayoutColumn {
  key: string;
  /** The header as the contract writes it (and the templates). */
  header: string;
  aliases: string[];
  /** A column the file may leave out (free text); every other must be there. */
  optional?: boolean;
}

const col = (key: string, header: string, aliases: string[], optional = false): LayoutColumn => ({
  key,
  header,
  aliases,
  optional,
});

export const LAYOUT_COLUMNS: Record<ProjectLayout, LayoutColumn[]> = {
  项目库: [
    col('code', '项目编号', ['code', 'projectcode', 'project_code']),
    col('name', '项目名称', ['name', 'projectname']),
    col('region', '所属地区', ['region']),
    col('unit', '责任单位', ['unit', 'ownerunit']),
    col('leader', '包联领导', ['leader', 'liaisonleader']),
    col('level', '级别(省重点|市重点|县重点|区重点)', ['level']),
    col('type', '类型(产业|基础设施|社会民生|其他)', ['type']),
    col('nature', '建设性质(新建|续建)', ['nature']),
    col('totalInvestment', '总投资(万元)', ['totalinvestment', 'total']),
    col('annualPlan', '年度计划投资(万元)', ['annualplan', 'plan']),
    col('plannedStart', '计划开工', ['plannedstart']),
    col('actualStart', '实际开工', ['actualstart', 'started']),
    col('plannedFinish', '计划竣工', ['plannedfinish']),
    col('actualFinish', '实际竣工', ['actualfinish', 'finished']),
    col('libraryDate', '入库日期', ['librarydate', 'inlibrary']),
  ],
  项目月报: [
    col('code', '项目编号', ['code', 'projectcode', 'project_code']),
    col('month', '月份', ['month', 'period']),
    col('done', '本年累计完成投资(万元)', ['done', 'ytdinvestment']),
    col('progress', '形象进度', ['progress'], true),
    col('problems', '存在问题', ['problems'], true),
    col('coordination', '需协调事项', ['coordination'], true),
  ],
  招商项目: [
    col('code', '项目编号', ['code', 'leadcode']),
    col('name', '项目名称', ['name']),
    col('region', '所属地区', ['region']),
    col('unit', '责任单位', ['unit']),
    col('industry', '产业类别', ['industry']),
    col('contract', '签约金额(万元)', ['contract', 'contractamount']),
    col('signed', '签约日期', ['signed', 'signdate']),
    col('registered', '注册日期', ['registered']),
    col('started', '开工日期', ['started']),
    col('producing', '投产日期', ['producing']),
    col('fundsArrived', '累计到位资金(万元)', ['fundsarrived', 'funds']),
    col('projectCode', '关联项目编号', ['projectcode', 'project_code', 'project'], true),
  ],
  拉练评分: [
    col('code', '项目编号', ['code', 'projectcode']),
    col('judge', '评委', ['judge']),
    col('score', '分数', ['score']),
  ],
  问题清单: [
    col('code', '项目编号', ['code', 'projectcode']),
    col('description', '问题描述', ['description', 'problem']),
    col('coordinator', '协调单位', ['coordinator', '协调单位/责任人', '责任人']),
    col('due', '完成时限', ['due', 'deadline']),
  ],
};

/** The headers that tell each layout apart, tried in this order. */
const SIGNATURES: [ProjectLayout, string[]][] = [
  ['拉练评分', ['code', 'judge', 'score']],
  ['问题清单', ['code', 'description', 'due']],
  ['项目月报', ['code', 'month', 'done']],
  ['招商项目', ['code', 'signed']],
  ['项目库', ['code', 'name', 'region', 'annualPlan']],
];

/** '年度计划投资（万元）' → '年度计划投资'; 'Annual Plan' → 'annualplan'. */
export function headerKey(raw: string): string {
  return raw
    .replace(/^\ufeff/, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\(.*?\)/g, '')
    .replace(/[\s_\-*]/g, '')
    .toLowerCase();
}

/** Column index of each key of `layout` present in `header`. */
export function columnsOf(layout: ProjectLayout, header: string[]): Map<string, number> {
  const keys = header.map(headerKey);
  const out = new Map<string, number>();
  for (const c of LAYOUT_COLUMNS[layout]) {
    const names = [headerKey(c.header), ...c.aliases.map(headerKey)];
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) out.set(c.key, i);
  }
  return out;
}

/** Which project layout a header row is, or null (then it is a statistics file, or nothing known). */
export function detectProjectLayout(header: string[]): ProjectLayout | null {
  for (const [layout, keys] of SIGNATURES) {
    const found = columnsOf(layout, header);
    if (keys.every((k) => found.has(k))) return layout;
  }
  return null;
}
