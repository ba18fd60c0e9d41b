// Finds runs of mis-decoded text (mojibake) and marks them instead of passing them on.
import { GB2312_LEVEL1, GB2312_LEVEL2 } from './gb2312.ts';
import { isTraditional } from './script.ts';

export const UNREADABLE = '〔无法识别〕';

/** 锟斤拷 (U+FFFD saved as GBK), 烫烫烫 / 屯屯屯 (uninitialised MSVC memory). */
const CLASSIC = /(?:锟斤拷)+锟?|烫{3,}|屯{3,}|\uFFFD+/g;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Punctuation that closes a clause: a run of lost characters never spans it. */
const CLAUSE_BREAK = /[\s，。、；：！？,.!“”‘’《》（）()【】「」]/;
/** A real question mark follows these; a lost character does not care. */
const QUESTION_WORD = /[吗呢么吧啊呀哪谁几何少]$/;

type Span = [start: number, end: number];

export interface Marked {
  text: string;
  runs: string[];
}

/**
 * Replaces every unreadable run with 〔无法识别〕 and returns the runs as found.
 * @example markUnreadable('保就业、?;久裆?,加快') // { text: '保就业、〔无法识别〕,加快', runs: ['?;久裆?'] }
 */
export function markUnreadable(text: string): Marked {
  const runs: string[] = [];
  const lines = text.split('\n').map((line) => {
    if (!mayHoldMojibake(line)) return line;
    const spans = isGarbled(line)
      ? [wholeLine(line)]
      : merge([...classicSpans(line), ...questionSpans(line), ...gbkSpans(line)]);
    let out = '';
    let at = 0;
    for (const [start, end] of spans) {
      runs.push(line.slice(start, end));
      out += line.slice(at, start) + UNREADABLE;
      at = end;
    }
    return out + line.slice(at);
  });
  return { text: lines.join('\n'), runs };
}

/** Clean lines (nearly all of them) hold nothing outside ASCII, everyday hanzi and punctuation. */
function mayHoldMojibake(line: string): boolean {
  for (const ch of line) {
    if (ch === '?' || (ch.charCodeAt(0) >= 0x80 && !GB2312_LEVEL1.has(ch) && !CLAUSE_BREAK.test(ch)))
      return true;
  }
  return false;
}

function classicSpans(line: string): Span[] {
  return [...line.matchAll(CLASSIC)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * `?` is what an encoder writes for a character it cannot represent. Question marks a few
 * characters apart with no clause punctuation between them belong to one lost stretch, and
 * the characters between them are leftovers of it (`?;久裆?` was 保基本民生).
 */
function questionSpans(line: string): Span[] {
  const spans: Span[] = [];
  let i = line.indexOf('?');
  while (i >= 0) {
    let end = i + 1;
    for (let next = line.indexOf('?', end); next >= 0 && next - end <= 6; next = line.indexOf('?', end)) {
      if (hasClauseBreak(line.slice(end, next))) break;
      end = next + 1;
    }
    if (isLostStretch(line, i, end)) spans.push([i, end]);
    i = line.indexOf('?', end);
  }
  return spans;
}

function hasClauseBreak(gap: string): boolean {
  for (const ch of gap) if (CLAUSE_BREAK.test(ch)) return true;
  return false;
}

function isLostStretch(line: string, start: number, end: number): boolean {
  const before = line[start - 1] ?? '';
  const after = line[end] ?? '';
  const inside = line.slice(start, end);
  const glued = CJK.test(before) || CJK.test(after) || CJK.test(inside);
  if (!glued) return false;
  if (inside !== '?') return true;
  // A lone `?` after a question word, or before a space or the end, is a real question.
  return !(QUESTION_WORD.test(line.slice(0, start)) || after === '' || /\s/.test(after));
}

/**
 * What UTF-8 bytes become when read as GBK: hanzi outside GB2312 that are no traditional form
 * (鍙, 鏀), kana, bopomofo, Cyrillic, box drawing, private-use characters and €. Government
 * text has none of them, bar a pinyin letter or a name in a rare script.
 */
const FOREIGN =
  /[\uFFFD\u20AC\u2032\u2033\u3040-\u30FF\u3100-\u312F\u3220-\u3243\uE000-\uF8FF\uFE30-\uFE4F\u0400-\u04FF\u2500-\u257F\uFF41-\uFF5A\uFF04\u00A4?]/;

/** 2 for a character real text never holds, 1 for a rare one (GB2312 level 2: 圳, 莞, 甬), else 0. */
function oddness(ch: string): number {
  if (FOREIGN.test(ch)) return 2;
  if (GB2312_LEVEL2.has(ch)) return 1;
  if (CJK.test(ch) && !GB2312_LEVEL1.has(ch) && !isTraditional(ch)) return 2;
  return 0;
}

/**
 * UTF-8 read as GBK turns 发展改革 into 鍙戝睍鏀归潻: two thirds of the characters odd, the rest
 * everyday or traditional hanzi. A stretch of odd characters at most three apart, with no
 * clause punctuation in it, is unreadable when it holds three or more odd characters (two
 * besides `?`), at least one that real text never holds, and they make up half of its
 * non-ASCII characters. Place names of level-2 hanzi (浐灞, 鄱阳) never qualify.
 */
function gbkSpans(line: string): Span[] {
  const spans: Span[] = [];
  let start = -1;
  let last = -1;
  let odd = 0;
  let foreign = 0;
  let marks = 0;
  const close = () => {
    const stretch = line.slice(start, last + 1);
    // Readable ASCII (figures, Latin) survives mis-decoding and does not count against density.
    const wide = [...stretch].filter((ch) => ch === '?' || ch.charCodeAt(0) >= 0x80).length;
    const qualifies = foreign >= 1 && odd - marks >= 2 && odd >= 3 && stretch.length >= 4 && odd * 2 >= wide;
    if (qualifies) spans.push([start, last + 1]);
    start = -1;
    odd = 0;
    foreign = 0;
    marks = 0;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    const level = oddness(ch);
    if (level > 0) {
      if (start < 0) start = i;
      last = i;
      odd++;
      if (level === 2) foreign++;
      if (ch === '?') marks++;
    } else if (start >= 0 && (i - last > 3 || CLAUSE_BREAK.test(ch))) {
      close();
    }
  }
  if (start >= 0) close();
  return spans;
}

/**
 * A line mis-decoded as a whole is cut by the figures and ASCII commas that survived into
 * stretches too short to judge one by one; judged together, its odd characters (three in five,
 * against two in three for mojibake and nearly none in real text) give it away.
 */
function isGarbled(line: string): boolean {
  let odd = 0;
  let foreign = 0;
  let wide = 0;
  for (const ch of line) {
    if (ch.charCodeAt(0) < 0x80 && ch !== '?') continue;
    wide++;
    const level = oddness(ch);
    if (level > 0) odd++;
    if (level === 2) foreign++;
  }
  return foreign >= 2 && odd >= 4 && odd * 5 >= wide * 3;
}

function wholeLine(line: string): Span {
  const start = line.length - line.trimStart().length;
  return [start, line.trimEnd().length];
}

function merge(spans: Span[]): Span[] {
  const sorted = spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of sorted) {
    const prev = merged.at(-1);
    if (prev && span[0] <= prev[1]) prev[1] = Math.max(prev[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}
