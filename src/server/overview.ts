// GET /api/overview: the region–period overview (the cockpit's read model), for a region in the user's scope.
import { Hono } from 'hono';
import { overview } from '../contract/overview.ts';
import { withoutExplanations } from '../core/overview.ts';
import type { Db } from '../store/db.ts';
import { overview as readOverview } from '../store/index.ts';
import { type AuthEnv, seesPeerFigures } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

export function overviewRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  implement(api, overview, async ({ user, query, region }) => {
    // The parent's growth is another region's figure: shown to those who may see peers' figures
    // (league.peerFigures). Ranks among the siblings are shown to all, as league rows carry theirs.
    const parentFigures = await seesPeerFigures(db, user);
    const { year, month } = periodOf(query.period);
    const o = await readOverview(db, region, year, month, { parentFigures });
    const explain = query.explain === '1' || query.explain === 'true';
    return explain ? o : withoutExplanations(o);
  });
  return api;
}
