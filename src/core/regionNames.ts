// Resolving region names written in files and typed by users against the loaded regions; never a guess.
import type { Region } from './types.ts';

const SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '街道',
  '省',
  '市',
  '区',
  '县',
  '镇',
  '乡',
];

/** '广西壮族自治区' → '广西', '杭州市' → '杭州'; a name that would become one character is kept. */
export function shortRegionName(name: string): string {
  const s = name.trim();
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) return s.slice(0, -suffix.length);
  }
  return s;
}

export interface RegionIndex {
  byCode: Map<string, Region>;
  byName: Map<string, Region[]>;
  byShort: Map<string, Region[]>;
}

export function buildRegionIndex(regions: Region[]): RegionIndex {
  const index: RegionIndex = { byCode: new Map(), byName: new Map(), byShort: new Map() };
  const push = (m: Map<string, Region[]>, k: string, r: Region) => m.set(k, [...(m.get(k) ?? []), r]);
  for (const r of regions) {
    index.byCode.set(r.code, r);
    push(index.byName, r.name, r);
    push(index.byShort, shortRegionName(r.name), r);
  }
  return index;
}

export type RegionResolution =
  | { ok: true; region: Region }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: Region[] };

function pick(found: Region[] | undefined): RegionResolution | null {
  if (!found || found.length === 0) return null;
  if (found.length === 1) return { ok: true, region: found[0] as Region };
  return { ok: false, reason: 'ambiguous', candidates: found };
}

function within(index: RegionIndex, r: Region, ancestorCode: string): boolean {
  for (let c = r.parentCode; c; c = index.byCode.get(c)?.parentCode ?? null)
    if (c === ancestorCode) return true;
  return false;
}

/**
 * By code, exact name (which beats a short-name match), or short name. 'parent/child' or 'parent child'
 * narrows a name that several regions share (there are hundreds of 城关镇).
 * @example resolveRegion('桐庐县/城南街道', index)
 */
export function resolveRegion(
  raw: string,
  index: RegionIndex,
  scope: { underCode?: string } = {},
): RegionResolution {
  const s = raw.trim().replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const parts = s.split(/[/／\s]+/).filter(Boolean);
  if (parts.length > 1) {
    const parent = resolveRegion(parts.slice(0, -1).join('/'), index, scope);
    if (!parent.ok) return parent;
    return resolveRegion(parts[parts.length - 1] as string, index, { underCode: parent.region.code });
  }
  const inScope = (rs: Region[] | undefined) =>
    scope.underCode ? rs?.filter((r) => within(index, r, scope.underCode as string)) : rs;
  const code = index.byCode.get(s) ?? index.byCode.get(normalizeCode(s));
  if (code && (inScope([code])?.length ?? 0) > 0) return { ok: true, region: code };
  // A short-name match only for a query without its own suffix: '云南' finds 云南省, but 鼓楼区 never finds 鼓楼街道.
  const byShort = shortRegionName(s) === s ? inScope(index.byShort.get(s)) : undefined;
  return (
    pick(inScope(index.byName.get(s))) ?? pick(byShort) ?? { ok: false, reason: 'unknown', candidates: [] }
  );
}

/** 6- and 12-digit statistical codes to the short form the division list uses (330100 → 3301). */
function normalizeCode(c: string): string {
  if (!/^\d+$/.test(c)) return c;
  if (c.length === 12 && c.endsWith('000')) return c.slice(0, 9);
  if (c.length === 6 && c.endsWith('0000')) return c.slice(0, 2);
  if (c.length === 6 && c.endsWith('00')) return c.slice(0, 4);
  return c;
}
