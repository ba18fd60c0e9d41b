// GET /api/audit: the audit log for administrators, a scoped one seeing only his regions and their accounts.
import { Hono } from 'hono';
import { admin } from '../contract/index.ts';
import type { Db } from '../store/db.ts';
import { listAudit, startOfDay } from '../store/index.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';

export function auditRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  // A scoped administrator's view is narrowed by listAudit (scope), not refused.
  implementer(db)(api, admin.audit, async ({ user, query: q }) => {
    const events = await listAudit(db, {
      since: q.since ? startOfDay(q.since) : undefined,
      until: q.until ? startOfDay(q.until, 1) : undefined,
      user: q.user,
      action: q.action,
      scope: user.regionCode,
      limit: q.limit,
    });
    return events;
  });
  return api;
}
