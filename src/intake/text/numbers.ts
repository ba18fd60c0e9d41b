// Numbers as Chinese documents write them: full-width digits, thousands separators, Chinese numerals.

const FULL_WIDTH = /[０-９．％～－]/g;
const HALF: Record<string, string> = { '．': '.', '％': '%', '～': '~', '－': '-' };

/**
 * The text with full-width digits, point, percent, tilde and hyphen made half-width, char for char,
 * so every offset into the result is an offset into the original.
 * @example halfWidth('增长５．５％') // '增长5.5%'
 */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) =>
    c >= '０' && c <= '９' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : (HALF[c] ?? c),
  );
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?';

/**
 * The value of a Chinese numeral below ten thousand (万 and 亿 are read as part of the unit).
 * @example chineseNumeral('二十三') // 23
 * @example chineseNumeral('三点五') // 3.5
 */
export function chineseNumeral(s: string): number | null {
  const [whole = '', fraction] = s.split('点');
  let total = 0;
  let digit: number | null = null;
  for (const c of whole) {
    if (c in DIGITS) {
      // Digits in a row without powers read positionally: 二〇二四 → 2024.
      digit = digit !== null && total === 0 ? digit * 10 + (DIGITS[c] ?? 0) : (DIGITS[c] ?? 0);
    } else if (c in POWERS) {
      total += (digit ?? 1) * (POWERS[c] ?? 1);
      digit = null;
    } else return null;
  }
  total += digit ?? 0;
  if (fraction === undefined) return whole === '' ? null : total;
  let scale = 0.1;
  for (const c of fraction) {
    if (!(c in DIGITS)) return null;
    total += (DIGITS[c] ?? 0) * scale;
    scale /= 10;
  }
  return Number(total.toFixed(10));
}

/** An Arabic number as written, with thousands separators: '1,234.5' → 1234.5. */
export function arabicNumber(s: string): number | null {
  const n = Number(s.replaceAll(',', ''));
  return Number.isFinite(n) ? n : null;
}
