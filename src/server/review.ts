// Review over the API (审核): list submissions in scope, approve or return them, publish a period, and the
// deployment settings. Reporters see their region's submissions; reviewing and publishing are the task force's.
import { Hono } from 'hono';
import { z } from 'zod';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import {
  getSettings,
  listSubmissions,
  periodStatus,
  publishPeriod,
  requireIndicator,
  requireRegion,
  reviewSubmissions,
  type Submission,
  setSettings,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, requireRole, type User } from './auth.ts';
import { periodOf, progressQuery, validate } from './schemas.ts';

const period = progressQuery.shape.period;

export const submissionsQuery = z.object({
  status: z.enum(['submitted', 'approved', 'returned', 'published', 'superseded', 'open']).optional(),
  period: period.optional(),
  region: z.string().min(1).optional(),
  indicator: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export const reviewBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1, '至少选择一条').max(5000),
    decision: z.enum(['approve', 'return']),
    reason: z.string().max(500).optional(),
  })
  .refine((b) => b.decision === 'approve' || !!b.reason?.trim(), {
    path: ['reason'],
    message: '退回须填写原因',
  });

export const publishBody = z.object({ region: z.string().min(1), period });

const periodQuery = z.object({ region: z.string().min(1), period });

/** Only a city-wide administrator changes how the whole deployment behaves. */
function requireCityAdmin(user: User): void {
  requireRole(user, ['admin']);
  if (user.regionCode !== null)
    throw new TiaoduError('forbidden', '只有全市范围的管理员可以查看和修改系统设置');
}

/** The region a request is about, checked against the user's scope; none asked = the user's own scope. */
async function scopeOf(db: Db, user: User, asked: string | undefined): Promise<string | null> {
  if (!asked) return user.regionCode;
  const region = await requireRegion(db, asked);
  await assertInScope(db, user, region.code);
  return region.code;
}

/** Whether this user may approve or return the submission: an analyst or admin of a level above its region. */
const canReview = (user: User, s: Submission) =>
  (user.role === 'analyst' || user.role === 'admin') &&
  (user.regionCode === null || user.regionCode !== s.regionCode);

export function reviewRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();

  api.get('/submissions', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst', 'reporter']);
    const q = validate(submissionsQuery, c.req.query());
    const under = await scopeOf(db, user, q.region);
    const rows = await listSubmissions(db, {
      under,
      status: q.status,
      ...(q.period ? periodOf(q.period) : {}),
      indicatorCode: q.indicator ? (await requireIndicator(db, q.indicator)).code : undefined,
      limit: q.limit,
    });
    // Listed rows lie in the user's subtree, so any region but his own is strictly below him.
    return c.json(rows.map((s) => ({ ...s, canReview: canReview(user, s) })));
  });

  api.post('/submissions/review', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const b = validate(reviewBody, await c.req.json().catch(() => undefined));
    const rows = await reviewSubmissions(db, b.ids, b.decision, user, b.reason);
    return c.json(rows.map((s) => ({ ...s, canReview: canReview(user, s) })));
  });

  api.get('/periods/status', async (c) => {
    const q = validate(periodQuery, c.req.query());
    const region = await scopeOf(db, c.get('user'), q.region);
    const { year, month } = periodOf(q.period);
    return c.json(await periodStatus(db, region as string, year, month));
  });

  api.post('/periods/publish', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const b = validate(publishBody, await c.req.json().catch(() => undefined));
    const region = (await scopeOf(db, user, b.region)) as string;
    const { year, month } = periodOf(b.period);
    return c.json(await publishPeriod(db, region, year, month, user.name));
  });

  api.get('/settings', async (c) => {
    requireCityAdmin(c.get('user'));
    return c.json(await getSettings(db));
  });

  api.put('/settings', async (c) => {
    const user = c.get('user');
    requireCityAdmin(user);
    const body = await c.req.json().catch(() => undefined);
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new TiaoduError('validation', '参数错误 — 请求体：应为 { 设置项: 值 } 形式的对象');
    return c.json(await setSettings(db, body as Record<string, unknown>, user.name));
  });

  return api;
}
