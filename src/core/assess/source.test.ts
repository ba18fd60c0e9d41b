// Input items read from the projects module: the scheme says where, the explanation says where the figure came
// from; and a veto item nobody was struck by says so.
import { describe, expect, it } from 'vitest';
import { readScheme } from './scheme.ts';
import { assess } from './score.ts';
import { data, group, INDICATORS } from './testing.ts';

const base = { name: '考核', parent: '天门市' };
const startItem = {
  name: '项目开工',
  input: true,
  weight: 20,
  rule: { kind: 'scaled', of: 100 },
  source: { kind: 'projects', measure: 'startRate' },
};
const read = (items: object[]) => () => readScheme({ ...base, items }, INDICATORS);

describe('an input item that names a source', () => {
  it('keeps the source of a projects, a leads and a tour item, and none on a plain input item', () => {
    const s = readScheme(
      {
        ...base,
        items: [
          startItem,
          { ...startItem, name: '签约', source: { kind: 'leads', measure: 'contract' } },
          { ...startItem, name: '拉练', source: { kind: 'tour', tour: ' 二季度拉练 ' } },
          { name: '手工', input: true, weight: 5, rule: { kind: 'scaled', of: 100 } },
        ],
      },
      INDICATORS,
    );
    expect(s.items.map((i) => i.source ?? null)).toEqual([
      { kind: 'projects', measure: 'startRate' },
      { kind: 'leads', measure: 'contract' },
      { kind: 'tour', tour: '二季度拉练' },
      null,
    ]);
  });

  it('names the item when the source kind or measure is unknown', () => {
    expect(read([{ ...startItem, source: { kind: 'budget', measure: 'x' } }])).toThrow(
      '考核方案有误：第1项「项目开工」的取数来源 source.kind「budget」未知，应为 projects（重点项目）、leads（招商项目）或 tour（项目拉练）',
    );
    expect(read([{ ...startItem, source: { kind: 'projects', measure: 'performanceRate' } }])).toThrow(
      '考核方案有误：第1项「项目开工」的取数来源 measure「performanceRate」未知，重点项目可取：investmentRate（投资完成率）、startRate（开工率）',
    );
    expect(read([{ ...startItem, source: { kind: 'leads', measure: 'investmentRate' } }])).toThrow(
      '第1项「项目开工」的取数来源 measure「investmentRate」未知，招商项目可取：registerRate（注册率）',
    );
    expect(read([{ ...startItem, source: { kind: 'tour' } }])).toThrow(
      '第1项「项目开工」的取数来源缺少拉练名称 tour',
    );
  });

  it('refuses a source on a statistics item and on a veto item', () => {
    expect(read([{ ...startItem, input: undefined }])).toThrow(
      '第1项「项目开工」的规则 scaled 按录入分值计分，应写 "input": true',
    );
    expect(read([{ name: '安全', input: true, rule: { kind: 'veto' }, source: startItem.source }])).toThrow(
      '第1项「安全」是一票否决项，不能从重点项目取数',
    );
  });
});

describe('the explanation of an input', () => {
  const s = readScheme({ ...base, items: [startItem] }, INDICATORS);

  it('says where each figure came from, that a hand entry won, and why a region without one scores 0', () => {
    const d = data([group('一类', ['a', 'b', 'c'])], {}, { 项目开工: { a: 75, b: 50 } });
    d.origins = new Map([
      [
        '项目开工',
        new Map([
          ['a', '取自重点项目开工率(%)'],
          ['b', '手工录入'],
          ['c', '重点项目开工率(%)无数据（无项目）'],
        ]),
      ],
    ]);
    const rows = assess(s, d);
    // a: 20 × 75 ÷ 100 = 15; b: 20 × 50 ÷ 100 = 10; c: 0.
    expect(rows.map((r) => [r.code, r.total, r.items[0]?.explain])).toEqual([
      ['a', 15, '取自重点项目开工率(%)75（满分100），20×75÷100=15.00分'],
      ['b', 10, '手工录入50（满分100），20×50÷100=10.00分'],
      ['c', 0, '重点项目开工率(%)无数据（无项目），记0分'],
    ]);
  });
});

describe('a veto item', () => {
  const s = readScheme(
    {
      ...base,
      items: [
        { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
        { name: '安全生产', input: true, rule: { kind: 'veto' } },
      ],
    },
    INDICATORS,
  );

  it('with no input rows says nobody was vetoed, and nobody is', () => {
    const rows = assess(s, data([group('一类', ['a', 'b'])], {}, { 拉练: { a: 90, b: 80 } }));
    expect(rows.map((r) => [r.code, r.total, r.rank, r.vetoed, r.vetoReason, r.items[1]?.explain])).toEqual([
      ['a', 18, 1, false, null, '一票否决：无（本期没有否决录入）'],
      ['b', 16, 2, false, null, '一票否决：无（本期没有否决录入）'],
    ]);
  });

  it('names the reason of a veto, and says the others were not struck', () => {
    const d = data([group('一类', ['a', 'b'])], {}, { 拉练: { a: 90, b: 80 }, 安全生产: { a: 'veto' } });
    d.notes = new Map([['安全生产', new Map([['a', '发生较大安全事故']])]]);
    const rows = assess(s, d);
    expect(rows.map((r) => [r.code, r.total, r.rank, r.vetoReason, r.items[1]?.explain])).toEqual([
      ['b', 16, 1, null, '一票否决：无（未录入，视为未否决）'],
      ['a', 0, 2, '安全生产：发生较大安全事故', '一票否决（发生较大安全事故）：总分记0分，组内排最后'],
    ]);
  });
});
