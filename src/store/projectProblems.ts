// The problem list of key projects (项目问题清单) in SQL: add, solve, reopen (each audited in its transaction) and
// the problems of a region's subtree. Whether one is overdue depends on the day: the core works it out.
import { TiaoduError } from '../core/errors.ts';
import { ImportError } from '../core/imports.ts';
import type { ParsedProblem, ProjectImportSummary } from '../core/projects/parsed.ts';
import type { ProjectProblem } from '../core/projects/problems.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { cellIssue, inTransaction } from './projectNames.ts';
import { REGIONS_BELOW } from './tasks.ts';

interface ProblemRow {
  id: string | number;
  project_code: string;
  project_name: string;
  region: string;
  region_code: string;
  description: string;
  coordinator: string;
  due: string;
  resolved_on: string | null;
  resolution: string | null;
  raised_by: string;
  raised_at: Date | string;
}

const SELECT = `SELECT q.*, p.name AS project_name, p.region_code, r.name AS region
  FROM project_problem q JOIN project p ON p.code = q.project_code JOIN region r ON r.code = p.region_code`;

const toProblem = (r: ProblemRow): ProjectProblem => ({
  id: Number(r.id),
  projectCode: r.project_code,
  projectName: r.project_name,
  region: r.region,
  regionCode: r.region_code,
  description: r.description,
  coordinator: r.coordinator,
  due: r.due,
  resolvedOn: r.resolved_on,
  resolution: r.resolution,
  raisedBy: r.raised_by,
  raisedAt: new Date(r.raised_at).toISOString(),
});

/** The problems of the projects in a region's subtree (of one project when asked), oldest first. */
export async function projectProblems(
  db: Db,
  regionCode: string,
  filter: { code?: string } = {},
): Promise<ProjectProblem[]> {
  const rows = await db.query<ProblemRow>(
    `${REGIONS_BELOW} ${SELECT} WHERE p.region_code IN (SELECT code FROM below)
       AND ($2::text IS NULL OR q.project_code = $2) ORDER BY q.id`,
    [regionCode, filter.code ?? null],
  );
  return rows.map(toProblem);
}

/** A problem of a project in the region's subtree, or project_problem.unknown. */
export async function problemUnder(db: Db, regionCode: string, id: number): Promise<ProjectProblem> {
  const [row] = await db.query<ProblemRow>(
    `${REGIONS_BELOW} ${SELECT} WHERE q.id = $2 AND p.region_code IN (SELECT code FROM below)`,
    [regionCode, id],
  );
  if (!row) throw new TiaoduError('project_problem.unknown', `没有编号为 ${id} 的项目问题（在所选地区内）`);
  return toProblem(row);
}

/** Adds a problem to a project (the caller has checked the project is in scope). */
export async function addProjectProblem(
  db: Db,
  p: { code: string; description: string; coordinator: string; due: string },
  user: string,
): Promise<ProjectProblem> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string | number; region_code: string }>(
      `INSERT INTO project_problem (project_code, description, coordinator, due, raised_by)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING id, (SELECT region_code FROM project WHERE code = $1) AS region_code`,
      [p.code, p.description, p.coordinator, p.due, user],
    );
    const id = Number(row?.id);
    await recordAudit(tx, {
      user,
      action: 'project.problem.add',
      region: row?.region_code,
      object: `${p.code} #${id}`,
      new: { description: p.description, coordinator: p.coordinator, due: p.due },
    });
    const [made] = await tx.query<ProblemRow>(`${SELECT} WHERE q.id = $1`, [id]);
    return toProblem(made as ProblemRow);
  });
}

/**
 * Marks a problem solved on a day with a note (resolvedOn given), or reopens it (resolvedOn null). Refused when
 * it is solved already, or open already.
 */
export async function setProblemResolved(
  db: Db,
  problem: ProjectProblem,
  resolved: { on: string; note: string | null } | null,
  user: string,
): Promise<ProjectProblem> {
  return db.transaction(async (tx) => {
    const changed = await tx.query(
      `UPDATE project_problem SET resolved_on = $2, resolution = $3
       WHERE id = $1 AND (resolved_on IS NULL) = $4 RETURNING id`,
      [problem.id, resolved?.on ?? null, resolved?.note ?? null, resolved !== null],
    );
    if (changed.length === 0)
      throw new TiaoduError(
        'project_problem.conflict',
        resolved ? `问题 ${problem.id} 已经解决` : `问题 ${problem.id} 尚未解决，无需重新打开`,
      );
    await recordAudit(tx, {
      user,
      action: resolved ? 'project.problem.resolve' : 'project.problem.reopen',
      region: problem.regionCode,
      object: `${problem.projectCode} #${problem.id}`,
      old: { resolvedOn: problem.resolvedOn, resolution: problem.resolution },
      new: resolved ? { resolvedOn: resolved.on, resolution: resolved.note } : { resolvedOn: null },
    });
    const [row] = await tx.query<ProblemRow>(`${SELECT} WHERE q.id = $1`, [problem.id]);
    return toProblem(row as ProblemRow);
  });
}

/**
 * Appends the problems of a 问题清单 file, all or nothing: an unknown 项目编号, or one outside the account's
 * scope, refuses the file naming its row and column. One audit event for the file.
 */
export async function importProblemRows(
  db: Db,
  file: string,
  rows: ParsedProblem[],
  options: { user?: string; dryRun?: boolean; scopeRegionCode?: string } = {},
): Promise<ProjectImportSummary> {
  const user = options.user ?? 'cli';
  return inTransaction(db, !!options.dryRun, async (tx) => {
    const codes = [...new Set(rows.map((r) => r.projectCode))];
    const found = await tx.query<{ code: string; inside: boolean }>(
      `${REGIONS_BELOW} SELECT code, ($2::text IS NULL OR region_code IN (SELECT code FROM below)) AS inside
       FROM project WHERE code = ANY($3::text[])`,
      [options.scopeRegionCode ?? '', options.scopeRegionCode ?? null, codes],
    );
    const known = new Map(found.map((r) => [r.code, r.inside]));
    const issues = rows.flatMap((r) => {
      const inside = known.get(r.projectCode);
      if (inside === undefined)
        return [
          cellIssue(
            file,
            r.at.code,
            r.projectCode,
            '项目库中没有这个项目编号：请先导入项目库',
            'project.unknown',
          ),
        ];
      return inside
        ? []
        : [cellIssue(file, r.at.code, r.projectCode, '该项目不在本账号辖区内', 'project.unknown')];
    });
    if (issues.length > 0) throw new ImportError(issues);
    for (const r of rows)
      await tx.query(
        `INSERT INTO project_problem (project_code, description, coordinator, due, raised_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [r.projectCode, r.description, r.coordinator, r.due, user],
      );
    const summary: ProjectImportSummary = {
      file,
      format: '问题清单',
      rows: rows.length,
      created: rows.length,
      updated: 0,
      ignored: 0,
      dryRun: !!options.dryRun,
      newUnits: [],
    };
    await recordAudit(tx, { user, action: 'import', object: '问题清单', new: summary, file });
    return summary;
  });
}
