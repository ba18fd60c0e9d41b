// Character-level script fixes: pinyin glosses, traditional → simplified, and 著/着.
import { Converter } from 'opencc-js/t2cn';
import { inGb2312 } from './gb2312.ts';

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Some reposting sites gloss characters with pinyin: 經(jīng)濟. Only a parenthesis right after
 * a CJK character holding toned syllables (marks or 1–5 digits) is a gloss; (GDP), (一),
 * （试行）, (2024) and (app) are not.
 */
const GLOSS =
  /(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（]((?: ?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?){1,4})[)）]/g;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]|[a-z][1-5](?: |$)/;

export function stripPinyinGlosses(text: string): string {
  return text.replace(GLOSS, (gloss, syllables: string) => (TONED.test(syllables) ? '' : gloss));
}

/**
 * 'hk' → 'cn' at character level: unlike 'tw' it keeps 么 and 卓著/编著/土著 intact (著/着 is
 * settled by our own table below). Built once: building reads the whole dictionary.
 */
const convertFully = Converter({ from: 'hk', to: 'cn' });

const singleCache = new Map<string, string>();
function convertChar(ch: string): string {
  const cached = singleCache.get(ch);
  if (cached !== undefined) return cached;
  const converted = convertFully(ch);
  singleCache.set(ch, converted);
  return converted;
}

/** Restored for names by the 2013 通用规范汉字表 though OpenCC still folds them (昇腾, 濛溪河). */
const RESTORED_NAME_CHARS = new Set('昇濛喆堃犇淼甦邨陞祇');

/** A traditional form: OpenCC would write this character differently in simplified script. */
export function isTraditional(ch: string): boolean {
  return CJK_CHAR.test(ch) && convertChar(ch) !== ch;
}

/** Only traditional: no simplified text writes it (於 and 沈 are simplified characters too). */
function isTraditionalOnly(ch: string): boolean {
  return isTraditional(ch) && !inGb2312(ch) && !RESTORED_NAME_CHARS.has(ch);
}

/** Share of traditional characters above which a line (or the whole text) is written in traditional script. */
const TRADITIONAL_SHARE = 0.05;

/**
 * Traditional text is converted with OpenCC's phrase tables. Simplified text is left alone
 * except for characters no simplified text uses: OpenCC would otherwise turn the place 於潜
 * into 于潜, 在沈 (in Shenyang) into 在沉 and the brand 昇腾 into 升腾.
 */
export function toSimplified(text: string): string {
  const lines = text.split('\n');
  const counts = lines.map(countTraditional);
  const cjk = counts.reduce((sum, count) => sum + count.cjk, 0);
  const traditional = counts.reduce((sum, count) => sum + count.traditional, 0);
  const wholeIsTraditional = traditional > cjk * TRADITIONAL_SHARE;
  return lines
    .map((line, i) => {
      const { cjk, traditional } = counts[i] ?? { cjk: 0, traditional: 0 };
      if (traditional === 0) return line;
      if (wholeIsTraditional || traditional > cjk * TRADITIONAL_SHARE) return convertFully(line);
      return convertStrayChars(line);
    })
    .join('\n');
}

function countTraditional(line: string): { cjk: number; traditional: number } {
  let cjk = 0;
  let traditional = 0;
  for (const ch of line) {
    if (!CJK_CHAR.test(ch)) continue;
    cjk++;
    if (isTraditionalOnly(ch)) traditional++;
  }
  return { cjk, traditional };
}

function convertStrayChars(line: string): string {
  let out = '';
  for (const ch of line) {
    out += isTraditionalOnly(ch) ? convertChar(ch) : ch;
  }
  return out;
}

/** 著 keeps its own meaning (to write, to be known) after these … */
const ZHU_AFTER = new Set('显卓昭彰编名原土论专遗巨译拙撰');
/** … and before these (著名, 著称, 著作 but not 着作为/着作出). */
const ZHU_BEFORE = /^(?:[名称述录者书]|作(?![为出用]))/;

/**
 * OpenCC leaves 著 as it is, but in simplified writing the particle and 着重/着力/着眼 are
 * 着. Everywhere else (著名, 显著, 著作权 …) it stays 著.
 * @example fixZhe('著重抓好“五个著力”，著名') // '着重抓好“五个着力”，著名'
 */
export function fixZhe(text: string): string {
  return text.replace(/著/g, (zhu, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text.slice(at + 1, at + 3);
    return ZHU_AFTER.has(before) || ZHU_BEFORE.test(after) ? zhu : '着';
  });
}
