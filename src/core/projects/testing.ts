// Fixtures for the project tests: a lead with nothing yet signed or arrived, and one month's report of a
// project; each test sets the fields its hand-worked figures depend on.
import type { ParsedProjectReport } from './parsed.ts';
import type { Lead, ProjectReport } from './types.ts';

/**
 * A lead of 西湖区 (330106) with no unit, industry, contract, dates or funds: `fields` set what a test counts.
 * @example lead({ contract: 30000, signed: '2025-02-10' })
 */
export const lead = (fields: Partial<Lead> = {}): Lead => ({
  code: 'L',
  name: '招商',
  regionCode: '330106',
  region: '西湖区',
  unit: null,
  industry: null,
  contract: 0,
  signed: null,
  registered: null,
  started: null,
  producing: null,
  fundsArrived: 0,
  ...fields,
});

/**
 * A project's report of a month: its 本年累计 `done`, with no progress, problems or coordination written.
 * @example monthReport('P1', 2025, 6, 2000)
 */
export const monthReport = (
  projectCode: string,
  year: number,
  month: number,
  done: number,
): ProjectReport => ({
  projectCode,
  year,
  month,
  done,
  progress: null,
  problems: null,
  coordination: null,
});

/** `monthReport` as a file gives it (line 2). */
export const parsedReport = (
  projectCode: string,
  year: number,
  month: number,
  done: number,
): ParsedProjectReport => ({
  ...monthReport(projectCode, year, month, done),
  at: { line: 2, code: { line: 2, column: 'A' } },
});
