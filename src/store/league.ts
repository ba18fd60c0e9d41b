// League tables (排位): regions ranked by value or growth for one indicator and period, with rank change.
import { mostCommonLevel, rankItems, type Standing, standings } from '../core/rank.ts';
import type { Explanation, Indicator } from '../core/types.ts';
import type { Db } from './db.ts';
import { regionGroupMembers } from './regions.ts';
import { growthOf } from './series.ts';
import { REGIONS_BELOW } from './tasks.ts';

export interface LeagueRow {
  region: string;
  code: string;
  level: number;
  value: number | null;
  yoy: number | null;
  yoyPublished: number | null;
  yoyDerived: number | null;
  rank: number | null;
  /** How many regions were ranked (the whole peer set, also when only some rows are shown). */
  rankOf: number;
  rankBefore: number | null;
  /** Positive = moved up (进位), negative = moved down (退位). */
  rankChange: number | null;
  previousPeriod: string | null;
  explain: Explanation;
}

export interface LeagueQuery {
  indicator: Indicator;
  year: number;
  month: number;
  by: 'value' | 'yoy';
  level?: number;
  group?: string;
  parentCode?: string;
  /**
   * Show only this region and those below it — for a user not allowed to see other regions' figures
   * (setting league.peerFigures). Ranks are still among the whole peer set.
   */
  visibleUnder?: string;
}

interface Entry {
  code: string;
  name: string;
  level: number;
  value: number | null;
  yoy: number | null;
  yoyPublished: number | null;
  yoyDerived: number | null;
  explain: Explanation;
}

async function entries(db: Db, q: LeagueQuery, year: number, month: number, members: string[] | null) {
  const rows = await db.query<{
    code: string;
    name: string;
    level: number;
    parent_code: string | null;
    value: number | null;
    yoy: number | null;
    last_value: number | null;
  }>(
    `SELECT r.code, r.name, r.level, r.parent_code, o.value, o.yoy, p.value AS last_value
     FROM observation o JOIN region r ON r.code = o.region_code
     LEFT JOIN observation p ON p.region_code = o.region_code AND p.indicator_code = o.indicator_code
       AND p.scope = o.scope AND p.year = o.year - 1 AND p.month = o.month
     WHERE o.indicator_code = $1 AND o.year = $2 AND o.month = $3 AND o.scope = '' AND NOT o.forecast`,
    [q.indicator.code, year, month],
  );
  let pool = rows;
  if (members) pool = pool.filter((r) => members.includes(r.code));
  if (q.parentCode) pool = pool.filter((r) => r.parent_code === q.parentCode);
  const level = q.level ?? mostCommonLevel(pool.map((r) => Number(r.level)));
  return pool
    .filter((r) => Number(r.level) === level)
    .map((r): Entry => {
      const g = growthOf(q.indicator, r);
      return { code: r.code, name: r.name, level: Number(r.level), value: r.value, ...g };
    });
}

/** The latest period before (year, month) that has data for the indicator. */
export async function previousPeriod(db: Db, code: string, year: number, month: number) {
  const [r] = await db.query<{ year: number; month: number }>(
    // A row comparison walks the (indicator_code, year, month) index backwards from the period.
    `SELECT year, month FROM observation WHERE indicator_code = $1 AND (year, month) < ($2::smallint, $3::smallint)
     ORDER BY year DESC, month DESC LIMIT 1`,
    [code, year, month],
  );
  return r ? { year: Number(r.year), month: Number(r.month) } : null;
}

export async function league(db: Db, q: LeagueQuery): Promise<LeagueRow[]> {
  const members = q.group ? await regionGroupMembers(db, q.group) : null;
  const now = await entries(db, q, q.year, q.month, members);
  const prev = await previousPeriod(db, q.indicator.code, q.year, q.month);
  const before = prev
    ? await entries(db, { ...q, level: now[0]?.level }, prev.year, prev.month, members)
    : [];
  const metric = (e: Entry) => (q.by === 'yoy' ? e.yoy : e.value);
  const standing = standings(
    now.map((e) => ({ key: e.code, value: metric(e) })),
    before.map((e) => ({ key: e.code, value: metric(e) })),
    q.indicator.direction,
  );
  const prevLabel = prev ? `${prev.year}-${String(prev.month).padStart(2, '0')}` : null;
  const visible = q.visibleUnder ? await regionsBelow(db, q.visibleUnder) : null;
  return now
    .filter((e) => visible === null || visible.has(e.code))
    .map((e) => ({ e, s: standing.get(e.code) as Standing }))
    .map(({ e, s }) => ({
      region: e.name,
      code: e.code,
      level: e.level,
      value: e.value,
      yoy: e.yoy,
      yoyPublished: e.yoyPublished,
      yoyDerived: e.yoyDerived,
      ...s,
      previousPeriod: prevLabel,
      explain: {
        formula: `排位 = 按${q.by === 'yoy' ? '同比增速' : '数值'}${q.indicator.direction === 'up' ? '从高到低' : '从低到高'}排列，并列者同名次、其后顺延（1,2,2,4）；位次变化 = 上期名次 − 本期名次。${e.explain.formula}`,
        inputs: {
          ...e.explain.inputs,
          参与排位地区数: now.length,
          上期: prevLabel,
          上期名次: s.rankBefore,
        },
        result: s.rank,
      },
    }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
        a.code.localeCompare(b.code),
    );
}

/** A region and every region below it. */
async function regionsBelow(db: Db, code: string): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(`${REGIONS_BELOW} SELECT code FROM below`, [code]);
  return new Set(rows.map((r) => r.code));
}

export interface SubRegionFigures {
  indicators: Pick<Indicator, 'code' | 'name' | 'unit' | 'direction'>[];
  /** One row per sub-region: per indicator code its value, growth and rank by growth among the siblings. */
  rows: {
    region: string;
    code: string;
    figures: Record<string, { value: number | null; yoy: number | null; rank: number | null }>;
  }[];
}

/**
 * The figures of a region's sub-regions for one period — every indicator they report, ranked by growth —
 * so a district's towns can be compared even where no town has a target. One query for all indicators.
 */
export async function subRegionFigures(
  db: Db,
  parentCode: string,
  year: number,
  month: number,
  catalogue: Indicator[],
): Promise<SubRegionFigures> {
  const rows = await db.query<{
    code: string;
    name: string;
    indicator_code: string;
    value: number | null;
    yoy: number | null;
    last_value: number | null;
  }>(
    `SELECT r.code, r.name, o.indicator_code, o.value, o.yoy, p.value AS last_value
     FROM region r JOIN observation o ON o.region_code = r.code
     LEFT JOIN observation p ON p.region_code = o.region_code AND p.indicator_code = o.indicator_code
       AND p.scope = o.scope AND p.year = o.year - 1 AND p.month = o.month
     WHERE r.parent_code = $1 AND o.year = $2 AND o.month = $3 AND o.scope = '' AND NOT o.forecast
     ORDER BY r.code`,
    [parentCode, year, month],
  );
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const indicators = [...new Set(rows.map((r) => r.indicator_code))]
    .sort()
    .flatMap((code) => byCode.get(code) ?? []);
  const out = new Map<string, SubRegionFigures['rows'][number]>();
  for (const indicator of indicators) {
    const mine = rows.filter((r) => r.indicator_code === indicator.code);
    const growth = new Map(mine.map((r) => [r.code, growthOf(indicator, r).yoy]));
    const ranks = rankItems(
      mine.map((r) => ({ key: r.code, value: growth.get(r.code) ?? null })),
      indicator.direction,
    );
    for (const r of mine) {
      const row = out.get(r.code) ?? { region: r.name, code: r.code, figures: {} };
      row.figures[indicator.code] = {
        value: r.value,
        yoy: growth.get(r.code) ?? null,
        rank: ranks.get(r.code) ?? null,
      };
      out.set(r.code, row);
    }
  }
  return {
    indicators: indicators.map(({ code, name, unit, direction }) => ({ code, name, unit, direction })),
    rows: [...out.values()],
  };
}
