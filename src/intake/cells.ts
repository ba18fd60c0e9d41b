// Text cells in files the app writes and reads: formula-like text is neutralised on the way out and restored on the way in.

// Kept where the intake's files import them from; the rule lives in the core, which the reports share.
import { neutraliseFormula } from '../core/cells.ts';

export { neutraliseFormula, unquoteCell } from '../core/cells.ts';

const quoted = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A CSV file as Excel opens it: a BOM so it reads as UTF-8, CRLF line ends (one after the last row too,
 * as every CSV writer does), quotes where needed, formula-like text neutralised.
 */
export function csvFile(rows: string[][]): string {
  return `\ufeff${rows.map((r) => r.map((v) => quoted(neutraliseFormula(v))).join(',')).join('\r\n')}\r\n`;
}
