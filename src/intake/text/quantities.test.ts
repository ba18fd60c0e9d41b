import { describe, expect, it } from 'vitest';
import { chineseNumeral, halfWidth } from './numbers.ts';
import { findQuantities } from './quantities.ts';

const one = (text: string) => {
  const qs = findQuantities(text);
  return qs.map(({ values, valueHi, unit, cmp }) => ({ values, valueHi, unit, cmp }));
};

describe('numbers as documents write them', () => {
  it('reads Chinese numerals, with powers, positional digits and a decimal point', () => {
    expect(chineseNumeral('六')).toBe(6);
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('二十三')).toBe(23);
    expect(chineseNumeral('一百零五')).toBe(105);
    expect(chineseNumeral('三点五')).toBe(3.5);
    expect(chineseNumeral('二〇二四')).toBe(2024);
  });

  it('makes full-width digits and signs half-width without moving any offset', () => {
    const text = '增长５．５％以上';
    expect(halfWidth(text)).toBe('增长5.5%以上');
    expect(halfWidth(text)).toHaveLength(text.length);
  });
});

describe('finding quantities', () => {
  it('reads every unit the documents use', () => {
    const cases: [string, number, string][] = [
      ['不低于100亿元', 100, '亿元'],
      ['达到30万元', 30, '万元'],
      ['实际使用外资38亿美元', 38, '亿美元'],
      ['增长5.5%', 5.5, '%'],
      ['提高0.8个百分点', 0.8, '个百分点'],
      ['新增就业10.3万人', 10.3, '万人'],
      ['新增市场主体2万户', 2, '万户'],
      ['新增“四上”企业160家', 160, '家'],
      ['压缩至3个之内', 3, '个'],
      ['开工项目50项', 50, '项'],
      ['获省级表彰30次以上', 30, '次'],
      ['压缩至0.5个工作日', 0.5, '个工作日'],
      ['增长1.5倍', 1.5, '倍'],
      ['增长１０％', 10, '%'],
      ['增长百分之五', 5, '%'],
      ['增长两个百分点', 2, '个百分点'],
    ];
    for (const [text, value, unit] of cases)
      expect(one(text), text).toEqual([expect.objectContaining({ values: [value], unit })]);
  });

  it('reads thousands separators', () => {
    expect(one('完成投资1,234.5亿元')[0]?.values).toEqual([1234.5]);
  });

  it('reads the comparator beside the number', () => {
    expect(one('增长5.5%左右')[0]?.cmp).toBe('≈');
    expect(one('增长5%以上')[0]?.cmp).toBe('>=');
    expect(one('不低于100亿元')[0]?.cmp).toBe('>=');
    expect(one('控制在5.5%以内')[0]?.cmp).toBe('<=');
    expect(one('压缩至76个工作日内')[0]?.cmp).toBe('<=');
    expect(one('压缩至0.5个工作日')[0]?.cmp).toBe('<=');
    expect(one('约30亿元')[0]?.cmp).toBe('≈');
    expect(one('增长5%')[0]?.cmp).toBeNull();
  });

  it('reads a range as its two ends', () => {
    expect(one('下降2%—3%')).toEqual([{ values: [2], valueHi: 3, unit: '%', cmp: 'range' }]);
    expect(one('增长6-7%')).toEqual([{ values: [6], valueHi: 7, unit: '%', cmp: 'range' }]);
    expect(one('增长5%至6%')).toEqual([{ values: [5], valueHi: 6, unit: '%', cmp: 'range' }]);
  });

  it('reads a distributive list as one quantity with a value per item', () => {
    expect(one('分别增长5%、6%')).toEqual([{ values: [5, 6], valueHi: null, unit: '%', cmp: null }]);
    expect(one('分别增长6%、8%和5%左右')).toEqual([
      { values: [6, 8, 5], valueHi: null, unit: '%', cmp: '≈' },
    ]);
    expect(one('分别压缩至76个、80个工作日内')).toEqual([
      { values: [76, 80], valueHi: null, unit: '个工作日', cmp: '<=' },
    ]);
  });

  it('takes no quantity from list markers', () => {
    for (const t of [
      '一要加强经济运行调度督导',
      '二是外出招商',
      '第一，凝心聚力抓发展',
      '①加快项目建设',
      '（三）扩大有效投资',
      '1.稳增长',
    ])
      expect(one(t), t).toEqual([]);
  });

  it('takes no quantity from slogans and names', () => {
    for (const t of [
      '六稳六保',
      '落实省委"三高四新"战略',
      '九通一平',
      '全力推进"十四五"规划实施',
      '电子信息及5G应用',
      '“五个一”包抓工作机制',
      '打造“1+6+N”产业体系',
      '两个确立',
      '一件事一次办',
      '抓好“三个一批”',
    ])
      expect(one(t), t).toEqual([]);
  });

  it('takes no quantity from dates, anniversaries and durations', () => {
    for (const t of [
      '2024年是新中国成立75周年',
      '以优异成绩庆祝建党100周年',
      '5月上旬，将举办签约会',
      '1-5月全县',
      '力争通过三年努力',
      '3个月内完成',
      '2023年12月31日',
    ])
      expect(one(t), t).toEqual([]);
  });

  it('takes no quantity from page debris', () => {
    for (const t of ['共计38262个字,预计阅读时长128分钟', '浏览次数：1024', '第2/4页'])
      expect(one(t), t).toEqual([]);
  });

  it('keeps a count in Chinese numerals where the clause ends on it', () => {
    expect(one('确保新增规上企业十家。')).toEqual([{ values: [10], valueHi: null, unit: '家', cmp: null }]);
    expect(one('获省政府表彰三项以上，')).toEqual([{ values: [3], valueHi: null, unit: '项', cmp: '>=' }]);
    expect(one('县发改局负责，每月召开一次。')).toEqual([]);
  });

  it('keeps a real count written in Chinese numerals only with a strong unit', () => {
    expect(one('居全省第六位')).toEqual([]);
    expect(one('每月召开一次')).toEqual([]);
    expect(one('增长一倍')).toEqual([{ values: [1], valueHi: null, unit: '倍', cmp: null }]);
  });
});
