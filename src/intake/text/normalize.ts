// Cleans scraped government text (speeches, work reports, news) into plain simplified Chinese.
import { classifyLine, stripMarkup } from './boilerplate.ts';
import { markUnreadable } from './mojibake.ts';
import { undoTaiwanPhrases } from './phrases.ts';
import { rejoin } from './rejoin.ts';
import { fixZhe, stripPinyinGlosses, toSimplified } from './script.ts';

export interface Normalized {
  text: string;
  /** Mojibake runs as found, each replaced by 〔无法识别〕 in `text`. */
  unreadable: string[];
  /** Web-page furniture removed: whole lines, or page counters cut from a title. */
  dropped: string[];
}

/** Full-width spaces, no-break spaces, BOMs and zero-width characters pad scraped lines. */
const PADDING = /^[\s\u200b-\u200d]+|[\s\u200b-\u200d]+$/g;

/**
 * Clean text of a speech, work report or news item as scraped from government sites and reposts.
 * Mojibake is found first, on the raw text, because script conversion would rewrite its
 * characters; lines are judged last, once their wording is simplified.
 * @example normalize('臺海網(wǎng)訊\n\n分享到：微信').text // '台海网讯'
 */
export function normalize(raw: string): Normalized {
  const { frontMatter, body } = splitFrontMatter(raw);
  const marked = markUnreadable(body);
  const wording = fixZhe(undoTaiwanPhrases(toSimplified(stripPinyinGlosses(marked.text))));
  const dropped: string[] = [];
  const kept: string[] = [];
  // A form feed is a page break: the page's last line and the next page's first may be one sentence.
  for (const raw of wording.split(/\n|\f/)) {
    const { line, tags } = stripMarkup(raw);
    dropped.push(...tags);
    const verdict = classifyLine(line.replace(PADDING, ''));
    // Furniture simply vanishes: a sentence cut around it still joins up, and no blank is left.
    if (verdict.kind === 'furniture') dropped.push(verdict.line);
    else kept.push(verdict.line);
    if (verdict.kind === 'trimmed') dropped.push(verdict.removed);
  }
  const text = rejoin(kept).join('\n');
  return {
    text: frontMatter === undefined ? text : `${frontMatter}\n\n${text}`,
    unreadable: marked.runs,
    dropped,
  };
}

/** Markdown front matter (`---` … `---`) is metadata: kept exactly as it came. */
function splitFrontMatter(raw: string): { frontMatter?: string; body: string } {
  if (!raw.startsWith('---\n')) return { body: raw };
  const end = raw.indexOf('\n---\n', 3);
  if (end < 0) return { body: raw };
  return { frontMatter: raw.slice(0, end + 4), body: raw.slice(end + 5) };
}
