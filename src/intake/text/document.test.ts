import { describe, expect, it } from 'vitest';
import { analyseDocument, documentYear } from './document.ts';
import { extract } from './extract.ts';

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

// Hand-written in the layout of real reports and speeches: no front matter, as a user pastes them.
const REPORT_2024 = [
  '**政府工作报告**',
  '——2024年1月20日在西湖区第二届人民代表大会第四次会议上',
  '各位代表：',
  '**一、2023年工作回顾**',
  '2023年地区生产总值增长5.2%，一般公共预算收入增长8.1%。',
  '**二、2024年主要工作**',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长6%。',
].join('\n');

const REPORT_2023 = [
  '2023年政府工作报告',
  '一、2022年工作回顾',
  '2022年地区生产总值增长3.1%。',
  '二、2023年工作安排',
  '主要预期目标是：地区生产总值增长6%左右。',
].join('\n');

const SPEECH_2023 = [
  '在全区上半年经济运行分析会上的讲话',
  '（2023年7月18日）',
  '同志们：今年以来，全区地区生产总值增长4.1%。',
  '下半年要确保全年地区生产总值增长6%以上。',
].join('\n');

describe('a document’s year from its own words', () => {
  it('reads the year of a pasted report from the heading that opens its plan, not last year’s review', () => {
    expect(documentYear(REPORT_2024)).toBe(2024);
    expect(documentYear(REPORT_2023)).toBe(2023);
  });

  it('reads a first line that names the report as its title', () => {
    expect(documentYear('2024年政府工作报告\n\n一、2023年工作回顾\n全年地区生产总值增长5.2%。')).toBe(2024);
  });

  it('takes the later year of a title that names the year reviewed and the year planned', () => {
    const title = '关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告';
    expect(documentYear(`---\ntitle: ${title}\n---\n一、2023年计划执行情况`)).toBe(2024);
  });

  it('resolves a speech’s 今年 by the day it was given', () => {
    expect(documentYear(SPEECH_2023)).toBe(2023);
  });

  it('keeps a looking-back heading in the review even when the year is unknown', () => {
    const doc = analyseDocument('一、2023年工作回顾\n地区生产总值增长5.2%。', null);
    expect(doc.sentences.map((s) => s.section)).toEqual(['review', 'review']);
  });

  it.each([
    ['a 2024 report', REPORT_2024, 2024, [5.5, 6]],
    ['a 2023 report', REPORT_2023, 2023, [6]],
    ['a 2023 half-year speech', SPEECH_2023, 2023, [6]],
  ])('gives %s targets of its own year and never last year’s results', (_, text, year, values) => {
    const found = extract(text);
    expect(found.year).toBe(year);
    expect(found.targets.map((t) => t.value)).toEqual(values);
  });
});
