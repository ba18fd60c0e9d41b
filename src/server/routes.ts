// The data routes under /api: each is the contract's route → one store call → the same JSON the CLI prints.
// Roles, validation and the declared region scope are checked by implement() before a handler runs.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { importTargets } from '../app/imports.ts';
import { catalog, figures, targets } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import { makeTarget } from '../core/targets.ts';
import { targetsCsv, targetTemplateCsv } from '../intake/targets.ts';
import { longTemplateCsv, longTemplateXlsx } from '../intake/templates.ts';
import { leagueXlsx } from '../reports/leagueXlsx.ts';
import type { Db } from '../store/db.ts';
import {
  childrenOf,
  latestPeriod,
  league,
  listIndicators,
  previewSeries,
  progress,
  removeTarget,
  requireIndicator,
  requireRegion,
  saveObservation,
  series,
  setTarget,
  submitObservation,
  subRegionFigures,
  targetsFor,
  topRegions,
} from '../store/index.ts';
import { type AuthEnv, requireRole, seesPeerFigures, type User } from './auth.ts';
import { saveIndicatorAs } from './catalogue.ts';
import { checkEntry } from './entry.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';
import { MAX_UPLOAD_BYTES, uploadName, withUploadedFile } from './upload.ts';

/** The CLI leaves out the explanation unless asked (`--explain`); so does the API (`explain=1`). */
function presentRows<T extends { explain?: unknown }>(rows: T[], explain: string | undefined): T[] {
  if (explain === '1' || explain === 'true') return rows;
  return rows.map(({ explain: _, ...row }) => row as T);
}

const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: (c) =>
    c.json(
      { error: { code: 'import.too_large', message: `文件过大：上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` } },
      413,
    ),
});

const download = (type: string, filename: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${filename}"`,
});

/** The routes behind sign-in. `today` fills in the current year where a year is optional. */
export function dataRoutes(db: Db, today: () => Date): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);

  implement(api, catalog.me, async ({ user }) => user);

  implement(api, catalog.indicators, async () => listIndicators(db));

  // Scope and the built-in rules depend on the fields changed: checked in catalogue.ts.
  implement(api, catalog.saveIndicator, async ({ user, body, c }) => {
    const sent = new Set(Object.keys((await c.req.json()) as object));
    return saveIndicatorAs(db, user, body, sent);
  });

  implement(api, catalog.regions, async ({ query }) => {
    if (query.parent) return childrenOf(db, (await requireRegion(db, query.parent)).code);
    // Without a parent: the top of what was loaded (全国 after `init CN`, 杭州市 after `init 330100`).
    return topRegions(db);
  });

  implement(api, catalog.latestPeriod, async ({ region }) => ({
    period: await latestPeriod(db, region.code),
  }));

  implement(api, catalog.region, async ({ params }) => requireRegion(db, params.code));

  implement(api, catalog.subRegionFigures, async ({ region, query }) => {
    const { year, month } = periodOf(query.period);
    return subRegionFigures(db, region.code, year, month, await listIndicators(db));
  });

  implement(api, figures.series, async ({ user, query, region }) => {
    const indicator = await requireIndicator(db, query.indicator);
    const range = { from: query.from, to: query.to };
    // Published figures unless asked: those who review or report may preview the values under review.
    // A rule on a parameter's value, so the handler checks it.
    if (query.include === 'submitted') requireRole(user, ['admin', 'analyst', 'reporter']);
    const points =
      query.include === 'submitted'
        ? await previewSeries(db, indicator, region.code, range)
        : await series(db, indicator, region.code, range);
    return presentRows(points, query.explain);
  });

  // League tables rank every peer (亮晒), but whose figures a user sees is a setting (league.peerFigures):
  // without it, only the rows of his own region and below, each with its rank among all peers. The rows
  // shown depend on the setting, not on a region the request names: checked here, not declared.
  const leagueOf = async (user: User, q: z.output<typeof figures.leagueQuery>) => {
    const indicator = await requireIndicator(db, q.indicator);
    const parent = q.parent ? await requireRegion(db, q.parent) : undefined;
    const seesPeers = await seesPeerFigures(db, user);
    const rows = await league(db, {
      indicator,
      ...periodOf(q.period),
      by: q.by,
      level: q.level,
      group: q.group,
      parentCode: parent?.code,
      visibleUnder: seesPeers ? undefined : (user.regionCode ?? undefined),
    });
    return { indicator, rows };
  };

  implement(api, figures.leagueXlsx, async ({ user, query, c }) => {
    const { indicator, rows } = await leagueOf(user, query);
    const xlsx = await leagueXlsx({
      indicator: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      period: query.period,
      by: query.by,
      rows,
    });
    const name = encodeURIComponent(`${indicator.name}排位-${query.period}.xlsx`);
    return c.body(new Uint8Array(xlsx), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${name}`,
    });
  });

  implement(api, figures.league, async ({ user, query }) =>
    presentRows((await leagueOf(user, query)).rows, query.explain),
  );

  implement(api, figures.progress, async ({ query, region }) => {
    const { year, month } = periodOf(query.period);
    const report = await progress(db, region.code, year, month);
    return { ...report, rows: presentRows(report.rows, query.explain) };
  });

  implement(api, targets.targets, async ({ query, region }) =>
    targetsFor(db, region.code, query.year ?? today().getUTCFullYear()),
  );

  implement(api, targets.putTarget, async ({ user, body, region }) => {
    const indicator = await requireIndicator(db, body.indicator);
    const codes = { indicatorCode: indicator.code, regionCode: region.code };
    const target = makeTarget(codes, { ...body, source: body.source ?? `api:${user.name}` });
    await setTarget(db, target, user.name);
    return target;
  });

  implement(api, targets.deleteTarget, async ({ user, body, region }) => {
    const indicator = await requireIndicator(db, body.indicator);
    const key = {
      indicatorCode: indicator.code,
      regionCode: region.code,
      year: body.year,
      strength: body.strength,
    };
    if (!(await removeTarget(db, key, user.name))) throw new TiaoduError('not_found', '没有这个目标');
    return key;
  });

  // The region's targets and its sub-regions', in the import template's layout.
  implement(api, targets.exportTargets, async ({ query, region, c }) => {
    const year = query.year ?? today().getUTCFullYear();
    const names = new Map((await listIndicators(db)).map((i) => [i.code, i.name]));
    const rows = [];
    for (const r of [region, ...(await childrenOf(db, region.code))]) {
      for (const target of await targetsFor(db, r.code, year))
        rows.push({
          indicator: names.get(target.indicatorCode) ?? target.indicatorCode,
          region: r.name,
          target,
        });
    }
    const file = encodeURIComponent(`${region.name}${year}年目标.csv`);
    return c.body(targetsCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename*=UTF-8''${file}`,
    });
  });

  implement(api, figures.saveObservation, async ({ user, body, region }) => {
    const indicator = await requireIndicator(db, body.indicator);
    const value = {
      indicatorCode: indicator.code,
      regionCode: region.code,
      ...periodOf(body.period),
      value: body.value,
      yoy: body.yoy ?? null,
      scope: '',
      forecast: body.forecast ?? false,
    };
    const implausible = await checkEntry(db, indicator, value, body);
    // A reporter's figure waits for review by the level above; the task force's own entries are published.
    if (user.role === 'reporter') {
      const source = `填报:${user.name}`;
      return submitObservation(
        db,
        { ...value, comment: body.comment, reason: body.reason, source, implausible },
        user.name,
      );
    }
    const source = `填报:${user.name}${body.comment ? `；说明：${body.comment}` : ''}`;
    const result = await saveObservation(db, { ...value, source, status: 'published' }, user.name, {
      reason: body.reason,
      implausible,
    });
    return { result };
  });

  implement(
    api,
    targets.importTargets,
    async ({ user, c }) => {
      const name = uploadName(c.req.header('x-filename'), 'targets.csv');
      const count = await withUploadedFile(name, await c.req.arrayBuffer(), (path) =>
        importTargets(db, path, user.name),
      );
      return { targets: count };
    },
    uploadLimit,
  );

  implement(api, catalog.longTemplateCsv, async ({ c }) =>
    c.body(longTemplateCsv(), 200, download('text/csv; charset=utf-8', 'tiaodu-template.csv')),
  );
  implement(api, catalog.longTemplateXlsx, async ({ c }) =>
    c.body(
      new Uint8Array(await longTemplateXlsx()),
      200,
      download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'tiaodu-template.xlsx'),
    ),
  );
  implement(api, catalog.targetTemplateCsv, async ({ c }) =>
    c.body(targetTemplateCsv(), 200, download('text/csv; charset=utf-8', 'tiaodu-targets.csv')),
  );
  return api;
}
