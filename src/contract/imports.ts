// Statistics file imports: at once, or as a job the page follows with a progress bar.

import { ImportIssue } from './common.ts';
import { defineRoute, errors, fail, file, uploadErrors } from './route.ts';
import { z } from './zod.ts';

const tags = ['导入'];
const isFlagText = z.enum(['0', '1', 'true', 'false']);

export const ImportSummary = z
  .object({
    file: z.string(),
    format: z.string(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    ignored: z.number().int(),
    dryRun: z.boolean(),
    submitted: z.number().int().optional().describe('填报员导入：生成的待审核条数（不直接发布）'),
    skipped: z
      .object({
        rows: z.number().int().describe('跳过的行数'),
        regions: z.array(z.string()).describe('跳过的地区，按文件中的写法和顺序'),
      })
      .optional()
      .describe(
        '国家统计局文件中属于全国行政区划、但本系统未载入的地区的行：不导入（计数同 rows）；没有时不出现。不是任何区划名称的地区仍是错误',
      ),
  })
  .meta({ id: 'ImportSummary' });

export const ImportJob = z
  .object({
    id: z.string(),
    file: z.string(),
    dryRun: z.boolean(),
    state: z.enum(['queued', 'reading', 'checking', 'writing', 'done', 'failed']),
    rows: z.number().int().describe('已读取的数据行数'),
    bytes: z.number().int().describe('文件大小（字节）'),
    percent: z.number().nullable().describe('已读取的百分比；行数未知时为 null'),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    summary: ImportSummary.nullable().describe('成功时的导入摘要，否则为 null'),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .describe('失败时的 { code, message }，否则为 null'),
    issues: z.array(ImportIssue).describe('失败时逐行逐列的问题'),
  })
  .meta({ id: 'ImportJob' });

export const importQuery = z.object({
  dryRun: isFlagText.optional().describe('为 1 时只试导入，不写入'),
  /** 1: answer 202 { id } at once and import as a job (GET /api/imports/:id). */
  async: isFlagText
    .optional()
    .describe('为 1 时立即答复 202 { id }，导入作为任务在后台进行，用 /api/imports/{id} 查看进度'),
  /** Why published (locked) figures change, when the file touches a locked period. */
  reason: z
    .string()
    .max(500)
    .optional()
    .describe('修订原因：文件改动已发布（锁定）期间的数据时必填，否则 409'),
});

export const importFile = defineRoute({
  method: 'post',
  path: '/api/import',
  summary:
    '上传数据文件导入（全部成功或全部不写入；每个文件最多 1,000,000 行）；填报员限本辖区，其文件生成待审核的上报（submitted），不直接发布',
  tags,
  request: {
    query: importQuery,
    upload: file('application/octet-stream', '数据文件（CSV、XLSX 或国家统计局导出）'),
    headers: { 'x-filename': '文件名（URL 编码），据扩展名识别格式' },
  },
  responses: {
    200: ImportSummary,
    202: z.object({ id: z.string(), state: z.string() }).describe('已排队'),
    409: fail('文件改动了已发布并锁定的期间，须给出 reason'),
    429: fail('同时进行的导入任务过多'),
    ...uploadErrors,
    ...errors,
  },
  roles: ['admin', 'analyst', 'reporter'],
  note: '填报员的文件逐行按其辖区检查（导入程序的 scopeRegionCode）',
});

export const importJob = defineRoute({
  method: 'get',
  path: '/api/imports/{id}',
  summary: '导入任务的进度与结果（仅发起人可见，他人得 404）',
  tags,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: ImportJob, ...errors },
});
