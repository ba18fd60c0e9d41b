// The briefing of a region and period: the overview (one read model with the cockpit) and the league of the
// region's children by growth for the indicators the sub-region section ranks; the core writes the text.
import { type BriefingInput, buildBriefing, subRegionIndicators } from '../core/briefing/build.ts';
import type { Briefing, BriefingSection } from '../core/briefing/types.ts';
import type { Region } from '../core/types.ts';
import type { Db } from './db.ts';
import { listIndicators } from './indicators.ts';
import { league } from './league.ts';
import { type OverviewOptions, overview } from './overview.ts';

export type { Briefing } from '../core/briefing/types.ts';

export interface BriefingOptions extends OverviewOptions {
  /** Sections other modules fill (projects, tasks). */
  extra?: BriefingSection[];
}

/**
 * @example await briefing(db, xihu, 2025, 6) // { title: '2025年1—6月西湖区经济运行情况分析', sections: […] }
 */
export async function briefing(
  db: Db,
  region: Region,
  year: number,
  month: number,
  options: BriefingOptions = {},
): Promise<Briefing> {
  const o = await overview(db, region, year, month, options);
  const catalogue = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const subRegions: BriefingInput['subRegions'] = [];
  for (const code of subRegionIndicators(o)) {
    const indicator = catalogue.get(code);
    const at = o.rows.find((r) => r.indicator === code)?.dataPeriod;
    if (!indicator || !at) continue;
    const rows = await league(db, {
      indicator,
      year: Number(at.slice(0, 4)),
      month: Number(at.slice(5, 7)),
      by: 'yoy',
      parentCode: region.code,
    });
    subRegions.push({ indicator: code, rows });
  }
  return buildBriefing({ overview: o, level: region.level, subRegions, extra: options.extra });
}
