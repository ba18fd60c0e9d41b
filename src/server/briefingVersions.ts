// Saved versions of a briefing: GET /api/briefing/versions lists them (who saved, when, which paragraphs, before
// and after), POST /api/briefing/versions saves the analyst's edited paragraphs as the next version. Reading
// is for whoever may see the region; saving for its analysts and administrators (or those above it).
// GET /api/briefing?version=N|latest|0 exports a version's text (the store's `withVersion`).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import {
  briefing,
  listBriefingVersions,
  maySeePeerFigures,
  requireRegion,
  saveBriefingVersion,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, requireRole, type User } from './auth.ts';
import { periodOf, progressQuery, validate } from './schemas.ts';

/** Which version GET /api/briefing shows: `latest` (the default), a number, or 0 for the generated text. */
export const versionParam = z
  .union([z.literal('latest'), z.coerce.number().int().min(0).max(1_000_000)])
  .default('latest');

const versionsQuery = progressQuery.pick({ region: true, period: true });

const saveBody = z.object({
  region: z.string().min(1),
  period: z.string().regex(/^\d{4}-\d{2}$/, '应为 YYYY-MM'),
  /** The version the editor started from; 0 = the generated text. */
  base: z.number().int().min(0),
  edits: z
    .array(z.object({ section: z.string().min(1), index: z.number().int().min(0), text: z.string() }))
    .max(500),
  note: z.string().max(200).nullable().optional(),
});

/** Whether the user sees the parent's growth (league.peerFigures): the briefing is generated accordingly. */
export async function peersFor(db: Db, user: User): Promise<boolean> {
  return user.regionCode === null || (await maySeePeerFigures(db, user.role));
}

export function briefingVersionRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();

  api.get('/briefing/versions', async (c) => {
    const user = c.get('user');
    const q = validate(versionsQuery, c.req.query());
    const region = await requireRegion(db, q.region);
    await assertInScope(db, user, region.code);
    const peers = await peersFor(db, user);
    const { year, month } = periodOf(q.period);
    const versions = await listBriefingVersions(db, region.code, year, month);
    // A change that states the parent's growth is listed (who, when, where) without its text for those who
    // may not see peers' figures.
    return c.json(
      versions.map(({ edits: _, ...v }) => ({
        ...v,
        changes: v.changes.map((ch) =>
          ch.peers && !peers ? { ...ch, before: null, after: null, removed: [] } : ch,
        ),
      })),
    );
  });

  api.post('/briefing/versions', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const body = validate(saveBody, await c.req.json().catch(() => undefined));
    const region = await requireRegion(db, body.region);
    await assertInScope(db, user, region.code);
    const { year, month } = periodOf(body.period);
    // Checked against the briefing as the saver sees it, so no edit states a figure he may not see.
    const generated = await briefing(db, region, year, month, { parentFigures: await peersFor(db, user) });
    const saved = await saveBriefingVersion(db, generated, {
      base: body.base,
      edits: body.edits,
      note: body.note ?? null,
      user: user.name,
    });
    const { edits: _, ...v } = saved;
    return c.json(v, 201);
  });

  return api;
}
