import { describe, expect, it } from 'vitest';
import type { OverviewRow, ProgressRow } from './api.ts';
import {
  cardView,
  growthCell,
  laggingRows,
  STATUS_LEGEND,
  statusCellText,
  targetText,
  trendOption,
} from './cockpitView.ts';
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

describe('a card without a status, and targets with a bound', () => {
  it('shows an item without a figure in grey as 无数据, neither lagging nor good', () => {
    const v = cardView(row({ actual: null, status: null, gap: null, rank: null, rankOf: null }));
    expect(v).toMatchObject({
      actual: '—',
      status: '无数据',
      color: TONE_COLOR.neutral,
      lagging: false,
      gap: null,
    });
  });

  it('states a floor with ≥ in the indicator’s unit, and an on-track item in the lighter good colour', () => {
    const firms = row({ unit: '家', targetKind: 'floor', target: 1500, actual: 1520, actualUnit: '家' });
    expect(targetText(firms)).toBe('≥1,500家');
    expect(cardView(firms)).toMatchObject({ actual: '1,520家', actualLabel: '当前', color: '#52a447' });
  });

  it('speaks English in the target and the gap when the app does', () => {
    const v = cardView(row({ target: 5.5, gap: -1.26, parentYoy: -2 }), 'en');
    expect(v).toMatchObject({ target: 'up 5.5%', gap: '-1.3 pp', parentGrowth: 'down 2.0%' });
  });
});

describe('growth in the figure table, by the indicator’s direction', () => {
  const good = TONE_COLOR.good;
  const bad = TONE_COLOR.bad;

  it('reads a fall in unemployment, a rate, in 百分点 and as good; a rise as bad', () => {
    const rate = { unit: '%', direction: 'down' as const, yoy: null };
    expect(growthCell(row({ ...rate, yoyPoints: -0.3 }))).toEqual({ text: '下降0.3个百分点', color: good });
    expect(growthCell(row({ ...rate, yoyPoints: 0.26 }))).toEqual({ text: '上升0.3个百分点', color: bad });
  });

  it('reads a fall in energy use per unit of GDP as good, and a fall in investment as bad', () => {
    const energy = row({ unit: '吨标准煤/万元', direction: 'down', yoy: -3.04 });
    expect(growthCell(energy)).toEqual({ text: '下降3.0%', color: good });
    expect(growthCell(row({ yoy: -4 }))).toEqual({ text: '下降4.0%', color: bad });
    expect(growthCell(row({ yoy: 5.5 }), 'en')).toEqual({ text: 'up 5.5%', color: good });
  });

  it('draws what prints as 持平 in neither colour, and a missing growth as a grey dash', () => {
    expect(growthCell(row({ yoy: 0.04 }))).toEqual({ text: '持平', color: TONE_COLOR.neutral });
    expect(growthCell(row({ yoy: null }))).toEqual({ text: '—', color: TONE_COLOR.neutral });
  });
});

describe('a sub-region’s cell in the status grid', () => {
  const progress = (r: Partial<ProgressRow>): ProgressRow => ({
    indicator: '一般公共预算收入',
    indicatorCode: 'budget_revenue',
    unit: '亿元',
    target: 261,
    targetKind: 'amount',
    cmp: '>=',
    strength: 'expected',
    stretch: null,
    actual: 260.9,
    timeProgress: 100,
    completion: 99.96,
    gap: -0.04,
    status: 'behind',
    dataPeriod: '2025-12',
    needed: { growth: null, remaining: null, perMonth: null },
    ...r,
  });

  it('shows an amount target’s completion, never 100% before it is done', () => {
    expect(statusCellText(progress({}))).toBe('99.9%');
  });

  it('shows a growth as a rate with one decimal, and any other figure in its unit', () => {
    expect(statusCellText(progress({ targetKind: 'growth', unit: '%', actual: 5.84 }))).toBe('5.8%');
    expect(statusCellText(progress({ targetKind: 'floor', unit: '家', actual: 1520 }))).toBe('1,520家');
    expect(statusCellText(progress({ targetKind: 'growth', unit: '%', actual: null }))).toBe('—');
  });
});
