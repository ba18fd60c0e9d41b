// What the file importers produce: rows as written in the file, with the cell each came from, or issues.

// The shapes the store also reads live in the core (core/imports.ts); re-exported for the intake's own files.
import { ImportError } from '../core/imports.ts';

export {
  type CellRef,
  formatIssue,
  ImportError,
  type ImportIssue,
  type ParsedFile,
  type ParsedRow,
  type ParsedTarget,
} from '../core/imports.ts';

/**
 * Codes of issues about the whole file rather than one cell; every other issue names a row ≥ 1 and a column.
 * format: not a file the importers know (or a damaged XLSX); encoding: neither UTF-8 nor GBK;
 * truncated: the file ends before its last row does; empty: no data rows.
 */
export const FILE_ISSUE_CODES = ['format', 'encoding', 'truncated', 'empty'] as const;
export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number];

/** A refusal of the whole file, with the row when one is known. */
export function fileError(
  file: string,
  code: FileIssueCode,
  expected: string,
  row = 0,
  column = '',
): ImportError {
  return new ImportError([{ file, row, column, value: '', expected, code, message: expected }]);
}

export type FileFormat =
  | 'nbs-monthly'
  | 'nbs-annual'
  | 'nbs-quarterly'
  | 'long-csv'
  | 'long-xlsx'
  | 'wide-report-csv'
  | 'wide-report-xlsx';

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** No statistic reaches 10¹⁵ in any unit; a larger figure is a typo or an overflow, never data. */
export const MAX_MAGNITUDE = 1e15;

/**
 * A number as statistics files write it: '1,234.5', '-3.2', '１２．５'; blank → null; anything else → undefined,
 * including numbers that overflow (1e400), are not finite, or reach `MAX_MAGNITUDE`.
 */
export function parseNumber(raw: string): number | null | undefined {
  const t = raw
    .trim()
    .replace(/[\uff10-\uff19\uff0e\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  // Commas only as thousands separators: '1,234.5' is a number, '11,1.25' is two numbers run together.
  if (t.includes(',') && !/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return undefined;
  const s = t.replace(/,/g, '');
  if (s === '' || s === '-' || s === '—' || s === '…') return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) < MAX_MAGNITUDE ? n : undefined;
}

/** What a cell that `parseNumber` refused should hold, in words for the user. */
export function numberExpected(raw: string, what = '数字'): string {
  const s = raw.trim().replace(/,/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf(inity)?|nan)$/i.test(s))
    return `数值超出范围：应为绝对值小于 10的15次方（1e15）的有限数`;
  return `应为${what}`;
}

/** Statistics start with the People's Republic; a year outside 1949–2100 is a typo. */
export const validPeriod = (year: number, month: number): boolean =>
  Number.isInteger(year) &&
  year >= 1949 &&
  year <= 2100 &&
  Number.isInteger(month) &&
  month >= 1 &&
  month <= 12;
