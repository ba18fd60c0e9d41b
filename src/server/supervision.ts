// Supervision (督办) over the API: the task list with today's lights, reports and their review, closing and
// extensions. Roles, validation and a named region are checked by implement(); a task's region and, for a unit's
// account, that it answers for one of the task's units are checked here before anything is written.
import { Hono } from 'hono';
import { supervision as contract } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import { parseDay } from '../core/period.ts';
import { buildNotice, type TaskLight } from '../core/tasks/index.ts';
import { expandCollective, suggestUnits } from '../core/unitMatch.ts';
import type { Db } from '../store/db.ts';
import {
  addMeeting,
  askExtension,
  closeTask,
  createTask,
  decideExtension,
  listTaskRows,
  reportProgress,
  requireRegion,
  requireUnit,
  reviewReport,
  type TaskListRow,
  taskExtensions,
  taskHead,
  taskOfExtension,
  taskOfReport,
  taskReports,
  taskUnitIds,
  topRegions,
  unitIdsOfUser,
  unitsUnder,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, inScope, type User } from './auth.ts';
import { implementer } from './implement.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const office = (u: User) => u.role === 'admin' || u.role === 'analyst';

/** Today for task rules: TIAODU_TODAY when set (as --today for the CLI), else the clock's day. */
export const taskToday = (clock: () => Date) => (): string => {
  const given = process.env.TIAODU_TODAY;
  return given && parseDay(given) ? given.trim() : clock().toISOString().slice(0, 10);
};

/** Refuses (rolling back with the task) units outside the task's region or the account's scope. */
export async function assertTaskUnitsInScope(tx: Db, taskId: number, regionCode: string, user: User) {
  const units = await tx.query<{ region_code: string; name: string }>(
    'SELECT u.region_code, u.name FROM task_unit tu JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = $1',
    [taskId],
  );
  for (const u of units)
    if (
      !(await inScope(tx, regionCode, u.region_code)) ||
      !(await inScope(tx, user.regionCode, u.region_code))
    )
      throw new TiaoduError('forbidden', `单位「${u.name}」不在任务所属地区或本账号辖区内`);
}

export function supervisionRoutes(db: Db, clock: () => Date): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  // TIAODU_TODAY replaces the clock, as --today does for the CLI, so a deployment can be tried on any day.
  const today = taskToday(clock);
  /**
   * The server's day for a request that names the caller's (the CLI's --today): a different day is refused. The
   * server works on one day for all its accounts (TIAODU_TODAY or its clock); letting a request pick its own would
   * let any account date a report or ask an extension "before the due date" after it, so no request moves it.
   */
  const dayFor = (asked: string | undefined): string => {
    const d = today();
    if (asked !== undefined && asked !== d)
      throw new TiaoduError(
        'today.conflict',
        `运行中的 tiaodu serve 按 ${d} 办理督办事项，与所给日期 ${asked}（--today 或 TIAODU_TODAY）不同：请改用 ${d}，或停止服务后再按 ${asked} 办理`,
      );
    return d;
  };

  /** The task, when the user may see it (in scope; a unit's account: one of its units); else 403, 404 unknown. */
  async function visible(user: User, id: number) {
    const t = await taskHead(db, id);
    await assertInScope(db, user, t.regionCode);
    if (user.role === 'reporter') {
      const mine = new Set(await unitIdsOfUser(db, user.name));
      if (!(await taskUnitIds(db, id)).some((u) => mine.has(u)))
        throw new TiaoduError('forbidden', '本账号不是该任务牵头或配合单位的责任人');
    }
    return t;
  }
  const row = async (id: number, day = today()): Promise<TaskListRow> => {
    const [r] = await listTaskRows(db, { today: day, id });
    if (!r) throw new TiaoduError('task.unknown', `没有编号为 ${id} 的督办任务`);
    return r;
  };

  /** The rows a user sees: a unit's account only its units' tasks; `unit` narrows to one unit. */
  async function rowsFor(
    user: User,
    regionCode: string | undefined,
    q: { unit?: string; light?: TaskLight; today?: string },
  ) {
    const day = dayFor(q.today);
    let unitIds: number[] | undefined;
    if (user.role === 'reporter') unitIds = await unitIdsOfUser(db, user.name);
    if (q.unit) {
      const u = await requireUnit(db, q.unit);
      unitIds = unitIds ? unitIds.filter((x) => x === u.id) : [u.id];
    }
    if (unitIds && unitIds.length === 0) return [];
    return listTaskRows(db, { today: day, regionCode, unitIds, light: q.light });
  }

  implement(api, contract.list, async ({ user, region, query }) =>
    rowsFor(user, region?.code ?? user.regionCode ?? undefined, query),
  );

  implement(api, contract.units, async ({ user, region, query }) => {
    const home =
      region ?? (user.regionCode ? await requireRegion(db, user.regionCode) : (await topRegions(db))[0]);
    if (!home) throw new TiaoduError('region.unknown', '还没有载入任何地区');
    const all = await unitsUnder(db, home.code);
    const c = query.name ? expandCollective(query.name) : null;
    const collective =
      c?.collective && c.kind ? { kind: c.kind, expandable: c.expandable, why: c.why } : null;
    if (!query.name) return { units: all.map((u) => ({ ...u, score: null, why: null })), collective };
    const context = { regionCode: home.code, regionName: home.name };
    const units = suggestUnits(query.name, all, context).map((s) => ({
      ...s.unit,
      score: s.score,
      why: s.why,
    }));
    return { units, collective };
  });

  implement(api, contract.extensions, async ({ user, params }) => {
    await visible(user, params.id);
    return taskExtensions(db, params.id);
  });

  implement(api, contract.meeting, async ({ user, region, body }) => {
    const made = await db.transaction(async (tx) => {
      const m = await addMeeting(tx, { ...body, region: region.code }, user.name);
      for (const id of m.tasks) await assertTaskUnitsInScope(tx, id, region.code, user);
      return m;
    });
    return { id: made.id, tasks: await Promise.all(made.tasks.map((id) => row(id))) };
  });

  implement(api, contract.notice, async ({ user, region, query, c }) => {
    const home = region ?? (user.regionCode ? await requireRegion(db, user.regionCode) : null);
    const day = today();
    const notice = buildNotice(
      await rowsFor(user, home?.code, {}),
      day,
      `${home?.name ?? ''}督办事项落实情况通报`,
    );
    if (query.format === 'json') return { ...notice };
    const bytes =
      query.format === 'docx'
        ? await (await import('../reports/tasks/docx.ts')).noticeDocx(notice)
        : await (await import('../reports/tasks/xlsx.ts')).noticeXlsx(notice);
    const name = `${notice.title}-${day}.${query.format}`;
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': query.format === 'docx' ? DOCX : XLSX,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });

  implement(api, contract.create, async ({ user, region, query, body }) => {
    const day = dayFor(query.today);
    const id = await db.transaction(async (tx) => {
      const id = await createTask(tx, { ...body, region: region?.code ?? null }, user.name, day);
      // Without a named region the task takes its first lead unit's: checked here, as implement() checks a named one.
      const regionCode = region?.code ?? (await taskHead(tx, id)).regionCode;
      if (!region) await assertInScope(tx, user, regionCode);
      // Units outside the task's region (or the account's scope) are refused: rolled back with the task.
      await assertTaskUnitsInScope(tx, id, regionCode, user);
      return id;
    });
    return row(id, day);
  });

  implement(api, contract.reports, async ({ user, params }) => {
    await visible(user, params.id);
    return taskReports(db, params.id);
  });

  implement(api, contract.report, async ({ user, params, query, body }) => {
    const day = dayFor(query.today);
    await visible(user, params.id);
    // Closing with the report (办结) is the office's, as closing is.
    if (body.done && !office(user))
      throw new TiaoduError('forbidden', '只有督办部门（分析员、管理员）能办结任务');
    const evidence = body.evidence
      ? { name: body.evidence.name, bytes: new Uint8Array(Buffer.from(body.evidence.base64, 'base64')) }
      : null;
    const { reportId } = await reportProgress(db, params.id, { ...body, evidence }, user.name, day);
    return { reportId, task: await row(params.id, day) };
  });

  implement(api, contract.review, async ({ user, params, body }) => {
    await visible(user, await taskOfReport(db, params.id));
    const decision =
      body.decision === 'accept'
        ? { accept: true as const }
        : { accept: false as const, reason: body.reason };
    await reviewReport(db, params.id, decision, user.name);
    return row(await taskOfReport(db, params.id));
  });

  implement(api, contract.close, async ({ user, params, query }) => {
    const day = dayFor(query.today);
    await visible(user, params.id);
    await closeTask(db, params.id, user.name, day);
    return row(params.id, day);
  });

  implement(api, contract.askExtension, async ({ user, params, query, body }) => {
    const day = dayFor(query.today);
    await visible(user, params.id);
    const oldDue = (await row(params.id, day)).due;
    const { extensionId } = await askExtension(
      db,
      params.id,
      { ...body, approve: office(user) },
      user.name,
      day,
    );
    return { extensionId, task: await row(params.id, day), oldDue };
  });

  implement(api, contract.decideExtension, async ({ user, params, body }) => {
    const id = await taskOfExtension(db, params.id);
    await visible(user, id);
    await decideExtension(db, params.id, body.decision === 'approve', user.name, today());
    return row(id);
  });

  return api;
}
