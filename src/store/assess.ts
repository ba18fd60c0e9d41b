// What an assessment reads from the store: its groups of regions and, per statistics item, each region's measure —
// taken from the league (growth, value), progress (completion) and targets as those commands compute them.
import { checkGroupSizes, type Scheme, type SchemeItem } from '../core/assess/scheme.ts';
import type { AssessGroup, StatData } from '../core/assess/score.ts';
import type { Source } from '../core/assess/source.ts';
import { TiaoduError } from '../core/errors.ts';
import type { LeadRates } from '../core/projects/leads.ts';
import type { ProjectRates } from '../core/projects/rates.ts';
import { tourScores } from '../core/projects/tour.ts';
import { primaryTarget } from '../core/targets.ts';
import type { Indicator, Region } from '../core/types.ts';
import type { Db } from './db.ts';
import { listIndicators } from './indicators.ts';
import { league } from './league.ts';
import { progress } from './progress.ts';
import { leadRatesAt, projectRatesAt } from './projectViews.ts';
import { childrenOf, findRegionCandidates, getRegion, regionGroupMembers, requireRegion } from './regions.ts';
import { getSetting } from './settings.ts';
import { targetsForIndicator } from './targets.ts';
import { REGIONS_BELOW } from './tasks.ts';

/** A region's code and every code below it. */
export async function codesBelow(db: Db, code: string): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(`${REGIONS_BELOW} SELECT code FROM below`, [code]);
  return new Set(rows.map((r) => r.code));
}

/** A region by name or code, preferring the one under the scheme's parent when a name is shared (城关镇). */
async function regionUnder(db: Db, raw: string, below: Set<string>): Promise<Region> {
  const found = await findRegionCandidates(db, raw);
  const mine = found.filter((r) => below.has(r.code));
  if (mine.length === 1) return mine[0] as Region;
  return requireRegion(db, raw);
}

/** The scheme's parent and its groups, each member resolved; without groups, every child of the parent. */
export async function assessGroups(
  db: Db,
  scheme: Scheme,
): Promise<{ parent: Region; groups: AssessGroup[] }> {
  const parent = await requireRegion(db, scheme.parent);
  const peer = (r: Region) => ({ code: r.code, name: r.name });
  let groups: AssessGroup[];
  if (!scheme.groups) {
    groups = [{ name: parent.name, members: (await childrenOf(db, parent.code)).map(peer) }];
  } else {
    const below = await codesBelow(db, parent.code);
    groups = [];
    for (const [name, spec] of Object.entries(scheme.groups)) {
      let members: Region[];
      if (typeof spec === 'string') {
        const codes = await regionGroupMembers(db, spec);
        if (!codes)
          throw new TiaoduError(
            'assess.scheme',
            `考核方案有误：分组「${name}」引用的地区分组「${spec}」不存在`,
          );
        members = (await Promise.all(codes.map((c) => getRegion(db, c)))).filter(
          (r): r is Region => r !== null,
        );
      } else members = await Promise.all(spec.map((raw) => regionUnder(db, raw, below)));
      groups.push({ name, members: members.map(peer) });
    }
  }
  const seen = new Map<string, string>();
  for (const g of groups)
    for (const m of g.members) {
      const other = seen.get(m.code);
      if (other !== undefined)
        throw new TiaoduError(
          'assess.scheme',
          other === g.name
            ? `考核方案有误：分组「${g.name}」中「${m.name}」出现了两次`
            : `考核方案有误：「${m.name}」同时在分组「${other}」和「${g.name}」中`,
        );
      seen.set(m.code, g.name);
    }
  checkGroupSizes(groups);
  return { parent, groups };
}

/** Each region's growth target that year (the primary one, as progress picks it). */
async function growthTargets(db: Db, indicator: string, year: number): Promise<Map<string, number>> {
  const all = (await targetsForIndicator(db, indicator, year)).filter((t) => t.kind === 'growth');
  const out = new Map<string, number>();
  for (const code of new Set(all.map((t) => t.regionCode))) {
    const p = primaryTarget(all.filter((t) => t.regionCode === code));
    if (p) out.set(code, p.target.value);
  }
  return out;
}

async function itemData(
  db: Db,
  item: SchemeItem,
  indicator: Indicator,
  regions: Region[],
  year: number,
  month: number,
  progressOf: (code: string) => ReturnType<typeof progress>,
): Promise<StatData> {
  const values: StatData['values'] = new Map();
  const growth = await growthTargets(db, indicator.code, year);
  if (item.measure === 'completion') {
    for (const r of regions) {
      const row = (await progressOf(r.code)).rows.find((p) => p.indicatorCode === indicator.code);
      const x = row?.completion === null || row?.completion === undefined ? null : row.completion / 100;
      const target = item.rule.kind === 'deviation' ? (growth.get(r.code) ?? null) : (row?.target ?? null);
      values.set(r.code, { x, target });
    }
  } else {
    // The league of each set of siblings the members belong to, so yoy and value are the league's own figures.
    const sets = new Map<string, { parent: string | null; level: number }>();
    for (const r of regions) sets.set(`${r.parentCode}|${r.level}`, { parent: r.parentCode, level: r.level });
    const figures = new Map<string, { value: number | null; yoy: number | null }>();
    for (const s of sets.values()) {
      const rows = await league(db, {
        indicator,
        year,
        month,
        by: 'yoy',
        level: s.level,
        ...(s.parent ? { parentCode: s.parent } : {}),
      });
      for (const row of rows) figures.set(row.code, row);
    }
    for (const r of regions) {
      const f = figures.get(r.code);
      const x = (item.measure === 'value' ? f?.value : f?.yoy) ?? null;
      values.set(r.code, {
        x,
        target:
          item.measure === 'value' && item.rule.kind !== 'deviation' ? null : (growth.get(r.code) ?? null),
      });
    }
  }
  return { direction: indicator.direction, unit: indicator.unit, values };
}

/** Per statistics item (by name), every member's measure and target at the period. */
export async function assessStats(
  db: Db,
  scheme: Scheme,
  groups: AssessGroup[],
  year: number,
  month: number,
): Promise<Map<string, StatData>> {
  const indicators = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const regions = (
    await Promise.all(groups.flatMap((g) => g.members).map((m) => getRegion(db, m.code)))
  ).filter((r): r is Region => r !== null);
  const progressCache = new Map<string, ReturnType<typeof progress>>();
  const progressOf = (code: string) => {
    let p = progressCache.get(code);
    if (!p) {
      p = progress(db, code, year, month);
      progressCache.set(code, p);
    }
    return p;
  };
  const out = new Map<string, StatData>();
  for (const item of scheme.items) {
    if (item.input || !item.indicator) continue;
    const indicator = indicators.get(item.indicator);
    if (!indicator)
      throw new TiaoduError(
        'assess.scheme',
        `考核方案有误：项目「${item.name}」的指标「${item.indicator}」未知`,
      );
    out.set(item.name, await itemData(db, item, indicator, regions, year, month, progressOf));
  }
  return out;
}

/** A member's figure from an item's source: the value, or null with why there is none. */
export interface SourcedFigure {
  value: number | null;
  why: string | null;
}

/**
 * Each member's tour score (项目拉练): the core's score of the judges' sheets over the projects in the member's
 * subtree (a village's project counts for its town). Read from table tour_score here, not through the projects
 * module's helpers, so the assessment depends only on the table. A tour without any score is an error.
 */
async function tourFigures(db: Db, tour: string, members: Peer[]): Promise<Map<string, number>> {
  const rows = await db.query<{ project_code: string; judge: string; score: number; region_code: string }>(
    `SELECT t.project_code, t.judge, t.score, p.region_code FROM tour_score t
     JOIN project p ON p.code = t.project_code WHERE t.tour = $1`,
    [tour],
  );
  if (rows.length === 0)
    throw new TiaoduError(
      'assess.inputs',
      `项目拉练「${tour}」没有评分：请先导入拉练评分表（文件名即拉练名称），或改方案中 source.tour 的名称`,
    );
  const memberOf = new Map<string, Peer>();
  for (const m of members) for (const code of await codesBelow(db, m.code)) memberOf.set(code, m);
  const scored = rows
    .filter((r) => memberOf.has(r.region_code))
    .map((r) => ({
      projectCode: r.project_code,
      judge: r.judge,
      score: Number(r.score),
      region: r.region_code,
    }));
  const regionOf = new Map(scored.map((r) => [r.projectCode, memberOf.get(r.region) as Peer]));
  const rules = await getSetting(db, 'projects.rules');
  const out = new Map<string, number>();
  for (const r of tourScores(scored, (code) => regionOf.get(code) as Peer, rules)) out.set(r.code, r.score);
  return out;
}

type Peer = { code: string; name: string };

/**
 * Per sourced input item (by name), every member's figure at the period: 重点项目 and 招商项目 rates over the
 * member's subtree (as `tiaodu project rates` and `tiaodu lead rates` give them), or its tour score.
 */
export async function assessSourced(
  db: Db,
  scheme: Scheme,
  groups: AssessGroup[],
  year: number,
  month: number,
): Promise<Map<string, Map<string, SourcedFigure>>> {
  const members = groups.flatMap((g) => g.members);
  const at = { year, month };
  const projects = new Map<string, Promise<ProjectRates>>();
  const leads = new Map<string, Promise<LeadRates>>();
  const cached = <T>(m: Map<string, Promise<T>>, code: string, f: () => Promise<T>) => {
    const hit = m.get(code) ?? f();
    m.set(code, hit);
    return hit;
  };
  const out = new Map<string, Map<string, SourcedFigure>>();
  for (const item of scheme.items) {
    const source: Source | null | undefined = item.source;
    if (!source) continue;
    const figures = new Map<string, SourcedFigure>();
    if (source.kind === 'tour') {
      const scores = await tourFigures(db, source.tour, members);
      for (const m of members) {
        const value = scores.get(m.code) ?? null;
        figures.set(m.code, { value, why: value === null ? '本次拉练没有该地区的项目' : null });
      }
    } else if (source.kind === 'projects') {
      for (const m of members) {
        const rates = await cached(projects, m.code, () => projectRatesAt(db, m.code, at));
        const value = rates[source.measure];
        figures.set(m.code, {
          value,
          why: value !== null ? null : rates.projects === 0 ? '无项目' : '无可计算的项目',
        });
      }
    } else {
      for (const m of members) {
        const rates = await cached(leads, m.code, () => leadRatesAt(db, m.code, at));
        const value = rates[source.measure];
        const why = rates.signed === 0 ? `${year}年无签约项目` : '签约金额为0';
        figures.set(m.code, { value, why: value !== null ? null : why });
      }
    }
    out.set(item.name, figures);
  }
  return out;
}
