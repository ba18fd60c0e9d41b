// What a statistics or target file becomes before it meets the database: rows as the file writes them, with
// the cell each came from, and the refusal that names every bad cell. The intake produces these and the store
// consumes them, so they live here, below both.
import type { Comparator, Strength, TargetKind, Trajectory } from './types.ts';

export interface CellRef {
  /** 1-based row number as a spreadsheet shows it. */
  row: number;
  /** Spreadsheet column letter, with the header when it helps: 'D(2019年10月)'. */
  column: string;
}

export interface ParsedRow {
  /** As written in the file (name, alias or code); resolved against the catalogue later. */
  indicator: string;
  /** As written in the file (name or code); resolved against the loaded regions later. */
  region: string;
  year: number;
  month: number;
  value: number | null;
  yoy: number | null;
  monthValue?: number | null;
  monthYoy?: number | null;
  scope?: string;
  forecast?: boolean;
  loc: { indicator: CellRef; region: CellRef; value: CellRef | null; yoy: CellRef | null };
}

/** A statistics file read by the intake: its format and its rows in batches, as they are read. */
export interface ParsedFile {
  format: string;
  rows: AsyncIterable<ParsedRow[]>;
  /** All rows in the file, once known (a parse on a worker thread); null while not. */
  total?: () => number | null;
  /** Ends the reading early (a worker thread's parse); safe to call at any time. */
  close?: () => Promise<void>;
}

/** One row of a target file as written (names not yet resolved). */
export interface ParsedTarget {
  indicator: string;
  region: string;
  year: number;
  kind: TargetKind;
  value: number;
  cmp: Comparator;
  strength: Strength;
  trajectory: Trajectory | null;
  source: string | null;
  row: number;
}

export interface ImportIssue {
  file: string;
  row: number;
  column: string;
  value: string;
  expected: string;
  code: string;
  message: string;
}

export const formatIssue = (i: ImportIssue): string =>
  `文件 ${i.file}${i.row > 0 ? ` 第${i.row}行` : ''}${i.column ? ` 第${i.column}列` : ''}${i.value ? `「${i.value}」` : ''}：${i.expected}`;

/** A refused file: every issue found (capped), and nothing from the file was written. */
export class ImportError extends Error {
  constructor(public readonly issues: ImportIssue[]) {
    super(issues.length > 0 ? formatIssue(issues[0] as ImportIssue) : '导入失败');
    this.name = 'ImportError';
  }
}

/** A 报表's rows that stand for the whole (their region is the common parent of the others). */
export const TOTAL_ROW = /^(合计|总计|全市|全县|全区|全省|全州|全盟|全旗)$/;
