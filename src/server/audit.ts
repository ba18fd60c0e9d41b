// GET /api/audit: the audit log for administrators, a scoped one seeing only his regions and their accounts.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import { listAudit, parseDay, startOfDay } from '../store/index.ts';
import { type AuthEnv, requireRole } from './auth.ts';
import { validate } from './schemas.ts';

const day = z.string().refine((s) => parseDay(s) !== null, '应为有效日期 YYYY-MM-DD');

export const auditQuery = z.object({
  since: day.optional(),
  until: day.optional(),
  user: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export function auditRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  api.get('/audit', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin']);
    const q = validate(auditQuery, c.req.query());
    const events = await listAudit(db, {
      since: q.since ? startOfDay(q.since) : undefined,
      until: q.until ? startOfDay(q.until, 1) : undefined,
      user: q.user,
      action: q.action,
      scope: user.regionCode,
      limit: q.limit,
    });
    return c.json(events);
  });
  return api;
}
