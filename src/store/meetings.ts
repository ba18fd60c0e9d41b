// Meetings (会议): date, kind, leader and attendees; the decisions become tasks with the source 会议纪要, due by
// default the meeting-minutes time limit after the meeting unless a decision says otherwise.
import { TiaoduError } from '../core/errors.ts';
import { isDay, type TaskRules } from '../core/tasks/index.ts';
import type { Recurrence } from '../core/types.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { requireRegion } from './regions.ts';
import { createTask } from './taskCreate.ts';

export interface MeetingInput {
  region: string;
  date: string;
  kind: string;
  title: string;
  leader?: string | null;
  attendees?: string[];
  decisions: {
    title: string;
    lead: string[];
    support?: string[];
    due?: string | null;
    recurrence?: Recurrence | null;
  }[];
}

/** Records a meeting and turns each decision into a task, all or nothing; returns the meeting and task ids. */
export async function addMeeting(
  db: Db,
  m: MeetingInput,
  user: string | null,
  rules?: TaskRules,
): Promise<{ id: number; tasks: number[] }> {
  if (!isDay(m.date))
    throw new TiaoduError('validation', `会议日期应为 YYYY-MM-DD 的真实日期，收到「${m.date}」`);
  if (!m.title.trim()) throw new TiaoduError('validation', '会议名称不能为空');
  return db.transaction(async (tx) => {
    const region = await requireRegion(tx, m.region);
    const [row] = await tx.query<{ id: number | string }>(
      `INSERT INTO meeting (region_code, meeting_date, kind, title, leader, attendees, created_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [
        region.code,
        m.date,
        m.kind,
        m.title.trim(),
        m.leader ?? null,
        JSON.stringify(m.attendees ?? []),
        user,
      ],
    );
    const id = Number(row?.id);
    await recordAudit(tx, {
      user,
      action: 'meeting.create',
      region: region.code,
      object: `meeting ${id}`,
      new: {
        date: m.date,
        kind: m.kind,
        title: m.title,
        leader: m.leader ?? null,
        attendees: m.attendees ?? [],
      },
    });
    const tasks: number[] = [];
    for (const d of m.decisions)
      tasks.push(
        await createTask(
          tx,
          {
            ...d,
            support: d.support ?? [],
            start: m.date,
            region: region.code,
            sourceKind: 'meeting',
            source: `${m.title}（${m.date}）`,
            meetingId: id,
          },
          user,
          m.date,
          rules,
        ),
      );
    return { id, tasks };
  });
}
