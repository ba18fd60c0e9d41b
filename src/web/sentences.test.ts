// The sentences the web shows as the core or the server wrote them, in English: the trajectory editor's
// problems (made here by the core's rule) and the notes on a document's draft targets (as
// src/intake/text/review.test.ts asserts the intake writes them; a web test may not import the intake).
import { describe, expect, it } from 'vitest';
import { trajectoryProblem } from '../contract/web.ts';
import type { Trajectory } from './api.ts';
import { translate } from './i18n.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const trajectory = (...points: [number, number][]): Trajectory => ({
  granularity: 'month',
  checkpoints: points.map(([month, percent]) => ({ month, percent })),
});

describe('sentences from the core in the web catalogue', () => {
  it('words every trajectory problem in English, its months and percents kept', () => {
    const problems = [
      trajectory([13, 50]),
      trajectory([3, Number.NaN]),
      trajectory([12, 120]),
      trajectory([6, 30], [6, 40]),
      trajectory([3, 30], [6, 20]),
    ].map((t) => trajectoryProblem(t) ?? '');
    const english = problems.map((p) => translate('en', p));
    expect(english).toEqual([
      'The month must be 1–12, not "13"',
      'The cumulative progress by month 3 must be a number',
      'The cumulative progress by month 12 must be between 0 and 100%, not 120%',
      'Month 6 appears twice',
      'The cumulative progress by month 6 (20%) cannot be lower than the 30% before it',
    ]);
    expect(problems.map((p) => translate('zh', p))).toEqual(problems);
  });

  it('words the notes on draft targets in English, keeping the names the document used', () => {
    const notes = [
      '指标库中没有「研发投入强度」，请选择指标',
      '原文单位「万吨」与指标单位「亿元」不同，请核对数值',
      '原文是区间（5–6%），已按下限设定，请核对',
      '文件没有写明年度：请先设定文件年度，再采纳目标',
    ].map((p) => translate('en', p));
    expect(notes).toEqual([
      'The indicator catalogue has no "研发投入强度": choose an indicator',
      'The text\'s unit "万吨" differs from the indicator\'s unit "亿元": please check the value',
      'The text gives a range (5–6%); the target is set at its lower end, please check',
      "The document names no year: set the document's year before accepting targets",
    ]);
    expect(notes.map((n) => n.replace(/"[^"]*"/g, '')).filter((n) => CJK.test(n))).toEqual([]);
  });

  it('words the implausible-entry problems in English, as core/plausibility.test.ts asserts the core writes them', () => {
    expect(
      [
        '本期累计 90.00亿元 低于 2025-05 的累计 100.00亿元：累计值不应减少',
        '增速 30.0% 较上期 6.0% 变动 +24.0个百分点，超过 5 个百分点',
        '本期 1,200.00亿元 是上年同期 100.00亿元 的 12.0 倍',
        '本期 5.00亿元 只有上年同期 100.00亿元 的 5.0%，不到十分之一',
      ].map((p) => translate('en', p)),
    ).toEqual([
      'The cumulative 90.00亿元 of this period is below the cumulative 100.00亿元 of 2025-05: a cumulative value should not fall',
      'Growth 30.0% moves +24.0 pp from 6.0% in the period before, more than 5 pp',
      "This period's 1,200.00亿元 is 12.0 times the 100.00亿元 of a year earlier",
      "This period's 5.00亿元 is only 5.0% of the 100.00亿元 of a year earlier, under a tenth",
    ]);
  });

  it('words a key project’s light reasons in English, its dates and numbers kept', () => {
    // The three reasons as core/projects/projects.test.ts asserts the core writes them.
    expect(
      [
        '投资完成率低于时序进度 12.5 个百分点',
        '计划 2025-03-01 开工，逾期 3 个月未开工',
        '2025-05-10 开工已 1 个月，尚未入库',
      ].map((r) => translate('en', r)),
    ).toEqual([
      'Investment completion 12.5 pp behind time elapsed',
      'Planned to start on 2025-03-01; not started, 3 mo. late',
      'Started on 2025-05-10 (1 mo. ago); not yet in the statistics library',
    ]);
  });

  it('leaves a text that is no sentence of the catalogue as it is', () => {
    expect(translate('en', '西湖区')).toBe('西湖区');
    expect(translate('en', '6月出现了两次以上')).toBe('6月出现了两次以上');
  });
});
