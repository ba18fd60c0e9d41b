// Running an assessment: the scheme and inputs files read, the groups and measures taken from the store, scored in core.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readScheme, type Scheme } from '../core/assess/scheme.ts';
import {
  type AssessGroup,
  assess,
  type InputValue,
  type RegionScore,
  withMovement,
} from '../core/assess/score.ts';
import { SOURCE_USER, sourceLabel } from '../core/assess/source.ts';
import { TiaoduError } from '../core/errors.ts';
import { ImportError, type ImportIssue } from '../core/imports.ts';
import type { Region } from '../core/types.ts';
import { type AssessInputRow, readAssessInputs } from '../intake/assessInputs.ts';
import { csvFile } from '../intake/cells.ts';
import { assessGroups, assessSourced, assessStats, type SourcedFigure } from '../store/assess.ts';
import { type PublishedRun, publishedRun, publishRun, type StoredInput } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import { listIndicators } from '../store/indicators.ts';
import { findRegionCandidates } from '../store/regions.ts';

export interface AssessmentRun {
  scheme: Scheme;
  /** The scheme's JSON as given, kept as the version when published. */
  raw: unknown;
  parent: Region;
  period: string;
  year: number;
  month: number;
  groups: AssessGroup[];
  rows: RegionScore[];
  inputs: StoredInput[];
  inputsFile: string | null;
  /** The period of the last published run before this one, that rankChange is counted from. */
  before: string | null;
}

/** A scheme file's JSON, or an error naming the file and where the JSON breaks. */
export async function readSchemeFile(path: string): Promise<unknown> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TiaoduError(
      'assess.scheme',
      `考核方案文件 ${basename(path)} 不是有效的 JSON：${(e as Error).message}`,
    );
  }
}

/** Inputs from a file (its path), or as rows sent through the API (read as the same CSV, so checked alike). */
export type InputsSource =
  | string
  | { name: string; rows: { region: string; item: string; value: number | string; note?: string | null }[] };

async function inputsText(src: InputsSource): Promise<{ file: string; bytes: Uint8Array }> {
  if (typeof src === 'string') return { file: basename(src), bytes: await readFile(src) };
  const csv = csvFile([
    ['地区', '项目', '分值', '说明'],
    ...src.rows.map((r) => [r.region, r.item, String(r.value), r.note ?? '']),
  ]);
  return { file: src.name, bytes: new TextEncoder().encode(csv) };
}

interface Inputs {
  inputs: Map<string, Map<string, InputValue>>;
  bonus: Map<string, number>;
  penalty: Map<string, number>;
  /** The 说明 of each entered row, by item then region code (a veto's reason). */
  notes: Map<string, Map<string, string>>;
  /** Where a sourced item's figures came from, by item then region code (see `withSourced`). */
  origins: Map<string, Map<string, string>>;
  /** The rows as entered, resolved to region codes, to be kept when the run is published. */
  stored: StoredInput[];
}

const noInputs = (): Inputs => ({
  inputs: new Map(),
  bonus: new Map(),
  penalty: new Map(),
  notes: new Map(),
  origins: new Map(),
  stored: [],
});

/** The inputs rows against the scheme and its groups: every region, item and repeat checked, named by row and column. */
async function matchInputs(
  db: Db,
  scheme: Scheme,
  groups: AssessGroup[],
  rows: AssessInputRow[],
  file: string,
) {
  const members = groups.flatMap((g) => g.members);
  const inputItems = new Set(scheme.items.filter((i) => i.input).map((i) => i.name));
  const out = noInputs();
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const issue = (column: string, value: string, expected: string) =>
      issues.push({ file, row: r.row, column, value, expected, code: 'assess', message: expected });
    let found = members.filter((m) => m.name === r.region || m.code === r.region);
    if (found.length === 0) {
      const candidates = new Set((await findRegionCandidates(db, r.region)).map((c) => c.code));
      found = members.filter((m) => candidates.has(m.code));
    }
    const region = found.length === 1 ? found[0] : undefined;
    if (!region)
      issue(
        r.columns.region,
        r.region,
        found.length > 1
          ? '地区名称有重名，请写地区代码'
          : `地区不在方案的分组中（分组：${groups.map((g) => g.name).join('、')}）`,
      );
    const isCap = r.item === '加分' || r.item === '减分';
    if (!isCap && !inputItems.has(r.item))
      issue(
        r.columns.item,
        r.item,
        scheme.items.some((i) => i.name === r.item)
          ? '这一项按统计数据计分，不能录入分值'
          : `项目不是方案中的录入项（录入项：${[...inputItems, '加分', '减分'].join('、')}）`,
      );
    if (!region || (!isCap && !inputItems.has(r.item))) continue;
    out.stored.push({ regionCode: region.code, item: r.item, value: r.value, note: r.note });
    if (isCap) {
      const map = r.item === '加分' ? out.bonus : out.penalty;
      map.set(region.code, (map.get(region.code) ?? 0) + (r.value as number));
      continue;
    }
    const key = `${region.code}|${r.item}`;
    const before = seen.get(key);
    if (before !== undefined) {
      issue(r.columns.item, r.item, `与第${before}行重复：同一地区的同一项只能录入一次`);
      continue;
    }
    seen.set(key, r.row);
    const item = scheme.items.find((i) => i.name === r.item);
    if (r.value === 'veto' && item?.rule.kind !== 'veto') {
      issue(r.columns.value, '否决', `「${r.item}」不是一票否决项，分值应为数字`);
      continue;
    }
    const map = out.inputs.get(r.item) ?? new Map<string, InputValue>();
    map.set(region.code, r.value);
    out.inputs.set(r.item, map);
    if (r.note) {
      const notes = out.notes.get(r.item) ?? new Map<string, string>();
      notes.set(region.code, r.note);
      out.notes.set(r.item, notes);
    }
  }
  if (issues.length > 0) throw new ImportError(issues.slice(0, 100));
  // A veto item with no rows means nobody was vetoed, a sourced item reads its figures itself; any other input item
  // with none is a slip (a misspelt 项目).
  const needless = new Set(scheme.items.filter((i) => i.rule.kind === 'veto' || i.source).map((i) => i.name));
  const empty = [...inputItems].filter((name) => !out.inputs.has(name) && !needless.has(name));
  if (empty.length > 0)
    throw new TiaoduError(
      'assess.inputs',
      `录入文件 ${file} 中没有录入项「${empty.join('」「')}」的任何一行：请按「地区,项目,分值」给出各地的分值`,
    );
  return out;
}

/**
 * Adds the figures of sourced items to the inputs, each kept (when published) as entered by `system: 重点项目`.
 * A row entered by hand for the same item and region wins over the source: the office enters one only to correct
 * or replace a figure it knows the register has wrong or late, and its explanation then says 手工录入.
 */
function withSourced(scheme: Scheme, inputs: Inputs, sourced: Map<string, Map<string, SourcedFigure>>): void {
  for (const item of scheme.items) {
    const figures = sourced.get(item.name);
    if (!item.source || !figures) continue;
    const label = sourceLabel(item.source);
    const given = inputs.inputs.get(item.name) ?? new Map<string, InputValue>();
    const origins = new Map<string, string>();
    for (const [code, f] of figures) {
      if (given.has(code)) origins.set(code, '手工录入');
      else if (f.value === null) origins.set(code, `${label}无数据（${f.why}）`);
      else {
        given.set(code, f.value);
        origins.set(code, `取自${label}`);
        inputs.stored.push({
          regionCode: code,
          item: item.name,
          value: f.value,
          note: `取自${label}`,
          by: SOURCE_USER,
        });
      }
    }
    inputs.inputs.set(item.name, given);
    inputs.origins.set(item.name, origins);
  }
}

/**
 * Scores a scheme at a period (`period` overrides the scheme's) with the inputs file, when the scheme has input items.
 * @example const run = await runAssessment(db, { scheme: JSON.parse(text), inputs: 'inputs.csv', period: '2025-06' });
 */
export async function runAssessment(
  db: Db,
  options: { scheme: unknown; inputs?: InputsSource; period?: string },
): Promise<AssessmentRun> {
  const scheme = readScheme(options.scheme, await listIndicators(db));
  const period = options.period ?? scheme.period;
  if (!period) throw new TiaoduError('usage', '方案没有 period，请用 --period YYYY-MM 指定考核期');
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) throw new TiaoduError('usage', `考核期应为 YYYY-MM，收到「${period}」`);
  const [year, month] = [Number(m[1]), Number(m[2])];
  const { parent, groups } = await assessGroups(db, scheme);
  const inputNames = scheme.items
    .filter((i) => i.input && i.rule.kind !== 'veto' && !i.source)
    .map((i) => i.name);
  let inputs = noInputs();
  const source = options.inputs === undefined ? null : await inputsText(options.inputs);
  if (source) {
    const file = source.file;
    const rows = readAssessInputs(source.bytes, file);
    inputs = await matchInputs(db, scheme, groups, rows, file);
  } else if (inputNames.length > 0)
    throw new TiaoduError(
      'assess.inputs',
      `方案有录入项「${inputNames.join('」「')}」，请用 --inputs 给出录入文件（地区,项目,分值）`,
    );
  withSourced(scheme, inputs, await assessSourced(db, scheme, groups, year, month));
  const stats = await assessStats(db, scheme, groups, year, month);
  const before = await publishedRun(db, scheme.name, year, month, true);
  const rows = withMovement(assess(scheme, { groups, stats, ...inputs }), before?.rows ?? null);
  return {
    scheme,
    raw: options.scheme,
    parent,
    period,
    year,
    month,
    groups,
    rows,
    inputs: inputs.stored,
    inputsFile: source?.file ?? null,
    before: before?.period ?? null,
  };
}

/**
 * Scores and publishes (亮晒) in one go: the scheme version is frozen and the inputs kept with who entered them.
 * @example const { run, published } = await publishAssessment(db, { scheme, inputs: 'inputs.csv', user: 'cli' });
 */
export async function publishAssessment(
  db: Db,
  options: { scheme: unknown; inputs?: InputsSource; period?: string; user: string },
): Promise<{ run: AssessmentRun; published: PublishedRun }> {
  const run = await runAssessment(db, options);
  const published = await publishRun(db, {
    schemeName: run.scheme.name,
    body: run.raw,
    year: run.year,
    month: run.month,
    parentCode: run.parent.code,
    rows: run.rows,
    inputs: run.inputs,
    file: run.inputsFile,
    user: options.user,
  });
  return { run, published };
}
