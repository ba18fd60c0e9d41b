// Tasks (督办事项): work assigned to named units, each with its source document and quote.
import type { Task } from '../core/types.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

interface TaskRow {
  id: number | string;
  region_code: string;
  action: string;
  lead_units: unknown;
  support_units: unknown;
  due: string | null;
  recurrence: Task['recurrence'];
  status: Task['status'];
  source: string | null;
  quote: string | null;
  document_id: number | string | null;
}

/** `below`: the region $1 and every region under it. */
export const REGIONS_BELOW = `WITH RECURSIVE below AS (
  SELECT code FROM region WHERE code = $1
  UNION ALL SELECT r.code FROM region r JOIN below b ON r.parent_code = b.code)`;

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[];

const toTask = (r: TaskRow): Task => ({
  id: Number(r.id),
  regionCode: r.region_code,
  action: r.action,
  lead: json(r.lead_units),
  support: json(r.support_units),
  due: r.due,
  recurrence: r.recurrence,
  status: r.status,
  source: r.source,
  quote: r.quote,
  documentId: r.document_id === null ? null : Number(r.document_id),
});

export async function addTask(db: Db, t: Omit<Task, 'id' | 'status'>, user: string | null): Promise<Task> {
  const [row] = await db.query<TaskRow>(
    `INSERT INTO task (region_code, action, lead_units, support_units, due, recurrence, source, quote, document_id, created_by,
       start_date, due_date)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, to_char(now(), 'YYYY-MM-DD'),
       CASE WHEN $5 ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN $5 END) RETURNING *`,
    [
      t.regionCode,
      t.action,
      JSON.stringify(t.lead),
      JSON.stringify(t.support),
      t.due,
      t.recurrence,
      t.source,
      t.quote,
      t.documentId,
      user,
    ],
  );
  const task = toTask(row as TaskRow);
  await linkNamedUnits(db, task);
  await recordAudit(db, {
    user,
    action: 'task.create',
    region: task.regionCode,
    object: `task ${task.id}`,
    new: { title: task.action, lead: task.lead, support: task.support, due: task.due, source: task.source },
  });
  return task;
}

/**
 * Links a document task's lead and supporting names to the catalogue's units where a unit of exactly that name
 * exists in the task's region or below it (one only); names without such a unit stay as written.
 */
async function linkNamedUnits(db: Db, task: Task): Promise<void> {
  const names = [
    ...task.lead.map((n) => [n, 'lead'] as const),
    ...task.support.map((n) => [n, 'support'] as const),
  ];
  for (const [seq, [name, role]] of names.entries()) {
    const ids = await db.query<{ id: number | string }>(
      `${REGIONS_BELOW.replace('$1', '$2')} SELECT u.id FROM unit u WHERE u.name = $1
         AND u.region_code IN (SELECT code FROM below)`,
      [name, task.regionCode],
    );
    if (ids.length !== 1) continue;
    await db.query(
      'INSERT INTO task_unit (task_id, unit_id, role, seq) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [task.id, Number(ids[0]?.id), role, seq],
    );
  }
}

/** The tasks of a region and the regions below it, newest first. */
export async function tasksUnder(db: Db, regionCode: string): Promise<Task[]> {
  const rows = await db.query<TaskRow>(
    `${REGIONS_BELOW} SELECT * FROM task WHERE region_code IN (SELECT code FROM below) ORDER BY id DESC`,
    [regionCode],
  );
  return rows.map(toTask);
}
