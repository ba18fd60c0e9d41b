import { describe, expect, it } from 'vitest';
import { builtinIndicators } from '../../core/catalog.ts';
import { extract } from './extract.ts';
import { datedDraft, draftTarget } from './review.ts';

const drafts = (text: string) =>
  extract(text, { year: 2024 }).targets.map((t) => draftTarget(t, builtinIndicators));

describe('the target a reviewer is offered', () => {
  it('makes a growth target of a percent, and a ceiling of a rate kept within a bound', () => {
    expect(drafts('主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内。')).toEqual([
      { indicator: 'gdp', kind: 'growth', value: 5.5, cmp: '≈', strength: 'expected', problem: null },
      {
        indicator: 'unemployment_rate',
        kind: 'ceiling',
        value: 5.5,
        cmp: '<=',
        strength: 'expected',
        problem: null,
      },
    ]);
  });

  it('reads a fall as negative growth with the comparator turned', () => {
    expect(drafts('主要预期目标是：单位地区生产总值能耗降低2.8%左右，单位GDP能耗下降3%以上。')).toEqual([
      expect.objectContaining({
        indicator: 'energy_intensity',
        kind: 'growth',
        value: -2.8,
        cmp: '≈',
        problem: null,
      }),
      expect.objectContaining({
        indicator: 'energy_intensity',
        kind: 'growth',
        value: -3,
        cmp: '<=',
        problem: null,
      }),
    ]);
  });

  it('converts an amount into the indicator’s unit', () => {
    expect(drafts('确保一般公共预算收入达到5000万元。')[0]).toEqual(
      expect.objectContaining({
        indicator: 'budget_revenue',
        kind: 'amount',
        value: 0.5,
        cmp: '>=',
        strength: 'must',
        problem: null,
      }),
    );
  });

  it('says what needs a person: an indicator not in the catalogue, a unit that does not convert, a range', () => {
    expect(drafts('确保研发投入强度达到3%。')[0]?.problem).toBe('指标库中没有「研发投入强度」，请选择指标');
    expect(drafts('确保城镇新增就业达到10万人。')[0]?.problem).toContain('请选择指标');
    expect(drafts('确保固定资产投资达到100万吨。')[0]?.problem).toBe(
      '原文单位「万吨」与指标单位「亿元」不同，请核对数值',
    );
    expect(drafts('主要预期目标是：地区生产总值增长5%—6%。')[0]).toMatchObject({
      value: 5,
      cmp: '>=',
      problem: '原文是区间（5–6%），已按下限设定，请核对',
    });
  });

  it('holds every target of a document without a year until the reviewer sets one', () => {
    const [t] = extract('主要预期目标是：地区生产总值增长5.5%左右。', { year: 2024 }).targets;
    expect(t && datedDraft(t, builtinIndicators, null)).toMatchObject({
      year: null,
      problem: '文件没有写明年度：请先设定文件年度，再采纳目标',
    });
    expect(t && datedDraft(t, builtinIndicators, 2024)).toMatchObject({ year: 2024, problem: null });
  });
});
