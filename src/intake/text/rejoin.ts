// Rejoins sentences that page breaks and PDF line wrapping cut in two.

/**
 * A sentence or a heading is over: closing quotes and brackets count, a decimal point (1.) and
 * the 〕 of our placeholder do not.
 */
const FINISHED = /[。！？；：…”’」』）》】!?;:)]$|(?<!\d)\.$|[。！？…!?]["']$/;
/** Clause punctuation: the sentence goes on on the next line, however short this one is. */
const UNFINISHED = /[，、,“‘「『（《(]$/;
/** Punctuation that never opens a line of its own: the line continues the one before. */
const CONTINUES = /^[，、。；：！？）》」』”’,;:!?)]/;
/**
 * A line cut inside a word or a phrase, whatever its width: it ends on a character that never ends a
 * sentence or a heading (一季 / 度, 第 / 三, 全区的 / 投资), or the next line opens with one that never opens
 * one (们, 的), or the two halves make a word (年 / 度). Only characters that end no word: 及 ends 可及,
 * 向 ends 方向, 于 ends 关于.
 */
const OPEN_END = /(?:[的第各每把]|[一二三四上下]季|[上下]半|同比|比上)$/;
const BOUND_START = /^[的们者]/;
const CUT_WORD = (previous: string, next: string) => /[季年]$/.test(previous) && /^度/.test(next);
/** List markers and Markdown blocks start a new line whatever came before. */
const BLOCK_START =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]{1,3}[)）]|第[一二三四五六七八九十百\d]+[章节条款部分篇，,、]|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[①-⑳]|[#>|]|\*\*|[-*+]\s|---)/;
/** Markdown headings, rules, tables and HTML comments never run on into the next line. */
const MARKDOWN_BLOCK = /^(?:#|\*\*.*\*\*$|>|\||---|<!--)|-->$/;
/** Emphasis closing after the full stop (`…新局面。**`) hides how the sentence ended. */
const TRAILING_EMPHASIS = /[*_]+$/;

/** Lines whose width we trust to tell a wrapped text's right margin. */
const MARGIN_RANGE = { min: 12, max: 60 };
/** Without a visible margin, a cut paragraph is longer than any title or byline. */
const FALLBACK_FULL = 40;

/**
 * Display width in CJK cells: Latin letters and digits take half a cell. Wrapped lines of
 * Chinese with figures in them line up on this measure, not on their length.
 */
export function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return width;
}

/**
 * The right margin of wrapped text, if the lines show one: PDF extraction and page breaks
 * leave unfinished lines all about as wide as the page. Needs at least three such lines, and
 * a quarter of all short lines, so that a few titles or bylines of similar width in a text
 * with one paragraph per line do not pass for a margin.
 */
export function estimateMargin(lines: readonly string[]): number | undefined {
  const short = lines.filter((line) => line !== '' && displayWidth(line) < MARGIN_RANGE.max);
  const widths = short
    .filter((line) => !FINISHED.test(line.replace(TRAILING_EMPHASIS, '')) && !BLOCK_START.test(line))
    .map((line) => Math.round(displayWidth(line)))
    .filter((width) => width >= MARGIN_RANGE.min);
  let best: number[] = [];
  for (let width = MARGIN_RANGE.min; width < MARGIN_RANGE.max; width++) {
    // Wrapping stops a cell or two short of the margin when the next character does not fit.
    const near = widths.filter((w) => w > width - 3 && w <= width);
    if (near.length > best.length) best = near;
  }
  if (best.length < 3 || best.length * 4 < short.length) return undefined;
  return Math.max(...best);
}

interface Thresholds {
  /** A line at least this wide reaches the margin, so its sentence went on below. */
  full: number;
  /** Same for a line opening with a list marker: a heading must be really full to be cut. */
  fullHeading: number;
}

/**
 * Joins each line that was cut mid-sentence with the line that continues it, across blank
 * lines. A line is cut when it ends without finishing punctuation and either reaches the
 * margin or ends in a comma; a shorter unfinished line is a heading (讲话, 一、著力补短板) or the
 * last line of its paragraph or title. Each piece of a chain is judged on its own width, so a
 * short tail (作会议上的讲话4) ends the chain. Blank lines are kept between paragraphs, one at most.
 * @example rejoin(['要围绕项目建设，', '', '抓好投资。', '', '讲话']) // ['要围绕项目建设，抓好投资。', '', '讲话']
 */
export function rejoin(lines: readonly string[]): string[] {
  const margin = estimateMargin(lines);
  const thresholds: Thresholds = margin
    ? { full: margin * 0.7, fullHeading: margin * 0.9 }
    : { full: FALLBACK_FULL, fullHeading: FALLBACK_FULL * 1.5 };
  const out: string[] = [];
  let piece = '';
  let blankBefore = false;
  for (const line of lines) {
    if (line === '') {
      blankBefore = out.length > 0;
      continue;
    }
    const last = out.at(-1);
    if (last !== undefined && last !== '' && continues(piece, line, thresholds)) {
      out[out.length - 1] = glue(last, line);
    } else {
      if (blankBefore) out.push('');
      out.push(line);
    }
    piece = line;
    blankBefore = false;
  }
  return out;
}

function continues(previous: string, next: string, { full, fullHeading }: Thresholds): boolean {
  if (MARKDOWN_BLOCK.test(previous) || MARKDOWN_BLOCK.test(next)) return false;
  if (CONTINUES.test(next)) return true;
  const bare = previous.replace(TRAILING_EMPHASIS, '');
  if (BLOCK_START.test(next) || FINISHED.test(bare)) return false;
  if (UNFINISHED.test(bare)) return true;
  const cut = OPEN_END.test(bare) || BOUND_START.test(next) || CUT_WORD(bare, next);
  if (cut && /[\u4e00-\u9fa5]$/.test(bare) && !BLOCK_START.test(previous)) return true;
  return displayWidth(previous) >= (BLOCK_START.test(previous) ? fullHeading : full);
}

/** English words cut at a line end were separated by a space; Chinese never is. */
function glue(previous: string, next: string): string {
  return /[A-Za-z]$/.test(previous) && /^[A-Za-z]/.test(next) ? `${previous} ${next}` : previous + next;
}
