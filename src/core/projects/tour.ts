// Scoring an inspection tour (项目拉练): a project's score from its judges, a region's from its projects, ranks.
import { rankItems } from '../rank.ts';
import { round2 } from './numbers.ts';
import { DEFAULT_PROJECT_RULES, type ProjectRuleSettings } from './settings.ts';
import type { TourScore } from './types.ts';

export interface TourProjectScore {
  projectCode: string;
  judges: number;
  /** The mean of the judges' scores, one highest and one lowest dropped from `tourDropExtremesFrom` judges. */
  score: number;
}

export interface TourRegionScore {
  region: string;
  code: string;
  projects: number;
  score: number;
  rank: number;
  /** Each project's score, in code order. */
  scores: TourProjectScore[];
}

/**
 * A project's score from its judges' scores.
 * @example projectScore([90, 80, 70, 60, 100]) // 80 (100 and 60 dropped)
 */
export function projectScore(
  scores: readonly number[],
  rules: ProjectRuleSettings = DEFAULT_PROJECT_RULES,
): number {
  return round2(exactScore(scores, rules));
}

function exactScore(scores: readonly number[], rules: ProjectRuleSettings): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const kept = sorted.length >= rules.tourDropExtremesFrom ? sorted.slice(1, -1) : sorted;
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

/**
 * The regions' scores and ranks: a region's score is the mean of its projects' (unrounded) scores, ranked
 * higher first with ties sharing the better rank (3, 3, 5). `regionOf` gives each project's region.
 */
export function tourScores(
  scores: readonly TourScore[],
  regionOf: (projectCode: string) => { code: string; name: string },
  rules: ProjectRuleSettings = DEFAULT_PROJECT_RULES,
): TourRegionScore[] {
  const byProject = new Map<string, number[]>();
  for (const s of scores) byProject.set(s.projectCode, [...(byProject.get(s.projectCode) ?? []), s.score]);
  const byRegion = new Map<string, { name: string; scores: TourProjectScore[]; sum: number }>();
  for (const [projectCode, judged] of [...byProject].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const region = regionOf(projectCode);
    const entry = byRegion.get(region.code) ?? { name: region.name, scores: [], sum: 0 };
    const exact = exactScore(judged, rules);
    entry.sum += exact;
    entry.scores.push({ projectCode, judges: judged.length, score: round2(exact) });
    byRegion.set(region.code, entry);
  }
  const rows = [...byRegion].map(([code, { name, scores: list, sum }]) => ({
    region: name,
    code,
    projects: list.length,
    score: round2(sum / list.length),
    scores: list,
  }));
  const ranks = rankItems(
    rows.map((r) => ({ key: r.code, value: r.score })),
    'up',
  );
  return rows
    .map((r) => ({ ...r, rank: ranks.get(r.code) as number }))
    .sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
}

/** Whether a judge's score is allowed (0–100 by default). */
export const validTourScore = (x: number, rules: ProjectRuleSettings = DEFAULT_PROJECT_RULES): boolean =>
  Number.isFinite(x) && x >= rules.tourMinScore && x <= rules.tourMaxScore;

/**
 * Which of a project's scores the rule drops, by their index: with `tourDropExtremesFrom` or more, one lowest
 * and one highest; of equal scores the first given is dropped as the lowest and the last as the highest, so the
 * struck-through score a judge sees is stable however the sheet was ordered.
 * @example droppedScores([90, 80, 70, 60, 100]) // Set {3, 4}
 */
export function droppedScores(
  scores: readonly number[],
  rules: ProjectRuleSettings = DEFAULT_PROJECT_RULES,
): Set<number> {
  if (scores.length < rules.tourDropExtremesFrom || scores.length < 2) return new Set();
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => a.s - b.s || a.i - b.i);
  return new Set([(order[0] as { i: number }).i, (order[order.length - 1] as { i: number }).i]);
}
