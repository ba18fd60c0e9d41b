// The key project routes: the list, rates, 三未 lists, one project's page and the progress notice of a region's
// subtree within the user's scope (the implementer checks it), the same figures as the CLI; and the monthly
// update by a reporter with photos, approved or returned by the city (projectUpdates in the store).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { leadRates, projectList, projectPage, projectRates } from '../contract/projects.ts';
import * as contract from '../contract/projectUpdates.ts';
import { TiaoduError } from '../core/errors.ts';
import { boardPage } from '../core/projects/board.ts';
import { problemCounts } from '../core/projects/problems.ts';
import type { Db } from '../store/db.ts';
import {
  leaderNameOf,
  leadRatesAt,
  photoUnder,
  projectHistory,
  projectMonths,
  projectNoticeAt,
  projectProblems,
  projectUpdates,
  requireProjectUnder,
  reviewProjectUpdates,
  savePhoto,
  submitProjectUpdate,
} from '../store/index.ts';
import type { ProjectUpdate } from '../store/projectUpdates.ts';
import { listRows } from '../store/projectViews.ts';
import type { AuthEnv, User } from './auth.ts';
import { implementer } from './implement.ts';
import type { ReadModels } from './projectReadModel.ts';

const NONE = { open: 0, overdue: 0 };

import { periodOf } from './schemas.ts';
import { taskToday } from './supervision.ts';
import { uploadName } from './upload.ts';

const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const PHOTO_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};
const photoLimit = bodyLimit({
  maxSize: MAX_PHOTO_BYTES,
  onError: (c) =>
    c.json(
      { error: { code: 'request.too_large', message: `文件过大：上限 ${MAX_PHOTO_BYTES / 1024 / 1024} MB` } },
      413,
    ),
});

/** The image type by the file's first bytes: a photo is what it is, whatever its name says. */
function imageType(b: Uint8Array): string | null {
  if (b[0] === 0xff && b[1] === 0xd8) return PHOTO_TYPES.jpg as string;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return PHOTO_TYPES.png as string;
  if (b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return PHOTO_TYPES.webp as string;
  return null;
}

/**
 * Marks what this user may approve or return: a waiting update of a region below the user's own (the lists are
 * already within the user's scope, so "not the own region" is "below"); the store checks it again on review.
 */
const reviewable = (user: User, us: ProjectUpdate[]) =>
  us.map((u) => ({
    ...u,
    canReview:
      (user.role === 'analyst' || user.role === 'admin') &&
      u.status === 'submitted' &&
      (user.regionCode === null || user.regionCode !== u.regionCode),
  }));

/**
 * `read`: the board's read models (projectReadModel.ts), kept by the app; `clock`: the day the notice counts
 * overdue problems on.
 */
export function projectRoutes(db: Db, read: ReadModels, clock: () => Date = () => new Date()): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  const today = taskToday(clock);
  implement(api, projectList, async ({ query, region }) =>
    (await read(region.code, periodOf(query.period))).rows(),
  );
  implement(api, projectRates, async ({ query, region }) =>
    (await read(region.code, periodOf(query.period))).rates(),
  );
  implement(api, leadRates, ({ query, region }) => leadRatesAt(db, region.code, periodOf(query.period)));
  implement(api, contract.threeNotsList, async ({ query, region }) =>
    (await read(region.code, periodOf(query.period))).nots(),
  );
  implement(api, projectPage, async ({ user, query, region }) => {
    const [model, problems, leader] = await Promise.all([
      read(region.code, periodOf(query.period)),
      projectProblems(db, region.code),
      query.mine === '1' ? leaderNameOf(db, user.name) : undefined,
    ]);
    const counted = problemCounts(problems, today());
    const page = boardPage(
      model.items,
      {
        light: query.light,
        level: query.level || undefined,
        type: query.type || undefined,
        area: query.area || undefined,
        search: query.q?.trim() || undefined,
        overdue: query.overdue === '1',
        leader,
        sort: query.sort,
        descending: query.order === 'descend',
        offset: query.offset,
        limit: query.limit,
      },
      counted,
      (i) => i.row,
      (i) => i.project.leader,
    );
    const lights = { red: 0, yellow: 0, green: 0 };
    for (const { row } of model.items) lights[row.light]++;
    const nots = model.nots();
    return {
      total: page.total,
      rows: listRows(page.items).map((r) => ({ ...r, problems: counted.get(r.code) ?? NONE })),
      counts: {
        all: model.items.length,
        ...lights,
        notStarted: nots.notStarted.length,
        stalled: nots.stalled.length,
        notFinished: nots.notFinished.length,
      },
      choices: model.choices(),
    };
  });

  implement(api, contract.projectNotice, async ({ query, region, c }) => {
    const notice = await projectNoticeAt(db, region, periodOf(query.period), today());
    // The document writers weigh a second to load: only when a notice is asked for.
    const body =
      query.format === 'docx'
        ? await (await import('../reports/projects/docx.ts')).projectNoticeDocx(notice)
        : await (await import('../reports/projects/xlsx.ts')).projectNoticeXlsx(
            notice,
            `${region.name}　${query.period}`,
          );
    const type = contract.projectNotice.responses[200].types[query.format === 'docx' ? 0 : 1] as string;
    const name = `${notice.title}.${query.format}`;
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });

  implement(api, contract.projectDetail, async ({ user, query, region }) => {
    const at = periodOf(query.period);
    const p = await requireProjectUnder(db, region.code, query.code);
    const row = (await read(p.regionCode, at)).rows().find((r) => r.code === p.code);
    if (!row) throw new TiaoduError('project.unknown', `没有项目编号为「${query.code}」的重点项目`);
    const months = (await projectMonths(db, p.code, at.year)).map((m) => ({
      ...m,
      plan: Math.round(((row.annualPlan * m.month) / 12) * 100) / 100,
    }));
    return {
      row,
      months,
      history: await projectHistory(db, p.code),
      updates: reviewable(user, await projectUpdates(db, region.code, { code: p.code })),
    };
  });

  implement(
    api,
    contract.uploadPhoto,
    async ({ user, query, region, c }) => {
      const p = await requireProjectUnder(db, region.code, query.code);
      const body = new Uint8Array(await c.req.arrayBuffer());
      const type = imageType(body);
      if (!type) throw new TiaoduError('validation', '照片应为 JPEG、PNG 或 WEBP 图片');
      const name = uploadName(c.req.header('x-filename'), '照片');
      const id = await savePhoto(db, { code: p.code, name, type, body, user: user.name });
      return { id, name };
    },
    photoLimit,
  );

  implement(api, contract.photo, async ({ params, region, c }) => {
    const f = await photoUnder(db, region.code, params.id);
    return c.body(new Uint8Array(f.body), 200, {
      'content-type': f.type,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    });
  });

  implement(api, contract.submitUpdate, async ({ user, body, region }) => {
    const p = await requireProjectUnder(db, region.code, body.code);
    const at = periodOf(body.period);
    const u = await submitProjectUpdate(
      db,
      { ...body, code: p.code, year: at.year, month: at.month },
      user.name,
    );
    return reviewable(user, [u])[0] as ProjectUpdate & { canReview: boolean };
  });

  implement(api, contract.updates, async ({ user, query, region }) =>
    reviewable(user, await projectUpdates(db, region.code, { status: query.status })),
  );

  implement(api, contract.reviewUpdates, async ({ user, body }) =>
    reviewable(user, await reviewProjectUpdates(db, body.ids, body.decision, body.reason ?? null, user)),
  );
  return api;
}
