import { describe, expect, it } from 'vitest';
import type { OverviewRow } from './api.ts';
import { cardView, laggingRows, STATUS_LEGEND, targetText, trendOption } from './cockpitView.ts';
import { TONE_COLOR } from './format.ts';

const row = (r: Partial<OverviewRow>): OverviewRow => ({
  indicator: 'fai',
  name: '固定资产投资',
  unit: '亿元',
  direction: 'up',
  dataPeriod: '2025-06',
  value: 319.56,
  yoy: 4,
  yoyPoints: null,
  parentYoy: 3.1,
  target: 4,
  targetKind: 'growth',
  actual: 4,
  actualUnit: '%',
  completion: null,
  timeProgress: 50,
  gap: 0,
  status: 'on_track',
  rank: 10,
  rankOf: 13,
  rankChange: 0,
  previousYoy: null,
  previousPeriod: null,
  swing: false,
  ...r,
});

describe('a target card', () => {
  it('shows a growth target’s growth with one decimal, the gap in 百分点 and the city’s growth beside it', () => {
    const v = cardView(row({ actual: 3.96, gap: -0.04, parentYoy: 3.14 }));
    expect(v).toMatchObject({
      actual: '4.0%',
      actualLabel: '累计增速',
      target: '增长4.0%',
      gap: '0.0个百分点',
      parentGrowth: '增长3.1%',
      rank: '10/13',
      rankChange: null,
      progress: null,
    });
  });

  it('shows an amount target’s true completion against time, in the colour of its status, never 100% unfinished', () => {
    const v = cardView(
      row({
        indicator: 'budget_revenue',
        targetKind: 'amount',
        target: 261,
        actual: 260.9,
        actualUnit: '亿元',
        completion: 99.96,
        timeProgress: 100,
        gap: -0.04,
        status: 'behind',
      }),
    );
    expect(v.actual).toBe('260.90亿元');
    expect(v.target).toBe('261.00亿元');
    expect(v.progress).toEqual({ bar: 99.96, text: '99.9%', time: 100, timeText: '100.0%' });
    expect(v.lagging).toBe(true);
    expect(v.color).toBe(TONE_COLOR.warn);
    expect(v.gap).toBeNull();
  });

  it('lets the bar stop at its end while the text says how far past the target an item is', () => {
    const v = cardView(
      row({ targetKind: 'amount', actualUnit: '亿元', completion: 112.34, timeProgress: 50 }),
    );
    expect(v.progress).toMatchObject({ bar: 100, text: '112.3%' });
  });

  it('shows unemployment against its ceiling as a rate, and in the bad colour when far over it', () => {
    const unemployment = row({
      indicator: 'unemployment_rate',
      unit: '%',
      direction: 'down',
      targetKind: 'ceiling',
      target: 5.5,
      actual: 8,
      actualUnit: '%',
      gap: -2.5,
      status: 'off_track',
    });
    expect(targetText(unemployment)).toBe('≤5.5%');
    expect(cardView(unemployment)).toMatchObject({
      actual: '8.0%',
      actualLabel: '当前',
      color: TONE_COLOR.bad,
    });
  });

  it('colours 进位 good and 退位 bad, and says nothing of an unchanged rank', () => {
    expect(cardView(row({ rankChange: 3 })).rankChange).toEqual({ text: '↑3', color: TONE_COLOR.good });
    expect(cardView(row({ rankChange: -2 })).rankChange).toEqual({ text: '↓2', color: TONE_COLOR.bad });
    expect(cardView(row({ rank: null, rankOf: null })).rank).toBeNull();
  });
});

describe('the lagging list and the legend', () => {
  it('lists only lagging items, the furthest behind first', () => {
    const rows = [
      row({ indicator: 'a', status: 'behind', gap: -0.5 }),
      row({ indicator: 'b', status: 'on_track', gap: 1 }),
      row({ indicator: 'c', status: 'off_track', gap: -3 }),
    ];
    expect(laggingRows(rows).map((r) => r.indicator)).toEqual(['c', 'a']);
  });

  it('names every status colour, none of the lagging ones good', () => {
    expect(STATUS_LEGEND.map((s) => s.text)).toEqual(['超前', '正常', '滞后', '严重滞后']);
    expect(STATUS_LEGEND.filter((s) => s.tone === 'good').map((s) => s.status)).toEqual([
      'ahead',
      'on_track',
    ]);
  });
});

describe('the trend chart', () => {
  it('has a legend for both lines, % on the axis and in the tooltip, and the target only in its year', () => {
    const o = trendOption({
      points: [
        { period: '2024-12', yoy: 5.1 },
        { period: '2025-03', yoy: 4.9 },
        { period: '2025-06', yoy: 5.8 },
      ],
      target: 5.5,
      year: '2025',
      names: { growth: '累计同比增速', target: '目标增速' },
    });
    expect(o.legend.data).toEqual(['累计同比增速', '目标增速']);
    expect(o.yAxis).toMatchObject({ name: '%', axisLabel: { formatter: '{value}%' } });
    expect(o.tooltip.valueFormatter(5.84)).toBe('5.8%');
    expect(o.series[1]?.data).toEqual([null, 5.5, 5.5]);
  });
});
