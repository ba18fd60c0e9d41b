// GET /api/overview: the region–period overview (the cockpit's read model), for a region in the user's scope.
import { Hono } from 'hono';
import type { Db } from '../store/db.ts';
import { maySeePeerFigures, overview, requireRegion } from '../store/index.ts';
import { type AuthEnv, assertInScope } from './auth.ts';
import { periodOf, progressQuery, validate } from './schemas.ts';

export function overviewRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  api.get('/overview', async (c) => {
    const user = c.get('user');
    const q = validate(progressQuery, c.req.query());
    const region = await requireRegion(db, q.region);
    await assertInScope(db, user, region.code);
    // The parent's growth is another region's figure: shown to those who may see peers' figures
    // (league.peerFigures). Ranks among the siblings are shown to all, as league rows carry theirs.
    const parentFigures = user.regionCode === null || (await maySeePeerFigures(db, user.role));
    const { year, month } = periodOf(q.period);
    const o = await overview(db, region, year, month, { parentFigures });
    const explain = q.explain === '1' || q.explain === 'true';
    return c.json(
      explain ? o : { ...o, rows: o.rows.map(({ explain: _, growthExplain: __, ...row }) => row) },
    );
  });
  return api;
}
