// Targets (目标) a document sets for its year: indicator, value, unit, comparator, strength, due date.
// Last year's results, five-year goals and numbers that merely describe things are not targets.
import type { DocumentContext, Sentence } from './document.ts';
import { findDue } from './due.ts';
import type { Mention } from './mentions.ts';
import type { Comparator } from './quantities.ts';

export interface ExtractedTarget {
  /** The catalogue's name when the indicator is known, else the phrase as the text has it. */
  indicator: string;
  indicatorCode: string | null;
  subject: string;
  value: number;
  valueHi: number | null;
  unit: string;
  cmp: Comparator;
  strength: 'expected' | 'must' | 'strive' | null;
  due: string | null;
  quote: string;
  /** It stands in the passage that states the year's main targets (主要预期目标). */
  main: boolean;
  /** Offsets of the number in the text, and of the quote. */
  start: number;
  end: number;
  quoteStart: number;
}

// Words that set a goal; "为年度计划的63.86%" reports progress against one instead.
const TARGET_WORDS =
  /目标(?!的)|预期|力争(?!了)|争取(?!了)|确保(?!了)|计划(?!的)|要|将|拟|力促|努力|控制在|压缩|不低于|不少于|不超过/;
// Progress against a goal is a figure: "完成年度目标的38%", "为年初预算的56.3%".
const COMPLETION = /(?:完成|为|占|达到?)(?:了)?(?:全年|年度|年初)?(?:目标|计划|任务|预算)(?:任务)?(?:数)?的$/;
// This year's plan is not where last year's results are told, nor the five-year plan's horizon.
const PAST =
  /去年|过去一年|过去五年|一年来|五年来|已经|已达|已完成|已实现|已突破|完成了|实现了|达到了|突破了|位居|居全[国省市区州县]|排名|目前|截至|当前|仅|只有/;
// Against last year: a result, unless the clause sets it as a goal ("确保全年比上年增长8%").
const AGAINST_LAST_YEAR = /同比|比上年|较上年|上年同期|比去年|较去年/;
const GOAL_WORDS = /确保|力争|争取|目标|预期|要|将/;
const HORIZON =
  /到(20\d{2})年|至(20\d{2})年|(20\d{2})年前|十[四五]五[”"]?(?:期间|末|时期|规划期)|五年内|今后五年|未来五年|2035/;

/** A year named in the text before the number, other than a baseline ("较2020年") — last year's results. */
function pastYear(text: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of text.matchAll(/(?<![较比])(20\d{2})年(?!以来|基础上)/g))
    if (Number(m[1]) < year) return true;
  return false;
}

function beyondYear(text: string, year: number | null): boolean {
  const m = HORIZON.exec(text);
  if (!m) return false;
  const y = Number(m[1] ?? m[2] ?? m[3] ?? 0);
  return y === 0 || year === null || y !== year;
}

/** Whether a mention is a target of the document's year. */
export function isTarget(m: Mention, doc: DocumentContext): boolean {
  const s = m.sentence;
  if (s.section === 'review') return false;
  const upTo = s.text.slice(0, m.end - s.start);
  if (PAST.test(upTo) || pastYear(upTo, doc.year) || beyondYear(upTo, doc.year)) return false;
  // "同比增长10%" reports a result, unless the clause sets it: "确保…，同比增长10%以上".
  const set = GOAL_WORDS.test(m.clause.text) || m.marker !== null || (m.cmp !== null && m.cmp !== '=');
  if (AGAINST_LAST_YEAR.test(m.clause.text) && !set) return false;
  // A number with nothing it measures cannot be reviewed into a target.
  if (!m.subject || (COMPLETION.test(m.lead) && !GOAL_WORDS.test(m.clause.text))) return false;
  if (m.position === 'modifier') {
    // "新增国高企2000家" is a target in a plan; "尚未开工的77个重点项目" only describes.
    return (s.mainTargets || s.section === 'plan') && m.verb !== null;
  }
  if (s.mainTargets) return true;
  if (s.section === 'plan') return true;
  return TARGET_WORDS.test(upTo) || (m.cmp !== null && m.cmp !== '=');
}

function dueOf(m: Mention): string | null {
  const due = findDue(m.clause.text) ?? findDue(m.sentence.text);
  // "下半年要确保全年增长8%": the half is when the work is done; the target is the year's.
  return due && /^[上下]半年$/.test(due) && m.sentence.text.includes('全年') ? null : due;
}

export function toTarget(m: Mention, s: Sentence): ExtractedTarget {
  const quote = s.text.trim();
  return {
    indicator: m.indicator?.name ?? m.subject,
    indicatorCode: m.indicator?.code ?? null,
    subject: m.subject,
    value: m.value,
    valueHi: m.valueHi,
    unit: m.unit,
    cmp: m.cmp ?? '=',
    strength: m.marker ?? (s.mainTargets || /预期/.test(s.text) ? 'expected' : null),
    due: dueOf(m),
    quote,
    main: s.mainTargets,
    start: m.start,
    end: m.end,
    quoteStart: s.start + s.text.indexOf(quote),
  };
}
