// Supervision (督办): the task list with lights, progress reports and their review, closing, extensions.
// A unit's accounts see and report their unit's tasks; the office (analysts, admins) and leaders see all in scope.

import { strOrNull } from './common.ts';
import { DOCX, defineRoute, errors, fail, file, XLSX } from './route.ts';
import { z } from './zod.ts';

const tags = ['督办'];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD');
const id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const idPath = z.object({ id });
const Light = z.enum(['green', 'blue', 'yellow', 'red']);
const Recurrence = z.enum(['weekly', 'monthly', 'quarterly']);
const SourceKind = z.enum(['manual', 'instruction', 'meeting', 'document']);
const Urgency = z.enum(['urgent', 'normal', 'hard']);
/** The caller's day (the CLI's --today / TIAODU_TODAY): refused when it is not the server's day (409). */
const callerDay = day
  .optional()
  .describe('调用方的“今天”（命令行的 --today）：与服务按其办理的日期不同时拒绝（409），不按另一天办理');
const dayQuery = z.object({ today: callerDay });

export const TaskRow = z
  .object({
    id: z.number().int(),
    title: z.string(),
    lead: z.array(z.string()),
    support: z.array(z.string()),
    start: z.string(),
    due: strOrNull.describe('截止日期；周期性任务为本期期末'),
    recurrence: Recurrence.nullable(),
    percent: z.number(),
    status: z.enum(['not_started', 'in_progress', 'done', 'overdue']),
    light: Light.nullable().describe('green 正常、blue 临期、yellow 滞后或久未报送、red 超期；办结为 null'),
    daysLeft: z.number().int().nullable(),
    lastReport: strOrNull,
    escalated: z.boolean().describe('红灯超过规定天数：列入约谈'),
    region: z.string(),
    leadIds: z.array(z.number().int()),
    supportIds: z.array(z.number().int()),
    parent: z.number().int().nullable(),
    children: z.array(z.number().int()),
    sourceKind: z.string(),
    source: strOrNull,
    quote: strOrNull,
    redDays: z.number().int(),
    reasons: z.array(z.string()),
    closedOn: strOrNull,
    lastNote: strOrNull,
  })
  .meta({ id: 'SupervisionTask' });

export const TaskReport = z.object({
  id: z.number().int(),
  date: z.string(),
  percent: z.number().nullable(),
  note: strOrNull,
  evidenceName: strOrNull,
  status: z.enum(['submitted', 'returned', 'accepted']),
  returnReason: strOrNull,
  reportedBy: strOrNull,
});

const byTask = '任务所属地区须在本账号辖区内，单位账号须为任务牵头或配合单位的责任人：由处理程序检查';

export const list = defineRoute({
  method: 'get',
  path: '/api/supervision/tasks',
  summary: '督办清单（今日亮灯、剩余天数、约谈）：单位账号只见本单位牵头或配合的任务，其他账号见辖区内全部',
  tags,
  request: {
    query: z.object({
      region: z.string().min(1).optional().describe('地区；默认本账号辖区'),
      unit: z.string().min(1).optional().describe('只列该单位牵头或配合的任务（名称或编号）'),
      light: Light.optional(),
      today: callerDay,
    }),
  },
  responses: { 200: z.array(TaskRow), ...errors },
  scope: { region: 'query.region', access: 'read', optional: true },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/supervision/tasks',
  summary: '交办督办任务（分析员、管理员）：单位为单位目录中的单位；各乡镇（街道）分解到每个乡镇街道',
  tags,
  request: {
    query: dayQuery,
    body: z.object({
      region: z.string().min(1).optional().describe('任务所属地区；不给出时为第一个牵头单位的地区'),
      title: z.string().min(1).max(2000),
      lead: z.array(z.string().min(1)).min(1).max(50),
      support: z.array(z.string().min(1)).max(50).default([]),
      due: day.nullable().default(null),
      recurrence: Recurrence.nullable().default(null),
      start: day.nullable().default(null),
      source: z.string().max(2000).nullable().default(null),
      sourceKind: SourceKind.default('manual').describe(
        '来源：manual 交办、instruction 批示、meeting 会议纪要',
      ),
      urgency: Urgency.nullable().default(null).describe('批示的缓急：定默认时限'),
    }),
  },
  responses: { 201: TaskRow, ...errors },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write', optional: true },
  note: '任务所属地区（给出或由牵头单位得出）、牵头和配合单位须在本账号辖区内，单位须在任务所属地区或其下级地区：由处理程序检查',
});

export const reports = defineRoute({
  method: 'get',
  path: '/api/supervision/tasks/{id}/reports',
  summary: '一项任务的进展报送（含已退回的及退回理由）',
  tags,
  request: { params: idPath },
  responses: { 200: z.array(TaskReport), ...errors },
  note: byTask,
});

export const report = defineRoute({
  method: 'post',
  path: '/api/supervision/tasks/{id}/reports',
  summary: '报送进展：完成进度、说明、佐证材料（base64，约 700 KB 以内），日期为今天',
  tags,
  request: {
    params: idPath,
    query: dayQuery,
    body: z.object({
      percent: z.number().min(0).max(100).nullable().default(null),
      note: z.string().max(5000).nullable().default(null),
      evidence: z
        .object({ name: z.string().min(1).max(255), base64: z.string().max(1_000_000) })
        .nullable()
        .default(null),
      done: z
        .boolean()
        .default(false)
        .describe('随此报送办结（分析员、管理员）：未给进度时记为 100%，报送即采纳'),
    }),
  },
  responses: {
    201: z.object({ reportId: z.number().int(), task: TaskRow }),
    409: fail('任务已办结'),
    ...errors,
  },
  roles: ['admin', 'analyst', 'reporter'],
  note: byTask,
});

export const review = defineRoute({
  method: 'post',
  path: '/api/supervision/reports/{id}',
  summary: '审核一次进展报送（分析员、管理员）：采纳，或说明理由退回；已审核的不能再改（409）',
  tags,
  request: {
    params: idPath,
    body: z.object({ decision: z.enum(['accept', 'return']), reason: z.string().max(2000).default('') }),
  },
  responses: { 200: TaskRow, 409: fail('已审核'), ...errors },
  roles: ['admin', 'analyst'],
  note: byTask,
});

export const close = defineRoute({
  method: 'post',
  path: '/api/supervision/tasks/{id}/close',
  summary: '办结（销号）一项任务（分析员、管理员）：须已有报送，未审核的报送随之采纳',
  tags,
  request: { params: idPath, query: dayQuery },
  responses: { 200: TaskRow, 409: fail('已办结或没有报送'), ...errors },
  roles: ['admin', 'analyst'],
  note: byTask,
});

export const askExtension = defineRoute({
  method: 'post',
  path: '/api/supervision/tasks/{id}/extensions',
  summary: '申请延期：截止日期当天或之前、说明理由；分析员、管理员申请即批准',
  tags,
  request: {
    params: idPath,
    query: dayQuery,
    body: z.object({ to: day, reason: z.string().min(1).max(2000) }),
  },
  responses: {
    201: z.object({
      extensionId: z.number().int(),
      task: TaskRow,
      oldDue: strOrNull.describe('申请时的截止日期'),
    }),
    ...errors,
  },
  roles: ['admin', 'analyst', 'reporter'],
  note: byTask,
});

export const decideExtension = defineRoute({
  method: 'post',
  path: '/api/supervision/extensions/{id}',
  summary: '批准或不批准一项延期申请（分析员、管理员）',
  tags,
  request: { params: idPath, body: z.object({ decision: z.enum(['approve', 'refuse']) }) },
  responses: { 200: TaskRow, 409: fail('已处理'), ...errors },
  roles: ['admin', 'analyst'],
  note: byTask,
});

export const Unit = z
  .object({
    id: z.number().int(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    score: z.number().nullable().describe('按名称建议时的匹配度 0–1；不按名称列出时为 null'),
    why: strOrNull.describe('为何建议'),
  })
  .meta({ id: 'SupervisionUnit' });

export const units = defineRoute({
  method: 'get',
  path: '/api/supervision/units',
  summary:
    '单位目录（地区及其下级地区）：给出 name 时按讲话中的写法（区经信、组织部）建议单位，最可能的在前；各乡镇（街道）等集合名称另行说明',
  tags,
  request: {
    query: z.object({
      region: z.string().min(1).optional().describe('地区；默认本账号辖区'),
      name: z.string().min(1).max(200).optional().describe('文中的单位名称'),
    }),
  },
  responses: {
    200: z.object({
      units: z.array(Unit),
      collective: z
        .object({
          kind: z.enum(['towns', 'counties', 'departments']),
          expandable: z.boolean(),
          why: z.string(),
        })
        .nullable(),
    }),
    ...errors,
  },
  scope: { region: 'query.region', access: 'read', optional: true },
});

export const TaskExtension = z.object({
  id: z.number().int(),
  askedOn: z.string(),
  oldDue: strOrNull,
  newDue: z.string(),
  reason: z.string(),
  status: z.enum(['asked', 'approved', 'refused']),
  askedBy: strOrNull,
  decidedBy: strOrNull,
});

export const extensions = defineRoute({
  method: 'get',
  path: '/api/supervision/tasks/{id}/extensions',
  summary: '一项任务的延期申请及其处理结果',
  tags,
  request: { params: idPath },
  responses: { 200: z.array(TaskExtension), ...errors },
  note: byTask,
});

export const meeting = defineRoute({
  method: 'post',
  path: '/api/supervision/meetings',
  summary:
    '记录会议（分析员、管理员）：日期、类型、主持领导、参会人员；每项议定事项成为一项督办任务（来源会议纪要，默认时限按设置）',
  tags,
  request: {
    body: z.object({
      region: z.string().min(1),
      date: day,
      kind: z.string().min(1).max(100),
      title: z.string().min(1).max(500),
      leader: z.string().max(100).nullable().default(null),
      attendees: z.array(z.string().min(1).max(100)).max(200).default([]),
      decisions: z
        .array(
          z.object({
            title: z.string().min(1).max(2000),
            lead: z.array(z.string().min(1)).min(1).max(50),
            support: z.array(z.string().min(1)).max(50).default([]),
            due: day.nullable().default(null),
            recurrence: Recurrence.nullable().default(null),
          }),
        )
        .max(100)
        .default([])
        .describe('议定事项；可为空（只记录会议）'),
    }),
  },
  responses: { 201: z.object({ id: z.number().int(), tasks: z.array(TaskRow) }), ...errors },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
  note: '议定事项的单位须在会议所属地区及本账号辖区内：由处理程序检查',
});

export const notice = defineRoute({
  method: 'get',
  path: '/api/supervision/notice',
  summary:
    '督办通报（按单位：交办、按期办结、逾期办结、超期未办结；红黄灯清单；约谈名单）：JSON、DOCX 或 XLSX',
  tags,
  request: {
    query: z.object({
      region: z.string().min(1).optional().describe('地区；默认本账号辖区'),
      format: z.enum(['json', 'docx', 'xlsx']).default('json'),
    }),
  },
  responses: {
    200: {
      kind: 'json-or-file',
      json: z.looseObject({ title: z.string(), today: z.string(), total: z.number().int() }),
      file: file([DOCX, XLSX], '督办通报 DOCX / XLSX 文件'),
    },
    ...errors,
  },
  scope: { region: 'query.region', access: 'read', optional: true },
  note: '单位账号的通报只含本单位牵头或配合的任务',
});

/** The collective a task names to go to every town and street of its region (one child task each). */
export const TOWNS_COLLECTIVE = '各乡镇（街道）';
