// The analyst's edits of a briefing's paragraphs, kept in versions. An edit may reword, shorten or drop figures,
// never state a number that is not one of the section's figures (the same check as the generated text). It is
// tied to the generated paragraph it replaces: when the figures change (a revision) that paragraph reads
// differently and the edit is no longer applied (stale), so an edited text never outlives its numbers.
import { TiaoduError } from '../errors.ts';
import { isFigure, numbersIn } from './numbers.ts';
import type { Briefing, BriefingFigure, BriefingSection } from './types.ts';

/** One edited paragraph of a saved version. */
export interface ParagraphEdit {
  section: BriefingSection['key'];
  /** The paragraph's place in the section when saved (for order; the match is by `original`). */
  index: number;
  /** The generated text the edit replaces. */
  original: string;
  text: string;
  /** The text (or the original) states the parent's growth: shown only to those who may see peers' figures. */
  peers: boolean;
}

/** One paragraph changed by a version, against the version before it: who changed what. */
export interface ParagraphChange {
  section: BriefingSection['key'];
  title: string;
  index: number;
  before: string;
  after: string;
  /** Figures the new text no longer states (a dropped number is said, never silent). */
  removed: string[];
  peers: boolean;
}

/** A paragraph as the editor sends it. */
export interface EditRequest {
  section: string;
  index: number;
  text: string;
}

const MAX_TEXT = 4000;

/** The figures without the parent's growth: what a reader who may not see peers' figures is shown. */
const withoutParent = (fs: BriefingFigure[]): BriefingFigure[] =>
  fs.map((f) => ({ ...f, parentYoy: null, parentGap: null }));

/** Whether a text states a number that only the parent's figures explain. */
function needsPeers(text: string, section: BriefingSection): boolean {
  const own = withoutParent(section.figures);
  return numbersIn(text).some((n) => !isFigure(n, own));
}

const place = (s: BriefingSection, index: number) => `「${s.title}」第${index + 1}段`;

/**
 * The edits to save from what the editor sent, checked against the briefing as generated: the paragraph must
 * exist, and every number of the new text must be one of its section's figures. A text equal to the
 * generated one is no edit.
 * @example checkEdits(b, [{ section: 'gdp', index: 0, text: '上半年，全区地区生产总值增长5.0%。' }])
 */
export function checkEdits(b: Briefing, requests: EditRequest[]): ParagraphEdit[] {
  const out: ParagraphEdit[] = [];
  const seen = new Set<string>();
  for (const r of requests) {
    const section = b.sections.find((s) => s.key === r.section);
    const original = section?.paragraphs[r.index];
    if (!section || original === undefined)
      throw new TiaoduError(
        'validation',
        `通报中没有第${r.index + 1}段（章节 ${r.section}）：请刷新后再编辑`,
      );
    const key = `${r.section}#${r.index}`;
    if (seen.has(key)) throw new TiaoduError('validation', `${place(section, r.index)}重复提交`);
    seen.add(key);
    const text = r.text.trim();
    if (text === '') throw new TiaoduError('validation', `${place(section, r.index)}不能为空`);
    if (text.length > MAX_TEXT)
      throw new TiaoduError('validation', `${place(section, r.index)}过长：最多 ${MAX_TEXT} 字`);
    if (text === original) continue;
    const stray = numbersIn(text).filter((n) => !isFigure(n, section.figures));
    if (stray.length > 0)
      throw new TiaoduError(
        'validation',
        `${place(section, r.index)}中的数字「${stray.map((n) => n.text).join('」「')}」不是本节的数据：` +
          '编辑可以改写文字、删去数字，数字须与数据一致（请改回原数）',
      );
    const peers = needsPeers(text, section) || needsPeers(original, section);
    out.push({ section: section.key, index: r.index, original, text, peers });
  }
  return out;
}

/** The numbers of `before` that `after` no longer states. */
function removedNumbers(before: string, after: string): string[] {
  const kept = new Set(numbersIn(after).map((n) => n.text));
  return numbersIn(before)
    .map((n) => n.text)
    .filter((t) => !kept.has(t));
}

/** What a version changes against the one before: each paragraph whose text differs, before and after. */
export function changesBetween(
  b: Briefing,
  before: ParagraphEdit[],
  after: ParagraphEdit[],
): ParagraphChange[] {
  const textOf = (edits: ParagraphEdit[], s: BriefingSection, p: string) =>
    edits.find((e) => e.section === s.key && e.original === p)?.text ?? p;
  const out: ParagraphChange[] = [];
  for (const s of b.sections)
    s.paragraphs.forEach((p, index) => {
      const was = textOf(before, s, p);
      const now = textOf(after, s, p);
      if (was === now) return;
      const peers = [...before, ...after].some((e) => e.section === s.key && e.original === p && e.peers);
      out.push({
        section: s.key,
        title: s.title,
        index,
        before: was,
        after: now,
        removed: removedNumbers(was, now),
        peers,
      });
    });
  return out;
}

/** An edit no longer applied: the generated paragraph it replaced now reads differently. */
export interface StaleEdit {
  section: BriefingSection['key'];
  index: number;
  text: string;
}

/**
 * The briefing with a version's edits in place: each edit replaces the generated paragraph it was made on,
 * and the section lists which paragraphs are edited. Edits whose paragraph changed are returned as stale; a
 * reader who may not see peers' figures gets no edit that states them.
 */
export function applyEdits(
  b: Briefing,
  edits: ParagraphEdit[],
  opts: { peers: boolean },
): { briefing: Briefing; stale: StaleEdit[] } {
  const stale: StaleEdit[] = [];
  const sections = b.sections.map((s) => {
    const mine = edits.filter((e) => e.section === s.key && (opts.peers || !e.peers));
    if (mine.length === 0) return s;
    const paragraphs = [...s.paragraphs];
    const edited: number[] = [];
    for (const e of mine) {
      const at = s.paragraphs.indexOf(e.original);
      if (at < 0 || edited.includes(at)) {
        stale.push({ section: s.key, index: e.index, text: e.text });
        continue;
      }
      paragraphs[at] = e.text;
      edited.push(at);
    }
    edited.sort((x, y) => x - y);
    return { ...s, paragraphs, edited };
  });
  const overview = sections.find((s) => s.key === 'overview');
  return {
    briefing: { ...b, sections, verdict: overview?.paragraphs[0] ?? b.verdict },
    stale,
  };
}
