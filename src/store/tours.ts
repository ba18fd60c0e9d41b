// Inspection tours (项目拉练) as objects: the tour, the projects it visits in order, its judges, and the scores
// a judge enters one by one; once closed (已结束) nothing of it changes. Scores live in tour_score by tour name.
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { REGIONS_BELOW } from './tasks.ts';

export { closeTour, enterTourScore } from './tourEntry.ts';
export { importTourScores, tourNoticeOf, tourRegionScores, tourResults } from './tourScores.ts';

export type TourStatus = '计划' | '进行中' | '已结束';

export interface Tour {
  id: number;
  name: string;
  date: string | null;
  regionCode: string;
  region: string;
  status: TourStatus;
  createdBy: string;
  /** How many projects it visits, judges it has and scores entered. */
  projects: number;
  judges: number;
  scores: number;
}

export interface TourProject {
  code: string;
  name: string;
  regionCode: string;
  region: string;
  unit: string | null;
  /** 本年完成率 of the latest monthly report (done ÷ annual plan × 100), and its month; null without one. */
  rate: number | null;
  rateMonth: string | null;
}

export interface TourJudge {
  name: string;
  /** The account that enters this judge's scores. */
  user: string | null;
}

export interface TourDetail {
  tour: Tour;
  projects: TourProject[];
  judges: TourJudge[];
}

/** Who acts: a judge's account enters only its own scores; analysts and administrators any judge's. */
export interface Actor {
  name: string;
  role: string;
}

const TOUR_SELECT = `SELECT t.id, t.name, t.date, t.region_code, r.name AS region_name, t.status, t.created_by,
  (SELECT count(*) FROM tour_project p WHERE p.tour_id = t.id) AS projects,
  (SELECT count(*) FROM tour_judge j WHERE j.tour_id = t.id) AS judges,
  (SELECT count(*) FROM tour_score s WHERE s.tour = t.name) AS scores
  FROM tour t JOIN region r ON r.code = t.region_code`;

interface TourDbRow {
  id: number;
  name: string;
  date: string | null;
  region_code: string;
  region_name: string;
  status: TourStatus;
  created_by: string;
  projects: number | string;
  judges: number | string;
  scores: number | string;
}

const toTour = (r: TourDbRow): Tour => ({
  id: Number(r.id),
  name: r.name,
  date: r.date,
  regionCode: r.region_code,
  region: r.region_name,
  status: r.status,
  createdBy: r.created_by,
  projects: Number(r.projects),
  judges: Number(r.judges),
  scores: Number(r.scores),
});

/** The tours run by `scope` or a region below it (every tour when null), newest first. */
export async function listTours(db: Db, scope: string | null): Promise<Tour[]> {
  const rows =
    scope === null
      ? await db.query<TourDbRow>(`${TOUR_SELECT} ORDER BY t.id DESC`)
      : await db.query<TourDbRow>(
          `${REGIONS_BELOW} ${TOUR_SELECT} WHERE t.region_code IN (SELECT code FROM below) ORDER BY t.id DESC`,
          [scope],
        );
  return rows.map(toTour);
}

/** One tour by id or name; `tour.unknown` when there is none. */
export async function requireTour(db: Db, idOrName: number | string): Promise<Tour> {
  const [row] = await db.query<TourDbRow>(
    `${TOUR_SELECT} WHERE ${typeof idOrName === 'number' ? 't.id = $1' : 't.name = $1'}`,
    [idOrName],
  );
  if (!row)
    throw new TiaoduError(
      'tour.unknown',
      `没有${typeof idOrName === 'number' ? '编号为' : '名为'}「${idOrName}」的拉练`,
    );
  return toTour(row);
}

/** A tour that may still change: refused with `tour.conflict` once closed. */
export async function openTour(db: Db, id: number): Promise<Tour> {
  const tour = await requireTour(db, id);
  if (tour.status === '已结束')
    throw new TiaoduError('tour.conflict', `拉练「${tour.name}」已结束，评分已冻结`);
  return tour;
}

/** Creates a tour run by `regionCode` (the city or a district). */
export async function createTour(
  db: Db,
  t: { name: string; date: string | null; regionCode: string },
  user: string,
): Promise<Tour> {
  return db.transaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM tour WHERE name = $1', [t.name]);
    if (taken.length > 0) throw new TiaoduError('tour.exists', `已有名为「${t.name}」的拉练`);
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO tour (name, date, region_code, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [t.name, t.date, t.regionCode, user],
    );
    const tour = await requireTour(tx, Number(row?.id));
    await recordAudit(tx, { user, action: 'tour.create', region: t.regionCode, object: t.name, new: t });
    return tour;
  });
}

/** A tour with its projects in visiting order (with 本年完成率 where reported) and its judges. */
export async function tourDetail(db: Db, id: number): Promise<TourDetail> {
  const tour = await requireTour(db, id);
  const projects = await db.query<{
    code: string;
    name: string;
    region_code: string;
    region_name: string;
    unit: string | null;
    annual_plan: number | string;
    done: number | string | null;
    year: number | null;
    month: number | null;
  }>(
    `SELECT p.code, p.name, p.region_code, r.name AS region_name, p.unit, p.annual_plan, m.done, m.year, m.month
     FROM tour_project tp JOIN project p ON p.code = tp.project_code JOIN region r ON r.code = p.region_code
     LEFT JOIN LATERAL (SELECT done, year, month FROM project_report pr WHERE pr.project_code = p.code
       ORDER BY year DESC, month DESC LIMIT 1) m ON true
     WHERE tp.tour_id = $1 ORDER BY tp.position, p.code`,
    [id],
  );
  const judges = await db.query<{ name: string; user_name: string | null }>(
    'SELECT name, user_name FROM tour_judge WHERE tour_id = $1 ORDER BY position, name',
    [id],
  );
  return {
    tour,
    projects: projects.map((p) => {
      const plan = Number(p.annual_plan);
      const reported = p.done !== null && p.year !== null && p.month !== null && plan > 0;
      return {
        code: p.code,
        name: p.name,
        regionCode: p.region_code,
        region: p.region_name,
        unit: p.unit,
        rate: reported ? Math.round((Number(p.done) / plan) * 10000) / 100 : null,
        rateMonth: reported ? `${p.year}-${String(p.month).padStart(2, '0')}` : null,
      };
    }),
    judges: judges.map((j) => ({ name: j.name, user: j.user_name })),
  };
}

/**
 * Sets the projects a tour visits, in this order: each must be in the register and run by the tour's region
 * (or below it). Scores of a project taken off the list go with it.
 */
export async function setTourProjects(
  db: Db,
  id: number,
  codes: string[],
  user: string,
): Promise<TourDetail> {
  await db.transaction(async (tx) => {
    const tour = await openTour(tx, id);
    const found = await tx.query<{ code: string }>(
      `${REGIONS_BELOW} SELECT code FROM project WHERE code = ANY($2::text[]) AND region_code IN (SELECT code FROM below)`,
      [tour.regionCode, codes],
    );
    const known = new Set(found.map((f) => f.code));
    const missing = codes.filter((c) => !known.has(c));
    if (missing.length > 0)
      throw new TiaoduError(
        'project.unknown',
        `${tour.region}的重点项目中没有项目编号「${missing.join('、')}」`,
      );
    await tx.query('DELETE FROM tour_project WHERE tour_id = $1', [id]);
    for (const [i, code] of [...new Set(codes)].entries())
      await tx.query('INSERT INTO tour_project (tour_id, project_code, position) VALUES ($1, $2, $3)', [
        id,
        code,
        i + 1,
      ]);
    await tx.query('DELETE FROM tour_score WHERE tour = $1 AND NOT project_code = ANY($2::text[])', [
      tour.name,
      codes,
    ]);
    await recordAudit(tx, {
      user,
      action: 'tour.projects',
      region: tour.regionCode,
      object: tour.name,
      new: codes,
    });
  });
  return tourDetail(db, id);
}

/** Sets a tour's judges (a judge may name the account that enters his scores); a judge taken off loses his scores. */
export async function setTourJudges(
  db: Db,
  id: number,
  judges: TourJudge[],
  user: string,
): Promise<TourDetail> {
  await db.transaction(async (tx) => {
    const tour = await openTour(tx, id);
    const linked = [...new Set(judges.flatMap((j) => (j.user ? [j.user] : [])))];
    const accounts = await tx.query<{ name: string }>(
      'SELECT name FROM app_user WHERE name = ANY($1::text[])',
      [linked],
    );
    const missing = linked.filter((n) => !accounts.some((a) => a.name === n));
    if (missing.length > 0) throw new TiaoduError('user.unknown', `没有用户「${missing.join('、')}」`);
    const names = [...new Set(judges.map((j) => j.name))];
    if (names.length !== judges.length) throw new TiaoduError('validation', '评委姓名不能重复');
    await tx.query('DELETE FROM tour_judge WHERE tour_id = $1', [id]);
    for (const [i, j] of judges.entries())
      await tx.query('INSERT INTO tour_judge (tour_id, name, user_name, position) VALUES ($1, $2, $3, $4)', [
        id,
        j.name,
        j.user ?? null,
        i + 1,
      ]);
    await tx.query('DELETE FROM tour_score WHERE tour = $1 AND NOT judge = ANY($2::text[])', [
      tour.name,
      names,
    ]);
    await recordAudit(tx, {
      user,
      action: 'tour.judges',
      region: tour.regionCode,
      object: tour.name,
      new: judges,
    });
  });
  return tourDetail(db, id);
}
