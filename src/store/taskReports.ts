// Progress reports (进展报送), their review (退回 with a reason, or accepted), closing a task (办结) and extensions
// (延期: asked up to the due date, approved by the office). Every change is audited in its transaction.
import { TiaoduError } from '../core/errors.ts';
import { checkExtension } from '../core/tasks/index.ts';
import type { Recurrence } from '../core/types.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

interface TaskHead {
  id: number;
  regionCode: string;
  title: string;
  due: string | null;
  recurrence: Recurrence | null;
  closedOn: string | null;
}

/** The task's id, region, due date and whether it is closed; an unknown id is an error. */
export async function taskHead(db: Db, id: number): Promise<TaskHead> {
  const [r] = await db.query<{
    id: number | string;
    region_code: string;
    action: string;
    due_date: string | null;
    recurrence: Recurrence | null;
    closed_on: string | null;
  }>('SELECT id, region_code, action, due_date, recurrence, closed_on FROM task WHERE id = $1', [id]);
  if (!r) throw new TiaoduError('task.unknown', `没有编号为 ${id} 的督办任务`);
  return {
    id: Number(r.id),
    regionCode: r.region_code,
    title: r.action,
    due: r.due_date,
    recurrence: r.recurrence,
    closedOn: r.closed_on,
  };
}

export interface ReportInput {
  percent?: number | null;
  note?: string | null;
  evidence?: { name: string; bytes: Uint8Array } | null;
  /** The office closes the task with this report (办结). */
  done?: boolean;
}

const closed = (t: TaskHead) =>
  new TiaoduError('task.conflict', `督办任务 ${t.id}「${t.title}」已于 ${t.closedOn} 办结，不能再报送或修改`);

/** Records a progress report dated `today`; with `done`, the office accepts it and closes the task. */
export async function reportProgress(
  db: Db,
  id: number,
  input: ReportInput,
  user: string | null,
  today: string,
): Promise<{ reportId: number }> {
  const percent = input.done && (input.percent ?? null) === null ? 100 : (input.percent ?? null);
  if (percent !== null && !(Number.isFinite(percent) && percent >= 0 && percent <= 100))
    throw new TiaoduError('validation', `完成进度应为 0 到 100 之间的数，收到「${percent}」`);
  const note = input.note?.trim() || null;
  if (percent === null && !note && !input.evidence && !input.done)
    throw new TiaoduError('validation', '进展报送须有完成进度、进展说明或佐证材料之一');
  return db.transaction(async (tx) => {
    const t = await taskHead(tx, id);
    if (t.closedOn) throw closed(t);
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO task_report (task_id, report_date, percent, note, evidence_name, evidence, status, reported_by, reviewed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        id,
        today,
        percent,
        note,
        input.evidence?.name ?? null,
        // A Buffer: what both PGlite and node-postgres take for bytea.
        input.evidence ? Buffer.from(input.evidence.bytes) : null,
        input.done ? 'accepted' : 'submitted',
        user,
        input.done ? user : null,
      ],
    );
    const reportId = Number(row?.id);
    const evidence = input.evidence
      ? { name: input.evidence.name, bytes: input.evidence.bytes.length }
      : null;
    await recordAudit(tx, {
      user,
      action: 'task.report',
      region: t.regionCode,
      object: `task ${id} report ${reportId}`,
      new: { date: today, percent, note, evidence },
      file: input.evidence?.name ?? null,
    });
    if (input.done) await close(tx, t, user, today);
    return { reportId };
  });
}

async function close(tx: Db, t: TaskHead, user: string | null, today: string): Promise<void> {
  await tx.query(`UPDATE task SET closed_on = $2, closed_by = $3, status = 'done' WHERE id = $1`, [
    t.id,
    today,
    user,
  ]);
  await tx.query(
    `UPDATE task_report SET status = 'accepted', reviewed_by = $2 WHERE task_id = $1 AND status = 'submitted'`,
    [t.id, user],
  );
  await recordAudit(tx, {
    user,
    action: 'task.close',
    region: t.regionCode,
    object: `task ${t.id}`,
    new: { closedOn: today },
  });
}

/** The office closes a task (办结/销号) after review: its submitted reports are accepted with it. */
export async function closeTask(db: Db, id: number, user: string | null, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const t = await taskHead(tx, id);
    if (t.closedOn) throw closed(t);
    const [r] = await tx.query('SELECT 1 FROM task_report WHERE task_id = $1 AND status <> $2', [
      id,
      'returned',
    ]);
    if (!r) throw new TiaoduError('task.conflict', `督办任务 ${id} 还没有可审核的进展报送，不能办结`);
    await close(tx, t, user, today);
  });
}

/** The office reviews one report: sends it back (退回) with a reason, or accepts it. */
export async function reviewReport(
  db: Db,
  reportId: number,
  decision: { accept: true } | { accept: false; reason: string },
  user: string | null,
): Promise<void> {
  if (!decision.accept && !decision.reason.trim()) throw new TiaoduError('validation', '退回须说明理由');
  await db.transaction(async (tx) => {
    const [r] = await tx.query<{ task_id: number | string; status: string }>(
      'SELECT task_id, status FROM task_report WHERE id = $1',
      [reportId],
    );
    if (!r) throw new TiaoduError('task.unknown', `没有编号为 ${reportId} 的进展报送`);
    if (r.status !== 'submitted')
      throw new TiaoduError(
        'task.conflict',
        `进展报送 ${reportId} 已审核（${r.status === 'returned' ? '已退回' : '已采纳'}）`,
      );
    const t = await taskHead(tx, Number(r.task_id));
    const reason = decision.accept ? null : decision.reason.trim();
    await tx.query('UPDATE task_report SET status = $2, return_reason = $3, reviewed_by = $4 WHERE id = $1', [
      reportId,
      decision.accept ? 'accepted' : 'returned',
      reason,
      user,
    ]);
    await recordAudit(tx, {
      user,
      action: decision.accept ? 'task.accept' : 'task.return',
      region: t.regionCode,
      object: `task ${t.id} report ${reportId}`,
      new: decision.accept ? { status: 'accepted' } : { status: 'returned', reason },
    });
  });
}

/** Asks for an extension (checked against the due date on `today`); `approve` decides it at once (the office's CLI). */
export async function askExtension(
  db: Db,
  id: number,
  ask: { to: string; reason: string; approve?: boolean },
  user: string | null,
  today: string,
): Promise<{ extensionId: number; due: string }> {
  return db.transaction(async (tx) => {
    const t = await taskHead(tx, id);
    const check = checkExtension(
      { due: t.due, recurrence: t.recurrence, done: t.closedOn !== null },
      ask.to,
      ask.reason,
      today,
    );
    if (!check.ok) throw new TiaoduError('task.extension', `督办任务 ${id}：${check.problem}`);
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO task_extension (task_id, asked_on, old_due, new_due, reason, asked_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [id, today, t.due, ask.to, ask.reason.trim(), user],
    );
    const extensionId = Number(row?.id);
    await recordAudit(tx, {
      user,
      action: 'task.extension.ask',
      region: t.regionCode,
      object: `task ${id} extension ${extensionId}`,
      old: { due: t.due },
      new: { due: ask.to, reason: ask.reason.trim() },
    });
    if (ask.approve) await decide(tx, extensionId, true, user, today);
    return { extensionId, due: ask.approve ? ask.to : (t.due as string) };
  });
}

async function decide(tx: Db, extensionId: number, approve: boolean, user: string | null, today: string) {
  const [e] = await tx.query<{ task_id: number | string; status: string; new_due: string; old_due: string }>(
    'SELECT task_id, status, new_due, old_due FROM task_extension WHERE id = $1',
    [extensionId],
  );
  if (!e) throw new TiaoduError('task.unknown', `没有编号为 ${extensionId} 的延期申请`);
  if (e.status !== 'asked') throw new TiaoduError('task.conflict', `延期申请 ${extensionId} 已处理`);
  const t = await taskHead(tx, Number(e.task_id));
  if (t.closedOn) throw closed(t);
  await tx.query('UPDATE task_extension SET status = $2, decided_by = $3, decided_on = $4 WHERE id = $1', [
    extensionId,
    approve ? 'approved' : 'refused',
    user,
    today,
  ]);
  if (approve) await tx.query('UPDATE task SET due_date = $2 WHERE id = $1', [t.id, e.new_due]);
  await recordAudit(tx, {
    user,
    action: approve ? 'task.extension.approve' : 'task.extension.refuse',
    region: t.regionCode,
    object: `task ${t.id} extension ${extensionId}`,
    old: { due: e.old_due },
    new: { due: approve ? e.new_due : e.old_due },
  });
}

/** The office approves or refuses an extension that was asked in time. */
export async function decideExtension(
  db: Db,
  extensionId: number,
  approve: boolean,
  user: string | null,
  today: string,
): Promise<void> {
  await db.transaction((tx) => decide(tx, extensionId, approve, user, today));
}

export interface TaskReportRow {
  id: number;
  date: string;
  percent: number | null;
  note: string | null;
  evidenceName: string | null;
  status: 'submitted' | 'returned' | 'accepted';
  returnReason: string | null;
  reportedBy: string | null;
}

/** A task's reports, oldest first, with those sent back and why. */
export async function taskReports(db: Db, id: number): Promise<TaskReportRow[]> {
  const rows = await db.query<{
    id: number | string;
    report_date: string;
    percent: number | string | null;
    note: string | null;
    evidence_name: string | null;
    status: TaskReportRow['status'];
    return_reason: string | null;
    reported_by: string | null;
  }>(
    `SELECT id, report_date, percent, note, evidence_name, status, return_reason, reported_by
     FROM task_report WHERE task_id = $1 ORDER BY id`,
    [id],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    date: r.report_date,
    percent: r.percent === null ? null : Number(r.percent),
    note: r.note,
    evidenceName: r.evidence_name,
    status: r.status,
    returnReason: r.return_reason,
    reportedBy: r.reported_by,
  }));
}

/** The task a report or an extension belongs to. */
export async function taskOfReport(db: Db, reportId: number): Promise<number> {
  const [r] = await db.query<{ task_id: number | string }>('SELECT task_id FROM task_report WHERE id = $1', [
    reportId,
  ]);
  if (!r) throw new TiaoduError('task.unknown', `没有编号为 ${reportId} 的进展报送`);
  return Number(r.task_id);
}

export async function taskOfExtension(db: Db, extensionId: number): Promise<number> {
  const [r] = await db.query<{ task_id: number | string }>(
    'SELECT task_id FROM task_extension WHERE id = $1',
    [extensionId],
  );
  if (!r) throw new TiaoduError('task.unknown', `没有编号为 ${extensionId} 的延期申请`);
  return Number(r.task_id);
}

/** The units a task names (lead and support). */
export async function taskUnitIds(db: Db, id: number): Promise<number[]> {
  const rows = await db.query<{ unit_id: number | string }>(
    'SELECT unit_id FROM task_unit WHERE task_id = $1',
    [id],
  );
  return rows.map((r) => Number(r.unit_id));
}

export interface TaskExtensionRow {
  id: number;
  askedOn: string;
  oldDue: string | null;
  newDue: string;
  reason: string;
  status: 'asked' | 'approved' | 'refused';
  askedBy: string | null;
  decidedBy: string | null;
}

/** A task's extension requests, oldest first, with what became of each. */
export async function taskExtensions(db: Db, id: number): Promise<TaskExtensionRow[]> {
  const rows = await db.query<{
    id: number | string;
    asked_on: string;
    old_due: string | null;
    new_due: string;
    reason: string;
    status: TaskExtensionRow['status'];
    asked_by: string | null;
    decided_by: string | null;
  }>(
    `SELECT id, asked_on, old_due, new_due, reason, status, asked_by, decided_by
     FROM task_extension WHERE task_id = $1 ORDER BY id`,
    [id],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    askedOn: r.asked_on,
    oldDue: r.old_due,
    newDue: r.new_due,
    reason: r.reason,
    status: r.status,
    askedBy: r.asked_by,
    decidedBy: r.decided_by,
  }));
}
