// The investment-attraction reads of a region at a period: the breakdowns by region, industry and unit, the lead
// list with stages and links, and the monthly report — the store reads, the core computes (the same leads and
// rules as `leadRatesAt`, so the totals equal `tiaodu lead rates`).
import {
  type LeadBreakdown,
  type LeadListRow,
  type LeadReport,
  leadBreakdown,
  leadList,
  leadReport,
} from '../core/projects/leadReport.ts';
import type { PeriodAt } from '../core/projects/rows.ts';
import type { Region } from '../core/types.ts';
import type { Db } from './db.ts';
import { leadsUnder } from './leads.ts';
import { childrenOf, listRegions } from './regions.ts';

/** The region's children and which of them a region code lies in (null: the region itself). */
async function areasOf(db: Db, regionCode: string) {
  const children = await childrenOf(db, regionCode);
  const parents = new Map((await listRegions(db)).map((r) => [r.code, r.parentCode]));
  const childCodes = new Set(children.map((c) => c.code));
  const areaOf = (code: string): string | null => {
    for (let c: string | null | undefined = code; c; c = parents.get(c)) if (childCodes.has(c)) return c;
    return null;
  };
  return { areas: children.map((c) => ({ code: c.code, name: c.name })), areaOf };
}

/** The rates with the breakdowns by the regions below (ranked), by industry and by unit. */
export async function leadBreakdownAt(db: Db, regionCode: string, at: PeriodAt): Promise<LeadBreakdown> {
  const { areas, areaOf } = await areasOf(db, regionCode);
  return leadBreakdown(await leadsUnder(db, regionCode), at, areas, areaOf);
}

/** Every lead of the subtree with the stage reached by the period's end and its key project, if any. */
export async function leadListAt(db: Db, regionCode: string, at: PeriodAt): Promise<LeadListRow[]> {
  return leadList(await leadsUnder(db, regionCode), at);
}

/** The monthly attraction report (招商引资月报) of a region. */
export async function leadReportAt(db: Db, region: Region, at: PeriodAt): Promise<LeadReport> {
  const { areas, areaOf } = await areasOf(db, region.code);
  return leadReport(region.name, at, await leadsUnder(db, region.code), areas, areaOf);
}
