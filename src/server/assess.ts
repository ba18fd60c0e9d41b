// The assessment routes: the office keeps schemes; everyone reads published scores, a scoped account only its own part.
import { Hono } from 'hono';
import { publishAssessment, runAssessment } from '../app/assess.ts';
import { assess } from '../contract/index.ts';
import { readLists, readScheme } from '../core/assess/scheme.ts';
import { honourLists } from '../core/assess/score.ts';
import { SOURCE_USER } from '../core/assess/source.ts';
import { TiaoduError } from '../core/errors.ts';
import { assessNoticeDocx, assessNoticeXlsx } from '../reports/assessNotice.ts';
import { assessGroups, codesBelow } from '../store/assess.ts';
import {
  listSchemes,
  type PublishedRun,
  publishedRun,
  publishedRuns,
  saveScheme,
  schemeVersion,
  storedInputs,
} from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import { listIndicators } from '../store/indicators.ts';
import { getRegion } from '../store/regions.ts';
import { getSetting } from '../store/settings.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

export function assessRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);

  /** A published run as the user may see it, with its items, groups and red/black lists. */
  const visibleRun = async (user: { regionCode: string | null }, scheme: string, period: string) => {
    const { year, month } = periodOf(period);
    const run = await publishedRun(db, scheme, year, month);
    if (!run) throw new TiaoduError('not_found', `「${scheme}」${period} 的考核结果尚未发布`);
    const extra = await runExtras(run);
    // A town sees its own scores (and a district its towns'), with the ranks they have in their groups —
    // unless the deployment publishes the whole ranking (assess.publicRanking).
    if (user.regionCode === null || (await getSetting(db, 'assess.publicRanking')))
      return { ...run, ...extra, ownOnly: false };
    const mine = await codesBelow(db, user.regionCode);
    const keep = (codes: string[]) => codes.filter((c) => mine.has(c));
    return {
      ...run,
      ...extra,
      rows: run.rows.filter((r) => mine.has(r.code)),
      lists: { red: keep(extra.lists.red), black: keep(extra.lists.black) },
      ownOnly: true,
    };
  };

  const runExtras = async (run: PublishedRun) => {
    const version = await schemeVersion(db, run.schemeName, run.schemeVersion);
    const body = (version?.body ?? {}) as Record<string, unknown>;
    let lists: ReturnType<typeof readLists> = null;
    try {
      lists = readLists(body.lists);
    } catch {
      lists = null; // A published version was checked when it was run; an unreadable one has no lists.
    }
    return {
      items: run.rows[0]?.items.map((i) => i.name) ?? [],
      groups: [...new Set(run.rows.map((r) => r.group))],
      lists: honourLists(lists, run.rows),
    };
  };

  implement(api, assess.scores, async ({ user, query }) => visibleRun(user, query.scheme, query.period));

  implement(api, assess.runs, async () => (await publishedRuns(db)).map(({ rows: _rows, ...r }) => r));

  implement(api, assess.schemes, async () => {
    const runs = await publishedRuns(db);
    const out = [];
    for (const s of await listSchemes(db)) {
      const last = runs.find((r) => r.schemeName === s.name);
      const [y, m] = (last?.period ?? '0-0').split('-').map(Number);
      // The figures read from the projects module are read again next time, not carried over as entries.
      const inputs = (last ? await storedInputs(db, s.name, y as number, m as number) : []).filter(
        (i) => i.by !== SOURCE_USER,
      );
      const names = new Map(last?.rows.map((r) => [r.code, r.region]) ?? []);
      out.push({
        ...s,
        body: s.body as Record<string, unknown>,
        lastPeriod: last?.period ?? null,
        inputs: inputs.map((i) => ({
          region: i.regionCode,
          regionName: names.get(i.regionCode),
          item: i.item,
          value: i.value === 'veto' ? ('否决' as const) : i.value,
          note: i.note,
        })),
      });
    }
    return out;
  });

  implement(api, assess.notice, async ({ user, query, c }) => {
    const run = await visibleRun(user, query.scheme, query.period);
    const parent = await getRegion(db, run.parentCode);
    const name = (code: string) => run.rows.find((r) => r.code === code)?.region ?? code;
    const notice = {
      scheme: run.schemeName,
      parent: parent?.name ?? run.parentCode,
      period: run.period,
      items: run.items,
      groups: run.groups,
      rows: run.rows,
      lists: { red: run.lists.red.map(name), black: run.lists.black.map(name) },
    };
    const body = query.format === 'xlsx' ? await assessNoticeXlsx(notice) : await assessNoticeDocx(notice);
    const file = `${run.schemeName}-${run.period}.${query.format}`;
    return c.body(new Uint8Array(body), 200, {
      'content-type':
        query.format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file)}`,
    });
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
    file?: string,
  ) => ({
    name: file ?? '接口录入',
    rows,
  });

  implement(api, assess.run, async ({ body }) => {
    const run = await runAssessment(db, {
      scheme: body.scheme,
      period: body.period,
      inputs: inputsOf(body.inputs, body.file),
    });
    return run.rows;
  });

  implement(api, assess.publish, async ({ user, body }) => {
    const options = {
      scheme: body.scheme,
      period: body.period,
      inputs: inputsOf(body.inputs, body.file),
      user: user.name,
    };
    return (await publishAssessment(db, options)).published;
  });

  return api;
}
