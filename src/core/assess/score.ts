// Scoring a scheme over plain data: each item's points within its group, then totals, bonus and penalty, veto and ranks.
import { TiaoduError } from '../errors.ts';
import { rankItems } from '../rank.ts';
import type { Direction } from '../types.ts';
import type { Lists, Measure, Scheme, SchemeItem } from './scheme.ts';

export interface Peer {
  code: string;
  name: string;
}

export interface AssessGroup {
  name: string;
  members: Peer[];
}

/** A statistics item's figures: per region code the measure x and the target it is held to (null: none). */
export interface StatData {
  direction: Direction;
  unit: string;
  values: Map<string, { x: number | null; target: number | null }>;
}

/** An entered value: a number, or 否决 (veto). */
export type InputValue = number | 'veto';

export interface AssessData {
  groups: AssessGroup[];
  /** By item name. */
  stats: Map<string, StatData>;
  /** By item name, then region code. */
  inputs: Map<string, Map<string, InputValue>>;
  /** 加分 and 减分 per region code, each already summed over its rows (减分 positive), before the cap. */
  bonus: Map<string, number>;
  penalty: Map<string, number>;
  /**
   * Where an input came from when it was not plainly entered, by item then region code: the words said in place
   * of 录入 (取自重点项目开工率(%), 手工录入), or for a region left without a figure why it scores 0.
   */
  origins?: Map<string, Map<string, string>>;
  /** The 说明 of entered rows, by item then region code: a veto's reason. */
  notes?: Map<string, Map<string, string>>;
}

export interface ItemScore {
  name: string;
  /** The measure or input value used (completion as a fraction, 否决 as the string). */
  input: number | string | null;
  target: number | null;
  points: number;
  explain: string;
  /** The region's rank in its group on this item, for rank rules. */
  rank: number | null;
}

export interface RegionScore {
  region: string;
  code: string;
  group: string;
  total: number;
  rank: number;
  vetoed: boolean;
  /** 加分 and 减分 after their caps. */
  bonus: number;
  penalty: number;
  /** Rank in the last published run of the same scheme before this period, and the move since (+ = up). */
  rankBefore: number | null;
  rankChange: number | null;
  items: ItemScore[];
  /** For a vetoed region, the veto items and their reasons (安全生产：发生较大安全事故). */
  vetoReason?: string | null;
}

/** Up to two decimals, no trailing zeros: 6.80 → "6.8". */
const n = (v: number) => String(Math.round(v * 100) / 100);
/** A share to four decimals: a completion of 0.563 is not 0.56. */
const share4 = (v: number) => String(Math.round(v * 10000) / 10000);
const pts = (v: number) => `${v.toFixed(2)}分`;
/** Float noise off (0.1 + 0.2), the value itself kept: totals are rounded once, at the end. */
const clean = (v: number) => Math.round(v * 1e9) / 1e9;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function describe(measure: Measure | null, x: number, unit: string): string {
  if (measure === 'completion') return `完成率${n(x * 100)}%`;
  if (measure === 'value') return `数值${n(x)}${unit}`;
  return `增速${n(x)}%`;
}

type Scored = Omit<ItemScore, 'name'>;

/** Why a region without a figure scores 0, and that it takes no part in the group's rank or range. */
function noData(item: SchemeItem): string {
  const what = item.measure === 'completion' ? '无完成率（无数据或未设总量目标）' : '无数据';
  const apart =
    item.rule.kind === 'rank'
      ? '，不参加本项排位'
      : item.rule.kind === 'efficacy'
        ? '，不计入组内最高最低值'
        : '';
  return `${what}，记0分${apart}`;
}

const none = (why: string, target: number | null = null): Scored => ({
  input: null,
  target,
  points: 0,
  explain: why,
  rank: null,
});

function scoreStat(item: SchemeItem, members: Peer[], data: StatData): Map<string, Scored> {
  const w = item.weight;
  const rule = item.rule;
  const out = new Map<string, Scored>();
  const valued: { code: string; x: number; target: number | null }[] = [];
  for (const m of members) {
    const v = data.values.get(m.code);
    const x = v?.x ?? null;
    const target = v?.target ?? null;
    if (x === null || !Number.isFinite(x)) out.set(m.code, none(noData(item), target));
    else if (rule.kind === 'deviation' && target === null)
      out.set(m.code, none(`${describe(item.measure, x, data.unit)}，未设增速目标，记0分`));
    else valued.push({ code: m.code, x, target });
  }
  const ranks = rankItems(
    valued.map((v) => ({ key: v.code, value: v.x })),
    item.measure === 'completion' ? 'up' : data.direction,
  );
  const xs = valued.map((v) => v.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  for (const { code, x, target } of valued) {
    const said = describe(item.measure, x, data.unit);
    let points = 0;
    let how = '';
    let rank: number | null = null;
    if (rule.kind === 'rank') {
      rank = ranks.get(code) ?? null;
      const r = (rank ?? 1) - 1;
      const share = 1 - rule.step * r;
      points = w * Math.max(0, share);
      how = `组内第${rank}名，${n(w)}×${share < 0 ? 'max(0, ' : '('}1−${n(rule.step)}×${r})=${pts(points)}`;
    } else if (rule.kind === 'deviation') {
      const t = target as number;
      const raw = rule.base + rule.perPoint * (x - t);
      const share = clamp(raw, rule.min, rule.max);
      points = w * share;
      const capped = share !== raw ? (share === rule.max ? '，封顶' : '，保底') : '';
      how = `目标${n(t)}%，${n(w)}×(${n(rule.base)}+${n(rule.perPoint)}×(${n(x)}−${n(t)}))${capped}=${pts(points)}`;
    } else if (rule.kind === 'completion') {
      const share = clamp(x, 0, rule.max);
      points = w * share;
      how = `${n(w)}×${share4(share)}${share !== x ? (share === 0 ? '（不足0按0）' : '（封顶）') : ''}=${pts(points)}`;
    } else if (rule.kind === 'efficacy') {
      if (hi === lo) {
        points = w;
        how = `组内各地相同（${n(lo)}），得满分=${pts(points)}`;
      } else {
        const up = data.direction === 'up' || item.measure === 'completion';
        const frac = up ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
        points = w * (rule.base + (1 - rule.base) * frac);
        const num = up ? `${n(x)}−${n(lo)}` : `${n(hi)}−${n(x)}`;
        how = `组内最低${n(lo)}、最高${n(hi)}${up ? '' : '（越低越好）'}，${n(w)}×(${n(rule.base)}+${n(1 - rule.base)}×(${num})/(${n(hi)}−${n(lo)}))=${pts(points)}`;
      }
    } else if (rule.kind === 'bands') {
      const band = rule.bands.find((b) => x >= b.min);
      points = band ? w * band.share : 0;
      how = band
        ? `达到≥${n(band.min)}档，${n(w)}×${n(band.share)}=${pts(points)}`
        : `未达任何一档，记${pts(0)}`;
    }
    out.set(code, { input: x, target, points: clean(points), explain: `${said}，${how}`, rank });
  }
  return out;
}

function scoreInput(
  item: SchemeItem,
  code: string,
  given: Map<string, InputValue>,
  origin: string | undefined,
  note: string | undefined,
): Scored {
  const v = given.get(code);
  const rule = item.rule;
  if (v === undefined) {
    // A veto item with no rows at all is the usual case: nobody was vetoed this period, and the line says so.
    if (rule.kind === 'veto')
      return none(
        given.size === 0 ? '一票否决：无（本期没有否决录入）' : '一票否决：无（未录入，视为未否决）',
      );
    return none(origin ? `${origin}，记0分` : '未录入分值，记0分');
  }
  if (v === 'veto') {
    if (rule.kind !== 'veto')
      throw new TiaoduError('assess.inputs', `项目「${item.name}」不是一票否决项，分值不能为「否决」`);
    const why = note ? `（${note}）` : '';
    return {
      input: '否决',
      target: null,
      points: 0,
      explain: `一票否决${why}：总分记0分，组内排最后`,
      rank: null,
    };
  }
  if (rule.kind === 'veto')
    return { input: v, target: null, points: 0, explain: '一票否决：无（未否决）', rank: null };
  const said = origin ?? '录入';
  if (rule.kind === 'scaled') {
    const points = (item.weight * v) / rule.of;
    return {
      input: v,
      target: null,
      points: clean(points),
      explain: `${said}${n(v)}（满分${n(rule.of)}），${n(item.weight)}×${n(v)}÷${n(rule.of)}=${pts(points)}`,
      rank: null,
    };
  }
  return { input: v, target: null, points: clean(v), explain: `${said}${pts(v)}`, rank: null };
}

/** The veto items that struck a region, each with its reason when one was entered. */
function vetoReason(items: ItemScore[], code: string, data: AssessData): string | null {
  const struck = items.filter((it) => it.input === '否决');
  if (struck.length === 0) return null;
  return struck
    .map((it) => {
      const note = data.notes?.get(it.name)?.get(code);
      return note ? `${it.name}：${note}` : it.name;
    })
    .join('；');
}

/**
 * Scores every region of every group: items within the group, total = Σ points + bonus − penalty (each capped),
 * rounded to 2 decimals; competition ranks on the total; a vetoed region scores 0 and ranks last (the group's
 * size) while the others rank among themselves.
 * @example assess(scheme, data)[0] // { region: '岳口镇', group: '一类', total: 87.5, rank: 1, vetoed: false, items: […] }
 */
export function assess(scheme: Scheme, data: AssessData): RegionScore[] {
  const out: RegionScore[] = [];
  for (const group of data.groups) {
    const perItem = scheme.items.map((item) => {
      if (item.input) {
        const given = data.inputs.get(item.name) ?? new Map<string, InputValue>();
        const origins = data.origins?.get(item.name);
        const notes = data.notes?.get(item.name);
        return new Map(
          group.members.map((m) => [
            m.code,
            scoreInput(item, m.code, given, origins?.get(m.code), notes?.get(m.code)),
          ]),
        );
      }
      const stat = data.stats.get(item.name);
      if (!stat) throw new TiaoduError('assess.scheme', `项目「${item.name}」没有取到统计数据`);
      return scoreStat(item, group.members, stat);
    });
    const rows = group.members.map((m): RegionScore => {
      const items = scheme.items.map((item, i) => ({
        name: item.name,
        ...(perItem[i]?.get(m.code) as Scored),
      }));
      const vetoed = items.some((it) => it.input === '否决');
      const bonus = capped(data.bonus.get(m.code) ?? 0, scheme.bonus?.max);
      const penalty = capped(data.penalty.get(m.code) ?? 0, scheme.penalty?.max);
      const sum = items.reduce((s, it) => s + it.points, 0) + bonus - penalty;
      const total = vetoed ? 0 : Math.round(sum * 100) / 100;
      return {
        region: m.name,
        code: m.code,
        group: group.name,
        total,
        rank: 0,
        vetoed,
        bonus,
        penalty,
        rankBefore: null,
        rankChange: null,
        items,
        vetoReason: vetoReason(items, m.code, data),
      };
    });
    const ranks = rankItems(
      rows.filter((r) => !r.vetoed).map((r) => ({ key: r.code, value: r.total })),
      'up',
    );
    for (const r of rows) r.rank = r.vetoed ? group.members.length : (ranks.get(r.code) as number);
    rows.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
    out.push(...rows);
  }
  return out;
}

const capped = (v: number, max: number | undefined) => (max === undefined ? v : Math.min(v, max));

/**
 * The movement since an earlier run: a region's rank then (in the same group) and how many places it rose.
 * @example withMovement([{ code: 'a', group: '一类', rank: 2, … }], [{ code: 'a', group: '一类', rank: 4 }])[0].rankChange // 2
 */
export function withMovement(
  rows: RegionScore[],
  before: Pick<RegionScore, 'code' | 'group' | 'rank'>[] | null,
): RegionScore[] {
  if (!before) return rows;
  const then = new Map(before.map((r) => [`${r.group}|${r.code}`, r.rank]));
  return rows.map((r) => {
    const rankBefore = then.get(`${r.group}|${r.code}`) ?? null;
    return { ...r, rankBefore, rankChange: rankBefore === null ? null : rankBefore - r.rank };
  });
}

/**
 * The red and black lists (红榜、黑榜) by the ranks of each group: red = ranks up to `top` (a vetoed region never),
 * black = the last `bottom` places (ties at the edge included, a vetoed region always, being last).
 * @example honourLists({ red: { top: 1 }, black: { bottom: 1 } }, rows) // { red: ['a'], black: ['c'] }
 */
export function honourLists(
  lists: Lists | null | undefined,
  rows: Pick<RegionScore, 'code' | 'group' | 'rank' | 'vetoed'>[],
): { red: string[]; black: string[] } {
  const size = new Map<string, number>();
  for (const r of rows) size.set(r.group, (size.get(r.group) ?? 0) + 1);
  const red = lists?.red
    ? rows.filter((r) => !r.vetoed && r.rank <= (lists.red?.top ?? 0)).map((r) => r.code)
    : [];
  const black = lists?.black
    ? rows
        .filter((r) => r.vetoed || r.rank > (size.get(r.group) ?? 0) - (lists.black?.bottom ?? 0))
        .map((r) => r.code)
    : [];
  return { red, black };
}
