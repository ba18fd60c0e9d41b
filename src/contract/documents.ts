// Documents (讲话、工作报告、新闻): upload, review what was extracted, accept it into targets and tasks.

import { Comparator, Strength, strOrNull, TargetKind, year } from './common.ts';
import { defineRoute, errors, fail, file } from './route.ts';
import { targetBody } from './targets.ts';
import { z } from './zod.ts';

const tags = ['文件与任务'];

export const documentQuery = z.object({
  region: z.string().min(1).optional().describe('地区；默认本账号辖区或地区树顶层'),
  year: year.optional().describe('文件所定目标的年度；默认从文中读出'),
});

/** A document's id and an item's number in the path: whole numbers the database holds, else 400 (not a 500). */
const documentPath = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const itemPath = documentPath.extend({ seq: z.coerce.number().int().min(0).max(2_147_483_647) });

export const taskBody = z.object({
  region: z.string().min(1),
  action: z.string().min(1).max(2000),
  lead: z.array(z.string().min(1)).min(1, '至少要有一个牵头单位').max(50),
  support: z.array(z.string().min(1)).max(50).default([]),
  due: z.string().nullable().default(null),
  recurrence: z.enum(['weekly', 'monthly', 'quarterly']).nullable().default(null),
});

/**
 * An extracted task accepted as supervised tasks (督办): lead and supporting units chosen from the catalogue (ids,
 * or 各乡镇（街道） for one task per town or street); the due date, else the default time limit of `limitKind`.
 */
export const superviseBody = z.object({
  region: z.string().min(1),
  title: z.string().min(1).max(2000),
  lead: z.array(z.string().min(1)).min(1, '至少要有一个牵头单位').max(50),
  support: z.array(z.string().min(1)).max(50).default([]),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD')
    .nullable()
    .default(null),
  recurrence: z.enum(['weekly', 'monthly', 'quarterly']).nullable().default(null),
  limitKind: z.enum(['meeting', 'instruction']).nullable().default(null).describe('无截止日期时按其默认时限'),
  urgency: z.enum(['urgent', 'normal', 'hard']).nullable().default(null),
});

/** Accept (a target or task as the reviewer has it, or a figure as read) or reject one extracted item. */
export const decisionBody = z.object({
  decision: z.enum(['accept', 'reject']),
  target: targetBody.optional(),
  task: taskBody.optional(),
  supervise: superviseBody.optional().describe('采纳为督办任务：单位为单位目录中的单位'),
});

export const DocumentSummary = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  title: z.string(),
  source: strOrNull,
  year: z.number().int().nullable(),
  unreadable: z.number().int(),
  uploadedBy: strOrNull,
  uploadedAt: z.string(),
  pending: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
});

/** The target a reviewer is offered for an extracted one: indicator, kind, value and the document's year. */
export const TargetDraft = z.object({
  indicator: strOrNull,
  kind: TargetKind,
  value: z.number(),
  cmp: Comparator,
  strength: Strength,
  year: z.number().int().nullable(),
  problem: strOrNull,
});

export const DocumentItem = z.object({
  seq: z.number().int(),
  kind: z.enum(['target', 'figure', 'task']),
  extracted: z
    .looseObject({ quote: z.string(), start: z.number(), end: z.number() })
    .describe('抽取结果（同 tiaodu intake extract），含原文引文及其位置'),
  status: z.enum(['pending', 'accepted', 'rejected']),
  accepted: z.unknown().describe('采纳时创建的目标或任务'),
  decidedBy: strOrNull,
  draft: TargetDraft.optional().describe('目标项：建议的目标设定'),
});

export const DocumentDetail = DocumentSummary.extend({ text: z.string(), items: z.array(DocumentItem) });

export const Task = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  action: z.string(),
  lead: z.array(z.string()),
  support: z.array(z.string()),
  due: strOrNull,
  recurrence: z.enum(['weekly', 'monthly', 'quarterly']).nullable(),
  status: z.enum(['not_started', 'in_progress', 'done', 'overdue']),
  source: strOrNull,
  quote: strOrNull,
  documentId: z.number().int().nullable(),
});

const regionOnly = documentQuery.pick({ region: true });

export const documents = defineRoute({
  method: 'get',
  path: '/api/documents',
  summary: '某地区及其下级地区的文件（讲话、工作报告、新闻），含待审、已采纳、已舍弃条数',
  tags,
  request: { query: regionOnly },
  responses: { 200: z.array(DocumentSummary), ...errors },
  scope: { region: 'query.region', access: 'read', optional: true },
});

export const uploadDocument = defineRoute({
  method: 'post',
  path: '/api/documents',
  summary:
    '上传文件（UTF-8、GBK 或 UTF-16 文本）：规范化并抽取目标、数据和任务，待人工审核（分析员、管理员）',
  tags,
  request: {
    query: documentQuery.extend({ region: documentQuery.shape.region.describe('文件所属地区') }),
    upload: file('application/octet-stream', '文件（UTF-8、GBK 或 UTF-16 文本）'),
    headers: { 'x-filename': '文件名（URL 编码），据扩展名识别格式' },
  },
  responses: {
    201: z.object({
      id: z.number().int(),
      targets: z.number().int(),
      tasks: z.number().int(),
      figures: z.number().int(),
    }),
    413: fail('文件过大'),
    ...errors,
  },
  roles: ['admin', 'analyst'],
  scope: { region: 'query.region', access: 'write', optional: true },
});

const byDocument = '文件所属地区须在本账号辖区内：地区要读出文件才知道，由处理程序检查';

export const document = defineRoute({
  method: 'get',
  path: '/api/documents/{id}',
  summary:
    '一份文件：规范化后的全文，及抽取出的每一项（原文引文、位置、审核状态；目标附建议的目标设定 draft）',
  tags,
  request: { params: documentPath },
  responses: { 200: DocumentDetail, ...errors },
  note: byDocument,
});

export const setDocumentYear = defineRoute({
  method: 'patch',
  path: '/api/documents/{id}',
  summary:
    '改定文件的年度（分析员、管理员）：待审各项按新年度重新抽取（上年实绩不作目标，建议目标改为新年度），已审核的项不变；答复同 GET',
  tags,
  request: { params: documentPath, body: z.object({ year: z.number().int().min(2000).max(2100) }) },
  responses: { 200: DocumentDetail, ...errors },
  roles: ['admin', 'analyst'],
  note: byDocument,
});

export const decideItem = defineRoute({
  method: 'post',
  path: '/api/documents/{id}/items/{seq}',
  summary:
    '审核一项：采纳（目标或任务可先修改，采纳即创建，来源为该文件及引文）或舍弃；已审核的项不能再改（409）',
  tags,
  request: { params: itemPath, body: decisionBody },
  responses: { 200: DocumentItem.omit({ draft: true }), 409: fail('该项已审核'), ...errors },
  roles: ['admin', 'analyst'],
  note: `${byDocument}；采纳的目标或任务所属地区同样检查`,
});

export const tasks = defineRoute({
  method: 'get',
  path: '/api/tasks',
  summary: '某地区及其下级地区的督办任务',
  tags,
  request: { query: regionOnly },
  responses: { 200: z.array(Task), ...errors },
  scope: { region: 'query.region', access: 'read', optional: true },
});
