// Quantities in a sentence: a number with a unit, a range ("2%—3%"), or a distributive list ("6%、8%和5%").
// List markers, slogans, dates, anniversaries and page debris are not quantities.
import { arabicNumber, CHINESE_NUMERAL, chineseNumeral, halfWidth } from './numbers.ts';

export type Comparator = '≈' | '>=' | '<=' | '=' | 'range';

export interface Quantity {
  /** One value, or one per item of a distributive list ("分别增长6%、8%"). */
  values: number[];
  /** The upper end of a range, else null. */
  valueHi: number | null;
  unit: string;
  /** Offsets in the text searched: the number(s) and unit, without comparator words. */
  start: number;
  end: number;
  /** A comparator written right after the quantity (左右, 以上, 以内) or right before it (不低于, 约). */
  cmp: Comparator | null;
}

// Longest first, so that 个百分点 wins over 个 and 亿美元 over 亿元.
const UNITS = [
  '吨标准煤/万元',
  '万元/人',
  '元/人',
  '万元/亩',
  '个百分点',
  '个工作日',
  '亿千瓦时',
  '万千瓦时',
  '亿立方米',
  '万立方米',
  '万平方米',
  '平方公里',
  '亿人次',
  '万人次',
  '亿美元',
  '万美元',
  '平方米',
  '万千瓦',
  '万标箱',
  '标准箱',
  '人次',
  '亿元',
  '万元',
  '千元',
  '万人',
  '万户',
  '万家',
  '万个',
  '万吨',
  '亿吨',
  '亿斤',
  '万亩',
  '公里',
  '千米',
  '万辆',
  '万套',
  '万台',
  '万件',
  '千瓦',
  '元',
  '吨',
  '亩',
  '辆',
  '套',
  '台',
  '件',
  '家',
  '个',
  '项',
  '次',
  '户',
  '份',
  '所',
  '座',
  '天',
  '倍',
  '%',
  '名',
  '条',
  '场',
  '宗',
  '人',
];
const UNIT = UNITS.map((u) => u.replace(/[/%]/g, '\\$&')).join('|');
// Units a Chinese numeral may carry. "三个一批", "两个确立", "一件事一次办" are slogans, not counts.
const CHINESE_UNITS = new Set([
  '个百分点',
  '倍',
  '%',
  '亿元',
  '万元',
  '亿美元',
  '万人',
  '万户',
  '万吨',
  '万亩',
]);
const NUMBER = `\\d+(?:,\\d{3})*(?:\\.\\d+)?|${CHINESE_NUMERAL}`;
// One number with its unit (optional inside a list or range), or 百分之五.
const ATOM = new RegExp(`百分之(${NUMBER})|(${NUMBER})\\s*(${UNIT})?`, 'g');

interface Atom {
  value: number;
  unit: string | null;
  start: number;
  end: number;
  chinese: boolean;
}

/** Why an atom is not a quantity: 5G, 第一, 1+N, 3个月, 38262个字, a number inside a short slogan. */
function debris(text: string, a: Atom): boolean {
  const before = text[a.start - 1] ?? '';
  const after = text[a.end] ?? '';
  if (/[A-Za-z0-9.+]/.test(before) || /[A-Za-z+]/.test(after)) return true;
  if (before === '第' || before === '每') return true;
  if (a.unit === '个' && /[月字小星季]/.test(after)) return true;
  if (a.unit === '天' && after === '内') return false;
  // A Chinese numeral counts things only where a clause ends on it ("新增规上企业十家。"); before a noun it
  // is a slogan ("三个一批", "两个确立"), and 一次/两次 say how often, not how many.
  if (a.chinese && !CHINESE_UNITS.has(a.unit ?? '')) {
    const closesClause = /^(?:以上|左右|以内)?(?:[，。；、,;！]|$)/.test(text.slice(a.end));
    return !closesClause || a.unit === '次' || a.unit === null;
  }
  return insideShortQuote(text, a.start);
}

/** A number inside “…” or 《…》 of a dozen characters or fewer is part of a name or slogan ("“1+6+N”"). */
function insideShortQuote(text: string, at: number): boolean {
  const open = Math.max(text.lastIndexOf('“', at), text.lastIndexOf('《', at), text.lastIndexOf('"', at - 1));
  if (open < 0 || at - open > 12) return false;
  const closeAt = text.slice(open + 1, open + 14).search(/[”》"]/);
  return closeAt >= 0 && open + 1 + closeAt >= at;
}

function atoms(text: string): Atom[] {
  const out: Atom[] = [];
  for (const m of text.matchAll(ATOM)) {
    const raw = m[1] ?? m[2] ?? '';
    const chinese = !/\d/.test(raw);
    const value = chinese ? chineseNumeral(raw) : arabicNumber(raw);
    if (value === null) continue;
    const unit = m[1] !== undefined ? '%' : (m[3] ?? null);
    const start = m.index ?? 0;
    const atom = { value, unit, start, end: start + m[0].length, chinese };
    // 百分之 carries its own unit; an atom like 一要 or 二是 without a unit is dropped when it stands alone.
    if (m[1] !== undefined ? false : debris(text, atom)) continue;
    out.push(atom);
  }
  return out;
}

const LIST_JOIN = /^\s*(?:、|和|及|与)\s*$/;
const RANGE_JOIN = /^\s*(?:-|—{1,2}|–|~|至|到)\s*$/;
const SUFFIX: [RegExp, Comparator][] = [
  [/^(?:左右|上下)/, '≈'],
  [/^(?:以上|及以上|之上)/, '>='],
  [/^(?:以内|之内|以下|及以下|内)/, '<='],
];
const PREFIX: [RegExp, Comparator][] = [
  [/(?:不低于|不少于|超过|高于|大于|多于|突破|逾|超)$/, '>='],
  [
    /(?:不高于|不超过|低于|少于|小于|控制在|压缩至|压缩到|压减至|压减到|缩短至|缩短到|降至|降到|降低至|降低到|下降至|下降到)$/,
    '<=',
  ],
  [/(?:约|近|大约|接近)$/, '≈'],
];

/** Units agree in a list when one is missing or a prefix of the last: "76个、80个工作日" is in 个工作日. */
const sameUnit = (unit: string | null, last: string) =>
  unit === null || unit === last || last.startsWith(unit);

/**
 * Every quantity in a text, each with its unit and any comparator written beside it.
 * @example findQuantities('城镇、农村居民人均可支配收入分别增长6.5%、7.5%左右')
 *   // [{ values: [6.5, 7.5], valueHi: null, unit: '%', cmp: '≈', … }]
 */
export function findQuantities(original: string): Quantity[] {
  const text = halfWidth(original);
  const found = atoms(text);
  const out: Quantity[] = [];
  for (let i = 0; i < found.length; i++) {
    const group = [found[i] as Atom];
    let range = false;
    while (i + 1 < found.length) {
      const prev = group[group.length - 1] as Atom;
      const next = found[i + 1] as Atom;
      const gap = text.slice(prev.end, next.start);
      if (
        !range &&
        group.length === 1 &&
        RANGE_JOIN.test(gap) &&
        next.unit &&
        sameUnit(prev.unit, next.unit)
      ) {
        range = true;
      } else if (range || !LIST_JOIN.test(gap)) break;
      // A list goes on while items lack the unit ("6、8、5%") or repeat it ("6%、8%和5%", "76个、80个工作日").
      else if (prev.unit !== null && !(next.unit && sameUnit(prev.unit, next.unit))) break;
      group.push(next);
      i++;
    }
    const last = group[group.length - 1] as Atom;
    if (!last.unit || !group.every((a) => sameUnit(a.unit, last.unit as string))) {
      // No unit at the end: not a quantity (a list marker, a year, a bare count). Keep unit-bearing atoms alone.
      for (const a of group) if (a.unit) out.push(single(text, a));
      continue;
    }
    const q: Quantity = range
      ? {
          values: [group[0]?.value ?? 0],
          valueHi: last.value,
          unit: last.unit,
          start: group[0]?.start ?? 0,
          end: last.end,
          cmp: 'range',
        }
      : {
          values: group.map((a) => a.value),
          valueHi: null,
          unit: last.unit,
          start: group[0]?.start ?? 0,
          end: last.end,
          cmp: null,
        };
    if (!range) q.cmp = comparatorAround(text, q.start, q.end);
    out.push(q);
  }
  return out;
}

function single(text: string, a: Atom): Quantity {
  return {
    values: [a.value],
    valueHi: null,
    unit: a.unit ?? '',
    start: a.start,
    end: a.end,
    cmp: comparatorAround(text, a.start, a.end),
  };
}

function comparatorAround(text: string, start: number, end: number): Comparator | null {
  const after = text.slice(end, end + 4);
  for (const [re, cmp] of SUFFIX) if (re.test(after)) return cmp;
  const before = text.slice(Math.max(0, start - 6), start);
  for (const [re, cmp] of PREFIX) if (re.test(before)) return cmp;
  return null;
}
