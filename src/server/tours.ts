// The inspection tour routes: every route naming a tour checks that the tour's region lies within the user's
// scope (a district's tour: that district and the city), then reads or changes it through the store.
import { Hono } from 'hono';
import * as contract from '../contract/tours.ts';
import type { Db } from '../store/db.ts';
import {
  closeTour,
  createTour,
  enterTourScore,
  listTours,
  requireTour,
  setTourJudges,
  setTourProjects,
  type Tour,
  tourDetail,
  tourNoticeOf,
  tourResults,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, type User } from './auth.ts';
import { implementer } from './implement.ts';

export function tourRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  /** The tour, refused (403) when run outside the user's scope. */
  const visible = async (user: User, id: number): Promise<Tour> => {
    const tour = await requireTour(db, id);
    await assertInScope(db, user, tour.regionCode);
    return tour;
  };

  implement(api, contract.tourList, ({ user }) => listTours(db, user.regionCode));
  implement(api, contract.tourCreate, ({ user, body, region }) =>
    createTour(db, { name: body.name, date: body.date, regionCode: region.code }, user.name),
  );
  implement(api, contract.tourGet, async ({ user, params }) => {
    await visible(user, params.id);
    return tourDetail(db, params.id);
  });
  implement(api, contract.tourProjects, async ({ user, params, body }) => {
    await visible(user, params.id);
    return setTourProjects(db, params.id, body.codes, user.name);
  });
  implement(api, contract.tourJudges, async ({ user, params, body }) => {
    await visible(user, params.id);
    return setTourJudges(db, params.id, body.judges, user.name);
  });
  implement(api, contract.tourScore, async ({ user, params, body }) => {
    await visible(user, params.id);
    await enterTourScore(
      db,
      params.id,
      { projectCode: body.project, judge: body.judge, score: body.score },
      user,
    );
    return tourResults(db, params.id);
  });
  implement(api, contract.tourResults, async ({ user, params }) => {
    await visible(user, params.id);
    return tourResults(db, params.id);
  });
  implement(api, contract.tourClose, async ({ user, params }) => {
    await visible(user, params.id);
    return closeTour(db, params.id, user.name);
  });
  implement(api, contract.tourNotice, async ({ user, params, query, c }) => {
    await visible(user, params.id);
    const notice = await tourNoticeOf(db, params.id);
    // The document writers weigh a second to load: only when a notice is asked for.
    const body =
      query.format === 'docx'
        ? await (await import('../reports/tours/docx.ts')).tourNoticeDocx(notice)
        : await (await import('../reports/tours/xlsx.ts')).tourNoticeXlsx(notice);
    const type = contract.tourNotice.responses[200].types[query.format === 'docx' ? 0 : 1] as string;
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${notice.title}.${query.format}`)}`,
    });
  });
  return api;
}
