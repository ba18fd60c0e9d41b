// The HTTP JSON API: each route is auth → validate → one store call → the same JSON the CLI prints.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { httpStatus, TiaoduError } from '../core/errors.ts';
import { parsePeriod } from '../core/period.ts';
import { longTemplateCsv, longTemplateXlsx } from '../intake/templates.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from '../store/db.ts';
import {
  childrenOf,
  getRegion,
  importFile,
  importTargets,
  league,
  listIndicators,
  progress,
  requireIndicator,
  requireRegion,
  saveObservation,
  series,
  setTarget,
  targetsFor,
} from '../store/index.ts';
import { type AuthEnv, requireRole, requireUser, type Sessions, type User } from './auth.ts';
import { openApiDocument } from './openapi.ts';

const period = z.string().refine((s) => parsePeriod(s) !== null, '应为 YYYY-MM');
const schemas = {
  series: z.object({
    indicator: z.string().min(1),
    region: z.string().min(1),
    from: period.optional(),
    to: period.optional(),
    explain: z.string().optional(),
  }),
  league: z.object({
    indicator: z.string().min(1),
    period,
    by: z.enum(['value', 'yoy']).default('value'),
    level: z.coerce.number().int().min(0).max(5).optional(),
    group: z.string().optional(),
    parent: z.string().optional(),
    explain: z.string().optional(),
  }),
  progress: z.object({ region: z.string().min(1), period }),
  targets: z.object({ region: z.string().min(1), year: z.coerce.number().int() }),
  target: z.object({
    indicator: z.string().min(1),
    region: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(['growth', 'amount', 'ceiling', 'floor']),
    value: z.number().finite(),
    cmp: z.enum(['≈', '>=', '<=']).optional(),
    strength: z.enum(['expected', 'must', 'strive']).default('expected'),
    trajectory: z
      .object({
        granularity: z.enum(['month', 'quarter']),
        checkpoints: z.array(z.object({ month: z.number().int().min(1).max(12), percent: z.number() })),
      })
      .nullable()
      .optional(),
  }),
  observation: z.object({
    indicator: z.string().min(1),
    region: z.string().min(1),
    period,
    value: z.number().finite().nullable(),
    yoy: z.number().finite().nullable().optional(),
    forecast: z.boolean().optional(),
  }),
};

function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => `${i.path.join('.') || '请求'}：${i.message}`).join('；');
  throw new TiaoduError('validation', `参数错误 — ${fields}`, r.error.issues);
}

/** A reporter (or any user with a region scope) may touch only its region and what lies below it. */
async function assertInScope(db: Db, user: User, regionCode: string): Promise<void> {
  if (!user.regionCode) return;
  for (let code: string | null = regionCode; code; code = (await getRegion(db, code))?.parentCode ?? null) {
    if (code === user.regionCode) return;
  }
  throw new TiaoduError('forbidden', '无权访问本账号辖区以外的地区');
}

export function createApp(db: Db, sessions: Sessions): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError((e, c) => {
    if (e instanceof ImportError) {
      return c.json(
        { error: { code: 'import', message: `导入失败，未写入任何数据：${e.message}`, issues: e.issues } },
        422,
      );
    }
    if (e instanceof TiaoduError) {
      return c.json({ error: { code: e.code, message: e.message } }, httpStatus(e.code) as 400);
    }
    console.error(e);
    return c.json({ error: { code: 'internal', message: '服务器内部错误' } }, 500);
  });
  app.get('/api/health', (c) => c.json({ ok: true, driver: db.kind }));
  app.get('/api/openapi.json', (c) => c.json(openApiDocument));
  app.use('/api/*', requireUser(sessions));

  app.get('/api/indicators', async (c) => c.json(await listIndicators(db)));
  app.get('/api/regions', async (c) => {
    const parent = c.req.query('parent');
    return c.json(await childrenOf(db, parent ? (await requireRegion(db, parent)).code : 'CN'));
  });
  app.get('/api/regions/:code', async (c) => c.json(await requireRegion(db, c.req.param('code'))));

  app.get('/api/series', async (c) => {
    const q = validate(schemas.series, c.req.query());
    const indicator = await requireIndicator(db, q.indicator);
    const region = await requireRegion(db, q.region);
    await assertInScope(db, c.get('user'), region.code);
    const points = await series(db, indicator, region.code, { from: q.from, to: q.to });
    return c.json(q.explain ? points : points.map(({ explain: _, ...p }) => p));
  });

  app.get('/api/league', async (c) => {
    const q = validate(schemas.league, c.req.query());
    const p = parsePeriod(q.period) as { year: number; month: number };
    const indicator = await requireIndicator(db, q.indicator);
    const parent = q.parent ? await requireRegion(db, q.parent) : undefined;
    return c.json(
      await league(db, {
        indicator,
        ...p,
        by: q.by,
        level: q.level,
        group: q.group,
        parentCode: parent?.code,
      }),
    );
  });

  app.get('/api/progress', async (c) => {
    const q = validate(schemas.progress, c.req.query());
    const p = parsePeriod(q.period) as { year: number; month: number };
    const region = await requireRegion(db, q.region);
    await assertInScope(db, c.get('user'), region.code);
    return c.json(await progress(db, region.code, p.year, p.month));
  });

  app.get('/api/targets', async (c) => {
    const q = validate(schemas.targets, c.req.query());
    const region = await requireRegion(db, q.region);
    return c.json(await targetsFor(db, region.code, q.year));
  });

  app.put('/api/targets', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const b = validate(schemas.target, await c.req.json().catch(() => null));
    const indicator = await requireIndicator(db, b.indicator);
    const region = await requireRegion(db, b.region);
    await assertInScope(db, user, region.code);
    const cmp = b.cmp ?? (b.kind === 'ceiling' ? '<=' : b.kind === 'growth' ? '≈' : '>=');
    const target = {
      indicatorCode: indicator.code,
      regionCode: region.code,
      year: b.year,
      kind: b.kind,
      value: b.value,
      cmp,
      strength: b.strength,
      trajectory: b.trajectory ?? null,
      source: `api:${user.name}`,
      quote: null,
    };
    await setTarget(db, target, user.name);
    return c.json(target);
  });

  app.post('/api/observations', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst', 'reporter']);
    const b = validate(schemas.observation, await c.req.json().catch(() => null));
    const indicator = await requireIndicator(db, b.indicator);
    const region = await requireRegion(db, b.region);
    await assertInScope(db, user, region.code);
    const p = parsePeriod(b.period) as { year: number; month: number };
    const result = await saveObservation(
      db,
      {
        indicatorCode: indicator.code,
        regionCode: region.code,
        ...p,
        value: b.value,
        yoy: b.yoy ?? null,
        scope: '',
        forecast: b.forecast ?? false,
        source: `填报:${user.name}`,
        status: user.role === 'reporter' ? 'submitted' : 'published',
      },
      user.name,
    );
    return c.json({ result });
  });

  app.post('/api/import', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst', 'reporter']);
    const name = decodeURIComponent(c.req.header('x-filename') ?? 'upload.csv').replace(/[/\\]/g, '_');
    const dir = await mkdtemp(join(tmpdir(), 'tiaodu-upload-'));
    try {
      const path = join(dir, name);
      await writeFile(path, Buffer.from(await c.req.arrayBuffer()));
      const dryRun = c.req.query('dryRun') === '1' || c.req.query('dryRun') === 'true';
      return c.json(
        await importFile(db, path, {
          dryRun,
          user: user.name,
          scopeRegionCode: user.regionCode ?? undefined,
        }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.post('/api/targets/import', async (c) => {
    const user = c.get('user');
    requireRole(user, ['admin', 'analyst']);
    const name = decodeURIComponent(c.req.header('x-filename') ?? 'targets.csv').replace(/[/\\]/g, '_');
    const dir = await mkdtemp(join(tmpdir(), 'tiaodu-upload-'));
    try {
      const path = join(dir, name);
      await writeFile(path, Buffer.from(await c.req.arrayBuffer()));
      return c.json({ targets: await importTargets(db, path, user.name) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.get('/api/templates/long.csv', (c) =>
    c.body(longTemplateCsv(), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="tiaodu-template.csv"',
    }),
  );
  app.get('/api/templates/long.xlsx', async (c) =>
    c.body(new Uint8Array(await longTemplateXlsx()), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="tiaodu-template.xlsx"',
    }),
  );
  return app;
}
