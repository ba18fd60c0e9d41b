// Creating supervised tasks (督办事项): owners are units of the catalogue, named by id or exact name; 各乡镇（街道）
// becomes one child task per town or street; due date or recurrence; the source kept. All or nothing, audited.
import { TiaoduError } from '../core/errors.ts';
import {
  addDays,
  daysBetween,
  defaultLimitDays,
  expandTowns,
  type InstructionUrgency,
  isDay,
  isTownsCollective,
  type TaskRules,
  type TaskSourceKind,
} from '../core/tasks/index.ts';
import type { Recurrence } from '../core/types.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { requireRegion } from './regions.ts';
import { getSetting } from './settings.ts';
import { REGIONS_BELOW } from './tasks.ts';
import { ensureUnit, requireUnit, type Unit } from './units.ts';

export interface TaskInput {
  title: string;
  /** Unit ids or exact names; 各乡镇（街道） may stand among them. */
  lead: string[];
  support: string[];
  /** Defaults to `today`. */
  start?: string | null;
  due?: string | null;
  recurrence?: Recurrence | null;
  /** The region a task naming only 各乡镇（街道） belongs to; else the first named unit's. */
  region?: string | null;
  sourceKind?: TaskSourceKind;
  urgency?: InstructionUrgency | null;
  source?: string | null;
  quote?: string | null;
  meetingId?: number | null;
  documentId?: number | null;
}

const bad = (m: string) => new TiaoduError('validation', m);

/** Checks and creates a task (and its children for 各乡镇（街道）); returns the new task's id. */
export async function createTask(
  db: Db,
  input: TaskInput,
  user: string | null,
  today: string,
  rules?: TaskRules,
): Promise<number> {
  const title = input.title.trim();
  if (!title) throw bad('任务名称不能为空');
  const start = input.start ?? today;
  if (!isDay(start)) throw bad(`开始日期应为 YYYY-MM-DD 的真实日期，收到「${start}」`);
  const recurrence = input.recurrence ?? null;
  let due = input.due ?? null;
  if (due === null && recurrence === null) {
    const limits = rules ?? (await getSetting(db, 'tasks.rules'));
    const limit = defaultLimitDays(input.sourceKind ?? 'manual', limits, input.urgency ?? 'normal');
    if (limit === null) throw bad('请给出截止日期（--due）或周期（--recurrence），二者选一');
    due = addDays(start, limit);
  }
  if (due !== null && recurrence !== null) throw bad('截止日期和周期只能给出一个');
  if (due !== null && !isDay(due)) throw bad(`截止日期应为 YYYY-MM-DD 的真实日期，收到「${due}」`);
  if (due !== null && daysBetween(start, due) < 0) throw bad(`截止日期 ${due} 早于开始日期 ${start}`);
  const names = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => x !== '');
  const leadNames = names(input.lead);
  const supportNames = names(input.support);
  if (leadNames.length === 0) throw bad('至少要有一个牵头单位');

  return db.transaction(async (tx) => {
    const resolve = async (xs: string[]) => {
      const out: Unit[] = [];
      for (const x of xs.filter((n) => !isTownsCollective(n))) out.push(await requireUnit(tx, x));
      return out;
    };
    const lead = await resolve(leadNames);
    const support = await resolve(supportNames);
    const both = lead.filter((u) => support.some((s) => s.id === u.id));
    if (both.length) throw bad(`单位「${both[0]?.name}」不能既牵头又配合`);
    const first = lead[0] ?? support[0];
    const regionCode = input.region ? (await requireRegion(tx, input.region)).code : first?.regionCode;
    if (!regionCode) throw bad('任务只列了各乡镇（街道），请用 --region 指明地区');

    const insert = async (regionOf: string, t: string, l: Unit[], s: Unit[], parentId: number | null) => {
      const [row] = await tx.query<{ id: number | string }>(
        `INSERT INTO task (region_code, action, lead_units, support_units, due, recurrence, source, quote, document_id,
           created_by, start_date, due_date, source_kind, urgency, parent_id, meeting_id)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$5,$12,$13,$14,$15) RETURNING id`,
        [
          regionOf,
          t,
          JSON.stringify(l.map((u) => u.name)),
          JSON.stringify(s.map((u) => u.name)),
          due,
          recurrence,
          input.source ?? null,
          input.quote ?? null,
          input.documentId ?? null,
          user,
          start,
          input.sourceKind ?? 'manual',
          input.urgency ?? null,
          parentId,
          input.meetingId ?? null,
        ],
      );
      const id = Number(row?.id);
      const owners = [...l.map((u) => [u, 'lead'] as const), ...s.map((u) => [u, 'support'] as const)];
      for (const [seq, [u, role]] of owners.entries())
        await tx.query('INSERT INTO task_unit (task_id, unit_id, role, seq) VALUES ($1, $2, $3, $4)', [
          id,
          u.id,
          role,
          seq,
        ]);
      await recordAudit(tx, {
        user,
        action: 'task.create',
        region: regionOf,
        object: `task ${id}`,
        new: {
          title: t,
          lead: l.map((u) => u.name),
          support: s.map((u) => u.name),
          start,
          due,
          recurrence,
          parentId,
        },
      });
      return id;
    };

    const towns = await tx.query<{ code: string; name: string }>(
      `${REGIONS_BELOW} SELECT code, name FROM region WHERE code IN (SELECT code FROM below) AND level = 4 ORDER BY code`,
      [regionCode],
    );
    const expansion = expandTowns(leadNames, supportNames, towns);
    if (expansion && towns.length === 0)
      throw bad('任务所属地区下没有已载入的乡镇（街道），无法分解到各乡镇（街道）');
    const parentId = await insert(regionCode, title, lead, support, null);
    for (const child of expansion?.children ?? []) {
      const unit = await ensureUnit(tx, child.town.code, child.town.name);
      await insert(child.town.code, `${title}（${child.town.name}）`, [unit], [], parentId);
    }
    return parentId;
  });
}
