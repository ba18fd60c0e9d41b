// The problem list of key projects (项目问题清单): a project's problems, the open and overdue ones of a region,
// adding, solving and reopening one. Overdue (逾期) is worked out on the server's day, which the answer gives.

import { parseDay } from '../core/period.ts';
import { period, strOrNull } from './common.ts';
import { ProjectRow } from './projectRow.ts';
import { projectCode, region, reporterWrites, tags } from './projectShared.ts';
import { defineRoute, errors, fail } from './route.ts';
import { z } from './zod.ts';

const day = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDay(s) !== null, '应为真实存在的日期 YYYY-MM-DD');
const id = z.object({ id: z.coerce.number().int().positive() });

export const ProjectProblem = z
  .object({
    id: z.number().int(),
    projectCode: z.string().describe('项目编号'),
    projectName: z.string(),
    region: z.string(),
    regionCode: z.string(),
    description: z.string().describe('问题描述'),
    coordinator: z.string().describe('协调单位/责任人'),
    due: z.string().describe('完成时限 YYYY-MM-DD'),
    resolvedOn: strOrNull.describe('解决日期；未解决为 null'),
    resolution: strOrNull.describe('解决情况'),
    raisedBy: z.string(),
    raisedAt: z.string().describe('ISO 8601'),
    open: z.boolean().describe('今天仍未解决'),
    overdue: z.boolean().describe('逾期：未解决且已过完成时限（完成时限当天不算逾期）'),
    daysOverdue: z.number().int().nullable().describe('逾期天数'),
    resolvedLate: z.boolean().describe('已解决，但晚于完成时限'),
  })
  .meta({ id: 'ProjectProblem' });

export const problemList = defineRoute({
  method: 'get',
  path: '/api/projects/problems',
  summary:
    '项目问题清单：一个项目的全部问题（code），或地区内未解决（only=open）、逾期（only=overdue）的问题（限本账号辖区）',
  tags,
  request: {
    query: z.object({
      region,
      code: z.string().min(1).optional().describe('项目编号；不填为地区内所有项目'),
      only: z.enum(['open', 'overdue']).optional().describe('open 未解决，overdue 逾期；不填为全部'),
    }),
  },
  responses: {
    200: z.object({ today: z.string().describe('判断逾期所用的日期'), problems: z.array(ProjectProblem) }),
    ...errors,
  },
  scope: { region: 'query.region', access: 'read' },
});

export const addProblem = defineRoute({
  method: 'post',
  path: '/api/projects/problems',
  summary: '为本辖区的项目登记一个问题：问题描述、协调单位/责任人、完成时限（填报员、分析员、管理员）',
  tags,
  request: {
    body: z.object({
      region,
      code: projectCode,
      description: z.string().trim().min(1).max(2000).describe('问题描述'),
      coordinator: z.string().trim().min(1).max(200).describe('协调单位/责任人'),
      due: day.describe('完成时限 YYYY-MM-DD'),
    }),
  },
  responses: { 201: ProjectProblem, ...errors },
  ...reporterWrites,
});

export const resolveProblem = defineRoute({
  method: 'post',
  path: '/api/projects/problems/{id}/resolve',
  summary: '标记问题已解决：解决日期（默认今天，不晚于今天）与解决情况（填报员、分析员、管理员）',
  tags,
  request: {
    params: id,
    body: z.object({
      region,
      on: day.optional().describe('解决日期 YYYY-MM-DD，默认今天'),
      note: z.string().trim().max(2000).optional().describe('解决情况'),
    }),
  },
  responses: { 200: ProjectProblem, 409: fail('问题已经解决'), ...errors },
  ...reporterWrites,
});

export const reopenProblem = defineRoute({
  method: 'post',
  path: '/api/projects/problems/{id}/reopen',
  summary: '重新打开已解决的问题（填报员、分析员、管理员）',
  tags,
  request: { params: id, body: z.object({ region }) },
  responses: { 200: ProjectProblem, 409: fail('问题尚未解决'), ...errors },
  ...reporterWrites,
});

export const myProjects = defineRoute({
  method: 'get',
  path: '/api/projects/mine',
  summary: '我包联的项目：包联领导一栏等于本账号的包联领导姓名（未设置时为用户名）的项目（限本账号辖区）',
  tags,
  request: { query: z.object({ region, period: period.describe('期间 YYYY-MM') }) },
  responses: {
    200: z.object({ leaderName: z.string().describe('按此姓名匹配包联领导'), projects: z.array(ProjectRow) }),
    ...errors,
  },
  scope: { region: 'query.region', access: 'read' },
});
