import { describe, expect, it } from 'vitest';
import { analyseDocument, documentYear } from './document.ts';

describe('a document’s year and sections', () => {
  it('takes the year from the front matter’s title', () => {
    expect(documentYear('---\ntitle: 2 0 2 4 年 政府工作报告\n---\n一、2023年工作回顾')).toBe(2024);
  });

  it('takes the year of the heading that opens the plan, not of last year’s targets met', () => {
    const text =
      '一、2022年工作回顾\n2022年主要目标任务全面完成。\n二、2023年工作总体要求和主要目标\n主要预期目标是：地区生产总值增长6%左右。';
    expect(documentYear(text)).toBe(2023);
  });

  it('knows no year where a speech names none', () => {
    expect(documentYear('同志们：要确保全年目标任务圆满完成。')).toBeNull();
  });

  it('puts last year’s review and this year’s plan apart, by headings with or without list markers', () => {
    const text =
      '2023年工作回顾\n全市生产总值增长5.6%。\n2024年工作安排\n主要预期目标是：地区生产总值增长5.5%左右。';
    const doc = analyseDocument(text);
    expect(doc.year).toBe(2024);
    expect(doc.sentences.map((s) => [s.text, s.section, s.mainTargets])).toEqual([
      ['2023年工作回顾', 'review', false],
      ['全市生产总值增长5.6%。', 'review', false],
      ['2024年工作安排', 'plan', false],
      ['主要预期目标是：地区生产总值增长5.5%左右。', 'plan', true],
    ]);
  });
});
