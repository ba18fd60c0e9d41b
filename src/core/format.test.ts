import { describe, expect, it } from 'vitest';
import {
  amountDigits,
  changeTone,
  formatAmount,
  formatCompletion,
  formatGrowth,
  formatPercent,
  formatPoints,
  formatPointsChange,
  formatRankChange,
  isLagging,
  rankChangeTone,
  STATUS_TEXT,
  statusColor,
  TONE_COLOR,
} from './format.ts';

describe('growth as a briefing prints it', () => {
  it('says 增长 or 下降 with one decimal, and 持平 for what rounds to zero', () => {
    expect(formatGrowth(6.48)).toBe('增长6.5%');
    expect(formatGrowth(6.5)).toBe('增长6.5%');
    expect(formatGrowth(-2.96)).toBe('下降3.0%');
    expect(formatGrowth(0.04)).toBe('持平');
    expect(formatGrowth(-0.04)).toBe('持平');
    expect(formatGrowth(12)).toBe('增长12.0%');
    expect(formatGrowth(null)).toBe('—');
  });

  it('has an English form for the English interface', () => {
    expect(formatGrowth(6.48, 'en')).toBe('up 6.5%');
    expect(formatGrowth(-3, 'en')).toBe('down 3.0%');
    expect(formatGrowth(0, 'en')).toBe('flat');
  });
});

describe('rates, differences and completion', () => {
  it('prints rates and shares with one decimal and their sign', () => {
    expect(formatPercent(50)).toBe('50.0%');
    expect(formatPercent(-2.96)).toBe('-3.0%');
    expect(formatPercent(-0.01)).toBe('0.0%');
  });

  it('prints differences of rates in 百分点, one decimal, signed', () => {
    expect(formatPoints(1.25)).toBe('+1.3个百分点');
    expect(formatPoints(-0.54)).toBe('-0.5个百分点');
    expect(formatPoints(0.04)).toBe('0.0个百分点');
    expect(formatPoints(-6.36, 'en')).toBe('-6.4 pp');
  });

  it('states a rate’s change from last year in 百分点: 上升, 下降 or 持平', () => {
    expect(formatPointsChange(0.2)).toBe('上升0.2个百分点');
    expect(formatPointsChange(-0.26)).toBe('下降0.3个百分点');
    expect(formatPointsChange(0.01)).toBe('持平');
    expect(formatPointsChange(0.2, 'en')).toBe('up 0.2 pp');
  });

  it('never prints an unfinished task as 100%', () => {
    expect(formatCompletion(43.66)).toBe('43.7%');
    expect(formatCompletion(99.96)).toBe('99.9%');
    expect(formatCompletion(99.94)).toBe('99.9%');
    expect(formatCompletion(100)).toBe('100.0%');
    expect(formatCompletion(104.25)).toBe('104.3%');
  });
});

describe('amounts in the indicator’s unit', () => {
  it('uses the digits the unit is read with', () => {
    expect(formatAmount(2345.678, '亿元')).toBe('2,345.68亿元');
    expect(formatAmount(113.95, '亿元')).toBe('113.95亿元');
    expect(formatAmount(133914.4, '元')).toBe('133,914元');
    expect(formatAmount(1520, '家')).toBe('1,520家');
    expect(formatAmount(5, '%')).toBe('5.0%');
    expect(formatAmount(0.3521, '吨标准煤/万元')).toBe('0.352吨标准煤/万元');
    expect(formatAmount(123456.7, '万元')).toBe('123,457万元');
    expect(formatAmount(89309.72, '亿元', false)).toBe('89,309.72');
    expect(formatAmount(null, '亿元')).toBe('—');
  });

  it('keeps two decimals for 亿元 and none for counts', () => {
    expect(amountDigits(8102.58, '亿元')).toBe(2);
    expect(amountDigits(3, '家')).toBe(0);
  });
});

describe('rank changes', () => {
  it('prints 进位 as ↑, 退位 as ↓, no change as —, and nothing without a rank before', () => {
    expect(formatRankChange(2)).toBe('↑2');
    expect(formatRankChange(-1)).toBe('↓1');
    expect(formatRankChange(0)).toBe('—');
    expect(formatRankChange(null)).toBe('');
  });

  it('colours 进位 good and 退位 bad', () => {
    expect(rankChangeTone(2)).toBe('good');
    expect(rankChangeTone(-1)).toBe('bad');
  });
});

describe('colours by status and direction', () => {
  it('draws a lagging item in a warning or bad colour, never a good one', () => {
    expect(isLagging('behind')).toBe(true);
    expect(isLagging('off_track')).toBe(true);
    expect(isLagging('on_track')).toBe(false);
    expect(statusColor('behind')).toBe(TONE_COLOR.warn);
    expect(statusColor('off_track')).toBe(TONE_COLOR.bad);
    expect(statusColor('ahead')).toBe(TONE_COLOR.good);
    expect([TONE_COLOR.good, '#52a447']).toContain(statusColor('on_track'));
    expect(statusColor(null)).toBe(TONE_COLOR.neutral);
    expect(STATUS_TEXT.off_track).toBe('严重滞后');
  });

  it('reads a fall in unemployment as good and a rise in investment as good', () => {
    expect(changeTone(-0.3, 'down')).toBe('good');
    expect(changeTone(0.3, 'down')).toBe('bad');
    expect(changeTone(4, 'up')).toBe('good');
    expect(changeTone(-4, 'up')).toBe('bad');
    expect(changeTone(0, 'up')).toBe('neutral');
  });
});
