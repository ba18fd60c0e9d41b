// GET /api/briefing: the briefing of a region in the user's scope, as JSON or a DOCX, XLSX or HTML file.
import { Hono } from 'hono';
import { z } from 'zod';
import { renderBriefing } from '../reports/briefing/index.ts';
import type { Db } from '../store/db.ts';
import { briefing, requireRegion, withVersion } from '../store/index.ts';
import { type AuthEnv, assertInScope } from './auth.ts';
import { peersFor, versionParam } from './briefingVersions.ts';
import { periodOf, progressQuery, validate } from './schemas.ts';

const briefingQuery = progressQuery.extend({
  format: z.enum(['json', 'docx', 'xlsx', 'html']).default('json'),
  version: versionParam,
});

export function briefingRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  api.get('/briefing', async (c) => {
    const user = c.get('user');
    const q = validate(briefingQuery, c.req.query());
    const region = await requireRegion(db, q.region);
    // A district user gets its own briefing (and its towns'), never a neighbour's or the city's.
    await assertInScope(db, user, region.code);
    // The parent's growth is another region's figure: as on the overview, for those who may see peers'.
    const parentFigures = await peersFor(db, user);
    const { year, month } = periodOf(q.period);
    // The text of the saved version asked (the latest by default), the generated text for version=0.
    const b = await withVersion(
      db,
      await briefing(db, region, year, month, { parentFigures }),
      q.version,
      parentFigures,
    );
    if (q.format === 'json') return c.json(b);
    const file = await renderBriefing(b, q.format);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.type,
      // The printable page opens in the browser; the Word and Excel files download.
      'content-disposition': `${q.format === 'html' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
  return api;
}
