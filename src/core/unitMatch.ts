// Matching a unit named in a speech (区经信, 市发改委, 组织部, 经开区管委会) to units of the catalogue. Speeches
// shorten names by keeping some of their characters in order (经济和信息化局 → 经信局, 发展和改革委员会 → 发改委,
// 督查考评办公室 → 督查考评办) and drop the place, keeping only its level (区, 市): a name is matched on what
// is left, and the level and the region the speech was given in decide between same-named units.

export interface CatalogUnit {
  id: number | string;
  name: string;
  regionCode: string;
  regionName?: string;
}

export interface MatchContext {
  /** The region the document speaks for: its own units come first. */
  regionCode?: string;
  regionName?: string;
}

export interface UnitSuggestion<U extends CatalogUnit = CatalogUnit> {
  unit: U;
  /** 0–1: 1 is the same name in the context region; 0.9 the same name elsewhere; below 0.35 is not suggested. */
  score: number;
  /** Why, in words a user reads. */
  why: string;
}

/** Levels a name's first character stands for: 区经信 → a district's bureau. */
const LEVEL =
  /^(?:中共)?([省市州县区旗盟镇乡])(?!场|村)(委(?=[\u4e00-\u9fa5]{2,}[部办室])|政府(?=[\u4e00-\u9fa5]{2,}))?(?=[\u4e00-\u9fa5]{2,})/;
/** Words that end a unit's name: an abbreviation ending in one must keep it near the end of the full name. */
const END_WORD = /[局委办部室厅院站所队社处科会心司行]$/;
/** A place leading a unit's name when its region is not given: 杭州市, 西湖区 (not 经济技术开发区). */
const PLACE = /^(?:中共)?[\u4e00-\u9fa5]{2,5}?(?:省|市|州|县|区|旗|盟)(?:委(?=[\u4e00-\u9fa5]{2,}[部办室]))?/;

interface Parsed {
  /** The level the name is written at (区 in 区经信), or null. */
  level: string | null;
  core: string;
}

const levelOfRegion = (regionName: string | undefined) =>
  regionName ? (/([省市州县区旗盟镇乡]|街道)$/.exec(regionName)?.[1] ?? null) : null;

/** A name from text: "区委组织部" → level 区, core 组织部; "市发改委" → 市, 发改委. */
function parseMention(name: string, context: MatchContext): Parsed {
  let s = name.replace(/\s+/g, '').replace(/^中共/, '');
  const region = context.regionName;
  if (region && s.startsWith(region) && s.length > region.length + 1)
    return { level: levelOfRegion(region), core: stripParty(s.slice(region.length)) };
  const level = LEVEL.exec(s);
  if (level) {
    s = s.slice(level[0].length);
    return { level: level[1] ?? null, core: s };
  }
  return { level: null, core: s };
}

const stripParty = (s: string) => s.replace(/^委(?=[\u4e00-\u9fa5]{2,}[部办室])/, '');

/** A catalogue unit's name without its place: "西湖区经济和信息化局" → 经济和信息化局. */
function coreOf(unit: CatalogUnit): string {
  const name = unit.name.replace(/\s+/g, '').replace(/^中共/, '');
  // A park's name is the unit's own: 经济技术开发区管理委员会 is not 管理委员会 of some place.
  const park = /开发区|园区|新区|高新/.test(unit.regionName ?? '');
  for (const place of park ? [] : [unit.regionName, unit.regionName?.replace(/[省市州县区旗盟]$/, '')]) {
    if (place && place.length >= 2 && name.startsWith(place) && name.length > place.length + 1)
      return stripParty(name.slice(place.length));
  }
  const place = PLACE.exec(name)?.[0] ?? '';
  const rest = name.slice(place.length);
  // 经济技术开发区管委会 names a park, not a place: keep it whole.
  if (!place || /开发|园|新区|高新/.test(place) || rest.length < 2) return name;
  return stripParty(rest.replace(/^[省市州县区旗盟]/, ''));
}

/** How well a short name stands for a full one: 0.9 same, 0.8 inside it, 0.5–0.8 its characters in order. */
function coreScore(short: string, full: string): { score: number; how: 'same' | 'inside' | 'abbrev' } | null {
  if (short === full) return { score: 0.9, how: 'same' };
  if (full.includes(short) && short.length >= 2) return { score: 0.8, how: 'inside' };
  // The short name starts where the full one does, or after a place left in it (杭州经济技术开发区…).
  const first = short[0] ?? '';
  if (short.length < 2 || full.indexOf(first) < 0 || full.indexOf(first) > 4) return null;
  let at = full.indexOf(first);
  const skipped = at;
  const positions: number[] = [];
  for (const ch of short) {
    const found = full.indexOf(ch, at);
    if (found < 0) return null;
    positions.push(found);
    at = found + 1;
  }
  // 发改委 ↔ 发展和改革委员会: a unit word the short name ends in sits near the end of the full name.
  const last = positions.at(-1) ?? 0;
  if (END_WORD.test(short) && last < full.length - 3) return null;
  return {
    score: 0.5 + 0.3 * (short.length / (full.length - skipped)) - 0.05 * Math.sign(skipped),
    how: 'abbrev',
  };
}

/** Whether code `a` is a region above `b` (330100 above 330106; 330106 above 330106001000). */
function isAbove(a: string, b: string): boolean {
  const stem = a.replace(/(?:00)+$/, '');
  return stem.length > 0 && stem.length < b.length && b.startsWith(stem) && a !== b;
}

/**
 * Catalogue units a name from a speech may mean, best first. A name written with a level (区经信) keeps
 * to units of that level; units of the context region come first, then of the regions above it.
 * @example suggestUnits('区经信', units, { regionCode: '330106', regionName: '西湖区' })[0].unit.name // '西湖区经济和信息化局'
 */
export function suggestUnits<U extends CatalogUnit>(
  name: string,
  units: readonly U[],
  context: MatchContext = {},
): UnitSuggestion<U>[] {
  const mention = parseMention(name, context);
  const out: UnitSuggestion<U>[] = [];
  for (const unit of units) {
    const core = coreOf(unit);
    const match = coreScore(mention.core, core);
    if (!match) continue;
    const why: string[] = [
      match.how === 'same'
        ? `名称「${mention.core}」相同`
        : match.how === 'inside'
          ? `「${mention.core}」是「${core}」的一部分`
          : `「${mention.core}」是「${core}」的简称`,
    ];
    let score = match.score;
    const unitLevel = levelOfRegion(unit.regionName) ?? levelOfRegion(PLACE.exec(unit.name)?.[0]);
    if (mention.level && unitLevel) {
      if (mention.level === unitLevel) why.push(`层级「${mention.level}」相符`);
      else {
        score -= 0.4;
        why.push(`层级不符（写的是「${mention.level}」，单位属「${unitLevel}」级）`);
      }
    }
    if (context.regionCode) {
      const where = unit.regionName ?? unit.regionCode;
      if (unit.regionCode === context.regionCode) {
        score += 0.1;
        why.push(`属本地区（${where}）`);
      } else if (isAbove(unit.regionCode, context.regionCode)) {
        score += 0.05;
        why.push(`属上级地区（${where}）`);
      } else {
        score -= 0.15;
        why.push(`属其他地区（${where}）`);
      }
    }
    out.push({ unit, score: Math.round(Math.max(0, Math.min(1, score)) * 100) / 100, why: why.join('；') });
  }
  return out
    .filter((s) => s.score >= 0.35)
    .sort((a, b) => b.score - a.score || a.unit.name.length - b.unit.name.length);
}

export type CollectiveKind = 'towns' | 'counties' | 'departments';

export interface Collective {
  /** The name stands for many units, not one. */
  collective: boolean;
  kind: CollectiveKind | null;
  /** Whether Tiaodu can list its members itself (the towns and streets of a region); else a user must. */
  expandable: boolean;
  why: string;
}

/** 各乡镇（街道）, 各镇（乡、街道）, 各镇街, 各街道办事处: a bracket adds kinds of the same level. */
const TOWNS =
  /^(?:全[市区县])?各(?:乡镇|镇街|镇|乡|街道|街办)(?:[（(][乡镇街道社区、，]{1,8}[)）])?(?:人民政府|政府|办事处|党委)?$/;
/** 各县（市、区）, 各县市区, 各区县. */
const COUNTIES = /^各(?:县市区|县市|县区|区县|县|区)(?:[（(][县市区、，]{1,6}[)）])?(?:人民政府|政府|党委)?$/;
const DEPARTMENTS =
  /^(?:[省市州县区](?:直|级)(?:各有关|各相关|各|有关|相关)?|各地|各级|各有关|各相关|各|相关|有关)+(?:部门|单位)$|^相关[镇乡街].{0,3}部门$/;

/**
 * Whether a subject names many units: 各乡镇（街道） → every town and street of the region (one task each);
 * 各地各部门, 市直各单位 → many units, which ones only a user can say.
 */
export function expandCollective(name: string): Collective {
  const s = name.replace(/\s+/g, '');
  if (TOWNS.test(s))
    return { collective: true, kind: 'towns', expandable: true, why: '本地区每个乡镇、街道各一项任务' };
  if (COUNTIES.test(s))
    return {
      collective: true,
      kind: 'counties',
      expandable: true,
      why: '本地区每个下辖县（市、区）各一项任务',
    };
  if (DEPARTMENTS.test(s))
    return {
      collective: true,
      kind: 'departments',
      expandable: false,
      why: `「${s}」指多个单位，不能自动确定是哪些，请逐一指定`,
    };
  return { collective: false, kind: null, expandable: false, why: `「${s}」是一个单位` };
}

const TOWN_NAME = /(?:镇|乡|街道)(?:人民政府|政府|办事处|党委)?$/;
const COUNTY_NAME = /(?:县|区|市)(?:人民政府|政府)$/;

/**
 * The units an expandable collective stands for in a region: its towns and streets (units named 某镇, 某街道
 * or 某街道办事处, of the region or of a town below it), or the governments of its counties.
 */
export function membersOf<U extends CatalogUnit>(
  kind: CollectiveKind,
  regionCode: string,
  units: readonly U[],
): U[] {
  if (kind === 'departments') return [];
  const pattern = kind === 'towns' ? TOWN_NAME : COUNTY_NAME;
  return units.filter(
    (u) =>
      (u.regionCode === regionCode || isAbove(regionCode, u.regionCode)) &&
      pattern.test(u.name) &&
      !(kind === 'counties' && u.regionCode === regionCode),
  );
}
