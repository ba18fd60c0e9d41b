// The assessment routes: the office keeps schemes; everyone reads published scores, a scoped account only its own part.
import { Hono } from 'hono';
import { publishAssessment, runAssessment } from '../app/assess.ts';
import { assess } from '../contract/index.ts';
import { readScheme } from '../core/assess/scheme.ts';
import { TiaoduError } from '../core/errors.ts';
import { assessGroups, codesBelow } from '../store/assess.ts';
import { publishedRun, saveScheme } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import { listIndicators } from '../store/indicators.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

export function assessRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);

  implement(api, assess.scores, async ({ user, query }) => {
    const { year, month } = periodOf(query.period);
    const run = await publishedRun(db, query.scheme, year, month);
    if (!run) throw new TiaoduError('not_found', `「${query.scheme}」${query.period} 的考核结果尚未发布`);
    if (user.regionCode === null) return run;
    // A town sees its own scores (and a district its towns'), with the ranks they have in their groups.
    const mine = await codesBelow(db, user.regionCode);
    return { ...run, rows: run.rows.filter((r) => mine.has(r.code)) };
  });

  implement(api, assess.saveScheme, async ({ user, body }) => {
    // Everything a run would refuse about the scheme itself is refused here: indicators, rules, regions, groups.
    const scheme = readScheme(body.scheme, await listIndicators(db));
    await assessGroups(db, scheme);
    const saved = await saveScheme(db, scheme.name, body.scheme, user.name);
    return { name: saved.name, version: saved.version, frozen: saved.frozen };
  });

  const inputsOf = (
    rows: { region: string; item: string; value: number | string; note?: string | null }[],
  ) => ({
    name: '接口录入',
    rows,
  });

  implement(api, assess.run, async ({ body }) => {
    const run = await runAssessment(db, {
      scheme: body.scheme,
      period: body.period,
      inputs: inputsOf(body.inputs),
    });
    return run.rows;
  });

  implement(api, assess.publish, async ({ user, body }) => {
    const options = {
      scheme: body.scheme,
      period: body.period,
      inputs: inputsOf(body.inputs),
      user: user.name,
    };
    return (await publishAssessment(db, options)).published;
  });

  return api;
}
