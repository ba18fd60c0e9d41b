// 存在问题, found in the figures (behind time progress, declining, swinging, rank fallen, below the parent,
// forecasts), and 下步工作, picked from the editable phrase library by problem type — never invented facts.
import { isLagging } from '../format.ts';
import library from './library.json' with { type: 'json' };
import { changePhrase, growthPhrase, targetPhrase, vsParentPhrase } from './phrases.ts';
import { type Context, isRate, labelOf, sectorOf } from './sectors.ts';
import type { BriefingFigure, BriefingSection } from './types.ts';

export type ProblemKind = 'behind' | 'below_parent' | 'decline' | 'swing' | 'rank_fall' | 'forecast';

export interface PhraseLibrary {
  problems: Record<ProblemKind, string>;
  next: Record<ProblemKind, Record<string, string>>;
}

export const defaultLibrary: PhraseLibrary = library as PhraseLibrary;

/** A rank fallen by this many places or more is a problem. */
const RANK_FALL = 2;

interface Problem {
  kind: ProblemKind;
  figure: BriefingFigure;
  text: string;
}

/** Each problem the figures show, in the order of the kinds, one line each. */
export function findProblems(figures: BriefingFigure[], ctx: Context): Problem[] {
  const found: Problem[] = [];
  const add = (kind: ProblemKind, figure: BriefingFigure, said: string | null) => {
    if (said) found.push({ kind, figure, text: `${figure.name}${said}` });
  };
  for (const f of figures) if (isLagging(f.status)) add('behind', f, targetPhrase(f));
  for (const f of figures) {
    if (f.target === null || isRate(f) || !ctx.parent || f.parentGap === null || f.parentGap >= 0) continue;
    add('below_parent', f, `${growthPhrase(f.yoy)}，${vsParentPhrase(f.yoy, f.parentYoy, ctx.parent)}`);
  }
  for (const f of figures) {
    if (isRate(f) || f.direction !== 'up' || f.yoy === null || f.yoy >= -0.05) continue;
    add('decline', f, growthPhrase(f.yoy));
  }
  for (const f of figures) {
    if (!f.swing || !f.previousPeriod) continue;
    add('swing', f, `增速${changePhrase(f.yoy, f.previousYoy, labelOf(f, f.previousPeriod))}`);
  }
  for (const f of figures) {
    if (f.rankChange === null || f.rankChange > -RANK_FALL || !f.previousPeriod) continue;
    add('rank_fall', f, `位次比${labelOf(f, f.previousPeriod)}后退${-f.rankChange}位，居第${f.rank}位`);
  }
  for (const f of figures) if (f.forecast) add('forecast', f, `${labelOf(f)}为预计数`);
  return found;
}

const KINDS: ProblemKind[] = ['behind', 'below_parent', 'decline', 'swing', 'rank_fall', 'forecast'];

/** The 存在问题 and 下步工作 sections; none when the figures show no problem. */
export function problemSections(
  figures: BriefingFigure[],
  ctx: Context,
  lib: PhraseLibrary = defaultLibrary,
): BriefingSection[] {
  const problems = findProblems(figures, ctx);
  if (problems.length === 0) return [];
  const kinds = KINDS.filter((k) => problems.some((p) => p.kind === k));
  const parentWord = ctx.parent ?? '上级';
  const paragraphs = kinds.map((k) => {
    const lines = problems.filter((p) => p.kind === k).map((p) => p.text);
    return `${lib.problems[k].replace('全市', parentWord)}。${lines.join('；')}。`;
  });
  const seen = new Set<string>();
  const next: string[] = [];
  for (const k of kinds) {
    // One suggestion per sector the kind touches, naming the indicators; the sector's own phrase when there is one.
    const bySector = new Map<string, string[]>();
    for (const p of problems.filter((q) => q.kind === k)) {
      const sector = sectorOf(p.figure.indicator) ?? 'default';
      const key = lib.next[k][sector] ? sector : 'default';
      bySector.set(key, [...(bySector.get(key) ?? []), p.figure.name]);
    }
    for (const [sector, names] of bySector) {
      const phrase = lib.next[k][sector] ?? lib.next[k].default;
      const text = phrase?.replace('{indicators}', [...new Set(names)].join('、'));
      if (text && !seen.has(text)) next.push(text);
      if (text) seen.add(text);
    }
  }
  const used = [...new Set(problems.map((p) => p.figure))];
  return [
    { key: 'problems', title: '存在问题', part: null, paragraphs, figures: used },
    { key: 'next', title: '下步工作建议', part: null, paragraphs: next, figures: [] },
  ];
}
