// The target template: one row per indicator × region × year × strength, read all-or-nothing.
import type { ParsedTarget } from '../core/imports.ts';
import { defaultComparator, parseTrajectory } from '../core/targets.ts';
import type { Comparator, Strength, Target, TargetKind } from '../core/types.ts';
import { csvFile } from './cells.ts';
import { lastCell, parseCsvText, truncatedError } from './csv.ts';
import { decodeText } from './decode.ts';
import {
  columnLetter,
  fileError,
  ImportError,
  type ImportIssue,
  numberExpected,
  parseNumber,
} from './types.ts';
import { firstSheetRows } from './xlsx.ts';

export const TARGET_HEADER = ['指标', '地区', '年度', '类型', '目标值', '比较', '力度', '分解', '来源'];

export type { ParsedTarget } from '../core/imports.ts';

const KINDS: Record<string, TargetKind> = {
  增速: 'growth',
  增长: 'growth',
  growth: 'growth',
  总量: 'amount',
  数额: 'amount',
  amount: 'amount',
  上限: 'ceiling',
  ceiling: 'ceiling',
  下限: 'floor',
  floor: 'floor',
};
const CMPS: Record<string, Comparator> = {
  '≈': '≈',
  左右: '≈',
  '>=': '>=',
  '≥': '>=',
  以上: '>=',
  不低于: '>=',
  '<=': '<=',
  '≤': '<=',
  以内: '<=',
  不高于: '<=',
};
const STRENGTHS: Record<string, Strength> = {
  预期: 'expected',
  expected: 'expected',
  确保: 'must',
  must: 'must',
  力争: 'strive',
  strive: 'strive',
};

export function parseTargetRows(rows: string[][], file: string): ParsedTarget[] {
  const issues: ImportIssue[] = [];
  const header = (rows[0] ?? []).map((c) => c.trim());
  const col = (name: string) => header.indexOf(name);
  for (const name of ['指标', '地区', '年度', '类型', '目标值']) {
    if (col(name) < 0)
      issues.push({
        file,
        row: 1,
        column: 'A',
        value: header.join(','),
        expected: `表头缺少「${name}」列（应为：${TARGET_HEADER.join(',')}）`,
        code: 'header',
        message: '表头不全',
      });
  }
  if (issues.length > 0) throw new ImportError(issues);
  const width = header.reduce((n, c, i) => (c !== '' ? i + 1 : n), 0);
  const out: ParsedTarget[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const extra =
      cells.length > (rows[0]?.length ?? 0)
        ? (rows[0]?.length ?? 0)
        : cells.findIndex((c, j) => j >= width && c.trim() !== '');
    if (extra >= 0) {
      const expected = `这一行比表头多出单元格（表头只有 ${width} 列）：可能多了一个逗号，数值会错位`;
      issues.push({
        file,
        row,
        column: columnLetter(extra),
        value: cells[extra] ?? '',
        expected,
        code: 'cells',
        message: expected,
      });
      return;
    }
    const get = (name: string) => (col(name) < 0 ? '' : (cells[col(name)] ?? '').trim());
    const bad = (name: string, expected: string) =>
      issues.push({
        file,
        row,
        column: columnLetter(Math.max(0, col(name))),
        value: get(name),
        expected,
        code: 'target',
        message: expected,
      });
    const year = Number(get('年度').replace('年', ''));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) bad('年度', '年度应为四位年份，如 2025');
    const kind = KINDS[get('类型')];
    if (!kind) bad('类型', '类型应为 增速、总量、上限 或 下限');
    const value = parseNumber(get('目标值').replace('%', ''));
    if (value === null || value === undefined)
      bad('目标值', value === null ? '目标值不能为空' : numberExpected(get('目标值'), '数字（目标值）'));
    const cmp = get('比较') ? CMPS[get('比较')] : kind && defaultComparator(kind);
    if (!cmp) bad('比较', '比较应为 ≈（左右）、>=（以上）或 <=（以内）');
    const strength = get('力度') ? STRENGTHS[get('力度')] : 'expected';
    if (!strength) bad('力度', '力度应为 预期、确保 或 力争');
    const parsed = parseTrajectory(get('分解'));
    const trajectory = parsed.ok ? parsed.trajectory : undefined;
    if (!parsed.ok) bad('分解', `分解应写成「月:累计百分比」，如 3:20,6:45,9:72,12:100（${parsed.problem}）`);
    if (!get('指标')) bad('指标', '指标不能为空');
    if (!get('地区')) bad('地区', '地区不能为空');
    const key = `${get('指标')}|${get('地区')}|${year}|${strength}`;
    if (seen.has(key)) bad('指标', `与第${seen.get(key)}行重复：同一指标、地区、年度和力度只能有一个目标`);
    seen.set(key, row);
    if (kind && cmp && strength && typeof value === 'number' && trajectory !== undefined) {
      out.push({
        indicator: get('指标'),
        region: get('地区'),
        year,
        kind,
        value,
        cmp,
        strength,
        trajectory,
        source: get('来源') || null,
        row,
      });
    }
  });
  if (issues.length > 0) throw new ImportError(issues.slice(0, 100));
  if (out.length === 0) throw fileError(file, 'empty', '文件中没有数据行：表头之后没有目标');
  return out;
}

/** A target file, CSV (UTF-8 or GBK, ending with a line break) or XLSX. */
export async function readTargetFile(buf: Buffer, file: string): Promise<ParsedTarget[]> {
  if (buf.length === 0) throw fileError(file, 'empty', '文件是空的');
  if (buf[0] === 0x50 && buf[1] === 0x4b) return parseTargetRows(await firstSheetRows(buf, file), file);
  const text = decodeText(buf, file);
  if (text.trim() === '') throw fileError(file, 'empty', '文件是空的');
  const rows = parseCsvText(text, file);
  const targets = parseTargetRows(rows, file);
  if (!text.endsWith('\n')) throw truncatedError(file, lastCell(text, rows));
  return targets;
}

export function targetTemplateCsv(): string {
  return csvFile([
    TARGET_HEADER,
    ['地区生产总值', '西湖区', '2025', '增速', '5.5', '≈', '预期', '', '政府工作报告'],
    ['一般公共预算收入', '西湖区', '2025', '总量', '260', '>=', '确保', '3:22,6:48,9:73,12:100', ''],
  ]);
}

const KIND_NAMES: Record<TargetKind, string> = {
  growth: '增速',
  amount: '总量',
  ceiling: '上限',
  floor: '下限',
};
const STRENGTH_NAMES: Record<Strength, string> = { expected: '预期', must: '确保', strive: '力争' };

/** The targets in the template's own layout, so an exported file can be edited and imported again. */
export function targetsCsv(rows: { indicator: string; region: string; target: Target }[]): string {
  return csvFile([
    TARGET_HEADER,
    ...rows.map(({ indicator, region, target: t }) => [
      indicator,
      region,
      String(t.year),
      KIND_NAMES[t.kind],
      String(t.value),
      t.cmp,
      STRENGTH_NAMES[t.strength],
      t.trajectory?.checkpoints.map((c) => `${c.month}:${c.percent}`).join(',') ?? '',
      t.source ?? '',
    ]),
  ]);
}
