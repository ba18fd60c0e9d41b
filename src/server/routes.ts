// The data routes under /api: each is auth → validate → one store call → the same JSON the CLI prints.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { importTargets } from '../app/imports.ts';
import { TiaoduError } from '../core/errors.ts';
import { makeTarget } from '../core/targets.ts';
import type { Target } from '../core/types.ts';
import { targetsCsv, targetTemplateCsv } from '../intake/targets.ts';
import { longTemplateCsv, longTemplateXlsx } from '../intake/templates.ts';
import { leagueXlsx } from '../reports/leagueXlsx.ts';
import type { Db } from '../store/db.ts';
import {
  childrenOf,
  latestPeriod,
  league,
  listIndicators,
  maySeePeerFigures,
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
import { type AuthEnv, assertInScope, requireRole, type User } from './auth.ts';
import { saveIndicatorAs } from './catalogue.ts';
import { checkEntry } from './entry.ts';
import {
  indicatorBody,
  leagueQuery,
  observationBody,
  periodOf,
  progressQuery,
  regionsQuery,
  seriesQuery,
  type TargetBody,
  targetBody,
  targetKey,
  targetsQuery,
  validate,
} from './schemas.ts';
import { MAX_UPLOAD_BYTES, uploadName, withUploadedFile } from './upload.ts';

/** The CLI leaves out the explanation unless asked (`--explain`); so does the API (`explain=1`). */
function presentRows<T extends { explain?: unknown }>(rows: T[], explain: string | undefined): T[] {
  if (explain === '1' || explain === 'true') return rows;
  return rows.map(({ explain: _, ...row }) => row as T);
}

async function toTarget(db: Db, user: User, b: TargetBody): Promise<Target> {
  const indicator = await requireIndicator(db, b.indicator);
  const region = await requireRegion(db, b.region);
  await assertInScope(db, user, region.code);
  const codes = { indicatorCode: indicator.code, regionCode: region.code };
  return makeTarget(codes, { ...b, source: b.source ?? `api:${user.name}` });
}

const json = async (req: { json(): Promise<unknown> }): Promise<unknown> => req.json().catch(() => undefined);

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

  api.get('/me', (c) => c.json(c.get('user')));

  api.get('/indicators', async (c) => c.json(await listIndicators(db)));

  // Scope and the built-in rules are checked in catalogue.ts.
  api.post('/indicators', async (c) => {
    requireRole(c.get('user'), ['admin', 'analyst']);
    const raw = await json(c.req);
    const given = validate(indicatorBody, raw);
    const sent = new Set(Object.keys(raw as object));
    return c.json(await saveIndicatorAs(db, c.get('user'), given, sent), 201);
  });

  api.get('/regions', async (c) => {
    const q = validate(regionsQuery, c.req.query());
    if (q.parent) return c.json(await childrenOf(db, (await requireRegion(db, q.parent)).code));
    // Without a parent: the top of what was loaded (全国 after `init CN`, 杭州市 after `init 330100`).
    return c.json(await topRegions(db));
  });

  api.get('/periods/latest', async (c) => {
    const region = await requireRegion(
      db,
      validate(progressQuery.pick({ region: true }), c.req.query()).region,
    );
    await assertInScope(db, c.get('user'), region.code);
    return c.json({ period: await latestPeriod(db, region.code) });
  });

  api.get('/regions/:code', async (c) => c.json(await requireRegion(db, c.req.param('code'))));

  api.get('/regions/:code/figures', async (c) => {
    const region = await requireRegion(db, c.req.param('code'));
    await assertInScope(db, c.get('user'), region.code);
    const { year, month } = periodOf(validate(progressQuery.pick({ period: true }), c.req.query()).period);
    return c.json(await subRegionFigures(db, region.code, year, month, await listIndicators(db)));
  });

  api.get('/series', async (c) => {
    const q = validate(seriesQuery, c.req.query());
    const user = c.get('user');
    const indicator = await requireIndicator(db, q.indicator);
    const region = await requireRegion(db, q.region);
    await assertInScope(db, user, region.code);
    const range = { from: q.from, to: q.to };
    // Published figures unless asked: those who review or report may preview the values under review.
    if (q.include === 'submitted') requireRole(user, ['admin', 'analyst', 'reporter']);
    const points =
      q.include === 'submitted'
        ? await previewSeries(db, indicator, region.code, range)
        : await series(db, indicator, region.code, range);
    return c.json(presentRows(points, q.explain));
  });

  // League tables rank every peer (亮晒), but whose figures a user sees is a setting (league.peerFigures):
  // without it, only the rows of his own region and below, each with its rank among all peers.
  const leagueOf = async (user: User, query: Record<string, string>) => {
    const q = validate(leagueQuery, query);
    const indicator = await requireIndicator(db, q.indicator);
    const parent = q.parent ? await requireRegion(db, q.parent) : undefined;
    const seesPeers = user.regionCode === null || (await maySeePeerFigures(db, user.role));
    const rows = await league(db, {
      indicator,
      ...periodOf(q.period),
      by: q.by,
      level: q.level,
      group: q.group,
      parentCode: parent?.code,
      visibleUnder: seesPeers ? undefined : (user.regionCode ?? undefined),
    });
    return { q, indicator, rows };
  };

  api.get('/league.xlsx', async (c) => {
    const { q, indicator, rows } = await leagueOf(c.get('user'), c.req.query());
    const xlsx = await leagueXlsx({
      indicator: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      period: q.period,
      by: q.by,
      rows,
    });
    const name = encodeURIComponent(`${indicator.name}排位-${q.period}.xlsx`);
    return c.body(new Uint8Array(xlsx), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${name}`,
    });
  });

  api.get('/league', async (c) => {
    const { q, rows } = await leagueOf(c.get('user'), c.req.query());
    return c.json(presentRows(rows, q.explain));
  });

  api.get('/progress', async (c) => {
    const q = validate(progressQuery, c.req.query());
    const { year, month } = periodOf(q.period);
    const region = await requireRegion(db, q.region);
    await assertInScope(db, c.get('user'), region.code);
    const report = await progress(db, region.code, year, month);
    return c.json({ ...report, rows: presentRows(report.rows, q.explain) });
  });

  api.get('/targets', async (c) => {
    const q = validate(targetsQuery, c.req.query());
    const region = await requireRegion(db, q.region);
    await assertInScope(db, c.get('user'), region.code);
    return c.json(await targetsFor(db, region.code, q.year ?? today().getUTCFullYear()));
  });

  api.put('/targets', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const target = await toTarget(db, user, validate(targetBody, await json(c.req)));
    await setTarget(db, target, user.name);
    return c.json(target);
  });

  api.delete('/targets', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const b = validate(targetKey, await json(c.req));
    const indicator = await requireIndicator(db, b.indicator);
    const region = await requireRegion(db, b.region);
    await assertInScope(db, user, region.code);
    const key = {
      indicatorCode: indicator.code,
      regionCode: region.code,
      year: b.year,
      strength: b.strength,
    };
    if (!(await removeTarget(db, key, user.name))) throw new TiaoduError('not_found', '没有这个目标');
    return c.json(key);
  });

  // The region's targets and its sub-regions', in the import template's layout.
  api.get('/targets/export.csv', async (c) => {
    const q = validate(targetsQuery, c.req.query());
    const region = await requireRegion(db, q.region);
    await assertInScope(db, c.get('user'), region.code);
    const year = q.year ?? today().getUTCFullYear();
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

  api.post('/observations', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst', 'reporter']);
    const b = validate(observationBody, await json(c.req));
    const indicator = await requireIndicator(db, b.indicator);
    const region = await requireRegion(db, b.region);
    await assertInScope(db, user, region.code);
    const value = {
      indicatorCode: indicator.code,
      regionCode: region.code,
      ...periodOf(b.period),
      value: b.value,
      yoy: b.yoy ?? null,
      scope: '',
      forecast: b.forecast ?? false,
    };
    const implausible = await checkEntry(db, indicator, value, b);
    // A reporter's figure waits for review by the level above; the task force's own entries are published.
    if (user.role === 'reporter') {
      const source = `填报:${user.name}`;
      const { result, submission } = await submitObservation(
        db,
        { ...value, comment: b.comment, reason: b.reason, source, implausible },
        user.name,
      );
      return c.json({ result, submission });
    }
    const source = `填报:${user.name}${b.comment ? `；说明：${b.comment}` : ''}`;
    const result = await saveObservation(db, { ...value, source, status: 'published' }, user.name, {
      reason: b.reason,
      implausible,
    });
    return c.json({ result });
  });

  api.post('/targets/import', uploadLimit, async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    // The target importer does not check region scope row by row, so only city-wide accounts may use it.
    if (user.regionCode !== null) throw new TiaoduError('forbidden', '按辖区限定的账号不能批量导入目标');
    const name = uploadName(c.req.header('x-filename'), 'targets.csv');
    const count = await withUploadedFile(name, await c.req.arrayBuffer(), (path) =>
      importTargets(db, path, user.name),
    );
    return c.json({ targets: count });
  });

  api.get('/templates/long.csv', (c) =>
    c.body(longTemplateCsv(), 200, download('text/csv; charset=utf-8', 'tiaodu-template.csv')),
  );
  api.get('/templates/long.xlsx', async (c) =>
    c.body(
      new Uint8Array(await longTemplateXlsx()),
      200,
      download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'tiaodu-template.xlsx'),
    ),
  );
  api.get('/templates/targets.csv', (c) =>
    c.body(targetTemplateCsv(), 200, download('text/csv; charset=utf-8', 'tiaodu-targets.csv')),
  );
  return api;
}
