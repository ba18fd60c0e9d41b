// Key projects, continued: one project's page (its months, history and updates), the 三未 lists, the progress
// notice as a file, and the monthly update by a reporter under the city's review (项目月报填报与审核).

import { period, strOrNull } from './common.ts';
import { ProjectRow } from './projectRow.ts';
import { projectCode, region, regionPeriod, reporterWrites, tags } from './projectShared.ts';
import { DOCX, defineRoute, errors, fail, file, XLSX } from './route.ts';
import { z } from './zod.ts';

/** A project's row without its register dates: what the 三未 lists name. */
const ListedRow = ProjectRow.omit({
  leader: true,
  totalInvestment: true,
  plannedStart: true,
  actualStart: true,
  plannedFinish: true,
  actualFinish: true,
  libraryDate: true,
});

export const ThreeNots = z
  .object({
    notStarted: z.array(ListedRow).describe('计划开工未开工'),
    stalled: z.array(ListedRow).describe('已开工未推进（本年累计比上月没有增长）'),
    notFinished: z.array(ListedRow).describe('应竣工未竣工'),
  })
  .meta({ id: 'ThreeNots' });

export const UpdateStatus = z.enum(['submitted', 'approved', 'returned']);

export const ProjectUpdate = z
  .object({
    id: z.number().int(),
    code: z.string().describe('项目编号'),
    name: z.string(),
    region: z.string(),
    regionCode: z.string(),
    period: z.string().describe('月份 YYYY-MM'),
    done: z.number().describe('本年累计完成投资（万元）'),
    progress: strOrNull.describe('形象进度'),
    problems: strOrNull.describe('存在问题'),
    coordination: strOrNull.describe('需协调事项'),
    status: UpdateStatus.describe('submitted 待审核，approved 已通过（计入数据），returned 已退回'),
    reason: strOrNull.describe('退回原因'),
    submittedBy: z.string(),
    submittedAt: z.string().describe('ISO 8601'),
    reviewedBy: strOrNull,
    reviewedAt: strOrNull,
    photos: z.array(z.object({ id: z.number().int(), name: z.string() })).describe('照片（佐证材料）'),
    canReview: z.boolean().describe('本账号能否审核这条月报：上一级地区的分析员或管理员，且待审核'),
  })
  .meta({ id: 'ProjectUpdate' });

export const ProjectDetail = z
  .object({
    row: ProjectRow.describe('期末的项目行（亮灯及原因）'),
    months: z
      .array(
        z.object({
          month: z.number().int(),
          done: z.number(),
          plan: z.number().describe('按时序进度的计划累计（年度计划 × 月份 ÷ 12）'),
          progress: strOrNull,
          problems: strOrNull,
          coordination: strOrNull,
        }),
      )
      .describe('本年已审核的月报'),
    history: z.array(
      z.object({
        year: z.number().int().nullable(),
        month: z.number().int().nullable(),
        field: z.string(),
        old: z.unknown(),
        new: z.unknown(),
        by: strOrNull,
        at: z.string(),
        file: strOrNull,
      }),
    ),
    updates: z.array(ProjectUpdate).describe('在应用中填报的月报（新在前）'),
  })
  .meta({ id: 'ProjectDetail' });

export const threeNotsList = defineRoute({
  method: 'get',
  path: '/api/projects/three-nots',
  summary: '三未清单：计划开工未开工、已开工未推进、应竣工未竣工',
  tags,
  request: { query: regionPeriod },
  responses: { 200: ThreeNots, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const projectNotice = defineRoute({
  method: 'get',
  path: '/api/projects/notice',
  summary: '重点项目推进情况通报（DOCX 或 XLSX），与 tiaodu report projects 相同（限本账号辖区）',
  tags,
  request: {
    query: regionPeriod.extend({ format: z.enum(['docx', 'xlsx']).describe('docx 或 xlsx') }),
  },
  responses: { 200: file([DOCX, XLSX], '通报文件'), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const projectDetail = defineRoute({
  method: 'get',
  path: '/api/projects/detail',
  summary: '一个重点项目：期末亮灯、本年各月（已审核）与计划、变更记录、在应用中填报的月报',
  tags,
  request: { query: regionPeriod.extend({ code: projectCode }) },
  responses: { 200: ProjectDetail, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const uploadPhoto = defineRoute({
  method: 'post',
  path: '/api/projects/photos',
  summary:
    '上传项目照片（JPEG、PNG 或 WEBP，至多 8 MB），提交月报时作为佐证材料附上（填报员、分析员、管理员）',
  tags,
  request: {
    query: z.object({ region, code: projectCode }),
    upload: file(['image/jpeg', 'image/png', 'image/webp'], '照片'),
    headers: { 'x-filename': '文件名（URL 编码）' },
  },
  responses: { 201: z.object({ id: z.number().int(), name: z.string() }), 413: fail('文件过大'), ...errors },
  roles: ['admin', 'analyst', 'reporter'],
  scope: { region: 'query.region', access: 'write' },
});

export const photo = defineRoute({
  method: 'get',
  path: '/api/projects/photos/{id}',
  summary: '项目照片（限本账号辖区内的项目）',
  tags,
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ region }),
  },
  responses: { 200: file(['image/jpeg', 'image/png', 'image/webp'], '照片'), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const submitUpdate = defineRoute({
  method: 'post',
  path: '/api/projects/updates',
  summary:
    '填报一个项目某月的进展（本年累计完成投资、形象进度、存在问题、需协调事项、照片），待上一级审核后计入数据',
  tags,
  request: {
    body: z.object({
      region,
      code: projectCode,
      period: period.describe('月份 YYYY-MM'),
      done: z.number().min(0).max(1e9).describe('本年累计完成投资（万元）'),
      progress: z.string().max(2000).nullable().default(null),
      problems: z.string().max(2000).nullable().default(null),
      coordination: z.string().max(2000).nullable().default(null),
      photos: z.array(z.number().int().positive()).max(9).default([]).describe('已上传照片的编号'),
    }),
  },
  responses: { 201: ProjectUpdate, 409: fail('该月已有待审核的月报'), ...errors },
  ...reporterWrites,
});

export const updates = defineRoute({
  method: 'get',
  path: '/api/projects/updates',
  summary: '在应用中填报的项目月报（新在前），可按状态筛选（限本账号辖区）',
  tags,
  request: { query: z.object({ region, status: UpdateStatus.optional() }) },
  responses: { 200: z.array(ProjectUpdate), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const reviewUpdates = defineRoute({
  method: 'post',
  path: '/api/projects/updates/review',
  summary:
    '审核通过或退回项目月报（全部成功或全部不改）；通过后计入完成投资、亮灯和通报：审核人须为上一级地区的分析员或管理员',
  tags,
  request: {
    body: z.object({
      ids: z.array(z.number().int().positive()).min(1).max(500),
      decision: z.enum(['approve', 'return']),
      reason: z.string().max(500).optional().describe('退回原因（退回时必填）'),
    }),
  },
  responses: { 200: z.array(ProjectUpdate), 409: fail('某条月报已不在待审核状态'), ...errors },
  roles: ['admin', 'analyst'],
  note: '每条月报须由其上一级地区审核：逐条依月报的地区检查（store/projectUpdates.ts）',
});
