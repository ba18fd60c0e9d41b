// Inspection tours (项目拉练): the tours of the user's scope, one tour's projects and judges, a judge's score
// entered on a phone, the results (per project with dropped scores, per region with rank) and the notice.
// A tour run by a district is seen by that district and the city; the handler checks the tour's region.

import { num, strOrNull } from './common.ts';
import { DOCX, defineRoute, errors, fail, file, XLSX } from './route.ts';
import { z } from './zod.ts';

const tags = ['项目拉练'];
const id = z.object({ id: z.coerce.number().int().positive().describe('拉练编号') });
const NOTE = '拉练按其举办地区限定可见范围：区办的拉练本区和市级可见，其他地区的账号被拒绝（403）';
const taskForce = ['admin', 'analyst'] as const;

export const TourStatus = z.enum(['计划', '进行中', '已结束']);

export const Tour = z
  .object({
    id: z.number().int(),
    name: z.string(),
    date: strOrNull.describe('拉练日期 YYYY-MM-DD'),
    regionCode: z.string().describe('举办地区（市或区）'),
    region: z.string(),
    status: TourStatus,
    createdBy: z.string(),
    projects: z.number().int().describe('点评项目数'),
    judges: z.number().int().describe('评委人数'),
    scores: z.number().int().describe('已录入的评分数'),
  })
  .meta({ id: 'Tour' });

const TourProject = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  region: z.string(),
  unit: strOrNull,
  rate: num.describe('本年完成率（最近一期月报的本年累计 ÷ 年度计划 × 100）'),
  rateMonth: strOrNull.describe('该月报的月份 YYYY-MM'),
});

const TourJudge = z.object({
  name: z.string().min(1).max(50),
  user: z.string().min(1).max(100).nullable().default(null).describe('录入该评委评分的账号'),
});

export const TourDetail = z
  .object({
    tour: Tour,
    projects: z.array(TourProject).describe('按点评顺序'),
    judges: z.array(TourJudge.extend({ user: strOrNull })),
  })
  .meta({ id: 'TourDetail' });

export const TourResults = z
  .object({
    tour: Tour,
    projects: z.array(
      TourProject.extend({
        scores: z
          .array(z.object({ judge: z.string(), score: z.number(), dropped: z.boolean() }))
          .describe('各评委评分；dropped 为去掉的最高分或最低分'),
        judges: z.number().int(),
        score: num.describe('项目得分：评委平均分（5 位及以上评委去掉一个最高分和一个最低分）'),
      }),
    ),
    regions: z
      .array(
        z.object({
          region: z.string(),
          code: z.string(),
          projects: z.number().int(),
          score: z.number().describe('地区得分：其项目得分的平均'),
          rank: z.number().int(),
        }),
      )
      .describe('地区排名，高分在前，同分同名次'),
  })
  .meta({ id: 'TourResults' });

export const tourList = defineRoute({
  method: 'get',
  path: '/api/tours',
  summary: '拉练列表：本账号辖区内举办的拉练（新在前）',
  tags,
  request: {},
  responses: { 200: z.array(Tour), ...errors },
});

export const tourCreate = defineRoute({
  method: 'post',
  path: '/api/tours',
  summary: '新建拉练（分析员、管理员；举办地区限本账号辖区）',
  tags,
  request: {
    body: z.object({
      name: z.string().trim().min(1).max(100).describe('拉练名称，唯一'),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD')
        .nullable()
        .default(null),
      region: z.string().min(1).describe('举办地区：市或区'),
    }),
  },
  responses: { 201: Tour, 409: fail('已有同名拉练'), ...errors },
  roles: taskForce,
  scope: { region: 'body.region', access: 'write' },
});

export const tourGet = defineRoute({
  method: 'get',
  path: '/api/tours/{id}',
  summary: '一次拉练：点评项目（按顺序，含本年完成率）与评委',
  tags,
  request: { params: id },
  responses: { 200: TourDetail, ...errors },
  note: NOTE,
});

export const tourProjects = defineRoute({
  method: 'put',
  path: '/api/tours/{id}/projects',
  summary: '设定拉练点评的项目及顺序（项目须属举办地区）；移出的项目其评分一并删除',
  tags,
  request: { params: id, body: z.object({ codes: z.array(z.string().min(1)).max(500) }) },
  responses: { 200: TourDetail, 409: fail('拉练已结束'), ...errors },
  roles: taskForce,
  note: NOTE,
});

export const tourJudges = defineRoute({
  method: 'put',
  path: '/api/tours/{id}/judges',
  summary: '设定拉练评委（可关联录入评分的账号）；移出的评委其评分一并删除',
  tags,
  request: { params: id, body: z.object({ judges: z.array(TourJudge).max(100) }) },
  responses: { 200: TourDetail, 409: fail('拉练已结束'), ...errors },
  roles: taskForce,
  note: NOTE,
});

export const tourScore = defineRoute({
  method: 'post',
  path: '/api/tours/{id}/scores',
  summary: '录入一位评委对一个项目的评分（0–100）：评委本人的账号只能录入自己的评分，分析员、管理员可代录',
  tags,
  request: {
    params: id,
    body: z.object({
      project: z.string().min(1).describe('项目编号'),
      judge: z.string().min(1).describe('评委姓名'),
      score: z.number().describe('分数 0–100（范围以设置 projects.rules 为准）'),
    }),
  },
  responses: { 200: TourResults, 409: fail('拉练已结束，评分已冻结'), ...errors },
  note: NOTE,
});

export const tourResults = defineRoute({
  method: 'get',
  path: '/api/tours/{id}/results',
  summary: '拉练结果：各项目各评委评分（标出去掉的最高最低分）与得分，地区平均分与排名',
  tags,
  request: { params: id },
  responses: { 200: TourResults, ...errors },
  note: NOTE,
});

export const tourClose = defineRoute({
  method: 'post',
  path: '/api/tours/{id}/close',
  summary: '结束拉练：此后评分、项目和评委都不能再改（分析员、管理员）',
  tags,
  request: { params: id },
  responses: { 200: Tour, 409: fail('拉练已结束'), ...errors },
  roles: taskForce,
  note: NOTE,
});

export const tourNotice = defineRoute({
  method: 'get',
  path: '/api/tours/{id}/notice',
  summary: '拉练通报（DOCX 或 XLSX）：地区排名与平均分、各项目得分与评委人数；与 tiaodu report tour 相同',
  tags,
  request: { params: id, query: z.object({ format: z.enum(['docx', 'xlsx']).describe('docx 或 xlsx') }) },
  responses: { 200: file([DOCX, XLSX], '通报文件'), ...errors },
  note: NOTE,
});
