// Imports from files: the intake reads a file into rows, the store writes the rows. The one place where both
// meet, so that neither the store reads files nor the intake knows the database (see src/layers.test.ts).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import type { ParsedFile } from '../core/imports.ts';
import type { ProjectImportSummary } from '../core/projects/parsed.ts';
import { type TourRegionScore, tourScores } from '../core/projects/tour.ts';
import { parseFile } from '../intake/index.ts';
import { readProjectFile, sniffProjectLayout } from '../intake/projects.ts';
import { readTargetFile } from '../intake/targets.ts';
import type { Db } from '../store/db.ts';
import { type ImportOptions, type ImportSummary, importRows } from '../store/importer.ts';
import { importLeads, tourProjectRegions } from '../store/leads.ts';
import { importProblemRows } from '../store/projectProblems.ts';
import { importProjectRegister, importProjectReports, type ProjectImportOptions } from '../store/projects.ts';
import { getSetting } from '../store/settings.ts';
import { importTargetRows } from '../store/targets.ts';
import { importTourScores } from '../store/tourScores.ts';

export interface ImportFileOptions extends ImportOptions {
  /** Reads the file: parseFile by default; the server passes one that parses on a worker thread. */
  parse?: (path: string) => Promise<ParsedFile>;
}

/**
 * Imports one statistics file, all-or-nothing (see the store's importRows).
 * @example const summary = await importFile(db, '6月报表.xlsx', { user: 'cli' });
 */
export async function importFile(
  db: Db,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportSummary> {
  const { parse = parseFile, ...rest } = options;
  return importRows(db, path, await parse(path), rest);
}

/**
 * Imports a target file all-or-nothing: every name must resolve, or nothing is set.
 * @example const count = await importTargets(db, '2025年目标.csv', 'cli');
 */
export async function importTargets(db: Db, path: string, user: string | null = null): Promise<number> {
  const file = basename(path);
  return importTargetRows(db, file, await readTargetFile(await readFile(path), file), user);
}

/**
 * Imports a file of a project layout (项目库, 项目月报, 招商项目, 拉练评分, 问题清单), all-or-nothing; null when the file is
 * none of them (then it is a statistics file for importFile).
 * @example await importProjectFile(db, '项目库.csv', { user: 'cli' }) // { format: '项目库', created: 2, … }
 */
export async function importProjectFile(
  db: Db,
  path: string,
  options: ProjectImportOptions = {},
): Promise<ProjectImportSummary | null> {
  if (!(await sniffProjectLayout(path))) return null;
  const file = basename(path);
  const parsed = await readProjectFile(path, await getSetting(db, 'projects.rules'));
  switch (parsed.layout) {
    case '项目库':
      return importProjectRegister(db, file, parsed.rows, options);
    case '项目月报':
      return importProjectReports(db, file, parsed.rows, options);
    case '招商项目':
      return importLeads(db, file, parsed.rows, options);
    case '拉练评分':
      return importTourScores(db, file, file.replace(/\.[^.]+$/, ''), parsed.rows, options);
    case '问题清单':
      return importProblemRows(db, file, parsed.rows, options);
  }
}

/**
 * Imports any file `tiaodu import` and the server take: a project layout when its header row says so, else a
 * statistics file. A reporter's project files are refused: his figures go through review, which the
 * project layouts do not have yet.
 */
export async function importAnyFile(
  db: Db,
  path: string,
  options: ImportFileOptions = {},
): Promise<ImportSummary | ProjectImportSummary> {
  if (await sniffProjectLayout(path)) {
    if (options.role === 'reporter')
      throw new TiaoduError(
        'forbidden',
        '项目库、项目月报、招商项目、拉练评分和问题清单由分析员或管理员导入',
      );
    const { user, dryRun, scopeRegionCode } = options;
    const summary = await importProjectFile(db, path, { user, dryRun, scopeRegionCode });
    if (summary) return summary;
  }
  return importFile(db, path, options);
}

/**
 * Scores a tour's sheet (拉练评分) by the deployment's rules, the regions from the register; writes nothing.
 * @example (await scoreTourFile(db, '拉练评分.csv'))[0] // { region: '西湖区', code: '330106', projects: 2, score: 86.5, rank: 1, … }
 */
export async function scoreTourFile(db: Db, path: string): Promise<TourRegionScore[]> {
  const file = basename(path);
  const rules = await getSetting(db, 'projects.rules');
  const parsed = await readProjectFile(path, rules);
  if (parsed.layout !== '拉练评分')
    throw new TiaoduError(
      'usage',
      `${file} 是${parsed.layout}，不是拉练评分表（表头：项目编号, 评委, 分数）`,
    );
  const regions = await tourProjectRegions(db, file, parsed.rows);
  return tourScores(parsed.rows, (code) => regions.get(code) as { code: string; name: string }, rules);
}
