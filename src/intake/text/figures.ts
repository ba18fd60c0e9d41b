// Figures (数据) a document reports: amounts, growth, shares, completion, counts, ratios and ranks,
// each with what it measures and the period it covers.

import type { DocumentContext, Sentence } from './document.ts';
import type { Mention } from './mentions.ts';
import { chineseNumeral, halfWidth } from './numbers.ts';
import { subjectBefore } from './subject.ts';

export type FigureKind = 'amount' | 'growth' | 'share' | 'rank' | 'count' | 'ratio';

export interface ExtractedFigure {
  subject: string;
  indicatorCode: string | null;
  period: string | null;
  value: number;
  unit: string;
  kind: FigureKind;
  /** For a rank: among whom ("全省", "全市"). */
  scope?: string | null;
  quote: string;
  start: number;
  end: number;
  quoteStart: number;
}

const AMOUNT_UNITS = /元|吨|千瓦|平方米|立方米|亩|斤|公里|千米|标箱|标准箱|人次$/;
const COUNT_UNITS = /^(?:万)?(?:家|个|项|次|户|人|份|所|座|辆|套|台|件|名|条|场|宗)$/;
const GROWTH_WORDS =
  /(?:增长|下降|增速|增幅|提高|提升|回落|上涨|降低|减少|增加|下滑|扩大|收窄|加快|放缓|同比|环比|[增降])(?:了)?$/;
const FALL_WORDS = /(?:下降|回落|降低|减少|下滑|下拉)(?:了)?$/;
const SHARE_WORDS = /占|比重|占比|完成率|的$|率$|强度$|比例$|达$|达到$/;

export const PERIOD =
  /(?:(?:20\d{2})年)?(?:1[-—–~至]\d{1,2}月份?|一至[一二三四五六七八九十]+月|[一二三四]季度|第[一二三四]季度|前三季度|上半年|下半年|全年|\d{1,2}月份?)|(?:20\d{2})年(?:度)?|今年以来|去年|上年|今年|本月/g;

/** The period a sentence gives before `at` (the nearest), or null; "较一季度" is a baseline, not the period. */
function periodBefore(sentence: string, at: number): string | null {
  let found: string | null = null;
  for (const m of sentence.slice(0, at).matchAll(PERIOD)) {
    if (!/(?:较|比|与|同)$/.test(sentence.slice(0, m.index ?? 0))) found = m[0];
  }
  return found;
}

// "1-5月，全县…", "上半年，全市…" or a dateline's "据厦门日报报道 上半年，…" opens a period; "5月上旬，将举办…" names a date, and a title such as
// "二季度经济运行分析材料" none.
const OPENS_PERIOD = new RegExp(`^[^，。,；]{0,30}?(${PERIOD.source})份?[，,、]`);
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。！？]{0,30}$/;

/**
 * The period in force at each sentence: "1-5月，全县经济运行总体平稳。" or a heading "一、1-5月经济运行情况"
 * dates the sentences after it until another period opens a sentence.
 */
function periodsInForce(doc: DocumentContext): Map<Sentence, string | null> {
  const out = new Map<Sentence, string | null>();
  let current: string | null = null;
  for (const s of doc.sentences) {
    out.set(s, current);
    const opening =
      OPENS_PERIOD.exec(s.text)?.[1] ?? (HEADING.test(s.text) ? periodBefore(s.text, s.text.length) : null);
    if (opening) current = opening;
  }
  return out;
}

function kindOf(m: Mention): FigureKind {
  if (m.unit === '倍') return 'ratio';
  if (m.unit === '个百分点') return 'growth';
  if (m.unit === '%') {
    if (GROWTH_WORDS.test(m.lead)) return 'growth';
    if (SHARE_WORDS.test(m.lead) || /率|比重|强度|比例|占比/.test(m.subject)) return 'share';
    return 'growth';
  }
  if (COUNT_UNITS.test(m.unit)) return 'count';
  if (AMOUNT_UNITS.test(m.unit)) return 'amount';
  return 'count';
}

function quoteOf(s: Sentence) {
  const quote = s.text.trim();
  return { quote, quoteStart: s.start + s.text.indexOf(quote) };
}

/** A mention reported as a fact: growth below zero when the text says it fell. */
export function toFigure(m: Mention, doc: DocumentContext, inForce: string | null = null): ExtractedFigure {
  const kind = kindOf(m);
  const falls = kind === 'growth' && FALL_WORDS.test(m.lead);
  const inSentence = m.start - m.sentence.start;
  const period =
    periodBefore(m.sentence.text, inSentence) ??
    inForce ??
    (m.sentence.section === 'review' && doc.year !== null ? `${doc.year - 1}年` : null);
  return {
    subject: m.indicator?.name ?? m.subject,
    indicatorCode: m.indicator?.code ?? null,
    period,
    value: falls ? -m.value : m.value,
    unit: m.unit,
    kind,
    ...quoteOf(m.sentence),
    start: m.start,
    end: m.end,
  };
}

const RANK =
  /(?:居|位居|位列|排名|排|列|名列|排在|居于|跃居|升至|降至)([^，。；]{0,12}?)第([一二三四五六七八九十]+|\d+)(?:位|名)/g;

/** Ranks ("增速居全省第六位" → 6): a place in a league table, for the indicator the sentence is about. */
export function rankFigures(doc: DocumentContext, mentions: Mention[]): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  const inForce = periodsInForce(doc);
  for (const s of doc.sentences) {
    const text = halfWidth(s.text);
    for (const m of text.matchAll(RANK)) {
      const raw = m[2] ?? '';
      const value = /\d/.test(raw) ? Number(raw) : chineseNumeral(raw);
      if (value === null) continue;
      const at = m.index ?? 0;
      // What is ranked: the clause's own subject, else the figure just before it ("增长8.1%，增速居全省第六位").
      const clauseStart =
        Math.max(text.lastIndexOf('，', at), text.lastIndexOf('；', at), text.lastIndexOf(',', at)) + 1;
      const own = subjectBefore(text.slice(clauseStart, at), at - clauseStart).replace(
        /^(?:增速|增幅|总量|规模)$/,
        '',
      );
      const previous = mentions.filter((x) => x.sentence === s && x.start < s.start + at).pop();
      out.push({
        subject: own || previous?.indicator?.name || previous?.subject || '',
        indicatorCode: own ? null : (previous?.indicator?.code ?? null),
        period: periodBefore(s.text, at) ?? inForce.get(s) ?? null,
        value,
        unit: '位',
        kind: 'rank',
        scope: (m[1] ?? '').trim() || null,
        ...quoteOf(s),
        start: s.start + at,
        end: s.start + at + m[0].length,
      });
    }
  }
  return out;
}

/** The figures a document reports: every quantity that is not a target, and every rank. */
export function extractFigures(
  mentions: Mention[],
  doc: DocumentContext,
  isTarget: (m: Mention) => boolean,
): ExtractedFigure[] {
  const inForce = periodsInForce(doc);
  // A count that only describes ("尚未开工的77个重点项目") is dated by its own sentence alone.
  const figures = mentions
    .filter((m) => !isTarget(m))
    .map((m) => toFigure(m, doc, m.position === 'predicate' ? (inForce.get(m.sentence) ?? null) : null));
  return [...figures, ...rankFigures(doc, mentions)].sort((a, b) => a.start - b.start);
}
