// Investment leads (招商引资), continued: the breakdowns of the lead rates by region (ranked), industry and unit,
// the lead list with the stage each lead has reached, the monthly attraction report (招商引资月报) as JSON or a
// file (the same as `tiaodu report leads`), and promoting a lead to a key project (the lead keeps the link) or
// undoing a wrong link.

import { strOrNull } from './common.ts';
import { region, regionPeriod, tags } from './projectShared.ts';
import { LeadRates } from './projects.ts';
import { DOCX, defineRoute, errors, fail, file, XLSX } from './route.ts';
import { z } from './zod.ts';

export const LeadGroup = LeadRates.extend({
  key: z.string().describe('分组键：地区代码、产业类别，或「单位所属地区代码|单位名称」'),
  name: z.string(),
}).meta({ id: 'LeadGroup' });

export const LeadBreakdown = z
  .object({
    totals: LeadRates.describe('与 tiaodu lead rates --json 相同'),
    byArea: z
      .array(LeadGroup.extend({ rank: z.number().int() }))
      .describe('下一级各地区，按签约金额排名，金额相同按开工率；本年无签约的地区也列出'),
    byIndustry: z.array(LeadGroup).describe('分产业类别（本年有签约的），按签约金额从大到小'),
    byUnit: z.array(LeadGroup).describe('分责任单位（本年有签约的），按签约金额从大到小'),
  })
  .meta({ id: 'LeadBreakdown' });

export const LeadStage = z.enum(['在谈', '签约', '注册', '开工', '投产']);

export const LeadListRow = z
  .object({
    code: z.string().describe('项目编号'),
    name: z.string(),
    regionCode: z.string(),
    region: z.string(),
    unit: strOrNull.describe('责任单位'),
    unitRegionCode: strOrNull.optional(),
    unitRegion: strOrNull.optional(),
    industry: strOrNull.describe('产业类别'),
    contract: z.number().describe('签约金额（万元）'),
    signed: strOrNull.describe('签约日期'),
    registered: strOrNull.describe('注册日期'),
    started: strOrNull.describe('开工日期'),
    producing: strOrNull.describe('投产日期'),
    fundsArrived: z.number().describe('累计到位资金（万元）'),
    projectCode: strOrNull.optional().describe('转为重点项目后的项目编号'),
    stage: LeadStage.describe('期末所处阶段'),
    counted: z.boolean().describe('本年签约（计入比率）'),
  })
  .meta({ id: 'LeadListRow' });

export const LeadReport = z
  .object({
    title: z.string(),
    paragraphs: z.array(z.string()),
    tables: z.array(
      z.object({
        title: z.string(),
        header: z.array(z.string()),
        rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
      }),
    ),
    breakdown: LeadBreakdown,
  })
  .meta({ id: 'LeadReport' });

export const leadBreakdown = defineRoute({
  method: 'get',
  path: '/api/leads/breakdown',
  summary: '招商引资比率及分地区（排名）、分产业类别、分责任单位情况；合计与 tiaodu lead rates 相同',
  tags,
  request: { query: regionPeriod },
  responses: { 200: LeadBreakdown, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const leadList = defineRoute({
  method: 'get',
  path: '/api/leads',
  summary: '招商项目清单：各阶段日期、期末所处阶段、签约金额、到位资金、关联的重点项目',
  tags,
  request: { query: regionPeriod },
  responses: { 200: z.array(LeadListRow), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const leadReport = defineRoute({
  method: 'get',
  path: '/api/leads/report',
  summary:
    '招商引资月报：签约项目数和金额、履约率、开工率、投产率、资金到位率，分地区排名、分产业、分责任单位；format=json 为其内容，docx、xlsx 为文件，与 tiaodu report leads 相同（限本账号辖区）',
  tags,
  request: {
    query: regionPeriod.extend({
      format: z.enum(['json', 'docx', 'xlsx']).default('json').describe('json、docx 或 xlsx'),
    }),
  },
  responses: {
    200: { kind: 'json-or-file', json: LeadReport, file: file([DOCX, XLSX], '月报文件') },
    ...errors,
  },
  scope: { region: 'query.region', access: 'read' },
});

export const PromotedLead = z
  .object({
    lead: z.string().describe('招商项目编号'),
    project: z.string().describe('重点项目编号'),
    created: z.boolean().describe('true：由招商项目新建重点项目；false：关联到项目库中已有的项目'),
  })
  .meta({ id: 'PromotedLead' });

export const promoteLead = defineRoute({
  method: 'post',
  path: '/api/leads/promote',
  summary:
    '招商项目转为重点项目：项目库中已有该编号（在所选地区内）则关联，否则以招商项目的名称、地区、责任单位新建，签约金额作总投资；招商项目保留关联（市、区分析员和管理员，限本账号辖区）',
  tags,
  request: {
    body: z.object({
      region,
      code: z.string().min(1).describe('招商项目编号'),
      project: z.string().trim().min(1).max(100).optional().describe('重点项目编号（缺省为招商项目编号）'),
    }),
  },
  responses: {
    200: PromotedLead,
    409: fail('该招商项目已关联另一个重点项目'),
    ...errors,
  },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
});

export const UnlinkedLead = z
  .object({
    lead: z.string().describe('招商项目编号'),
    project: z.string().describe('撤销关联前的重点项目编号（该项目仍留在项目库中）'),
  })
  .meta({ id: 'UnlinkedLead' });

export const unlinkLead = defineRoute({
  method: 'post',
  path: '/api/leads/unlink',
  summary:
    '撤销招商项目与重点项目的关联（关联错了时）：招商项目不再指向该项目，项目仍留在项目库中；记入审计日志（市、区分析员和管理员，限本账号辖区）',
  tags,
  request: {
    body: z.object({
      region,
      code: z.string().min(1).describe('招商项目编号'),
    }),
  },
  responses: {
    200: UnlinkedLead,
    409: fail('该招商项目没有关联重点项目'),
    ...errors,
  },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
});

export const LeadSource = z
  .object({
    code: z.string(),
    name: z.string(),
    contract: z.number(),
    signed: strOrNull,
  })
  .nullable()
  .meta({ id: 'LeadSource' });

export const leadOfProject = defineRoute({
  method: 'get',
  path: '/api/leads/of-project',
  summary: '一个重点项目的来源招商项目（没有则为 null）',
  tags,
  request: { query: z.object({ region, code: z.string().min(1).describe('重点项目编号') }) },
  responses: { 200: LeadSource, ...errors },
  scope: { region: 'query.region', access: 'read' },
});
