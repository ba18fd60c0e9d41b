// Saved versions of a briefing: GET /api/briefing/versions lists them (who saved, when, which paragraphs, before
// and after), POST /api/briefing/versions saves the analyst's edited paragraphs as the next version. Reading
// is for whoever may see the region; saving for its analysts and administrators (or those above it): both
// declared in the contract. GET /api/briefing?version=N|latest|0 exports a version's text (store `withVersion`).
import { Hono } from 'hono';
import { briefingVersions, saveBriefingVersion as saveRoute } from '../contract/overview.ts';
import type { Db } from '../store/db.ts';
import { briefing, listBriefingVersions, saveBriefingVersion } from '../store/index.ts';
import { type AuthEnv, seesPeerFigures } from './auth.ts';
import { briefingDay } from './briefing.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

export function briefingVersionRoutes(db: Db, clock?: () => Date): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);

  implement(api, briefingVersions, async ({ user, query, region }) => {
    const peers = await seesPeerFigures(db, user);
    const { year, month } = periodOf(query.period);
    const versions = await listBriefingVersions(db, region.code, year, month);
    // A change that states the parent's growth is listed (who, when, where) without its text for those who
    // may not see peers' figures.
    return versions.map(({ edits: _, ...v }) => ({
      ...v,
      changes: v.changes.map((ch) =>
        ch.peers && !peers ? { ...ch, before: null, after: null, removed: [] } : ch,
      ),
    }));
  });

  implement(api, saveRoute, async ({ user, body, region }) => {
    const { year, month } = periodOf(body.period);
    // Checked against the briefing as the saver sees it, so no edit states a figure he may not see.
    const generated = await briefing(db, region, year, month, {
      parentFigures: await seesPeerFigures(db, user),
      today: briefingDay(clock),
    });
    const saved = await saveBriefingVersion(db, generated, {
      base: body.base,
      edits: body.edits,
      note: body.note ?? null,
      user: user.name,
    });
    const { edits: _, ...v } = saved;
    return v;
  });

  return api;
}
