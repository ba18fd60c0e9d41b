// The task list (督办清单) on a given day: each task's owners, reports and extensions read from the store, its light
// and escalation computed by the pure rules (core/tasks) — the contract's `tiaodu task list` rows.
import { type TaskLight, type TaskRules, taskState } from '../core/tasks/index.ts';
import type { Recurrence, TaskStatus } from '../core/types.ts';
import type { Db } from './db.ts';
import { getSetting } from './settings.ts';
import { REGIONS_BELOW } from './tasks.ts';

/** One row of the list: the contract's keys first (never renamed), then more. */
export interface TaskListRow {
  id: number;
  title: string;
  lead: string[];
  support: string[];
  start: string;
  due: string | null;
  recurrence: Recurrence | null;
  percent: number;
  status: TaskStatus;
  light: TaskLight | null;
  daysLeft: number | null;
  lastReport: string | null;
  escalated: boolean;
  region: string;
  leadIds: number[];
  supportIds: number[];
  parent: number | null;
  children: number[];
  sourceKind: string;
  source: string | null;
  quote: string | null;
  redDays: number;
  reasons: string[];
  closedOn: string | null;
  lastNote: string | null;
}

export interface TaskListQuery {
  today: string;
  rules?: TaskRules;
  /** Tasks this unit leads or supports. */
  unitId?: number;
  /** Tasks any of these units leads or supports (a unit account's scope). */
  unitIds?: number[];
  /** Tasks of this region and the regions below it. */
  regionCode?: string;
  light?: TaskLight;
  id?: number;
}

interface Row {
  id: number | string;
  region_code: string;
  action: string;
  lead_units: unknown;
  support_units: unknown;
  recurrence: Recurrence | null;
  start_date: string | null;
  due_date: string | null;
  created_at: Date | string;
  source_kind: string;
  source: string | null;
  quote: string | null;
  parent_id: number | string | null;
  closed_on: string | null;
}

const names = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[];
const day = (v: Date | string) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

export async function listTaskRows(db: Db, q: TaskListQuery): Promise<TaskListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let prefix = '';
  if (q.regionCode) {
    prefix = REGIONS_BELOW;
    params.push(q.regionCode);
    where.push('t.region_code IN (SELECT code FROM below)');
  }
  if (q.id !== undefined) where.push(`t.id = ${p(q.id)}`);
  const units = q.unitIds ?? (q.unitId === undefined ? undefined : [q.unitId]);
  if (units) where.push(`t.id IN (SELECT task_id FROM task_unit WHERE unit_id = ANY(${p(units)}::bigint[]))`);
  const tasks = await db.query<Row>(
    `${prefix} SELECT t.* FROM task t ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id`,
    params,
  );
  if (tasks.length === 0) return [];
  const ids = tasks.map((t) => Number(t.id));
  const owners = await db.query<{
    task_id: number | string;
    unit_id: number | string;
    role: string;
    name: string;
  }>(
    `SELECT tu.task_id, tu.unit_id, tu.role, u.name FROM task_unit tu JOIN unit u ON u.id = tu.unit_id
     WHERE tu.task_id = ANY($1::bigint[]) ORDER BY tu.task_id, tu.seq`,
    [ids],
  );
  const reports = await db.query<{
    task_id: number | string;
    report_date: string;
    percent: string | number | null;
    note: string | null;
  }>(
    `SELECT task_id, report_date, percent, note FROM task_report
     WHERE task_id = ANY($1::bigint[]) AND status <> 'returned' ORDER BY task_id, id`,
    [ids],
  );
  const children = await db.query<{ id: number | string; parent_id: number | string }>(
    'SELECT id, parent_id FROM task WHERE parent_id = ANY($1::bigint[]) ORDER BY id',
    [ids],
  );
  const by = <T extends { task_id: number | string }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) {
      const list = m.get(Number(x.task_id));
      if (list) list.push(x);
      else m.set(Number(x.task_id), [x]);
    }
    return (id: number) => m.get(id) ?? [];
  };
  const ownersOf = by(owners);
  const reportsOf = by(reports);
  const childrenOf = by(children.map((c) => ({ task_id: c.parent_id, id: Number(c.id) })));
  const rules = q.rules ?? (await getSetting(db, 'tasks.rules'));
  const rows = tasks.map((t): TaskListRow => {
    const id = Number(t.id);
    const own = ownersOf(id);
    const mine = reportsOf(id);
    const linked = (role: string) => own.filter((o) => o.role === role);
    const start = t.start_date ?? day(t.created_at);
    const done = t.closed_on !== null && t.closed_on <= q.today;
    const s = taskState(
      {
        start,
        due: t.due_date,
        recurrence: t.recurrence,
        done,
        reports: mine.map((r) => ({
          date: r.report_date,
          percent: r.percent === null ? null : Number(r.percent),
        })),
      },
      q.today,
      rules,
    );
    const noted = mine.filter((r) => r.note && r.report_date <= q.today).at(-1);
    return {
      id,
      title: t.action,
      // As created: the units' names; a document's names that matched no unit stay as written (no id).
      lead: names(t.lead_units),
      support: names(t.support_units),
      start,
      due: s.due,
      recurrence: t.recurrence,
      percent: s.percent,
      status: s.status,
      light: s.light,
      daysLeft: s.daysLeft,
      lastReport: s.lastReport,
      escalated: s.escalated,
      region: t.region_code,
      leadIds: linked('lead').map((o) => Number(o.unit_id)),
      supportIds: linked('support').map((o) => Number(o.unit_id)),
      parent: t.parent_id === null ? null : Number(t.parent_id),
      children: childrenOf(id).map((c) => c.id),
      sourceKind: t.source_kind,
      source: t.source,
      quote: t.quote,
      redDays: s.redDays,
      reasons: s.reasons,
      closedOn: done ? t.closed_on : null,
      lastNote: noted?.note ?? null,
    };
  });
  return q.light ? rows.filter((r) => r.light === q.light) : rows;
}
