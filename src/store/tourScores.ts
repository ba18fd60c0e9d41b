// A tour's scores: the scoring sheet's import (拉练评分, which creates the tour it names), the results by project
// with each judge's score and which the rule dropped, and the regions' means and ranks the assessment reads.
import { TiaoduError } from '../core/errors.ts';
import { ImportError } from '../core/imports.ts';
import type { ParsedTourScore, ProjectImportSummary } from '../core/projects/parsed.ts';
import { droppedScores, projectScore, type TourRegionScore, tourScores } from '../core/projects/tour.ts';
import { buildTourNotice, type TourNotice } from '../core/projects/tourNotice.ts';
import { recordAudit } from './audit.ts';
import { csvField, type Db } from './db.ts';
import { tourProjectRegions } from './leads.ts';
import { inTransaction, nameBook, outOfScope } from './projectNames.ts';
import type { ProjectImportOptions } from './projects.ts';
import { getSetting } from './settings.ts';
import { requireTour, type Tour, type TourProject, tourDetail } from './tours.ts';

/** The regions that run tours: the city and its districts (a town's projects are toured by its district). */
const DEEPEST_RUNNER_LEVEL = 3;

/** The smallest region (no deeper than a district) holding every one of `codes`; the top region for none. */
async function runnerOf(db: Db, codes: string[]): Promise<string> {
  const chains: { code: string; level: number }[][] = [];
  for (const code of codes)
    chains.push(
      await db.query<{ code: string; level: number }>(
        `WITH RECURSIVE up AS (SELECT code, parent_code, level, 0 AS d FROM region WHERE code = $1
         UNION ALL SELECT r.code, r.parent_code, r.level, up.d + 1 FROM region r JOIN up ON r.code = up.parent_code)
         SELECT code, level FROM up ORDER BY d`,
        [code],
      ),
    );
  const [first = [], ...rest] = chains;
  const common = first.find(
    (r) => r.level <= DEEPEST_RUNNER_LEVEL && rest.every((c) => c.some((x) => x.code === r.code)),
  );
  if (common) return common.code;
  const [top] = await db.query<{ code: string }>(
    'SELECT code FROM region WHERE parent_code IS NULL OR parent_code NOT IN (SELECT code FROM region) ORDER BY level, code LIMIT 1',
  );
  return top?.code ?? '';
}

/**
 * Stores a tour's scoring sheet, replacing the scores that tour had. A tour of that name that does not exist
 * yet is created (run by the importer's region, else by the smallest region holding its projects); the sheet's
 * projects and judges join the tour's lists. A closed tour refuses the sheet.
 */
export async function importTourScores(
  db: Db,
  file: string,
  name: string,
  rows: ParsedTourScore[],
  options: ProjectImportOptions = {},
): Promise<ProjectImportSummary> {
  const user = options.user ?? 'cli';
  return inTransaction(db, !!options.dryRun, async (tx) => {
    const regions = await tourProjectRegions(tx, file, rows);
    const existing = (await tx.query<{ id: number }>('SELECT id FROM tour WHERE name = $1', [name]))[0];
    const tour = existing ? await requireTour(tx, Number(existing.id)) : null;
    if (tour?.status === '已结束')
      throw new TiaoduError('tour.conflict', `拉练「${name}」已结束，评分已冻结`);
    const scope = tour?.regionCode ?? options.scopeRegionCode;
    if (scope) {
      const names = await nameBook(tx);
      const issues = rows
        .filter((r) => !names.within(regions.get(r.projectCode)?.code ?? '', scope))
        .map((r) => outOfScope(file, r.at.code, r.projectCode));
      if (issues.length > 0) throw new ImportError(issues);
    }
    const id = tour
      ? tour.id
      : await createdTour(
          tx,
          name,
          scope ?? (await runnerOf(tx, [...new Set([...regions.values()].map((r) => r.code))])),
          user,
        );
    await addToLists(tx, id, rows);
    const before = await tx.query<{ n: number | string }>(
      'SELECT count(*) AS n FROM tour_score WHERE tour = $1',
      [name],
    );
    await tx.query('DELETE FROM tour_score WHERE tour = $1', [name]);
    const csv = rows
      .map((r) => [name, r.projectCode, r.judge, r.score, user].map(csvField).join(','))
      .join('\n');
    if (rows.length > 0)
      await tx.copyCsv('tour_score', ['tour', 'project_code', 'judge', 'score', 'scored_by'], csv);
    if (rows.length > 0)
      await tx.query(`UPDATE tour SET status = '进行中' WHERE id = $1 AND status = '计划'`, [id]);
    const replaced = Number(before[0]?.n ?? 0);
    const summary: ProjectImportSummary = {
      file,
      format: '拉练评分',
      rows: rows.length,
      created: Math.max(0, rows.length - replaced),
      updated: Math.min(rows.length, replaced),
      ignored: 0,
      dryRun: !!options.dryRun,
      newUnits: [],
    };
    await recordAudit(tx, { user, action: 'import', object: `拉练评分 ${name}`, new: summary, file });
    return summary;
  });
}

async function createdTour(tx: Db, name: string, regionCode: string, user: string): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO tour (name, region_code, created_by) VALUES ($1, $2, $3) RETURNING id',
    [name, regionCode, user],
  );
  await recordAudit(tx, {
    user,
    action: 'tour.create',
    region: regionCode,
    object: name,
    new: { name, regionCode },
  });
  return Number(row?.id);
}

/** Appends the sheet's projects and judges a tour's lists lack, in the sheet's order. */
async function addToLists(tx: Db, id: number, rows: ParsedTourScore[]): Promise<void> {
  for (const [table, column, values] of [
    ['tour_project', 'project_code', rows.map((r) => r.projectCode)],
    ['tour_judge', 'name', rows.map((r) => r.judge)],
  ] as const) {
    const have = await tx.query<{ v: string; n: number }>(
      `SELECT ${column} AS v, position AS n FROM ${table} WHERE tour_id = $1`,
      [id],
    );
    let next = Math.max(0, ...have.map((h) => Number(h.n)));
    const known = new Set(have.map((h) => h.v));
    for (const v of values) {
      if (known.has(v)) continue;
      known.add(v);
      await tx.query(`INSERT INTO ${table} (tour_id, ${column}, position) VALUES ($1, $2, $3)`, [
        id,
        v,
        ++next,
      ]);
    }
  }
}

export interface TourResultProject extends TourProject {
  /** Each judge's score in the judges' order; `dropped` when the rule leaves it out. */
  scores: { judge: string; score: number; dropped: boolean }[];
  judges: number;
  score: number | null;
}

export interface TourResults {
  tour: Tour;
  projects: TourResultProject[];
  regions: Omit<TourRegionScore, 'scores'>[];
}

/** A tour's results: per project (in visiting order) its judges' scores and mean, per region its mean and rank. */
export async function tourResults(db: Db, id: number): Promise<TourResults> {
  const detail = await tourDetail(db, id);
  const rules = await getSetting(db, 'projects.rules');
  const order = new Map(detail.judges.map((j, i) => [j.name, i]));
  const scores = await db.query<{ project_code: string; judge: string; score: number }>(
    'SELECT project_code, judge, score FROM tour_score WHERE tour = $1',
    [detail.tour.name],
  );
  const projects = detail.projects.map((p) => {
    const mine = scores
      .filter((s) => s.project_code === p.code)
      .map((s) => ({ judge: s.judge, score: Number(s.score) }))
      .sort(
        (a, b) => (order.get(a.judge) ?? 1e9) - (order.get(b.judge) ?? 1e9) || (a.judge < b.judge ? -1 : 1),
      );
    const dropped = droppedScores(
      mine.map((s) => s.score),
      rules,
    );
    return {
      ...p,
      scores: mine.map((s, i) => ({ ...s, dropped: dropped.has(i) })),
      judges: mine.length,
      score:
        mine.length > 0
          ? projectScore(
              mine.map((s) => s.score),
              rules,
            )
          : null,
    };
  });
  const byCode = new Map(detail.projects.map((p) => [p.code, { code: p.regionCode, name: p.region }]));
  const regions = tourScores(
    scores
      .filter((s) => byCode.has(s.project_code))
      .map((s) => ({ projectCode: s.project_code, judge: s.judge, score: Number(s.score) })),
    (code) => byCode.get(code) as { code: string; name: string },
    rules,
  ).map(({ scores: _, ...r }) => r);
  return { tour: detail.tour, projects, regions };
}

/**
 * The regions' tour scores (mean of their projects, rank higher first, ties shared) of the tour `name`, for
 * the assessment's input; a project's region is its 所属地区. `tour.unknown` when the tour has neither an
 * object nor scores.
 * @example (await tourRegionScores(db, '2025年二季度拉练'))[0] // { region: '西湖区', code: '330106', projects: 2, score: 86.5, rank: 1, … }
 */
export async function tourRegionScores(db: Db, name: string): Promise<TourRegionScore[]> {
  const rows = await db.query<{
    project_code: string;
    judge: string;
    score: number;
    code: string;
    region: string;
  }>(
    `SELECT s.project_code, s.judge, s.score, p.region_code AS code, r.name AS region
     FROM tour_score s JOIN project p ON p.code = s.project_code JOIN region r ON r.code = p.region_code
     WHERE s.tour = $1`,
    [name],
  );
  if (rows.length === 0) await requireTour(db, name);
  const regionOf = new Map(rows.map((r) => [r.project_code, { code: r.code, name: r.region }]));
  return tourScores(
    rows.map((r) => ({ projectCode: r.project_code, judge: r.judge, score: Number(r.score) })),
    (code) => regionOf.get(code) as { code: string; name: string },
    await getSetting(db, 'projects.rules'),
  );
}

/** The tour notice (拉练通报) of a tour: its results in the notice's words; judges are those who scored. */
export async function tourNoticeOf(db: Db, id: number): Promise<TourNotice> {
  const r = await tourResults(db, id);
  return buildTourNotice(r, new Set(r.projects.flatMap((p) => p.scores.map((s) => s.judge))).size);
}
