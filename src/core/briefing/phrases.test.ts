import { describe, expect, it } from 'vitest';
import {
  changePhrase,
  chineseCount,
  forecastPrefix,
  growthPhrase,
  periodLabel,
  pointsBetween,
  rankPhrase,
  ratePhrase,
  selfName,
  targetPhrase,
  vsParentPhrase,
} from './phrases.ts';

const base = { unit: '亿元', yoy: null, value: null, completion: null, timeProgress: 50, gap: null };

describe('briefing phrases', () => {
  it('says growth by its sign and never prints 增长-3.0%', () => {
    expect(growthPhrase(6.48)).toBe('增长6.5%');
    expect(growthPhrase(-2.96)).toBe('下降3.0%');
    expect(growthPhrase(0.04)).toBe('持平');
    expect(growthPhrase(-0.04)).toBe('持平');
    expect(growthPhrase(null)).toBeNull();
  });

  it('says growth above 100% in 倍 and 100% itself as a percentage', () => {
    expect(growthPhrase(150)).toBe('增长1.5倍');
    expect(growthPhrase(470)).toBe('增长4.7倍');
    expect(growthPhrase(100)).toBe('增长100.0%');
  });

  it('takes differences in 百分点 from the printed one-decimal figures', () => {
    // 5.84 prints 5.8 and 4.46 prints 4.5: the reader sees 5.8 − 4.5 = 1.3, not 1.38.
    expect(pointsBetween(5.84, 4.46)).toBe(1.3);
    expect(pointsBetween(null, 4)).toBeNull();
  });

  it('says 提高 or 回落 against the last period, and 持平 when the printed growths are equal', () => {
    expect(changePhrase(6.0, 5.7, '1—5月')).toBe('比1—5月提高0.3个百分点');
    expect(changePhrase(6.0, 6.8, '1—5月')).toBe('比1—5月回落0.8个百分点');
    expect(changePhrase(5.02, 4.98, '一季度')).toBe('与一季度持平');
    expect(changePhrase(5, null, '1—5月')).toBeNull();
  });

  it('says 高于 or 低于全市 with the parent figure and the difference in 百分点', () => {
    expect(vsParentPhrase(6.0, 5.6, '全市')).toBe('高于全市（5.6%）0.4个百分点');
    expect(vsParentPhrase(4.1, 5.3, '全市')).toBe('低于全市（5.3%）1.2个百分点');
    expect(vsParentPhrase(-1.0, -3.0, '全市')).toBe('高于全市（-3.0%）2.0个百分点');
    expect(vsParentPhrase(9, 9, '全市')).toBe('与全市持平');
  });

  it('says the rank and its movement as 前移 or 后退 N位', () => {
    expect(rankPhrase(2, 3, '全市13个区、县（市）', '一季度')).toBe(
      '居全市13个区、县（市）第2位，位次比一季度前移3位',
    );
    expect(rankPhrase(5, -2, '全市13个区、县（市）', '1—5月')).toBe(
      '居全市13个区、县（市）第5位，位次比1—5月后退2位',
    );
    expect(rankPhrase(10, 0, '全市13个区、县（市）', '1—5月')).toBe(
      '居全市13个区、县（市）第10位，位次与1—5月持平',
    );
    expect(rankPhrase(4, null, '全市13个区、县（市）', '1—5月')).toBe('居全市13个区、县（市）第4位');
    expect(rankPhrase(null, 1, '全市', '1—5月')).toBeNull();
  });

  it('says a rate by its change in 百分点 from last year', () => {
    expect(ratePhrase(0.1)).toBe('比上年同期上升0.1个百分点');
    expect(ratePhrase(-0.3)).toBe('比上年同期下降0.3个百分点');
    expect(ratePhrase(0.01)).toBe('与上年同期持平');
  });

  it('writes 预计 before a forecast only', () => {
    expect(forecastPrefix(true)).toBe('预计');
    expect(forecastPrefix(false)).toBe('');
  });

  it('states a growth target by the gap and an amount target by completion against time', () => {
    expect(targetPhrase({ ...base, targetKind: 'growth', target: 5.5, gap: 0.3 })).toBe(
      '高于年度目标（增长5.5%）0.3个百分点',
    );
    expect(targetPhrase({ ...base, targetKind: 'growth', target: 6, gap: -1.24 })).toBe(
      '低于年度目标（增长6.0%）1.2个百分点',
    );
    expect(targetPhrase({ ...base, targetKind: 'growth', target: 6, gap: 0 })).toBe(
      '达到年度目标（增长6.0%）',
    );
    // 113.95 of 261: 43.66% against 50% of the year gone; 43.7 − 50.0 = −6.3.
    expect(targetPhrase({ ...base, targetKind: 'amount', target: 261, completion: 43.66, gap: -6.34 })).toBe(
      '完成年度目标（261.00亿元）的43.7%，低于时序进度（50.0%）6.3个百分点',
    );
    expect(targetPhrase({ ...base, unit: '%', targetKind: 'ceiling', target: 5.5, gap: 0.5 })).toBe(
      '控制在年度目标（5.5%）以内',
    );
    expect(targetPhrase({ ...base, targetKind: 'amount', target: 261, completion: null })).toBeNull();
  });

  it('names periods 1—N月, and quarterly figures 一季度/上半年/前三季度/全年', () => {
    expect(periodLabel('2025-06')).toBe('1—6月');
    expect(periodLabel('2025-01')).toBe('1月');
    expect(periodLabel('2025-06', { quarterly: true })).toBe('上半年');
    expect(periodLabel('2025-03', { quarterly: true })).toBe('一季度');
    expect(periodLabel('2025-09', { quarterly: true })).toBe('前三季度');
    expect(periodLabel('2024-12', { year: 2025 })).toBe('上年全年');
  });

  it('counts in Chinese numerals and names the region as its people do', () => {
    expect([chineseCount(3), chineseCount(10), chineseCount(12), chineseCount(20)]).toEqual([
      '三',
      '十',
      '十二',
      '二十',
    ]);
    expect([selfName('西湖区'), selfName('杭州市'), selfName('转塘街道'), selfName('双浦镇')]).toEqual([
      '全区',
      '全市',
      '全街道',
      '全镇',
    ]);
  });
});
