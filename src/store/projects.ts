// The key project register and its monthly reports: all-or-nothing imports that update by 项目编号 and keep
// every change (old → new, who, when, which file) in project_history; and the reads the rules work on.
import { ImportError, type ImportIssue } from '../core/imports.ts';
import type { ParsedProject, ParsedProjectReport, ProjectImportSummary } from '../core/projects/parsed.ts';
import type { Project } from '../core/projects/types.ts';
import { recordAudit } from './audit.ts';
import { csvField, type Db } from './db.ts';
import {
  addUnits,
  cellIssue,
  importSummary,
  inTransaction,
  type NewUnit,
  nameBook,
  placeRow,
  upsert,
} from './projectNames.ts';

export interface ProjectImportOptions {
  user?: string;
  dryRun?: boolean;
  /** Limits every row to this region and those below it (an account with a region scope). */
  scopeRegionCode?: string;
}

/** The register's fields, in the order of the table's columns after code; what history names a change by. */
const PROJECT_FIELDS = [
  ['name', 'name'],
  ['regionCode', 'region_code'],
  ['unitRegionCode', 'unit_region_code'],
  ['unit', 'unit'],
  ['leader', 'leader'],
  ['level', 'level'],
  ['type', 'type'],
  ['nature', 'nature'],
  ['totalInvestment', 'total_investment'],
  ['annualPlan', 'annual_plan'],
  ['plannedStart', 'planned_start'],
  ['actualStart', 'actual_start'],
  ['plannedFinish', 'planned_finish'],
  ['actualFinish', 'actual_finish'],
  ['libraryDate', 'library_date'],
] as const;
type StoredProject = Omit<Project, 'region'> & { unitRegionCode: string | null };
type FieldValue = string | number | null;

const REPORT_FIELDS = [
  ['done', 'done'],
  ['progress', 'progress'],
  ['coordination', 'coordination'],
  ['problems', 'problems'],
] as const;

interface Change {
  code: string;
  year: number | null;
  month: number | null;
  field: string;
  old: FieldValue;
  new: FieldValue;
}

/** Writes the changes of one import to project_history in one COPY. */
async function writeHistory(tx: Db, changes: Change[], user: string, file: string): Promise<void> {
  if (changes.length === 0) return;
  const json = (v: FieldValue) => JSON.stringify(v);
  const csv = changes
    .map((c) =>
      [c.code, c.year, c.month, c.field, json(c.old), json(c.new), user, file].map(csvField).join(','),
    )
    .join('\n');
  await tx.copyCsv(
    'project_history',
    ['project_code', 'year', 'month', 'field', 'old_value', 'new_value', 'changed_by', 'file'],
    csv,
  );
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Imports a register file: every 所属地区 must resolve (or nothing is written); an unknown 责任单位 joins the unit
 * catalogue under the project's region. Rows equal to what is stored are counted as ignored.
 * @example await importProjectRegister(db, '项目库.csv', rows, { user: 'cli' })
 */
export async function importProjectRegister(
  db: Db,
  file: string,
  rows: ParsedProject[],
  options: ProjectImportOptions = {},
): Promise<ProjectImportSummary> {
  const user = options.user ?? 'cli';
  return inTransaction(db, !!options.dryRun, async (tx) => {
    const names = await nameBook(tx);
    const issues: ImportIssue[] = [];
    const newUnits = new Map<string, NewUnit>();
    const incoming: StoredProject[] = [];
    for (const r of rows) {
      const place = placeRow(names, file, r, options.scopeRegionCode, issues, newUnits);
      if (!place) continue;
      const { regionText: _, at: __, ...p } = r;
      incoming.push({ ...p, ...place });
    }
    if (issues.length > 0) throw new ImportError(issues);
    const stored = await storedProjects(
      tx,
      incoming.map((p) => p.code),
    );
    const changes: Change[] = [];
    const writes: StoredProject[] = [];
    let created = 0;
    for (const p of incoming) {
      const old = stored.get(p.code);
      if (!old) {
        created++;
        writes.push(p);
        continue;
      }
      const diff = PROJECT_FIELDS.filter(([k]) => old[k] !== p[k]).map(([k]) => ({
        code: p.code,
        year: null,
        month: null,
        field: k,
        old: old[k],
        new: p[k],
      }));
      if (diff.length > 0) writes.push(p);
      changes.push(...diff);
    }
    await addUnits(tx, [...newUnits.values()]);
    await upsert(
      tx,
      'project',
      ['code'],
      ['code', ...PROJECT_FIELDS.map(([, c]) => c), 'updated_by'],
      writes.map((p) => [p.code, ...PROJECT_FIELDS.map(([k]) => p[k]), user]),
    );
    await writeHistory(tx, changes, user, file);
    const summary = importSummary(
      names,
      {
        file,
        format: '项目库',
        rows: rows.length,
        created,
        written: writes.length,
        dryRun: !!options.dryRun,
      },
      newUnits,
    );
    await recordAudit(tx, { user, action: 'import', object: '项目库', new: summary, file });
    return summary;
  });
}

interface ProjectRowDb {
  code: string;
  name: string;
  region_code: string;
  region_name?: string;
  unit_region_code: string | null;
  unit: string | null;
  leader: string | null;
  level: Project['level'];
  type: Project['type'];
  nature: Project['nature'];
  total_investment: number | string | null;
  annual_plan: number | string;
  planned_start: string | null;
  actual_start: string | null;
  planned_finish: string | null;
  actual_finish: string | null;
  library_date: string | null;
}

const toProject = (r: ProjectRowDb): Project & { unitRegionCode: string | null } => ({
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  region: r.region_name ?? r.region_code,
  unitRegionCode: r.unit_region_code,
  unit: r.unit,
  leader: r.leader,
  level: r.level,
  type: r.type,
  nature: r.nature,
  totalInvestment: num(r.total_investment),
  annualPlan: Number(r.annual_plan),
  plannedStart: r.planned_start,
  actualStart: r.actual_start,
  plannedFinish: r.planned_finish,
  actualFinish: r.actual_finish,
  libraryDate: r.library_date,
});

async function storedProjects(db: Db, codes: string[]): Promise<Map<string, StoredProject>> {
  const rows = await db.query<ProjectRowDb>('SELECT * FROM project WHERE code = ANY($1::text[])', [codes]);
  return new Map(rows.map((r) => [r.code, toProject(r)]));
}

/**
 * Imports monthly reports: every 项目编号 must be in the register (or nothing is written); a report already
 * stored for that project and month is updated and its changes kept in history.
 */
export async function importProjectReports(
  db: Db,
  file: string,
  rows: ParsedProjectReport[],
  options: ProjectImportOptions = {},
): Promise<ProjectImportSummary> {
  const user = options.user ?? 'cli';
  return inTransaction(db, !!options.dryRun, async (tx) => {
    const codes = [...new Set(rows.map((r) => r.projectCode))];
    const known = new Set(
      (
        await tx.query<{ code: string }>('SELECT code FROM project WHERE code = ANY($1::text[])', [codes])
      ).map((r) => r.code),
    );
    const issues = rows
      .filter((r) => !known.has(r.projectCode))
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
    const stored = new Map(
      (
        await tx.query<StoredReport>(
          'SELECT project_code, year, month, done, progress, problems, coordination FROM project_report WHERE project_code = ANY($1::text[])',
          [codes],
        )
      ).map((r) => [`${r.project_code}/${r.year}/${r.month}`, { ...r, done: Number(r.done) }]),
    );
    const changes: Change[] = [];
    const writes: ParsedProjectReport[] = [];
    let created = 0;
    for (const r of rows) {
      const old = stored.get(`${r.projectCode}/${r.year}/${r.month}`);
      if (!old) {
        created++;
        writes.push(r);
        continue;
      }
      const diff = REPORT_FIELDS.filter(([k, c]) => old[c] !== r[k]).map(([k, c]) => ({
        code: r.projectCode,
        year: r.year,
        month: r.month,
        field: k,
        old: old[c] as FieldValue,
        new: r[k],
      }));
      if (diff.length > 0) writes.push(r);
      changes.push(...diff);
    }
    await upsert(
      tx,
      'project_report',
      ['project_code', 'year', 'month'],
      ['project_code', 'year', 'month', 'done', 'progress', 'problems', 'coordination', 'reported_by'],
      writes.map((r) => [
        r.projectCode,
        r.year,
        r.month,
        r.done,
        r.progress,
        r.problems,
        r.coordination,
        user,
      ]),
    );
    await writeHistory(tx, changes, user, file);
    const summary: ProjectImportSummary = {
      file,
      format: '项目月报',
      rows: rows.length,
      created,
      updated: writes.length - created,
      ignored: rows.length - writes.length,
      dryRun: !!options.dryRun,
      newUnits: [],
    };
    await recordAudit(tx, { user, action: 'import', object: '项目月报', new: summary, file });
    return summary;
  });
}

interface StoredReport {
  project_code: string;
  year: number;
  month: number;
  done: number | string;
  progress: string | null;
  problems: string | null;
  coordination: string | null;
}
