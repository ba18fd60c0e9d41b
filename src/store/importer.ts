// Writes parsed statistics into the database, all-or-nothing per file, reporting created/updated/ignored.
import { resolveIndicator } from '../core/catalog.ts';
import { TiaoduError } from '../core/errors.ts';
import {
  ImportError,
  type ImportIssue,
  type ParsedFile,
  type ParsedRow,
  TOTAL_ROW,
} from '../core/imports.ts';
import { buildRegionIndex, resolveRegion } from '../core/regionNames.ts';
import type { Indicator, Region } from '../core/types.ts';
import type { Role } from './accounts.ts';
import { recordAudit } from './audit.ts';
import { csvField, type Db } from './db.ts';
import { listIndicators } from './indicators.ts';
import { lockedStagingRows } from './locks.ts';
import { listRegions, nationalDivisionIndex } from './regions.ts';
import { createStaging, dropStaging, dropStaleStaging } from './staging.ts';
import { submitStaged } from './submit.ts';

export interface ImportSummary {
  file: string;
  format: string;
  rows: number;
  created: number;
  updated: number;
  ignored: number;
  dryRun: boolean;
  /** A reporter's import: how many submissions now wait for review (created/updated compare with published). */
  submitted?: number;
  /**
   * An NBS export's rows for divisions of the country that this database has not loaded (a national file
   * read into one city's database): left out, counted like `rows`, with the names as the file writes them.
   */
  skipped?: { rows: number; regions: string[] };
}

export interface ImportOptions {
  dryRun?: boolean;
  user?: string;
  /** Limits every row to this region and its descendants (a reporter's scope). */
  scopeRegionCode?: string;
  /** The catalogue read once for several files (importCatalogue); read afresh for this file when absent. */
  catalogue?: ImportCatalogue;
  /** Told what the import is doing, for a progress bar. */
  onProgress?: (progress: ImportProgress) => void;
  /** The most data rows the file may carry; MAX_IMPORT_ROWS unless a test asks for fewer. */
  maxRows?: number;
  /** Who imports: a reporter's rows become submissions for review; anyone else's are published at once. */
  role?: Role;
  /** Why published (locked) figures change; required when the file touches a locked period. */
  reason?: string;
}

/** What an import is doing: rows read so far, and how much of the file is read when its total is known. */
export interface ImportProgress {
  state: 'reading' | 'checking' | 'writing';
  rows: number;
  percent: number | null;
}

/** The most data rows one file may carry; a larger file is refused before anything is written. */
export const MAX_IMPORT_ROWS = 1_000_000;

/** line: the file's row; cell: the column the value came from (names a duplicate). */
type StagedRow = { line: number; cell: string; region: string; indicator: string; row: ParsedRow };

function tooManyRows(file: string, row: ParsedRow, max: number): ImportError {
  const expected = `一个文件最多 ${max.toLocaleString('en-US')} 行数据，请拆分为多个文件后分别导入`;
  const at = row.loc.value ?? row.loc.region;
  return new ImportError([
    { file, row: at.row, column: '', value: '', expected, code: 'too_many_rows', message: expected },
  ]);
}

const MAX_ISSUES = 100;
const stagingColumns = [
  'line',
  'region_code',
  'indicator_code',
  'year',
  'month',
  'scope',
  'value',
  'yoy',
  'month_value',
  'month_yoy',
  'forecast',
  'cell',
];

class DryRunDone extends Error {
  constructor(public summary: ImportSummary) {
    super('dry run');
  }
}

/** A row's region and indicator; 'skip' for an NBS row of a division not loaded here; null when it is bad. */
type Resolver = (
  row: ParsedRow,
  file: string,
  issues: ImportIssue[],
) => { region: string; indicator: Indicator } | 'skip' | null;

/** Only an NBS export covers more of the country than one city loads; the project's own templates never skip. */
const skipsNotLoaded = (format: string): boolean => format.startsWith('nbs-');

/**
 * A 报表's 合计/全市 row stands for the region the other rows belong to: when they all share one parent,
 * the total row becomes that parent; otherwise it is left to fail as an unknown region.
 */
function totalsToParent(batch: ParsedRow[], index: ReturnType<typeof buildRegionIndex>): void {
  const totals = batch.filter((r) => TOTAL_ROW.test(r.region));
  if (totals.length === 0) return;
  const parents = new Set<string | null>();
  for (const r of batch) {
    if (TOTAL_ROW.test(r.region)) continue;
    const found = resolveRegion(r.region, index);
    if (found.ok) parents.add(found.region.parentCode);
  }
  const [parent] = [...parents];
  if (parents.size === 1 && parent && index.byCode.has(parent)) for (const t of totals) t.region = parent;
}

/** What every import resolves names against: the indicator catalogue and the loaded regions, indexed. */
export interface ImportCatalogue {
  indicators: Indicator[];
  regions: Region[];
  index: ReturnType<typeof buildRegionIndex>;
  parentOf: Map<string, string | null>;
}

/**
 * Reads the catalogue once. Building it takes a large share of a small file's import when the whole country is
 * loaded (44,704 regions: ≈ 0.4 s a file), so a command importing many files reads it once for all of them.
 * @example const catalogue = await importCatalogue(db); for (const f of files) await importFile(db, f, { catalogue });
 */
export async function importCatalogue(db: Db): Promise<ImportCatalogue> {
  const indicators = await listIndicators(db);
  const regions = await listRegions(db);
  return {
    indicators,
    regions,
    index: buildRegionIndex(regions),
    parentOf: new Map(regions.map((r) => [r.code, r.parentCode])),
  };
}

async function makeResolver(
  db: Db,
  options: ImportOptions,
  format: string,
): Promise<{ resolve: Resolver; resolveTotals: (batch: ParsedRow[]) => void }> {
  const { indicators, regions, index, parentOf } = options.catalogue ?? (await importCatalogue(db));
  // Only an error message needs it: worked out on the first such error, not for every file.
  let loadedText: string | undefined;
  const loaded = () => {
    loadedText ??= loadedRootNames(regions);
    return loadedText;
  };
  const within = (code: string, root: string): boolean => {
    for (let c: string | null | undefined = code; c; c = parentOf.get(c)) if (c === root) return true;
    return false;
  };
  const regionCache = new Map<string, ReturnType<typeof resolveRegion>>();
  const indicatorCache = new Map<string, ReturnType<typeof resolveIndicator>>();
  const nationalCache = new Map<string, boolean>();
  const isDivision = (name: string): boolean => {
    let known = nationalCache.get(name);
    if (known === undefined) {
      const found = resolveRegion(name, nationalDivisionIndex());
      known = found.ok || found.reason === 'ambiguous';
      nationalCache.set(name, known);
    }
    return known;
  };
  // One cell is one issue: a region or indicator written once (an NBS 地区：/指标： line) stands for every
  // value of the file, and repeating its issue per value made one mistake look like dozens of duplicates.
  const reported = new Set<string>();
  const resolve: Resolver = (row, file, issues) => {
    const r = regionCache.get(row.region) ?? resolveRegion(row.region, index);
    regionCache.set(row.region, r);
    if (!r.ok && r.reason === 'unknown' && skipsNotLoaded(format) && isDivision(row.region)) return 'skip';
    const i = indicatorCache.get(row.indicator) ?? resolveIndicator(row.indicator, indicators);
    indicatorCache.set(row.indicator, i);
    const issue = (cell: { row: number; column: string }, value: string, expected: string, code: string) => {
      const key = `${cell.row}|${cell.column}|${code}`;
      if (reported.has(key)) return;
      reported.add(key);
      issues.push({ file, row: cell.row, column: cell.column, value, expected, code, message: expected });
    };
    if (!r.ok) {
      const names = r.candidates.map((c) => `${c.name}(${c.code})`).join('、');
      issue(
        row.loc.region,
        row.region,
        r.reason === 'ambiguous'
          ? `地区名称有歧义，可能是：${names}；请写地区代码或「上级/名称」`
          : isDivision(row.region)
            ? `这个地区不在本系统载入的范围内（${loaded()}）：请删去这一行，或改为本系统中的地区`
            : '已载入的地区中没有这个名称或代码，全国行政区划中也没有：请检查名称是否写错，或改写为地区代码',
        `region.${r.reason}`,
      );
    }
    if (!i.ok) {
      issue(
        row.loc.indicator,
        row.indicator,
        i.reason === 'ambiguous'
          ? `指标有歧义：${i.candidates.join('、')}`
          : '指标库中没有这个指标名称、别名或代码',
        `indicator.${i.reason}`,
      );
    }
    if (!r.ok || !i.ok) return null;
    if (options.scopeRegionCode && !within(r.region.code, options.scopeRegionCode)) {
      issue(row.loc.region, row.region, '无权填报本单位辖区以外的地区', 'forbidden');
      return null;
    }
    return { region: r.region.code, indicator: i.indicator };
  };
  return { resolve, resolveTotals: (batch) => totalsToParent(batch, index) };
}

/** '本系统载入的是杭州市及其下级地区': the roots of the loaded tree, for telling a user what is in scope. */
function loadedRootNames(regions: Region[]): string {
  const codes = new Set(regions.map((r) => r.code));
  const roots = regions.filter((r) => !r.parentCode || !codes.has(r.parentCode)).map((r) => r.name);
  if (roots.length === 0) return '本系统还没有载入任何地区';
  const shown = roots.slice(0, 3).join('、') + (roots.length > 3 ? ` 等 ${roots.length} 个地区` : '');
  return `本系统载入的是${shown}及其下级地区`;
}

function stagingCsv(rows: StagedRow[]): string {
  return rows
    .map(({ line, cell, region, indicator, row }) =>
      [
        line,
        region,
        indicator,
        row.year,
        row.month,
        row.scope ?? '',
        row.value,
        row.yoy,
        row.monthValue ?? null,
        row.monthYoy ?? null,
        row.forecast ?? false,
        cell,
      ]
        .map(csvField)
        .join(','),
    )
    .join('\n');
}

/** A real import that writes this many rows refreshes the planner's statistics afterwards. */
const ANALYZE_AFTER_ROWS = 10_000;

/** Rows per COPY into the staging table: each chunk is one short turn on the connection, so reads interleave. */
const CHUNK_ROWS = 5_000;

/** Reads one file and stages it in chunks; a bad row or too many rows ends it with an ImportError. */
async function stageRows(
  db: Db,
  staging: string,
  parsed: ParsedFile,
  file: string,
  options: ImportOptions,
): Promise<{ count: number; skipped: ImportSummary['skipped'] }> {
  const { resolve, resolveTotals } = await makeResolver(db, options, parsed.format);
  const skipped = { rows: 0, regions: new Set<string>() };
  const issues: ImportIssue[] = [];
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  let count = 0;
  const report = () => {
    const total = parsed.total?.() ?? null;
    const percent = total ? Math.min(100, Math.round((count / total) * 1000) / 10) : null;
    options.onProgress?.({ state: 'reading', rows: count, percent });
  };
  try {
    for await (const batch of parsed.rows) {
      resolveTotals(batch);
      for (let from = 0; from < batch.length; from += CHUNK_ROWS) {
        const ok: StagedRow[] = [];
        for (const row of batch.slice(from, from + CHUNK_ROWS)) {
          if (++count > maxRows) throw tooManyRows(file, row, maxRows);
          const r = resolve(row, file, issues);
          if (r === 'skip') {
            skipped.rows++;
            skipped.regions.add(row.region);
          } else if (r)
            ok.push({
              line: (row.loc.value ?? row.loc.yoy ?? row.loc.region).row,
              cell: (row.loc.value ?? row.loc.yoy ?? row.loc.region).column,
              region: r.region,
              indicator: r.indicator.code,
              row,
            });
          if (issues.length >= MAX_ISSUES) throw new ImportError(issues);
        }
        if (ok.length > 0 && issues.length === 0) await db.copyCsv(staging, stagingColumns, stagingCsv(ok));
        report();
      }
    }
  } catch (e) {
    if (e instanceof ImportError && e.issues !== issues) issues.push(...e.issues);
    else if (!(e instanceof ImportError)) throw e;
  }
  if (issues.length === 0) issues.push(...(await duplicateIssues(db, staging, file)));
  if (issues.length > 0) throw new ImportError(issues.slice(0, MAX_ISSUES));
  return {
    count,
    skipped: skipped.rows > 0 ? { rows: skipped.rows, regions: [...skipped.regions] } : undefined,
  };
}

/**
 * Writes one file's parsed rows (the intake reads the file: see app/imports.ts). On any bad row nothing from
 * the file is written and an ImportError lists every issue. The rows are staged in chunks in a table of their
 * own, outside any transaction, so other requests get their turns on the connection while a big file is read;
 * only the check against the observations and the merge run in one (short) transaction, which keeps the import
 * all-or-nothing. `path` names the file in the summary, the history and the audit; the rows are closed at the end.
 */
export async function importRows(
  db: Db,
  path: string,
  parsed: ParsedFile,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const file = path.split('/').pop() ?? path;
  options.onProgress?.({ state: 'reading', rows: 0, percent: null });
  let created: string | null = null;
  try {
    await dropStaleStaging(db);
    const staging = await createStaging(db);
    created = staging;
    const { count, skipped } = await stageRows(db, staging, parsed, file, options);
    options.onProgress?.({ state: 'checking', rows: count, percent: 100 });
    const summary = await db.transaction(async (tx) => {
      // The merge statements read `import_staging`: here, a view of this file's own staging table.
      await tx.exec(`CREATE TEMP VIEW import_staging AS SELECT * FROM ${staging}`);
      const summary = {
        file: path,
        format: parsed.format,
        rows: count,
        ...(await countChanges(tx)),
        dryRun: !!options.dryRun,
        ...(skipped ? { skipped } : {}),
      };
      // A dry run answers as the real import would: a locked period without a reason is refused here too.
      const locked = await refuseLockedWithoutReason(tx, file, options.reason);
      if (options.dryRun) throw new DryRunDone(summary);
      options.onProgress?.({ state: 'writing', rows: count, percent: 100 });
      const submitted = await writeStaging(tx, options.user ?? null, path, options, locked);
      if (submitted !== null) Object.assign(summary, { submitted });
      await tx.query(
        'INSERT INTO import_batch (file, format, created, updated, ignored, imported_by) VALUES ($1,$2,$3,$4,$5,$6)',
        [path, parsed.format, summary.created, summary.updated, summary.ignored, options.user ?? null],
      );
      await tx.exec('DROP VIEW import_staging');
      return summary;
    });
    // PGlite runs no autovacuum; after a big change the planner needs fresh statistics (a few hundred ms).
    if (db.kind === 'pglite' && summary.created + summary.updated >= ANALYZE_AFTER_ROWS)
      await db.exec('ANALYZE observation');
    return summary;
  } catch (e) {
    if (e instanceof DryRunDone) return e.summary;
    throw e;
  } finally {
    await parsed.close?.();
    if (created) await dropStaging(db, created);
  }
}

/** Two lines that name the same region, indicator and period (perhaps by different names). */
async function duplicateIssues(db: Db, staging: string, file: string): Promise<ImportIssue[]> {
  const dups = await db.query<{
    lines: number[];
    cells: string[];
    region_code: string;
    indicator_code: string;
    year: number;
    month: number;
  }>(
    `SELECT array_agg(line ORDER BY line, cell) AS lines, array_agg(cell ORDER BY line, cell) AS cells,
       region_code, indicator_code, year, month
     FROM ${staging} GROUP BY region_code, indicator_code, year, month, scope
     HAVING count(*) > 1 ORDER BY min(line) LIMIT ${MAX_ISSUES}`,
  );
  return dups.map((d) => {
    const first = `第${d.lines[0]}行${d.cells[0] ? ` 第${d.cells[0]}列` : ''}`;
    return {
      file,
      row: d.lines[1] ?? 0,
      column: d.cells[1] ?? '',
      value: `${d.region_code} ${d.indicator_code} ${d.year}-${String(d.month).padStart(2, '0')}`,
      expected: `与${first}重复：同一地区、指标和期间只能有一个值`,
      code: 'duplicate',
      message: `与${first}重复`,
    };
  });
}

const sameKey = `o.region_code = s.region_code AND o.indicator_code = s.indicator_code
  AND o.year = s.year AND o.month = s.month AND o.scope = s.scope`;
const changed = `(o.value IS DISTINCT FROM s.value OR o.yoy IS DISTINCT FROM s.yoy
  OR o.month_value IS DISTINCT FROM s.month_value OR o.month_yoy IS DISTINCT FROM s.month_yoy
  OR o.forecast IS DISTINCT FROM s.forecast)`;

async function countChanges(tx: Db): Promise<{ created: number; updated: number; ignored: number }> {
  const [r] = await tx.query<{ created: number; updated: number; ignored: number }>(
    `SELECT count(*) FILTER (WHERE o.region_code IS NULL)::int AS created,
            count(*) FILTER (WHERE o.region_code IS NOT NULL AND ${changed})::int AS updated,
            count(*) FILTER (WHERE o.region_code IS NOT NULL AND NOT ${changed})::int AS ignored
     FROM import_staging s LEFT JOIN observation o ON ${sameKey}`,
  );
  return r ?? { created: 0, updated: 0, ignored: 0 };
}

/** The number of staged rows in locked (published) periods; refused when there are some and no reason. */
async function refuseLockedWithoutReason(tx: Db, file: string, reason?: string): Promise<number> {
  const locked = await lockedStagingRows(tx);
  if (locked.total > 0 && !reason?.trim()) {
    throw new TiaoduError(
      'period.locked',
      `${file}：${locked.examples.join('、')}${locked.total > locked.examples.length ? ` 等 ${locked.total} 行` : ''}属于已发布并锁定的期间，修改已发布数据须填写修订原因；未写入任何数据`,
    );
  }
  return locked.total;
}

/**
 * Writes the staged rows: a reporter's as submissions for review, anyone else's into observation (published),
 * old values kept in history. Rows that change a locked (published) period need a reason, else nothing is
 * written. Returns the number of submissions for a reporter's file, null otherwise.
 */
async function writeStaging(
  tx: Db,
  user: string | null,
  path: string,
  options: Pick<ImportOptions, 'role' | 'reason'>,
  locked: number,
): Promise<number | null> {
  const file = path.split('/').pop() ?? path;
  const reason = options.reason?.trim() || undefined;
  if (options.role === 'reporter') return submitStaged(tx, user, file, reason);
  await tx.query(
    `INSERT INTO observation_history (region_code, indicator_code, year, month, scope,
       old_value, new_value, old_yoy, new_yoy, changed_by, source, reason)
     SELECT s.region_code, s.indicator_code, s.year, s.month, s.scope, o.value, s.value, o.yoy, s.yoy, $1, $2, $3
     FROM import_staging s JOIN observation o ON ${sameKey} WHERE ${changed}`,
    [user, path, reason ?? null],
  );
  await tx.query(
    `INSERT INTO observation AS o (region_code, indicator_code, year, month, scope, value, yoy, month_value,
       month_yoy, forecast, status, source, entered_by)
     SELECT region_code, indicator_code, year, month, scope, value, yoy, month_value, month_yoy, forecast,
       'published', $2, $1 FROM import_staging
     ON CONFLICT (region_code, indicator_code, year, month, scope) DO UPDATE SET
       value = EXCLUDED.value, yoy = EXCLUDED.yoy, month_value = EXCLUDED.month_value,
       month_yoy = EXCLUDED.month_yoy, forecast = EXCLUDED.forecast, source = EXCLUDED.source,
       entered_by = EXCLUDED.entered_by, entered_at = now()
     WHERE o.value IS DISTINCT FROM EXCLUDED.value OR o.yoy IS DISTINCT FROM EXCLUDED.yoy
       OR o.month_value IS DISTINCT FROM EXCLUDED.month_value OR o.month_yoy IS DISTINCT FROM EXCLUDED.month_yoy
       OR o.forecast IS DISTINCT FROM EXCLUDED.forecast`,
    [user, path],
  );
  if (locked > 0) {
    await recordAudit(tx, {
      user: user ?? '未知',
      action: 'observation.revise',
      object: `导入修订 ${locked} 行`,
      new: { rows: locked, reason },
      file,
    });
  }
  return null;
}
