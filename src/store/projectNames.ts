// Resolving the names a project or lead file writes: 所属地区 against the loaded regions (unknown is an error)
// and 责任单位 against the unit catalogue (unknown is added under the row's region and reported).
import type { ImportIssue } from '../core/imports.ts';
import type { CellAt, ProjectImportSummary, ProjectLayout } from '../core/projects/parsed.ts';
import { buildRegionIndex, type RegionIndex, resolveRegion } from '../core/regionNames.ts';
import type { Region } from '../core/types.ts';
import { csvField, type Db } from './db.ts';
import { listRegions } from './regions.ts';

/** An issue at a cell of a project layout file. */
export const cellIssue = (
  file: string,
  at: CellAt,
  value: string,
  expected: string,
  code: string,
): ImportIssue => ({
  file,
  row: at.line,
  column: at.column,
  value,
  expected,
  code,
  message: expected,
});

export interface NameBook {
  /** The region a row names, or null with an issue recorded. */
  region(file: string, text: string, at: CellAt, issues: ImportIssue[]): Region | null;
  /** The unit's region: the first of the row's region and its ancestors that has a unit of that name; else new. */
  unit(regionCode: string, name: string): { regionCode: string; known: boolean };
  regionName(code: string): string;
  /** Whether a region is `scope` or lies below it (no scope: everywhere). */
  within(code: string, scope: string | undefined): boolean;
}

/** Reads the regions and units once for a file. */
export async function nameBook(db: Db): Promise<NameBook> {
  const regions = await listRegions(db);
  const index: RegionIndex = buildRegionIndex(regions);
  const units = new Set(
    (await db.query<{ region_code: string; name: string }>('SELECT region_code, name FROM unit')).map(
      (u) => `${u.region_code}\u0000${u.name}`,
    ),
  );
  return {
    region(file, text, at, issues) {
      const r = resolveRegion(text, index);
      if (r.ok) return r.region;
      const expected =
        r.reason === 'ambiguous'
          ? `地区名称有多个：${r.candidates.map((c) => `${c.name}(${c.code})`).join('、')}；请写地区代码或「上级/名称」`
          : text.trim() === ''
            ? '所属地区不能为空'
            : '未知地区：已载入的地区中没有这个名称或代码（先用 tiaodu init 或 region add 载入）';
      issues.push(cellIssue(file, at, text, expected, 'region'));
      return null;
    },
    unit(regionCode, name) {
      for (let c: string | null = regionCode; c; c = index.byCode.get(c)?.parentCode ?? null)
        if (units.has(`${c}\u0000${name}`)) return { regionCode: c, known: true };
      return { regionCode, known: false };
    },
    regionName: (code) => index.byCode.get(code)?.name ?? code,
    within(code, scope) {
      if (scope === undefined) return true;
      for (let c: string | null = code; c; c = index.byCode.get(c)?.parentCode ?? null)
        if (c === scope) return true;
      return false;
    },
  };
}

/** The issue of a row outside the importing account's region. */
export const outOfScope = (file: string, at: CellAt, value: string): ImportIssue =>
  cellIssue(file, at, value, '不在本账号的辖区内：只能导入本辖区（及下级地区）的项目', 'scope');

/** Adds the new units (ON CONFLICT: two files at once may add the same). */
export async function addUnits(db: Db, units: { regionCode: string; name: string }[]): Promise<void> {
  for (const u of units)
    await db.query('INSERT INTO unit (region_code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      u.regionCode,
      u.name,
    ]);
}

/** Thrown inside a dry run's transaction so that nothing it wrote stays. */
export class DryRunRollback<T> extends Error {
  constructor(public readonly result: T) {
    super('dry run');
  }
}

/** Runs `fn` in a transaction; a dry run rolls it back and still returns what it would have done. */
export async function inTransaction<T>(db: Db, dryRun: boolean, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await fn(tx);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunRollback) return e.result as T;
    throw e;
  }
}

/** A unit a file names that the catalogue lacks, to be added under `regionCode`. */
export interface NewUnit {
  regionCode: string;
  name: string;
}

/**
 * Where a row of a project or lead file belongs: its region (unknown or outside `scope` is an issue, and null)
 * and its 责任单位's region; a unit the catalogue lacks is collected in `newUnits`.
 */
export function placeRow(
  names: NameBook,
  file: string,
  row: { regionText: string; unit: string | null; at: { region: CellAt } },
  scope: string | undefined,
  issues: ImportIssue[],
  newUnits: Map<string, NewUnit>,
): { regionCode: string; unitRegionCode: string | null } | null {
  const region = names.region(file, row.regionText, row.at.region, issues);
  if (!region) return null;
  if (!names.within(region.code, scope)) {
    issues.push(outOfScope(file, row.at.region, row.regionText));
    return null;
  }
  if (row.unit === null) return { regionCode: region.code, unitRegionCode: null };
  const u = names.unit(region.code, row.unit);
  if (!u.known)
    newUnits.set(`${u.regionCode}\u0000${row.unit}`, { regionCode: u.regionCode, name: row.unit });
  return { regionCode: region.code, unitRegionCode: u.regionCode };
}

/** What an import of a register or lead file did, as the CLI, the API and the audit report it. */
export const importSummary = (
  names: NameBook,
  s: { file: string; format: ProjectLayout; rows: number; created: number; written: number; dryRun: boolean },
  newUnits: Map<string, NewUnit>,
): ProjectImportSummary => ({
  file: s.file,
  format: s.format,
  rows: s.rows,
  created: s.created,
  updated: s.written - s.created,
  ignored: s.rows - s.written,
  dryRun: s.dryRun,
  newUnits: [...newUnits.values()].map((u) => ({ region: names.regionName(u.regionCode), name: u.name })),
});

/**
 * Loads rows into a temporary copy of `table` and upserts them by `key` in one statement; `touched`, when
 * given, is a timestamp column set to now() on every write.
 */
export async function upsert(
  tx: Db,
  table: string,
  key: string[],
  columns: string[],
  rows: (string | number | null)[][],
  touched?: string,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.exec(`CREATE TEMP TABLE ${table}_load (LIKE ${table} INCLUDING DEFAULTS) ON COMMIT DROP`);
  await tx.copyCsv(`${table}_load`, columns, rows.map((r) => r.map(csvField).join(',')).join('\n'));
  const set = columns.filter((c) => !key.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
  if (touched) set.push(`${touched} = now()`);
  await tx.exec(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${table}_load
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`,
  );
  await tx.exec(`DROP TABLE ${table}_load`);
}
