// GET /api/briefing: the briefing of a region in the user's scope, as JSON or a DOCX, XLSX or HTML file — the
// text of its latest saved version unless another is asked (version=0: as generated).
import { Hono } from 'hono';
import { briefing } from '../contract/overview.ts';
import { parseDay } from '../core/period.ts';
import { renderBriefing } from '../reports/briefing/index.ts';
import type { Db } from '../store/db.ts';
import { briefing as readBriefing, withVersion } from '../store/index.ts';
import { type AuthEnv, seesPeerFigures } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

/** The day the briefing's supervision figures are read on: TIAODU_TODAY, as for the task list, else the clock. */
export function briefingDay(clock: () => Date = () => new Date()): string {
  const given = process.env.TIAODU_TODAY;
  return given && parseDay(given) ? given.trim() : clock().toISOString().slice(0, 10);
}

export function briefingRoutes(db: Db, clock?: () => Date): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  // A district user gets its own briefing (and its towns'), never a neighbour's or the city's: the declared scope.
  implement(api, briefing, async ({ user, query, region, c }) => {
    // The parent's growth is another region's figure: as on the overview, for those who may see peers'.
    const parentFigures = await seesPeerFigures(db, user);
    const { year, month } = periodOf(query.period);
    const generated = await readBriefing(db, region, year, month, {
      parentFigures,
      today: briefingDay(clock),
    });
    const b = await withVersion(db, generated, query.version, parentFigures);
    if (query.format === 'json') return b;
    const file = await renderBriefing(b, query.format);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.type,
      // The printable page opens in the browser; the Word and Excel files download.
      'content-disposition': `${query.format === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
  return api;
}
