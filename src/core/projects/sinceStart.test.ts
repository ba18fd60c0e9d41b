// 开工以来累计完成投资 and 占总投资比例: earlier years' final 本年累计 plus this year's, worked by hand.
import { describe, expect, it } from 'vitest';
import { projectRow, sinceStart } from './index.ts';
import { monthReport } from './testing.ts';
import type { Project } from './types.ts';

const JUNE = { year: 2025, month: 6 };
const report = (year: number, month: number, done: number) => monthReport('P1', year, month, done);
/** 2023 ends with December 3000; 2024 was reported up to October (5000); 2025 has 2000 by June, 2600 in July. */
const REPORTS = [
  report(2023, 6, 1500),
  report(2023, 12, 3000),
  report(2024, 3, 1000),
  report(2024, 10, 5000),
  report(2025, 5, 1800),
  report(2025, 6, 2000),
  report(2025, 7, 2600),
];

describe('cumulative investment since the start', () => {
  it('adds each earlier year’s last report to this year’s at the period: 3000 + 5000 + 2000', () => {
    expect(sinceStart(REPORTS, JUNE, 40000)).toEqual({ sinceStart: 10000, shareOfTotal: 25 });
  });

  it('counts no report after the period, and only earlier years before this year’s first report', () => {
    // January 2025 has no report: 3000 + 5000 = 8000 of 40000 is 20 %.
    expect(sinceStart(REPORTS, { year: 2025, month: 1 }, 40000)).toEqual({
      sinceStart: 8000,
      shareOfTotal: 20,
    });
    // At 2024-06 the year's latest is March's 1000, and 2025 does not count: 3000 + 1000.
    expect(sinceStart(REPORTS, { year: 2024, month: 6 }, 40000).sinceStart).toBe(4000);
  });

  it('gives no share without a total investment, and a share with 2 decimals otherwise', () => {
    expect(sinceStart(REPORTS, JUNE, null)).toEqual({ sinceStart: 10000, shareOfTotal: null });
    expect(sinceStart(REPORTS, JUNE, 0).shareOfTotal).toBeNull();
    // 10000 ÷ 30000 = 33.333… %.
    expect(sinceStart(REPORTS, JUNE, 30000).shareOfTotal).toBe(33.33);
    expect(sinceStart([], JUNE, 30000)).toEqual({ sinceStart: 0, shareOfTotal: 0 });
  });

  it('puts both on the project’s list row while this year’s figures ignore the earlier years', () => {
    const p: Project = {
      code: 'P1',
      name: '示例项目',
      regionCode: '330106',
      region: '西湖区',
      unit: null,
      leader: null,
      level: '市重点',
      type: '产业',
      nature: '续建',
      totalInvestment: 40000,
      annualPlan: 4000,
      plannedStart: '2023-03-31',
      actualStart: '2023-03-10',
      plannedFinish: '2026-12-31',
      actualFinish: null,
      libraryDate: '2023-04-30',
    };
    const row = projectRow(p, REPORTS, JUNE);
    // 2000 of 4000 is 50 %, the time progress of June: green; since the start 10000 of 40000.
    expect(row).toMatchObject({ done: 2000, rate: 50, lag: 0, light: 'green' });
    expect(row).toMatchObject({ sinceStart: 10000, shareOfTotal: 25 });
    expect(projectRow({ ...p, totalInvestment: null }, REPORTS, JUNE).shareOfTotal).toBeNull();
  });
});
