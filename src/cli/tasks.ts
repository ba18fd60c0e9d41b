// `tiaodu task add|update|extend|list|close|return` and `tiaodu meeting add`: supervised tasks (督办) as the
// contract has them (DESIGN.md "Supervision tasks"); every rule that depends on the day takes --today.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import type { TaskLight } from '../core/tasks/index.ts';
import type { Recurrence } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import {
  askExtension,
  closeTask,
  createTask,
  listTaskRows,
  reportProgress,
  requireRegion,
  requireUnit,
  reviewReport,
  type TaskListRow,
} from '../store/index.ts';
import { type Flags, numberFlag, parse, required, todayFlag } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';
import { type ServerClient, withStoreOrServer } from './remote.ts';

const CLI_USER = 'cli';

/**
 * Runs on the store, or through the running `tiaodu serve` when it holds the data directory (as its local admin
 * `cli`). The server is always told the CLI's day and refuses another one (409 today.conflict) rather than
 * working on its own: the answer is then the one the direct path would have given, or none.
 */
const withStore = <T>(
  values: Flags,
  direct: (db: Db) => Promise<T>,
  viaServer: (api: ServerClient) => Promise<T>,
) => withStoreOrServer(values, 'task', direct, viaServer);

/** 'A,B' / 'A，B' / 'A、B' → ['A', 'B']. */
const unitList = (v: string | undefined) =>
  (v ?? '')
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

const RECURRENCES = ['weekly', 'monthly', 'quarterly'];
const LIGHTS = ['green', 'blue', 'yellow', 'red'];
const LIGHT_TEXT: Record<TaskLight, string> = { green: '绿', blue: '蓝', yellow: '黄', red: '红' };
const STATUS_TEXT: Record<TaskListRow['status'], string> = {
  not_started: '未报送',
  in_progress: '办理中',
  done: '已办结',
  overdue: '已超期',
};

/** The task's number from the first positional, or a usage error. */
function taskId(positionals: string[], usage: string): number {
  const raw = positionals[0];
  if (!raw) throw new TiaoduError('usage', `缺少任务编号。用法: tiaodu ${usage}`);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw new TiaoduError('usage', `任务编号应为正整数，收到「${raw}」`);
  return Number(raw);
}

async function rowOf(db: Db, id: number, today: string): Promise<TaskListRow> {
  const [row] = await listTaskRows(db, { today, id });
  if (!row) throw new TiaoduError('task.unknown', `没有编号为 ${id} 的督办任务`);
  return row;
}

const add: Command = async (argv) => {
  const { values } = parse(argv, {
    title: { type: 'string' },
    lead: { type: 'string' },
    support: { type: 'string' },
    due: { type: 'string' },
    recurrence: { type: 'string' },
    start: { type: 'string' },
    source: { type: 'string' },
    region: { type: 'string' },
  });
  const today = todayFlag(values);
  const recurrence = values.recurrence;
  if (recurrence !== undefined && !RECURRENCES.includes(recurrence))
    throw new TiaoduError('usage', `--recurrence 应为 weekly、monthly 或 quarterly，收到「${recurrence}」`);
  if ((values.due === undefined) === (recurrence === undefined))
    throw new TiaoduError(
      'usage',
      '请给出 --due YYYY-MM-DD 或 --recurrence weekly|monthly|quarterly，二者选一',
    );
  const input = {
    title: required(values, 'title'),
    lead: unitList(required(values, 'lead')),
    support: unitList(values.support),
    due: values.due ?? null,
    recurrence: (recurrence as Recurrence | undefined) ?? null,
    start: values.start ?? null,
    source: values.source ?? null,
    sourceKind: 'manual' as const,
  };
  const row = await withStore(
    values,
    async (db) =>
      rowOf(db, await createTask(db, { ...input, region: values.region ?? null }, CLI_USER, today), today),
    (api) =>
      api.json<TaskListRow>('POST', '/api/supervision/tasks', {
        query: { today },
        json: { ...input, region: values.region },
      }),
  );
  if (values.json) console.log(JSON.stringify(row));
  else {
    const when = row.recurrence ? `周期 ${row.recurrence}，本期截止 ${row.due}` : `截止 ${row.due}`;
    const support = row.support.length ? `；配合：${row.support.join('、')}` : '';
    const children = row.children.length ? `；已分解到 ${row.children.length} 个乡镇（街道）` : '';
    console.log(
      `已添加督办任务 ${row.id}「${row.title}」（牵头：${row.lead.join('、') || '各乡镇（街道）'}${support}；${when}${children}）`,
    );
  }
  return 0;
};

const update: Command = async (argv) => {
  const { values, positionals } = parse(argv, {
    percent: { type: 'string' },
    note: { type: 'string' },
    evidence: { type: 'string' },
    done: { type: 'boolean' },
  });
  const id = taskId(positionals, 'task update 编号 [--percent N] [--note 说明] [--evidence 文件] [--done]');
  const today = todayFlag(values);
  const percent = numberFlag(values, 'percent') ?? null;
  let evidence: { name: string; bytes: Uint8Array } | null = null;
  if (values.evidence) {
    try {
      evidence = { name: basename(values.evidence), bytes: new Uint8Array(await readFile(values.evidence)) };
    } catch (e) {
      throw new TiaoduError('usage', `读不到佐证材料 ${values.evidence}：${(e as Error).message}`);
    }
  }
  const input = { percent, note: values.note ?? null, evidence, done: !!values.done };
  const { reportId, row } = await withStore(
    values,
    async (db) => {
      const { reportId } = await reportProgress(db, id, input, CLI_USER, today);
      return { reportId, row: await rowOf(db, id, today) };
    },
    async (api) => {
      const base64 = evidence && Buffer.from(evidence.bytes).toString('base64');
      const json = { ...input, evidence: evidence && { name: evidence.name, base64 } };
      const answer = await api.json<{ reportId: number; task: TaskListRow }>(
        'POST',
        `/api/supervision/tasks/${id}/reports`,
        { query: { today }, json },
      );
      return { reportId: answer.reportId, row: answer.task };
    },
  );
  if (values.json) console.log(JSON.stringify({ ...row, reportId }));
  else
    console.log(
      `已报送督办任务 ${id} 的进展（报送编号 ${reportId}，${today}）：进度 ${row.percent}%，${STATUS_TEXT[row.status]}`,
    );
  return 0;
};

const extend: Command = async (argv) => {
  const { values, positionals } = parse(argv, { to: { type: 'string' }, reason: { type: 'string' } });
  const id = taskId(positionals, 'task extend 编号 --to YYYY-MM-DD --reason 理由');
  const today = todayFlag(values);
  const to = required(values, 'to');
  const reason = required(values, 'reason');
  const { before, row } = await withStore(
    values,
    async (db) => {
      const before = (await rowOf(db, id, today)).due;
      await askExtension(db, id, { to, reason, approve: true }, CLI_USER, today);
      return { before, row: await rowOf(db, id, today) };
    },
    async (api) => {
      // The office's extension: the server approves it at once for the admin `cli`, as the direct path does.
      const answer = await api.json<{ task: TaskListRow; oldDue: string | null }>(
        'POST',
        `/api/supervision/tasks/${id}/extensions`,
        { query: { today }, json: { to, reason } },
      );
      return { before: answer.oldDue, row: answer.task };
    },
  );
  if (values.json) console.log(JSON.stringify(row));
  else console.log(`已延期督办任务 ${id}：截止日期 ${before} → ${row.due}（理由：${reason}）`);
  return 0;
};

const list: Command = async (argv) => {
  const { values } = parse(argv, {
    unit: { type: 'string' },
    light: { type: 'string' },
    region: { type: 'string' },
  });
  const today = todayFlag(values);
  const light = values.light;
  if (light !== undefined && !LIGHTS.includes(light))
    throw new TiaoduError('usage', `--light 应为 green、blue、yellow 或 red，收到「${light}」`);
  const rows = await withStore(
    values,
    async (db) => {
      const unitId = values.unit ? (await requireUnit(db, values.unit)).id : undefined;
      const regionCode = values.region ? (await requireRegion(db, values.region)).code : undefined;
      return listTaskRows(db, { today, unitId, regionCode, light: light as TaskLight | undefined });
    },
    (api) =>
      api.json<TaskListRow[]>('GET', '/api/supervision/tasks', {
        query: { unit: values.unit, light, region: values.region, today },
      }),
  );
  if (values.json) console.log(JSON.stringify(rows));
  else {
    console.log(`督办任务 ${rows.length} 项（${today}）`);
    printTable(
      ['编号', '任务', '牵头', '配合', '截止', '剩余天数', '进度%', '状态', '灯', '最近报送', '约谈'],
      rows.map((r) => [
        r.id,
        r.title,
        r.lead.join('、'),
        r.support.join('、'),
        r.due,
        r.daysLeft,
        r.percent,
        STATUS_TEXT[r.status],
        r.light ? LIGHT_TEXT[r.light] : null,
        r.lastReport,
        r.escalated ? '是' : '',
      ]),
    );
  }
  return 0;
};

const close: Command = async (argv) => {
  const { values, positionals } = parse(argv, {});
  const id = taskId(positionals, 'task close 编号');
  const today = todayFlag(values);
  await withStore(
    values,
    (db) => closeTask(db, id, CLI_USER, today),
    (api) => api.request('POST', `/api/supervision/tasks/${id}/close`, { query: { today } }).then(() => {}),
  );
  console.log(`已办结督办任务 ${id}（${today}）`);
  return 0;
};

const sendBack: Command = async (argv) => {
  const { values, positionals } = parse(argv, { reason: { type: 'string' } });
  const raw = positionals[0] ?? '';
  if (!/^\d+$/.test(raw)) throw new TiaoduError('usage', `进展报送编号应为正整数，收到「${raw}」`);
  const reason = required(values, 'reason');
  await withStore(
    values,
    (db) => reviewReport(db, Number(raw), { accept: false, reason }, CLI_USER),
    (api) =>
      api
        .request('POST', `/api/supervision/reports/${raw}`, { json: { decision: 'return', reason } })
        .then(() => {}),
  );
  console.log(`已退回进展报送 ${raw}（理由：${reason}）`);
  return 0;
};

const SUBCOMMANDS: Record<string, Command> = { add, update, extend, list, close, return: sendBack };

export const task: Command = async (argv) => {
  const [sub, ...rest] = argv;
  const run = sub ? SUBCOMMANDS[sub] : undefined;
  if (!run)
    throw new TiaoduError(
      'usage',
      '用法: tiaodu task add|update|extend|list|close|return …（加 --help 查看用法）',
    );
  return run(rest);
};
