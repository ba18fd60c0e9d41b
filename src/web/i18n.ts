// UI language: Chinese first, English as a switch. Strings are looked up by their Chinese text, so a
// missing translation falls back to Chinese instead of showing a key (i18n.test.ts finds any missing one).
import { createContext, useContext } from 'react';
import { adminMessages } from './messages/admin.ts';
import { assessMessages } from './messages/assess.ts';
import { dataMessages } from './messages/data.ts';
import { documentMessages } from './messages/documents.ts';
import { leadMessages } from './messages/leads.ts';
import { problemMessages } from './messages/problems.ts';
import { projectMessages } from './messages/projects.ts';
import { sentenceMessages } from './messages/sentences.ts';
import { shellMessages } from './messages/shell.ts';
import { taskMessages } from './messages/tasks.ts';
import { tourMessages } from './messages/tours.ts';

export type Lang = 'zh' | 'en';

const en: Record<string, string> = {
  领导驾驶舱: 'Cockpit',
  排位: 'League table',
  通报: 'Briefing',
  经济运行情况分析: 'Economic briefing',
  '下载 Word': 'Download Word',
  '下载附表 Excel': 'Download tables (Excel)',
  打印版: 'Printable page',
  版本记录: 'Versions',
  编辑: 'Edit',
  已改写: 'edited',
  未保存: 'unsaved',
  将还原: 'to revert',
  还原原文: 'Revert',
  撤销: 'Undo',
  查看此版: 'Open this version',
  正在查看: 'open',
  回到最新版: 'Back to the latest',
  查看系统生成的原文: 'Open the generated text',
  '版本说明（可选）': 'Note (optional)',
  放弃改动: 'Discard changes',
  '保存为新版本（{n}处改动）': 'Save as a new version ({n} changes)',
  '已保存第{n}版': 'Saved version {n}',
  '第{n}版': 'Version {n}',
  '第{n}段': 'paragraph {n}',
  '第{n}版，{who}保存于{at}': 'Version {n}, saved by {who} at {at}',
  '将删去数字：{n}': 'Numbers to be dropped: {n}',
  '删去的数字：{n}': 'Numbers dropped: {n}',
  指标历史: 'Indicator history',
  目标: 'Targets',
  数据填报: 'Data entry',
  审核: 'Review',
  导入: 'Import',
  系统管理: 'Administration',
  文件: 'Documents',
  修改密码: 'Change password',
  退出: 'Sign out',
  登录: 'Sign in',
  用户名: 'User name',
  密码: 'Password',
  '调度 · 经济运行监测调度平台': 'Tiaodu · economic monitoring and dispatch',
  管理员: 'administrator',
  分析员: 'analyst',
  填报员: 'reporter',
  领导: 'leader',
  超前: 'ahead',
  正常: 'on track',
  滞后: 'behind',
  严重滞后: 'off track',
  无数据: 'no data',
  目标值: 'Target',
  '差距 {gap} 个百分点': 'gap {gap} pp',
  '短板弱项（滞后于目标进度）': 'Lagging indicators (behind target progress)',
  没有滞后指标: 'Nothing lags',
  '下级地区目标进度（按状态着色）': 'Sub-regions by status',
  '全年红：所有指标均达到目标进度': 'All green: every indicator on target',
  '双过半：时间过半、任务过半': 'Double half: past half the year and half the task',
  该地区本年度还没有目标: 'No targets for this region this year',
  与同级地区比较: 'Compared with its peers',
  '下级地区主要指标（点击下钻）': 'Sub-regions (click to drill down)',
  趋势: 'Trend',
  地区: 'Region',
  时序进度: 'time elapsed',
  完成率: 'completed',
  累计增速: 'growth YTD',
  累计: 'year to date',
  当前: 'current',
  大起大落: 'swing',
  '差距 {gap}': 'gap {gap}',
  差距: 'gap',
  上级: 'parent',
  增速排位: 'growth rank',
  按累计增速在同级地区中的位次: 'rank by year-to-date growth among its peers',
  指标: 'Indicator',
  数值: 'Value',
  累计同比: 'Growth YTD',
  上级同比: 'Parent growth',
  方向: 'Direction',
  越低越好: 'lower is better',
  越高越好: 'higher is better',
  是: 'yes',
  累计同比增速: 'growth YTD (%)',
  目标增速: 'target growth (%)',
  '主要指标（增速排位为在同级地区中的位次）': 'Main indicators (growth rank among peers)',
  怎么算的: 'how it is computed',
  输入: 'Input',
  数据期: 'Data period',
};

/** Chinese text → English text: the pages' own entries above, and one file per part of the app. */
export const englishMessages: Record<string, string> = {
  ...en,
  ...shellMessages,
  ...dataMessages,
  ...documentMessages,
  ...assessMessages,
  ...adminMessages,
  ...sentenceMessages,
  ...taskMessages,
  ...projectMessages,
  ...leadMessages,
  ...problemMessages,
  ...tourMessages,
};

/** The sentences of sentenceMessages as patterns: '{month}月出现了两次' matches '6月出现了两次'. */
const sentences = Object.entries(sentenceMessages).map(([zh, en]) => {
  const names: string[] = [];
  const source = zh
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '(.+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names, en };
});

/** A sentence from the core or the server in English, its names kept; the Chinese when none matches. */
function englishSentence(zh: string): string {
  for (const { pattern, names, en } of sentences) {
    const m = pattern.exec(zh);
    if (m) return names.reduce((s, name, i) => s.replaceAll(`{${name}}`, m[i + 1] ?? ''), en);
  }
  return zh;
}

/** The translating function pages get from useT(), for helpers that build text outside a component. */
export type T = (zh: string, vars?: Record<string, string | number>) => string;

/** Select or radio options with their Chinese labels translated. */
export function translated<O extends { label: string }>(t: T, options: O[]): O[] {
  return options.map((o) => ({ ...o, label: t(o.label) }));
}

export const LangContext = createContext<Lang>('zh');

/** t('差距 {gap} 个百分点', { gap: '1.2' }) in the current language. */
export function useT(): T {
  const lang = useContext(LangContext);
  return (zh, vars) => translate(lang, zh, vars);
}

/** The language the app shows, for formats that take it (core/format.ts). */
export const useLang = (): Lang => useContext(LangContext);

/**
 * The same lookup outside a component. A text that is no key may be a whole sentence the core or the server
 * wrote (a trajectory's problem, a draft's note): sentenceMessages words it with its names kept.
 */
export function translate(lang: Lang, zh: string, vars?: Record<string, string | number>): string {
  let s = lang === 'en' ? (englishMessages[zh] ?? englishSentence(zh)) : zh;
  for (const [k, v] of Object.entries(vars ?? {})) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
