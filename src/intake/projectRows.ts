// The cells of a project layout's row, read and checked: text, amounts (万元, not negative), dates, months,
// the listed values of 级别/类型/建设性质, scores within the deployment's range; each bad cell an issue.
import { readProjectDate } from '../core/projects/dates.ts';
import type {
  CellAt,
  ParsedLead,
  ParsedProblem,
  ParsedProject,
  ParsedProjectReport,
  ParsedTourScore,
  ProjectLayout,
} from '../core/projects/parsed.ts';
import type { ProjectRuleSettings } from '../core/projects/settings.ts';
import {
  PROJECT_LEVELS,
  PROJECT_NATURES,
  PROJECT_TYPES,
  type ProjectLevel,
  type ProjectNature,
  type ProjectType,
} from '../core/projects/types.ts';
import { LAYOUT_COLUMNS } from './projectLayouts.ts';
import { columnLetter, type ImportIssue, numberExpected, parseNumber } from './types.ts';

export type CellReader = {
  text(key: string): string | null;
  required(key: string, what: string): string;
  amount(key: string, opts?: { required?: boolean }): number | null;
  date(key: string): string | null;
  at(key: string): CellAt;
};

/** Reads the named cells of one row, adding an issue for each bad one. */
export function cellReader(
  file: string,
  layout: ProjectLayout,
  columns: Map<string, number>,
  header: string[],
  cells: string[],
  line: number,
  issues: ImportIssue[],
): CellReader {
  const at = (key: string): CellAt => {
    const i = columns.get(key) ?? 0;
    return { line, column: `${columnLetter(i)}(${header[i]?.trim() ?? key})` };
  };
  const raw = (key: string) => {
    const i = columns.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const bad = (key: string, value: string, expected: string, code: string) => {
    const { column } = at(key);
    issues.push({ file, row: line, column, value, expected, code, message: expected });
  };
  const name = (key: string) =>
    LAYOUT_COLUMNS[layout].find((c) => c.key === key)?.header.replace(/\(.*$/, '') ?? key;
  return {
    at,
    text: (key) => raw(key) || null,
    required(key, what) {
      const v = raw(key);
      if (v === '') bad(key, v, `${name(key)}不能为空：应为${what}`, 'empty');
      return v;
    },
    amount(key, opts = {}) {
      const v = raw(key);
      const n = parseNumber(v);
      if (n === undefined) bad(key, v, numberExpected(v, '数字（万元）'), 'number');
      else if (n === null && opts.required) bad(key, v, `${name(key)}不能为空：应为数字（万元）`, 'empty');
      else if (n !== null && n < 0) bad(key, v, '金额不能为负数', 'negative');
      return n ?? null;
    },
    date(key) {
      const v = raw(key);
      const d = readProjectDate(v);
      if (d === undefined)
        bad(key, v, '应为真实的日期 YYYY-MM-DD，或月份 YYYY-MM（表示当月最后一天）；未发生的留空', 'date');
      return d ?? null;
    },
  };
}

function oneOf<T extends string>(
  r: CellReader,
  key: string,
  allowed: readonly T[],
  required: boolean,
  issues: ImportIssue[],
  file: string,
): T | null {
  const v = r.text(key);
  if (v === null && !required) return null;
  if (v !== null && (allowed as readonly string[]).includes(v)) return v as T;
  const { line, column } = r.at(key);
  const expected = `应为 ${allowed.join('、')} 之一${required ? '' : '，或留空'}`;
  issues.push({ file, row: line, column, value: v ?? '', expected, code: 'value', message: expected });
  return null;
}

/** '2025-06', '2025/6', '2025年6月' → { year, month }; anything else → null. */
function readMonth(raw: string): { year: number; month: number } | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})月?$/.exec(raw.trim());
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && year >= 1949 && year <= 2100 ? { year, month } : null;
}

export function readRow(
  layout: ProjectLayout,
  r: CellReader,
  code: string,
  line: number,
  issues: ImportIssue[],
  file: string,
  rules: ProjectRuleSettings,
): ParsedProject | ParsedProjectReport | ParsedLead | ParsedTourScore | ParsedProblem {
  if (layout === '项目月报') {
    const raw = r.required('month', '月份 YYYY-MM');
    const m = raw === '' ? null : readMonth(raw);
    if (raw !== '' && !m) {
      const { column } = r.at('month');
      const expected = '应为月份 YYYY-MM，如 2025-06';
      issues.push({ file, row: line, column, value: raw, expected, code: 'date', message: expected });
    }
    return {
      projectCode: code,
      year: m?.year ?? 0,
      month: m?.month ?? 0,
      done: r.amount('done', { required: true }) ?? 0,
      progress: r.text('progress'),
      problems: r.text('problems'),
      coordination: r.text('coordination'),
      at: { line, code: r.at('code') },
    };
  }
  if (layout === '问题清单') {
    const description = r.required('description', '问题描述');
    const coordinator = r.required('coordinator', '协调单位或责任人');
    const raw = r.required('due', '完成时限 YYYY-MM-DD');
    const due = raw === '' ? null : readProjectDate(raw);
    if (raw !== '' && !due) {
      const { column } = r.at('due');
      const expected = '应为真实的日期 YYYY-MM-DD，或月份 YYYY-MM（表示当月最后一天）';
      issues.push({ file, row: line, column, value: raw, expected, code: 'date', message: expected });
    }
    return { projectCode: code, description, coordinator, due: due ?? '', at: { line, code: r.at('code') } };
  }
  if (layout === '拉练评分') {
    const judge = r.required('judge', '评委姓名');
    const raw = r.required('score', `分数（${rules.tourMinScore}–${rules.tourMaxScore}）`);
    const n = parseNumber(raw);
    if (raw !== '' && (n === undefined || n === null || n < rules.tourMinScore || n > rules.tourMaxScore)) {
      const { column } = r.at('score');
      const expected = `分数应为 ${rules.tourMinScore}–${rules.tourMaxScore} 之间的数`;
      issues.push({ file, row: line, column, value: raw, expected, code: 'score', message: expected });
    }
    return { projectCode: code, judge, score: n ?? 0, at: { line, code: r.at('code') } };
  }
  const name = r.required('name', '项目名称');
  const regionText = r.required('region', '地区名称或代码');
  const at = { line, region: r.at('region'), unit: r.at('unit') };
  if (layout === '招商项目') {
    return {
      code,
      name,
      regionText,
      unit: r.text('unit'),
      industry: r.text('industry'),
      contract: r.amount('contract', { required: true }) ?? 0,
      signed: r.date('signed'),
      registered: r.date('registered'),
      started: r.date('started'),
      producing: r.date('producing'),
      fundsArrived: r.amount('fundsArrived') ?? 0,
      projectCode: r.text('projectCode'),
      at: { ...at, projectCode: r.at('projectCode') },
    };
  }
  return {
    code,
    name,
    regionText,
    unit: r.text('unit'),
    leader: r.text('leader'),
    level: oneOf<ProjectLevel>(r, 'level', PROJECT_LEVELS, false, issues, file),
    type: oneOf<ProjectType>(r, 'type', PROJECT_TYPES, false, issues, file),
    nature: oneOf<ProjectNature>(r, 'nature', PROJECT_NATURES, true, issues, file) ?? '新建',
    totalInvestment: r.amount('totalInvestment'),
    annualPlan: r.amount('annualPlan', { required: true }) ?? 0,
    plannedStart: r.date('plannedStart'),
    actualStart: r.date('actualStart'),
    plannedFinish: r.date('plannedFinish'),
    actualFinish: r.date('actualFinish'),
    libraryDate: r.date('libraryDate'),
    at,
  };
}
