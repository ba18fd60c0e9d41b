// Investment leads (招商项目) and tour scores (拉练评分): all-or-nothing imports, updates by 项目编号, and reads.
import { ImportError, type ImportIssue } from '../core/imports.ts';
import type { ParsedLead, ParsedTourScore, ProjectImportSummary } from '../core/projects/parsed.ts';
import type { Lead } from '../core/projects/types.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import {
  addUnits,
  cellIssue,
  importSummary,
  inTransaction,
  type NameBook,
  type NewUnit,
  nameBook,
  outOfScope,
  placeRow,
  upsert,
} from './projectNames.ts';
import type { ProjectImportOptions } from './projects.ts';
import { REGIONS_BELOW } from './tasks.ts';

const LEAD_COLUMNS = [
  'code',
  'name',
  'region_code',
  'unit_region_code',
  'unit',
  'industry',
  'contract',
  'signed',
  'registered',
  'started',
  'producing',
  'funds_arrived',
] as const;

interface LeadRowDb {
  code: string;
  name: string;
  region_code: string;
  region_name?: string;
  unit_region_code: string | null;
  unit: string | null;
  industry: string | null;
  contract: number | string;
  signed: string | null;
  registered: string | null;
  started: string | null;
  producing: string | null;
  funds_arrived: number | string;
  project_code?: string | null;
  unit_region_name?: string | null;
}

const toLead = (r: LeadRowDb): Lead => ({
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  region: r.region_name ?? r.region_code,
  unit: r.unit,
  industry: r.industry,
  contract: Number(r.contract),
  signed: r.signed,
  registered: r.registered,
  started: r.started,
  producing: r.producing,
  fundsArrived: Number(r.funds_arrived),
  unitRegionCode: r.unit_region_code,
  unitRegion: r.unit_region_name ?? null,
  projectCode: r.project_code ?? null,
});

const sameLead = (a: LeadRowDb, b: LeadRowDb) =>
  LEAD_COLUMNS.every((c) =>
    typeof a[c] === 'number' || typeof b[c] === 'number' ? Number(a[c]) === Number(b[c]) : a[c] === b[c],
  );

/**
 * Imports a lead file (monthly re-imports update by 项目编号): every 所属地区 must resolve or nothing is written;
 * an unknown 责任单位 joins the catalogue under the lead's region.
 */
export async function importLeads(
  db: Db,
  file: string,
  rows: ParsedLead[],
  options: ProjectImportOptions = {},
): Promise<ProjectImportSummary> {
  const user = options.user ?? 'cli';
  return inTransaction(db, !!options.dryRun, async (tx) => {
    const names = await nameBook(tx);
    const issues: ImportIssue[] = [];
    const newUnits = new Map<string, NewUnit>();
    const incoming: LeadRowDb[] = [];
    await checkLinks(tx, file, rows, names, options.scopeRegionCode, issues);
    for (const r of rows) {
      const place = placeRow(names, file, r, options.scopeRegionCode, issues, newUnits);
      if (!place) continue;
      incoming.push({
        code: r.code,
        name: r.name,
        region_code: place.regionCode,
        unit_region_code: place.unitRegionCode,
        unit: r.unit,
        industry: r.industry,
        contract: r.contract,
        signed: r.signed,
        registered: r.registered,
        started: r.started,
        producing: r.producing,
        funds_arrived: r.fundsArrived,
        project_code: r.projectCode ?? null,
      });
    }
    if (issues.length > 0) throw new ImportError(issues);
    const stored = new Map(
      (
        await tx.query<LeadRowDb>('SELECT * FROM investment_lead WHERE code = ANY($1::text[])', [
          incoming.map((l) => l.code),
        ])
      ).map((l) => [l.code, l]),
    );
    // A link is written when the file gives one that differs; an empty 关联项目编号 keeps the stored link (a
    // monthly re-import from a sheet without it must not undo a promotion).
    const relinked = (l: LeadRowDb) =>
      !!l.project_code && stored.get(l.code)?.project_code !== l.project_code;
    const writes = incoming.filter((l) => {
      const old = stored.get(l.code);
      return !old || !sameLead(old, l) || relinked(l);
    });
    const created = incoming.filter((l) => !stored.has(l.code)).length;
    await addUnits(tx, [...newUnits.values()]);
    await upsert(
      tx,
      'investment_lead',
      ['code'],
      [...LEAD_COLUMNS, 'updated_by'],
      writes.map((l) => [...LEAD_COLUMNS.map((c) => l[c] ?? null), user]),
      'updated_at',
    );
    for (const l of incoming.filter(relinked))
      await tx.query(
        'UPDATE investment_lead SET project_code = $2, linked_by = $3, linked_at = now() WHERE code = $1',
        [l.code, l.project_code, user],
      );
    const summary = importSummary(
      names,
      {
        file,
        format: '招商项目',
        rows: rows.length,
        created,
        written: writes.length,
        dryRun: !!options.dryRun,
      },
      newUnits,
    );
    await recordAudit(tx, { user, action: 'import', object: '招商项目', new: summary, file });
    return summary;
  });
}

/**
 * The 关联项目编号 cells of a lead file: each must be a project of the register, within the importer's scope;
 * otherwise an issue at its cell.
 */
async function checkLinks(
  tx: Db,
  file: string,
  rows: ParsedLead[],
  names: NameBook,
  scope: string | undefined,
  issues: ImportIssue[],
): Promise<void> {
  const linked = rows.filter((r) => r.projectCode);
  if (linked.length === 0) return;
  const found = new Map(
    (
      await tx.query<{ code: string; region_code: string }>(
        'SELECT code, region_code FROM project WHERE code = ANY($1::text[])',
        [linked.map((r) => r.projectCode)],
      )
    ).map((p) => [p.code, p.region_code]),
  );
  for (const r of linked) {
    const code = r.projectCode as string;
    const at = r.at.projectCode ?? r.at.region;
    const region = found.get(code);
    if (region === undefined)
      issues.push(
        cellIssue(file, at, code, '项目库中没有这个项目编号：请先导入项目库，或留空', 'project.unknown'),
      );
    else if (!names.within(region, scope)) issues.push(outOfScope(file, at, code));
  }
}

/** The leads of a region and every region below it, in code order. */
export async function leadsUnder(db: Db, regionCode: string): Promise<Lead[]> {
  const rows = await db.query<LeadRowDb>(
    `${REGIONS_BELOW} SELECT l.*, r.name AS region_name, u.name AS unit_region_name
     FROM investment_lead l JOIN region r ON r.code = l.region_code LEFT JOIN region u ON u.code = l.unit_region_code
     WHERE l.region_code IN (SELECT code FROM below) ORDER BY l.code`,
    [regionCode],
  );
  return rows.map(toLead);
}

/**
 * The region of each project a tour file names; an unknown 项目编号 is an ImportError naming its cells, since
 * a project's region is its 所属地区 in the register.
 */
export async function tourProjectRegions(
  db: Db,
  file: string,
  rows: ParsedTourScore[],
): Promise<Map<string, { code: string; name: string }>> {
  const codes = [...new Set(rows.map((r) => r.projectCode))];
  const found = await db.query<{ code: string; region_code: string; region_name: string }>(
    `SELECT p.code, p.region_code, r.name AS region_name FROM project p JOIN region r ON r.code = p.region_code
     WHERE p.code = ANY($1::text[])`,
    [codes],
  );
  const map = new Map(found.map((f) => [f.code, { code: f.region_code, name: f.region_name }]));
  const issues = rows
    .filter((r) => !map.has(r.projectCode))
    .map((r) =>
      cellIssue(
        file,
        r.at.code,
        r.projectCode,
        '项目库中没有这个项目编号：请先导入项目库',
        'project.unknown',
      ),
    );
  if (issues.length > 0) throw new ImportError(issues);
  return map;
}

// The scoring sheet's import moved to tours (it creates the tour it names); kept here for older callers.
export { importTourScores } from './tourScores.ts';
