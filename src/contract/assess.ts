// Assessment (考核): schemes kept by the assessment office, published scores that each region sees its part of.

import { period } from './common.ts';
import { DOCX, defineRoute, errors, file, XLSX } from './route.ts';
import { z } from './zod.ts';

const tags = ['考核'];

export const AssessItemScore = z
  .object({
    name: z.string(),
    input: z
      .union([z.number(), z.string()])
      .nullable()
      .describe('所用的指标值或录入值（完成率为小数，否决为“否决”）'),
    target: z.number().nullable(),
    points: z.number(),
    explain: z.string().describe('一句话算式，如“增速6.8%，组内第2名，10×(1−0.05×1)=9.50分”'),
    rank: z.number().int().nullable(),
  })
  .meta({ id: 'AssessItemScore' });

export const AssessScore = z
  .object({
    region: z.string(),
    code: z.string(),
    group: z.string(),
    total: z.number(),
    rank: z.number().int(),
    vetoed: z.boolean(),
    bonus: z.number(),
    penalty: z.number(),
    rankBefore: z.number().int().nullable(),
    rankChange: z.number().int().nullable(),
    items: z.array(AssessItemScore),
    vetoReason: z
      .string()
      .nullable()
      .optional()
      .describe('被一票否决时：否决项目及其说明（如“安全生产：发生较大安全事故”）'),
  })
  .meta({ id: 'AssessScore' });

export const PublishedAssessment = z
  .object({
    schemeName: z.string(),
    schemeVersion: z.number().int(),
    period: z.string(),
    parentCode: z.string(),
    publishedBy: z.string(),
    publishedAt: z.string(),
    rows: z.array(AssessScore).describe('按辖区限定的账号只看到本辖区的行；名次仍为组内名次'),
    items: z.array(z.string()).optional().describe('方案的考核项目名称（按方案顺序）'),
    groups: z.array(z.string()).optional().describe('分组名称（按方案顺序）'),
    lists: z
      .object({ red: z.array(z.string()), black: z.array(z.string()) })
      .optional()
      .describe('红榜、黑榜（地区代码），方案定义 lists 时'),
    ownOnly: z
      .boolean()
      .optional()
      .describe('true：按辖区限定且设置 assess.publicRanking 不允许，rows 只含本辖区各地'),
  })
  .meta({ id: 'PublishedAssessment' });

export const scores = defineRoute({
  method: 'get',
  path: '/api/assess/scores',
  summary: '已发布的考核结果（亮晒）：按辖区限定的账号只看到本辖区各地的得分',
  tags,
  request: { query: z.object({ scheme: z.string().min(1).describe('方案名称'), period }) },
  responses: { 200: PublishedAssessment, ...errors },
});

export const saveScheme = defineRoute({
  method: 'put',
  path: '/api/assess/schemes',
  summary: '保存考核方案（考核办：全市的分析员、管理员）；已发布的版本不变，改动成为新版本',
  tags,
  request: {
    body: z.object({ scheme: z.record(z.string(), z.unknown()).describe('方案 JSON（见设计文档“考核”）') }),
  },
  responses: {
    200: z.object({ name: z.string(), version: z.number().int(), frozen: z.boolean() }),
    ...errors,
  },
  roles: ['admin', 'analyst'],
  scope: { cityWide: '考核方案由全市考核办维护，按辖区限定的账号不能修改' },
});

const runBody = z
  .object({
    scheme: z.record(z.string(), z.unknown()).describe('方案 JSON'),
    period: period.optional().describe('考核期，代替方案中的 period'),
    inputs: z
      .array(
        z.object({
          region: z.string().min(1),
          item: z.string().min(1).describe('录入项名称，或“加分”“减分”'),
          value: z.union([z.number(), z.literal('否决')]),
          note: z.string().nullable().optional(),
        }),
      )
      .max(5000)
      .default([])
      .describe('录入的分值（与录入文件“地区,项目,分值”同义）'),
    file: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('录入文件名：出错时按此文件名和行号指出（默认“接口录入”）'),
  })
  .meta({ id: 'AssessRunInput' });

export const run = defineRoute({
  method: 'post',
  path: '/api/assess/run',
  summary: '按方案试算考核得分（不保存；考核办：全市的分析员、管理员）',
  tags,
  request: { body: runBody },
  responses: { 200: z.array(AssessScore), ...errors },
  roles: ['admin', 'analyst'],
  scope: { cityWide: '考核由全市考核办进行，按辖区限定的账号不能试算' },
});

export const publish = defineRoute({
  method: 'post',
  path: '/api/assess/publish',
  summary: '发布考核结果（亮晒）：保存得分和录入，冻结方案版本；每期只发布一次',
  tags,
  request: { body: runBody },
  responses: { 200: PublishedAssessment, ...errors },
  roles: ['admin', 'analyst'],
  scope: { cityWide: '考核结果由全市考核办发布，按辖区限定的账号不能发布' },
});

export const StoredInput = z
  .object({
    region: z.string().describe('地区代码'),
    regionName: z.string().optional().describe('地区名称'),
    item: z.string(),
    value: z.union([z.number(), z.literal('否决')]),
    note: z.string().nullable(),
  })
  .meta({ id: 'AssessStoredInput' });

export const SchemeSummary = z
  .object({
    name: z.string(),
    version: z.number().int(),
    frozen: z.boolean().describe('已发布的版本不再改动，改动成为新版本'),
    savedBy: z.string(),
    savedAt: z.string(),
    body: z.record(z.string(), z.unknown()).describe('方案 JSON'),
    lastPeriod: z.string().nullable().describe('最近一次发布的考核期'),
    inputs: z.array(StoredInput).describe('最近一次发布时的录入（可作本期录入的起点）'),
  })
  .meta({ id: 'AssessSchemeSummary' });

export const schemes = defineRoute({
  method: 'get',
  path: '/api/assess/schemes',
  summary: '考核方案（各方案的最新版本）及其最近一次发布的录入（考核办：全市的分析员、管理员）',
  tags,
  request: {},
  responses: { 200: z.array(SchemeSummary), ...errors },
  roles: ['admin', 'analyst'],
  scope: { cityWide: '考核方案由全市考核办维护，按辖区限定的账号不能查看' },
});

export const RunSummary = z
  .object({
    schemeName: z.string(),
    schemeVersion: z.number().int(),
    period: z.string(),
    parentCode: z.string(),
    publishedBy: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: 'AssessRunSummary' });

export const runs = defineRoute({
  method: 'get',
  path: '/api/assess/runs',
  summary: '已发布的考核（方案、版本、考核期），新的在前；得分见 /api/assess/scores',
  tags,
  request: {},
  responses: { 200: z.array(RunSummary), ...errors },
});

export const notice = defineRoute({
  method: 'get',
  path: '/api/assess/notice',
  summary:
    '已发布考核结果的通报（DOCX 或 XLSX，按组列名次、总分、各项得分、位次变化）；按辖区限定的账号只含本辖区的行，除非设置 assess.publicRanking 允许',
  tags,
  request: {
    query: z.object({
      scheme: z.string().min(1).describe('方案名称'),
      period,
      format: z.enum(['docx', 'xlsx']).default('docx').describe('docx 或 xlsx'),
    }),
  },
  responses: { 200: file([DOCX, XLSX], '考核结果通报（DOCX / XLSX）'), ...errors },
});
