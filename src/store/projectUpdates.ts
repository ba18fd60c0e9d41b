// Monthly updates of key projects entered in the app (项目月报填报): a reporter submits its own project's month
// with photos as evidence; it waits until an analyst of a level above approves it — only then it becomes the
// project_report row the figures read (with its history) — or returns it with a reason.
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { strictlyBelow } from './review.ts';
import { REGIONS_BELOW } from './tasks.ts';

export type UpdateStatus = 'submitted' | 'approved' | 'returned';

export interface ProjectUpdateInput {
  code: string;
  year: number;
  month: number;
  done: number;
  progress: string | null;
  problems: string | null;
  coordination: string | null;
  photos: number[];
}

export interface ProjectUpdate {
  id: number;
  code: string;
  name: string;
  region: string;
  regionCode: string;
  period: string;
  done: number;
  progress: string | null;
  problems: string | null;
  coordination: string | null;
  status: UpdateStatus;
  reason: string | null;
  submittedBy: string;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  photos: { id: number; name: string }[];
}

interface UpdateRow {
  id: string | number;
  project_code: string;
  name: string;
  region: string;
  region_code: string;
  year: number;
  month: number;
  done: number;
  progress: string | null;
  problems: string | null;
  coordination: string | null;
  status: UpdateStatus;
  reason: string | null;
  submitted_by: string;
  submitted_at: Date | string;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  photos: unknown;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const pad = (m: number) => String(m).padStart(2, '0');

const SELECT = `SELECT u.*, p.name, p.region_code, r.name AS region,
    (SELECT coalesce(json_agg(json_build_array(f.id, f.name) ORDER BY f.id), '[]'::json)::text
       FROM project_photo f WHERE f.update_id = u.id) AS photos
  FROM project_update u JOIN project p ON p.code = u.project_code JOIN region r ON r.code = p.region_code`;

function toUpdate(r: UpdateRow): ProjectUpdate {
  const photos = (typeof r.photos === 'string' ? JSON.parse(r.photos) : r.photos) as [number, string][];
  return {
    id: Number(r.id),
    code: r.project_code,
    name: r.name,
    region: r.region,
    regionCode: r.region_code,
    period: `${r.year}-${pad(Number(r.month))}`,
    done: Number(r.done),
    progress: r.progress,
    problems: r.problems,
    coordination: r.coordination,
    status: r.status,
    reason: r.reason,
    submittedBy: r.submitted_by,
    submittedAt: iso(r.submitted_at) as string,
    reviewedBy: r.reviewed_by,
    reviewedAt: iso(r.reviewed_at),
    photos: photos.map(([id, name]) => ({ id: Number(id), name })),
  };
}

/** The project and its region, or project.unknown when it is not in the region's subtree. */
export async function requireProjectUnder(
  db: Db,
  regionCode: string,
  code: string,
): Promise<{ code: string; name: string; regionCode: string }> {
  const [p] = await db.query<{ code: string; name: string; region_code: string }>(
    `${REGIONS_BELOW} SELECT code, name, region_code FROM project
     WHERE code = $2 AND region_code IN (SELECT code FROM below)`,
    [regionCode, code],
  );
  if (!p) throw new TiaoduError('project.unknown', `没有项目编号为「${code}」的重点项目（在所选地区内）`);
  return { code: p.code, name: p.name, regionCode: p.region_code };
}

/** Keeps an uploaded photo for a project until an update takes it; its id. */
export async function savePhoto(
  db: Db,
  p: { code: string; name: string; type: string; body: Uint8Array; user: string },
): Promise<number> {
  const [row] = await db.query<{ id: string | number }>(
    `INSERT INTO project_photo (project_code, name, type, body, uploaded_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [p.code, p.name, p.type, p.body, p.user],
  );
  return Number(row?.id);
}

/** A photo of a project in the region's subtree. */
export async function photoUnder(
  db: Db,
  regionCode: string,
  id: number,
): Promise<{ name: string; type: string; body: Uint8Array }> {
  const [f] = await db.query<{ name: string; type: string; body: Uint8Array }>(
    `${REGIONS_BELOW} SELECT f.name, f.type, f.body FROM project_photo f JOIN project p ON p.code = f.project_code
     WHERE f.id = $2 AND p.region_code IN (SELECT code FROM below)`,
    [regionCode, id],
  );
  if (!f) throw new TiaoduError('project_photo.unknown', `没有编号为 ${id} 的照片（在所选地区内）`);
  return f;
}

/**
 * Submits a month of a project: refused while another update of that month waits; the photos must be the
 * user's own uploads of this project not yet attached.
 */
export async function submitProjectUpdate(
  db: Db,
  u: ProjectUpdateInput,
  user: string,
): Promise<ProjectUpdate> {
  return db.transaction(async (tx) => {
    const waiting = await tx.query(
      `SELECT 1 FROM project_update WHERE project_code = $1 AND year = $2 AND month = $3 AND status = 'submitted'`,
      [u.code, u.year, u.month],
    );
    if (waiting.length > 0)
      throw new TiaoduError(
        'project_update.conflict',
        `项目「${u.code}」${u.year}-${pad(u.month)} 已有待审核的月报，请等审核后再提交`,
      );
    const [row] = await tx.query<{ id: string | number }>(
      `INSERT INTO project_update (project_code, year, month, done, progress, problems, coordination, status,
         submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8) RETURNING id`,
      [u.code, u.year, u.month, u.done, u.progress, u.problems, u.coordination, user],
    );
    const id = Number(row?.id);
    for (const photo of u.photos) {
      const taken = await tx.query(
        `UPDATE project_photo SET update_id = $1
         WHERE id = $2 AND project_code = $3 AND uploaded_by = $4 AND update_id IS NULL RETURNING id`,
        [id, photo, u.code, user],
      );
      if (taken.length === 0)
        throw new TiaoduError(
          'project_photo.unknown',
          `没有编号为 ${photo} 的照片（须为本人为该项目上传且未使用的照片）`,
        );
    }
    await recordAudit(tx, {
      user,
      action: 'project.submit',
      object: `${u.code} ${u.year}-${pad(u.month)}`,
      new: { done: u.done, progress: u.progress, problems: u.problems, coordination: u.coordination },
    });
    return (await updatesWhere(tx, 'u.id = $1', [id]))[0] as ProjectUpdate;
  });
}

async function updatesWhere(db: Db, where: string, params: unknown[], prefix = ''): Promise<ProjectUpdate[]> {
  const rows = await db.query<UpdateRow>(`${prefix} ${SELECT} WHERE ${where} ORDER BY u.id DESC`, params);
  return rows.map(toUpdate);
}

/** The updates of the projects in a region's subtree, newest first; of one status or project when asked. */
export async function projectUpdates(
  db: Db,
  regionCode: string,
  filter: { status?: UpdateStatus; code?: string } = {},
): Promise<ProjectUpdate[]> {
  return updatesWhere(
    db,
    `p.region_code IN (SELECT code FROM below) AND ($2::text IS NULL OR u.status = $2)
     AND ($3::text IS NULL OR u.project_code = $3)`,
    [regionCode, filter.status ?? null, filter.code ?? null],
    REGIONS_BELOW,
  );
}

/**
 * Approves or returns waiting updates, all or none. Approving writes the month into project_report (the
 * figures read only approved months) and each changed field into project_history.
 */
export async function reviewProjectUpdates(
  db: Db,
  ids: number[],
  decision: 'approve' | 'return',
  reason: string | null,
  reviewer: { name: string; regionCode: string | null },
): Promise<ProjectUpdate[]> {
  if (decision === 'return' && !reason?.trim())
    throw new TiaoduError('validation', '退回须填写原因（reason）');
  const user = reviewer.name;
  return db.transaction(async (tx) => {
    const out: ProjectUpdate[] = [];
    for (const id of ids) {
      const [u] = await updatesWhere(tx, 'u.id = $1', [id]);
      if (!u) throw new TiaoduError('project_update.unknown', `没有编号为 ${id} 的项目月报`);
      // As with statistics: the level above reviews — a district's analyst approves its towns' months, never
      // its own; the city's (no scope) approves all. Authority before state, so nothing leaks of the status.
      if (reviewer.regionCode !== null) {
        const below = await strictlyBelow(tx, reviewer.regionCode, [u.regionCode]);
        if (u.regionCode === reviewer.regionCode)
          throw new TiaoduError(
            'forbidden',
            `${u.region}的项目月报须由上一级地区的分析员审核，本账号只能审核下级地区的月报`,
          );
        if (!below.has(u.regionCode))
          throw new TiaoduError('forbidden', `项目月报 #${id} 不在本账号辖区的下级地区内，无权审核`);
      }
      if (u.status !== 'submitted')
        throw new TiaoduError('project_update.conflict', `编号为 ${id} 的项目月报不在待审核状态`);
      const status = decision === 'approve' ? 'approved' : 'returned';
      await tx.query(
        `UPDATE project_update SET status = $2, reason = $3, reviewed_by = $4, reviewed_at = now() WHERE id = $1`,
        [id, status, decision === 'return' ? reason : null, user],
      );
      if (decision === 'approve') await applyUpdate(tx, u, user);
      await recordAudit(tx, {
        user,
        action: decision === 'approve' ? 'project.approve' : 'project.return',
        region: u.regionCode,
        object: `${u.code} ${u.period}`,
        new: decision === 'return' ? { reason } : { done: u.done },
      });
      out.push({ ...u, status, reason: decision === 'return' ? reason : null, reviewedBy: user });
    }
    return out;
  });
}

/** Writes an approved update as the month's project_report, with the history of each changed field. */
async function applyUpdate(tx: Db, u: ProjectUpdate, user: string): Promise<void> {
  const [year, month] = u.period.split('-').map(Number) as [number, number];
  const [old] = await tx.query<{
    done: number;
    progress: string | null;
    problems: string | null;
    coordination: string | null;
  }>(
    'SELECT done, progress, problems, coordination FROM project_report WHERE project_code = $1 AND year = $2 AND month = $3',
    [u.code, year, month],
  );
  const fields = ['done', 'progress', 'problems', 'coordination'] as const;
  for (const f of fields) {
    const before = old ? (f === 'done' ? Number(old.done) : old[f]) : null;
    if (before === u[f]) continue;
    await tx.query(
      `INSERT INTO project_history (project_code, year, month, field, old_value, new_value, changed_by, file)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, NULL)`,
      [u.code, year, month, f, JSON.stringify(before), JSON.stringify(u[f]), user],
    );
  }
  await tx.query(
    `INSERT INTO project_report (project_code, year, month, done, progress, problems, coordination, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (project_code, year, month) DO UPDATE SET done = $4, progress = $5, problems = $6,
       coordination = $7, reported_by = $8, reported_at = now()`,
    [u.code, year, month, u.done, u.progress, u.problems, u.coordination, u.submittedBy],
  );
}

/** A project's monthly reports of a year, in month order (the approved figures). */
export async function projectMonths(
  db: Db,
  code: string,
  year: number,
): Promise<
  {
    month: number;
    done: number;
    progress: string | null;
    problems: string | null;
    coordination: string | null;
  }[]
> {
  const rows = await db.query<{
    month: number;
    done: number;
    progress: string | null;
    problems: string | null;
    coordination: string | null;
  }>(
    'SELECT month, done, progress, problems, coordination FROM project_report WHERE project_code = $1 AND year = $2 ORDER BY month',
    [code, year],
  );
  return rows.map((r) => ({ ...r, month: Number(r.month), done: Number(r.done) }));
}
