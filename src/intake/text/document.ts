// A document as the extractors see it: its year, and its sentences, each knowing which part of the
// document it sits in — last year's review, this year's plan, or (in a speech or news item) neither.

export type Section = 'review' | 'plan' | 'neutral';

export interface Sentence {
  text: string;
  /** Offsets in the whole text. */
  start: number;
  end: number;
  section: Section;
  /** The sentence belongs to the passage that states the year's main targets (主要预期目标). */
  mainTargets: boolean;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
}

export interface DocumentContext {
  /** The year the document plans for (a 2024 work report → 2024), or null when it does not say. */
  year: number | null;
  sentences: Sentence[];
}

const PLAN_YEAR =
  /(20\d{2})年(?:[^。\n]{0,16})(?:政府工作报告|预期目标|主要目标|工作安排|工作总体要求|目标任务|重点工作|主要任务|重点任务|工作思路)/;

// A heading that opens the plan: "二、2023年工作总体要求和主要目标", "2024年工作安排", "关于2024年工作".
const PLAN_HEADING =
  /^[^\S\n]*(?:\*\*|#+\s*)?(?:[一二三四五六七八九十]+、)?[^。\n，]{0,6}(20\d{2})年(?:[^。\n，]{0,12}(?:工作安排|主要工作|主要任务|重点任务|总体要求|主要目标|工作思路|目标任务)[^。\n]{0,12}|的?(?:政府)?工作(?:\*\*)?[^\S\n]*)$/m;

// The day a report or speech was given, on a line of its own near the top: "——2024年1月11日在…会议上",
// "（2024年7月15日）". Its year is the "今年" the text speaks of.
const DATE_LINE = /^[^\S\n]*(?:\*\*)?[—–－\-（(\s]*(20\d{2})年\d{1,2}月\d{1,2}日/m;

// A first line that names the document, when there is no front matter: "2024年政府工作报告".
const TITLE_WORDS = /报告|讲话|计划|要点|纲要|方案|意见|通知|会议/;

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/** The document's title: the front matter's, else a short first line that names a report, speech or plan. */
function titleOf(text: string): string | null {
  const front = /^title:(.*)$/m.exec(text.slice(0, 800));
  if (front) return front[1] ?? '';
  const first = text
    .replace(FRONT_MATTER, '')
    .split('\n')
    .map((l) => l.replace(/\*\*/g, '').trim())
    .find((l) => l !== '');
  if (!first || first.length > 40 || /[。；]/.test(first) || MARKER.test(first)) return null;
  return TITLE_WORDS.test(first) ? first : null;
}

/**
 * The year a document plans for, which is the year its "今年" means: the title's (a work report is given
 * early in the year it plans; "2023年计划执行情况与2024年计划草案" plans the later), else the year of the
 * heading that opens its plan, else the day it was given (its date line), else the first year its targets or
 * plan are named with. A review line such as "2022年主要目标任务全面完成" comes before the plan, so the
 * heading is asked before that last guess.
 */
export function documentYear(text: string): number | null {
  const title = titleOf(text)?.replace(/\s+/g, '') ?? '';
  const titleYears = [...title.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1]));
  if (titleYears.length > 0) return Math.max(...titleYears);
  const opening = text.replace(FRONT_MATTER, '').slice(0, 1500);
  const stated = PLAN_HEADING.exec(text) ?? DATE_LINE.exec(opening) ?? PLAN_YEAR.exec(text);
  return stated ? Number(stated[1]) : null;
}

const MARKER =
  /^(?:\*\*|#+\s*)?(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[部分章]?[，、])/;
const REVIEW = /回顾|过去[一五]年|一年来|五年来|(20\d{2})年(?:政府)?工作|\d{4}年主要工作/;
const PLAN =
  /今年|工作安排|总体要求|目标任务|主要目标|预期目标|重点工作|工作任务|主要任务|重点任务|工作思路|政府自身建设|(20\d{2})年(?:的)?(?:政府)?工作/;
export const MAIN_TARGETS =
  /(?:主要|经济社会发展的?|今年的?)(?:预期)?目标(?:建议)?(?:是|为|：|:)|预期目标(?:建议)?(?:是|为|：|:)/;

/** A heading's section, or null when the line says nothing about it. */
function headingSection(line: string, year: number | null): Section | null {
  const short = line.length <= 40 && !/[。；]$/.test(line.replace(/\*+$/, ''));
  // A heading has a list marker or bold, or is a bare short line naming a year's work ("2023年工作回顾").
  const bare = line.length <= 24 && !/[，。；：:]/.test(line) && /20\d{2}年|回顾|政府自身建设/.test(line);
  if (!short || !(MARKER.test(line) || /^\*\*.*\*\*$/.test(line) || bare)) return null;
  const y = /(20\d{2})年/.exec(line);
  const past = y && year !== null && Number(y[1]) < year;
  // With the year unknown, a heading that looks back ("2023年工作回顾") is still the review, never the plan.
  const looksBack = year === null && /回顾|过去[一五]年|一年来|五年来/.test(line);
  if (REVIEW.test(line) && (past || !y || looksBack) && !/今年/.test(line)) return 'review';
  if (PLAN.test(line) && !past) return 'plan';
  return null;
}

/** Splits a text into sentences (at 。！？ and line ends) with the section each lies in. */
export function analyseDocument(text: string, year: number | null = documentYear(text)): DocumentContext {
  const sentences: Sentence[] = [];
  let section: Section = 'neutral';
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const heading = headingSection(trimmed, year);
    if (heading) section = heading;
    // The main-target passage can stand without a heading before it (speeches, city reports).
    const main = MAIN_TARGETS.test(trimmed) && !/^(?:实现|完成|为实现|确定)/.test(trimmed);
    if (main && section === 'review') section = 'plan';
    for (const m of line.matchAll(/[^。！？!?]+[。！？!?]*/g)) {
      const t = m[0];
      if (!t.trim()) continue;
      const start = lineStart + (m.index ?? 0);
      sentences.push({ text: t, start, end: start + t.length, section, mainTargets: main, paragraph });
    }
    if (trimmed) paragraph++;
    lineStart += line.length + 1;
  }
  return { year, sentences };
}
