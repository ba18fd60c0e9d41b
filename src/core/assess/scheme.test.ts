import { describe, expect, it } from 'vitest';
import { checkGroupSizes, readScheme } from './scheme.ts';
import { INDICATORS } from './testing.ts';

const base = { name: '考核', parent: '天门市' };
const rankItem = {
  name: '增速',
  indicator: 'gdp',
  measure: 'yoy',
  weight: 10,
  rule: { kind: 'rank', step: 0.05 },
};
const read = (extra: object) => () => readScheme({ ...base, ...extra }, INDICATORS);

describe('reading an assessment scheme', () => {
  it('resolves an indicator given by name to its code and keeps the items in order', () => {
    const s = readScheme(
      {
        ...base,
        period: '2025-06',
        items: [
          { ...rankItem, indicator: '地区生产总值' },
          { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
          { name: '安全生产', input: true, rule: { kind: 'veto' } },
        ],
        bonus: { max: 5 },
      },
      INDICATORS,
    );
    expect(s.items.map((i) => [i.name, i.indicator, i.weight])).toEqual([
      ['增速', 'gdp', 10],
      ['拉练', null, 20],
      ['安全生产', null, 0],
    ]);
    expect(s.bonus).toEqual({ max: 5 });
    expect(s.penalty).toBeNull();
  });

  it('names an unknown indicator', () => {
    expect(read({ items: [{ ...rankItem, indicator: '亩均税收' }] })).toThrow(
      '考核方案有误：第1项「增速」的指标「亩均税收」未知（不在指标目录中）',
    );
  });

  it('says when the weights do not add up to the declared total', () => {
    const items = [rankItem, { name: '拉练', input: true, weight: 85, rule: { kind: 'scaled', of: 100 } }];
    expect(read({ total: 100, items })).toThrow('各项权重之和为 95，与声明的总分 total 100 不符');
    expect(read({ total: 95, items })).not.toThrow();
  });

  it('refuses a group with one member, listed or resolved from a region group', () => {
    expect(read({ groups: { 一类: ['岳口镇'] }, items: [rankItem] })).toThrow(
      '分组「一类」只有 1 个地区，一组至少需要 2 个',
    );
    expect(() => checkGroupSizes([{ name: '二类', members: [{ name: '多祥镇' }] }])).toThrow(
      '分组「二类」只有 1 个地区（多祥镇），一组至少需要 2 个',
    );
  });

  it('refuses an input rule on an item that is not an input, and an item that is neither', () => {
    expect(read({ items: [{ name: '拉练', weight: 20, rule: { kind: 'scaled', of: 100 } }] })).toThrow(
      '第1项「拉练」的规则 scaled 按录入分值计分，应写 "input": true',
    );
    expect(read({ items: [{ name: '增速', weight: 10, rule: { kind: 'rank', step: 0.05 } }] })).toThrow(
      '第1项「增速」既没有指标 indicator，也不是录入项（"input": true）',
    );
  });

  it('names an unknown rule kind and a bad parameter', () => {
    expect(read({ items: [{ ...rankItem, rule: { kind: 'ratio' } }] })).toThrow(
      '第1项「增速」的计分规则「ratio」未知，应为 rank、deviation、completion、efficacy、bands、scaled、manual、veto 之一',
    );
    expect(read({ items: [{ ...rankItem, rule: { kind: 'rank', step: '5%' } }] })).toThrow(
      '第1项「增速」的参数 step 应为数字，收到 "5%"',
    );
    expect(
      read({
        items: [{ ...rankItem, rule: { kind: 'deviation', base: 0.8, perPoint: 0.05, min: 2, max: 1 } }],
      }),
    ).toThrow('第1项「增速」的参数 min（2）大于 max（1）');
    expect(read({ items: [{ ...rankItem, rule: { kind: 'bands', bands: [] } }] })).toThrow(
      '第1项「增速」的参数 bands 应为非空数组',
    );
  });

  it('refuses a period that is not YYYY-MM and two items with one name', () => {
    expect(read({ period: '2025-6', items: [rankItem] })).toThrow('period 应为 YYYY-MM，收到 "2025-6"');
    expect(read({ items: [rankItem, rankItem] })).toThrow('项目「增速」出现了两次');
  });
});
