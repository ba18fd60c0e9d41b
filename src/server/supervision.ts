// Supervision (督办) over the API: the task list with today's lights, reports and their review, closing and
// extensions. Roles, validation and a named region are checked by implement(); a task's region and, for a unit's
// account, that it answers for one of the task's units are checked here before anything is written.
import { Hono } from 'hono';
import { supervision as contract } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import { parseDay } from '../core/period.ts';
import type { Db } from '../store/db.ts';
import {
  askExtension,
  closeTask,
  createTask,
  decideExtension,
  listTaskRows,
  reportProgress,
  requireUnit,
  reviewReport,
  type TaskListRow,
  taskHead,
  taskOfExtension,
  taskOfReport,
  taskReports,
  taskUnitIds,
  unitIdsOfUser,
} from '../store/index.ts';
import { type AuthEnv, assertInScope, inScope, type User } from './auth.ts';
import { implementer } from './implement.ts';

const office = (u: User) => u.role === 'admin' || u.role === 'analyst';

export function supervisionRoutes(db: Db, clock: () => Date): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  // TIAODU_TODAY replaces the clock, as --today does for the CLI, so a deployment can be tried on any day.
  const today = () => {
    const given = process.env.TIAODU_TODAY;
    return given && parseDay(given) ? given.trim() : clock().toISOString().slice(0, 10);
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
  const row = async (id: number): Promise<TaskListRow> => {
    const [r] = await listTaskRows(db, { today: today(), id });
    if (!r) throw new TiaoduError('task.unknown', `没有编号为 ${id} 的督办任务`);
    return r;
  };

  implement(api, contract.list, async ({ user, region, query }) => {
    const regionCode = region?.code ?? user.regionCode ?? undefined;
    let unitIds: number[] | undefined;
    if (user.role === 'reporter') unitIds = await unitIdsOfUser(db, user.name);
    if (query.unit) {
      const u = await requireUnit(db, query.unit);
      unitIds = unitIds ? unitIds.filter((x) => x === u.id) : [u.id];
    }
    if (unitIds && unitIds.length === 0) return [];
    return listTaskRows(db, { today: today(), regionCode, unitIds, light: query.light });
  });

  implement(api, contract.create, async ({ user, region, body }) => {
    const id = await db.transaction(async (tx) => {
      const id = await createTask(
        tx,
        { ...body, region: region.code, sourceKind: 'manual' },
        user.name,
        today(),
      );
      // Units outside the task's region (or the account's scope) are refused: rolled back with the task.
      const units = await tx.query<{ region_code: string; name: string }>(
        'SELECT u.region_code, u.name FROM task_unit tu JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = $1',
        [id],
      );
      for (const u of units)
        if (
          !(await inScope(tx, region.code, u.region_code)) ||
          !(await inScope(tx, user.regionCode, u.region_code))
        )
          throw new TiaoduError('forbidden', `单位「${u.name}」不在任务所属地区或本账号辖区内`);
      return id;
    });
    return row(id);
  });

  implement(api, contract.reports, async ({ user, params }) => {
    await visible(user, params.id);
    return taskReports(db, params.id);
  });

  implement(api, contract.report, async ({ user, params, body }) => {
    await visible(user, params.id);
    const evidence = body.evidence
      ? { name: body.evidence.name, bytes: new Uint8Array(Buffer.from(body.evidence.base64, 'base64')) }
      : null;
    const { reportId } = await reportProgress(db, params.id, { ...body, evidence }, user.name, today());
    return { reportId, task: await row(params.id) };
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

  implement(api, contract.close, async ({ user, params }) => {
    await visible(user, params.id);
    await closeTask(db, params.id, user.name, today());
    return row(params.id);
  });

  implement(api, contract.askExtension, async ({ user, params, body }) => {
    await visible(user, params.id);
    const { extensionId } = await askExtension(
      db,
      params.id,
      { ...body, approve: office(user) },
      user.name,
      today(),
    );
    return { extensionId, task: await row(params.id) };
  });

  implement(api, contract.decideExtension, async ({ user, params, body }) => {
    const id = await taskOfExtension(db, params.id);
    await visible(user, id);
    await decideExtension(db, params.id, body.decision === 'approve', user.name, today());
    return row(id);
  });

  return api;
}
