// Review over the API (审核): list submissions in scope, approve or return them, publish a period, and the
// deployment settings. Reporters see their region's submissions; reviewing and publishing are the task force's.
// Roles, validation and the declared region scope are checked by implement() before a handler runs.
import { Hono } from 'hono';
import { review } from '../contract/index.ts';
import type { Db } from '../store/db.ts';
import {
  getSettings,
  listSubmissions,
  periodStatus,
  publishPeriod,
  requireIndicator,
  reviewSubmissions,
  type Submission,
  setSettings,
} from '../store/index.ts';
import type { AuthEnv, User } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

/** Whether this user may approve or return the submission: an analyst or admin of a level above its region. */
const canReview = (user: User, s: Submission) =>
  (user.role === 'analyst' || user.role === 'admin') &&
  (user.regionCode === null || user.regionCode !== s.regionCode);

export function reviewRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);

  // No region asked: the user's own scope.
  implement(api, review.submissions, async ({ user, query, region }) => {
    const rows = await listSubmissions(db, {
      under: region?.code ?? user.regionCode,
      status: query.status,
      ...(query.period ? periodOf(query.period) : {}),
      indicatorCode: query.indicator ? (await requireIndicator(db, query.indicator)).code : undefined,
      limit: query.limit,
    });
    // Listed rows lie in the user's subtree, so any region but his own is strictly below him.
    return rows.map((s) => ({ ...s, canReview: canReview(user, s) }));
  });

  // Each submission must be reviewed from the level above its own region: reviewSubmissions checks it per row.
  implement(api, review.reviewSubmissions, async ({ user, body }) => {
    const rows = await reviewSubmissions(db, body.ids, body.decision, user, body.reason);
    return rows.map((s) => ({ ...s, canReview: canReview(user, s) }));
  });

  implement(api, review.periodStatus, async ({ query, region }) => {
    const { year, month } = periodOf(query.period);
    return periodStatus(db, region.code, year, month);
  });

  implement(api, review.publishPeriod, async ({ user, body, region }) => {
    const { year, month } = periodOf(body.period);
    return publishPeriod(db, region.code, year, month, user.name);
  });

  implement(api, review.settings, async () => getSettings(db));

  implement(api, review.putSettings, async ({ user, body }) => setSettings(db, body, user.name));

  return api;
}
