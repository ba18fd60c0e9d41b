// 开工以来累计完成投资 and its share of 总投资 (占总投资比例). A monthly report says 本年累计 — the year so far — so
// the figure since the start adds each earlier year's final 本年累计 to this year's at the period.
import { percent, round2 } from './numbers.ts';
import type { ProjectReport } from './types.ts';

/** The period read at (as rows.ts's PeriodAt; named here so the two files do not import each other). */
interface At {
  year: number;
  month: number;
}

export interface SinceStart {
  /** 开工以来累计完成投资（万元）, 2 decimals. */
  sinceStart: number;
  /** sinceStart ÷ 总投资 × 100, 2 decimals; null without a 总投资 (or one of 0). */
  shareOfTotal: number | null;
}

/**
 * Since the start at a period: for every year before the period's, that year's last report (December, or its
 * latest month when December is missing); for the period's year, the latest report at or before its month.
 * Reports after the period count nothing.
 * @example sinceStart([2023-12: 3000, 2024-10: 5000, 2025-06: 2000], { year: 2025, month: 6 }, 40000)
 *   // { sinceStart: 10000, shareOfTotal: 25 }
 */
export function sinceStart(
  reports: readonly Pick<ProjectReport, 'year' | 'month' | 'done'>[],
  at: At,
  totalInvestment: number | null,
): SinceStart {
  const lastOfYear = new Map<number, { month: number; done: number }>();
  for (const r of reports) {
    if (r.year > at.year || (r.year === at.year && r.month > at.month)) continue;
    const best = lastOfYear.get(r.year);
    if (!best || r.month > best.month) lastOfYear.set(r.year, r);
  }
  let sum = 0;
  for (const r of lastOfYear.values()) sum += r.done;
  const total = round2(sum);
  return {
    sinceStart: total,
    shareOfTotal: totalInvestment === null || totalInvestment <= 0 ? null : percent(sum, totalInvestment),
  };
}
