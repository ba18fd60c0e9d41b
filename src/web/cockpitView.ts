// What the cockpit draws for an overview row: the texts and colours of a target card, the lagging list and the
// trend chart. Pure, so the rules of presentation are tested in milliseconds (cockpitView.test.ts).

import type { ProgressStatus } from '../contract/web.ts';
import type { OverviewRow, ProgressRow } from './api.ts';
import {
  changeTone,
  formatAmount,
  formatCompletion,
  formatGrowth,
  formatPercent,
  formatPoints,
  formatPointsChange,
  formatRankChange,
  isLagging,
  type Lang,
  rankChangeTone,
  STATUS_TEXT,
  STATUS_TONE,
  statusColor,
  TONE_COLOR,
} from './format.ts';

export interface CardView {
  /** The year-to-date figure the target is measured on: a growth ('5.8%') or an amount ('113.95亿元'). */
  actual: string;
  /** What `actual` is: 累计增速 for a growth, 累计 for an amount, 当前 for a rate. */
  actualLabel: string;
  target: string;
  color: string;
  /** The status in Chinese (the page translates it); 无数据 without a figure. */
  status: string;
  lagging: boolean;
  /** 增速排位 among the siblings: '2/13'. */
  rank: string | null;
  rankChange: { text: string; color: string } | null;
  /** An amount target: completion (true value) against time progress; the bar never runs past its end. */
  progress: { bar: number; text: string; time: number; timeText: string } | null;
  /** A growth, ceiling or floor target: the gap in 百分点 (signed). */
  gap: string | null;
  parentGrowth: string | null;
  swing: boolean;
}

const clamp = (v: number) => Math.max(0, Math.min(100, v));

/** The target as the card states it: 增长5.5%, 261.00亿元, ≤5.5%. */
export function targetText(row: OverviewRow, lang: Lang = 'zh'): string {
  if (row.target === null) return '—';
  if (row.targetKind === 'growth') return formatGrowth(row.target, lang);
  const bound = row.targetKind === 'ceiling' ? '≤' : row.targetKind === 'floor' ? '≥' : '';
  return row.actualUnit === '%' && row.unit !== '%'
    ? `${bound}${formatPercent(row.target)}`
    : `${bound}${formatAmount(row.target, row.unit)}`;
}

/** The card of an indicator with a target. */
export function cardView(row: OverviewRow, lang: Lang = 'zh'): CardView {
  const growth = row.actualUnit === '%' && row.unit !== '%';
  const amount = row.targetKind === 'amount';
  return {
    actual:
      row.actualUnit === '%'
        ? formatPercent(row.actual)
        : formatAmount(row.actual, row.actualUnit ?? row.unit),
    actualLabel: amount ? '累计' : growth ? '累计增速' : '当前',
    target: targetText(row, lang),
    color: statusColor(row.status),
    status: row.status ? STATUS_TEXT[row.status] : '无数据',
    lagging: isLagging(row.status),
    rank: row.rank === null || row.rankOf === null ? null : `${row.rank}/${row.rankOf}`,
    rankChange:
      row.rankChange === null || row.rankChange === 0
        ? null
        : { text: formatRankChange(row.rankChange), color: TONE_COLOR[rankChangeTone(row.rankChange)] },
    progress:
      amount && row.completion !== null && row.timeProgress !== null
        ? {
            bar: clamp(row.completion),
            text: formatCompletion(row.completion),
            time: clamp(row.timeProgress),
            timeText: formatCompletion(row.timeProgress),
          }
        : null,
    gap: amount ? null : row.gap === null ? null : formatPoints(row.gap, lang),
    parentGrowth: row.parentYoy === null ? null : formatGrowth(row.parentYoy, lang),
    swing: row.swing,
  };
}

/**
 * An indicator's year-to-date change as the figure table prints it, coloured by the indicator's direction
 * (unemployment falling reads well). A rate (失业率) changes by 百分点; its growth as a ratio would mislead.
 */
export function growthCell(row: OverviewRow, lang: Lang = 'zh'): { text: string; color: string } {
  const points = row.yoyPoints !== null;
  const change = points ? row.yoyPoints : row.yoy;
  // Coloured by the change as printed: what prints as 持平 is not drawn as a gain or a loss.
  const printed = change === null ? null : Number(change.toFixed(1));
  return {
    text: points ? formatPointsChange(row.yoyPoints, lang) : formatGrowth(row.yoy, lang),
    color: TONE_COLOR[changeTone(printed, row.direction)],
  };
}

/** A sub-region's cell in the cockpit's status grid: completion for an amount target, the figure otherwise. */
export const statusCellText = (r: ProgressRow): string =>
  r.targetKind === 'amount'
    ? formatCompletion(r.completion)
    : r.unit === '%'
      ? formatPercent(r.actual)
      : formatAmount(r.actual, r.unit);

/** The lagging items (滞后, 严重滞后), the furthest behind first. */
export function laggingRows(rows: OverviewRow[]): OverviewRow[] {
  return rows.filter((r) => isLagging(r.status)).sort((a, b) => (a.gap ?? 0) - (b.gap ?? 0));
}

/** The legend of the status colours, in the order from best to worst. */
export const STATUS_LEGEND: { status: ProgressStatus; text: string; color: string; tone: string }[] = (
  ['ahead', 'on_track', 'behind', 'off_track'] as const
).map((status) => ({
  status,
  text: STATUS_TEXT[status],
  color: statusColor(status),
  tone: STATUS_TONE[status],
}));

/**
 * The trend chart of one indicator's year-to-date growth, with its target for the target's year: a legend
 * naming both lines, the unit on the axis and in the tooltip.
 */
export function trendOption(input: {
  points: { period: string; yoy: number | null }[];
  target: number | null;
  year: string;
  names: { growth: string; target: string };
}) {
  const { points, target, year, names } = input;
  return {
    legend: { data: [names.growth, names.target], top: 0 },
    tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => formatPercent(v as number | null) },
    grid: { left: 48, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'category' as const, data: points.map((p) => p.period) },
    yAxis: { type: 'value' as const, name: '%', axisLabel: { formatter: '{value}%' } },
    series: [
      { type: 'line' as const, name: names.growth, data: points.map((p) => p.yoy), smooth: true },
      {
        type: 'line' as const,
        name: names.target,
        // The target belongs to its year only.
        data: points.map((p) => (p.period.startsWith(year) ? target : null)),
        lineStyle: { type: 'dashed' as const },
        symbol: 'none',
      },
    ],
  };
}
