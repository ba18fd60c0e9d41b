import { describe, expect, it } from 'vitest';
import { checkEdits } from './edits.ts';
import { explainNumber } from './explain.ts';
import { numberSpans } from './numbers.ts';
import type { Briefing, BriefingFigure } from './types.ts';

const gdp: BriefingFigure = {
  indicator: 'gdp',
  name: '地区生产总值',
  region: '330106',
  regionName: '西湖区',
  period: '2025-06',
  value: 1054.53,
  unit: '亿元',
  direction: 'up',
  yoy: 5.04,
  yoyPoints: null,
  parentYoy: 4.9,
  parentGap: 0.1,
  previousYoy: 5.3,
  previousPeriod: '2025-03',
  change: -0.3,
  rank: 4,
  rankOf: 13,
  rankChange: -1,
  target: 5.5,
  targetKind: 'growth',
  completion: null,
  timeProgress: 50,
  gap: -0.5,
  status: 'behind',
  swing: false,
  forecast: false,
  explain: { yoy: { formula: '同比 = 公布的可比价增速', inputs: { 公布同比: 5.04 }, result: 5.04 } },
};

describe('the numbers of a paragraph and their explanations', () => {
  const text = '1—6月，全区地区生产总值1,054.53亿元，同比增长5.0%，高于全市（4.9%）0.1个百分点，居第4位。';

  it('finds each number where it is printed, not the periods', () => {
    const spans = numberSpans(text);
    expect(spans.map((s) => s.number.text)).toEqual(['1,054.53', '5.0', '4.9', '0.1', '4']);
    const first = spans[0];
    expect(text.slice(first?.start, first?.end)).toBe('1,054.53');
  });

  it('explains 0.1 as growth minus the parent’s, each rounded first, and 5.0 by the published growth', () => {
    const [gap] = explainNumber(numberSpans(text)[3]?.number as never, [gdp]);
    expect(gap).toEqual({
      figure: '西湖区 地区生产总值 1—6月',
      field: '与上级增速之差（百分点）',
      formula: '本地区增速 − 上级增速（各取一位小数后相减）',
      inputs: { 本地区增速: 5, 上级增速: 4.9 },
    });
    const growth = explainNumber(numberSpans(text)[1]?.number as never, [gdp]);
    expect(growth.map((e) => e.field)).toEqual(['同比增长（%）']);
    expect(growth[0]?.formula).toBe('同比 = 公布的可比价增速');
  });

  it('refuses to save an edit whose number is none of the figures, and keeps one that drops numbers', () => {
    const b = {
      sections: [{ key: 'gdp', title: '地区生产总值', part: null, paragraphs: [text], figures: [gdp] }],
    } as unknown as Briefing;
    expect(() => checkEdits(b, [{ section: 'gdp', index: 0, text: '全区增长5.1%。' }])).toThrow(
      '「地区生产总值」第1段中的数字「5.1」不是本节的数据',
    );
    const [edit] = checkEdits(b, [{ section: 'gdp', index: 0, text: '全区同比增长5.0%，居第4位。' }]);
    // The original states the parent's growth (4.9%): the change is shown only to those who may see it.
    expect(edit).toMatchObject({ original: text, text: '全区同比增长5.0%，居第4位。', peers: true });
    const own = { ...b, sections: [{ ...b.sections[0], paragraphs: ['全区同比增长5.0%。'] }] } as Briefing;
    expect(checkEdits(own, [{ section: 'gdp', index: 0, text: '全区增长5.0%。' }])[0]?.peers).toBe(false);
    expect(checkEdits(own, [{ section: 'gdp', index: 0, text: '高于全市（4.9%）。' }])[0]?.peers).toBe(true);
  });
});
