// The briefing's 考核 section: the latest published assessment run (亮晒) of the region's children for the period —
// by group, the top and bottom of the ranking with their totals, each total filed as an assessment.total figure.
import type { RegionScore } from '../assess/score.ts';
import { say } from '../projects/numbers.ts';
import { plainFigure } from './figures.ts';
import { numbersIn } from './numbers.ts';
import { chineseCount, periodLabel } from './phrases.ts';
import type { BriefingFigure, BriefingSection } from './types.ts';

export interface AssessmentSectionInput {
  region: { code: string; name: string };
  period: string;
  scheme: string;
  /** The published run's rows (ranks within groups, vetoed last). */
  rows: RegionScore[];
}

const list = (xs: string[]) =>
  xs.length > 1 ? `${xs.slice(0, -1).join('、')}和${xs.at(-1)}` : (xs[0] ?? '');

/**
 * The section, or null without a run. A group of six or more is said by its first and last three, a smaller one
 * in full; a vetoed region is said as 一票否决 without its total.
 * @example assessmentSection({ region, period: '2025-06', scheme: '镇域经济考核', rows })?.paragraphs[1]
 * // '一类镇（三个）得分从高到低依次为甲镇（92.5分）、乙镇（88分）和丙镇（一票否决）。'
 */
export function assessmentSection(input: AssessmentSectionInput): BriefingSection | null {
  const { period, scheme, rows } = input;
  if (rows.length === 0) return null;
  const figures: BriefingFigure[] = [];
  const groups = [...new Set(rows.map((r) => r.group))];
  // A scheme name with a number of its own (other than its year) would print a number no figure holds.
  const named = numbersIn(scheme).length === 0 ? `“${scheme}”` : '考核';
  const paragraphs = [`${periodLabel(period)}${named}结果已发布，各组排名情况如下。`];
  for (const group of groups) {
    const mine = rows.filter((r) => r.group === group).sort((a, b) => a.rank - b.rank);
    const say1 = (r: RegionScore) => {
      figures.push(
        plainFigure(
          {
            indicator: 'assessment.total',
            name: `${group}考核得分`,
            region: { code: r.code, name: r.region },
            period,
            value: r.total,
            unit: '分',
          },
          {
            rank: r.rank,
            rankOf: mine.length,
            rankChange: r.rankChange ?? null,
            explain: {
              value: {
                formula: `已发布的考核结果（tiaodu assess run，方案“${scheme}”）：${group}组内总分`,
                inputs: { 总分: r.total, 加分: r.bonus, 减分: r.penalty, 组内名次: r.rank },
                result: r.total,
              },
            },
          },
        ),
      );
      return r.vetoed ? `${r.region}（一票否决）` : `${r.region}（${say(r.total)}分）`;
    };
    // 两个, never 二个, before a measure word.
    const n = mine.length === 2 ? '两' : chineseCount(mine.length);
    // One group (a scheme without groups names it after the parent): the regions assessed, not the group.
    const head = groups.length === 1 ? `参加考核的${n}个地区` : `${group}（${n}个）`;
    paragraphs.push(
      mine.length >= 6
        ? `${head}得分居前三位的是${list(mine.slice(0, 3).map(say1))}；居后三位的是${list(mine.slice(-3).map(say1))}。`
        : `${head}得分从高到低依次为${list(mine.map(say1))}。`,
    );
  }
  return { key: 'assessment', title: '考核情况', part: null, paragraphs, figures };
}
