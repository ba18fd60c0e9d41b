// The region–period overview (the cockpit's and the briefing's read model): per indicator the region's figure,
// its growth beside the parent's, the target and progress, its standing among the siblings, and a swing flag.
import { builtinIndicators } from './catalog.ts';
import { percentagePoints, readGrowth, round2 } from './growth.ts';
import { actualIsGrowth } from './progress.ts';
import { mostCommonLevel, standings } from './rank.ts';
import { isSwing, SWING_PP } from './swing.ts';
import type { Direction, Explanation, Indicator, ProgressStatus, TargetKind } from './types.ts';

/** One published figure with last year's same period, from which its growth is read. */
export interface Figure {
  value: number | null;
  /** Published growth, when the source gave one. */
  yoy: number | null;
  /** The same period a year earlier, for the derived growth. */
  lastValue: number | null;
}

/** A sibling region's figure, for the rank. */
export interface PeerFigure extends Figure {
  code: string;
  level: number;
}

/** The target fields of a progress row (as `tiaodu progress` computes them), carried over unchanged. */
export interface TargetFields {
  target: number;
  targetKind: TargetKind;
  actual: number | null;
  timeProgress: number;
  completion: number | null;
  gap: number | null;
  status: ProgressStatus | null;
  explain?: Explanation;
}

/** What the store read for one indicator of the region. */
export interface OverviewSource {
  indicator: Indicator;
  /**
   * The period the figure is from: the latest published one of the year up to the overview's period. Null
   * (and no figure) for an indicator with a target but no figure yet this year.
   */
  dataPeriod: string | null;
  figure: Figure | null;
  /** The figure of the period before it in the region's series (any year), for the swing. */
  previous: Figure | null;
  /** The period of `previous` (the briefing's 比1—5月提高…); absent when not read. */
  previousPeriod?: string | null;
  /** The parent region's figure for the same period; null when there is no parent or it is not to be shown. */
  parent: Figure | null;
  /** Every sibling (the region included) now and in the league's previous period; null without a parent. */
  peers: { now: PeerFigure[]; before: PeerFigure[] } | null;
  target: TargetFields | null;
}

export interface OverviewRow {
  indicator: string;
  name: string;
  unit: string;
  direction: Direction;
  dataPeriod: string | null;
  value: number | null;
  yoy: number | null;
  /** For a rate (失业率): the change from the same period last year in 百分点, as a briefing states it. */
  yoyPoints: number | null;
  parentYoy: number | null;
  target: number | null;
  targetKind: TargetKind | null;
  actual: number | null;
  /** The unit of `actual`: '%' when it is a growth, else the indicator's unit; null without a target. */
  actualUnit: string | null;
  completion: number | null;
  timeProgress: number | null;
  gap: number | null;
  status: ProgressStatus | null;
  /** By year-to-date growth among the siblings, direction-aware; null without siblings or growth. */
  rank: number | null;
  rankOf: number | null;
  /** Positive = moved up since the league's previous period. */
  rankChange: number | null;
  /** Growth in the period before (any year), and that period: what 比1—5月提高/回落 compares with. */
  previousYoy: number | null;
  previousPeriod: string | null;
  /** 大起大落: growth moved more than the threshold from the previous period's. */
  swing: boolean;
  explain?: Explanation;
  /** How the growth was read (published or derived, with its inputs): what the briefing's numbers link to. */
  growthExplain?: Explanation;
  /**
   * The published growth differs (> 0.1 pp) from the one last year's published value gives: the base was
   * restated to the same scope (同口径), as the briefing says.
   */
  sameScope?: boolean;
}

/** The overview of one region and period (GET /api/overview, `tiaodu overview --json`). */
export interface Overview {
  region: { code: string; name: string };
  /** The parent region when it is loaded (its children are the siblings ranked); null for the top. */
  parent: { code: string; name: string } | null;
  period: string;
  rows: OverviewRow[];
  /** 双过半 and 全年红 over the region's targets, as `progress` says them. */
  doubleHalf: boolean;
  allGreen: boolean;
}

/**
 * The region's standing among its siblings by growth: the siblings at the level most of them sit at (as a
 * league of "the children of" the parent ranks them), ranked now and in the previous period.
 */
function peerStanding(source: OverviewSource, regionCode: string) {
  if (!source.peers) return { rank: null, rankOf: null, rankChange: null };
  const level = mostCommonLevel(source.peers.now.map((p) => p.level));
  const beforeLevel = level ?? mostCommonLevel(source.peers.before.map((p) => p.level));
  const growth = (p: PeerFigure) => ({ key: p.code, value: readGrowth(source.indicator, p).yoy });
  const all = standings(
    source.peers.now.filter((p) => p.level === level).map(growth),
    source.peers.before.filter((p) => p.level === beforeLevel).map(growth),
    source.indicator.direction,
  );
  const mine = all.get(regionCode);
  return {
    rank: mine?.rank ?? null,
    rankOf: mine?.rankOf ?? [...all.values()][0]?.rankOf ?? 0,
    rankChange: mine?.rankChange ?? null,
  };
}

/**
 * One overview row from what the store read: growth as `series` shows it, target fields as `progress`
 * computes them, rank as `league --by yoy` among the siblings gives it.
 * @example overviewRow({ indicator: fai, dataPeriod: '2025-06', figure: { value: 110, yoy: null, lastValue: 100 }, … }, '330106').yoy // 10
 */
export function overviewRow(source: OverviewSource, regionCode: string, swingPp = SWING_PP): OverviewRow {
  const { indicator, target } = source;
  const growth = source.figure ? readGrowth(indicator, source.figure) : null;
  const before = source.previous ? readGrowth(indicator, source.previous).yoy : null;
  return {
    indicator: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    dataPeriod: source.dataPeriod,
    value: source.figure?.value ?? null,
    yoy: growth?.yoy ?? null,
    yoyPoints:
      indicator.measure === 'rate'
        ? round2(percentagePoints(source.figure?.value ?? null, source.figure?.lastValue ?? null))
        : null,
    parentYoy: source.parent ? readGrowth(indicator, source.parent).yoy : null,
    target: target?.target ?? null,
    targetKind: target?.targetKind ?? null,
    actual: target?.actual ?? null,
    actualUnit: target ? (actualIsGrowth(target.targetKind, indicator.measure) ? '%' : indicator.unit) : null,
    completion: target?.completion ?? null,
    timeProgress: target?.timeProgress ?? null,
    gap: target?.gap ?? null,
    status: target?.status ?? null,
    ...peerStanding(source, regionCode),
    previousYoy: before,
    previousPeriod: source.previous ? (source.previousPeriod ?? null) : null,
    swing: isSwing(before, growth?.yoy, swingPp),
    ...(target?.explain ? { explain: target.explain } : {}),
    ...(growth ? { growthExplain: growth.explain } : {}),
    ...(growth?.flagged ? { sameScope: true } : {}),
  };
}

const CATALOGUE_ORDER = new Map(builtinIndicators.map((i, n) => [i.code, n]));

/**
 * Indicators in the order a briefing takes them (the built-in catalogue: GDP, industry, investment,
 * consumption, fiscal, trade …), the deployment's own after them by code.
 */
export function inCatalogueOrder<I extends Pick<Indicator, 'code'>>(indicators: I[]): I[] {
  const place = (i: I) => CATALOGUE_ORDER.get(i.code) ?? Number.POSITIVE_INFINITY;
  return [...indicators].sort((a, b) => place(a) - place(b) || a.code.localeCompare(b.code));
}

/** The overview as printed without `explain`: the rows' explanations (how each figure was computed) left out. */
export function withoutExplanations(o: Overview): Overview {
  return { ...o, rows: o.rows.map(({ explain: _, growthExplain: __, ...row }) => row) };
}
