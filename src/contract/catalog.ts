// Who am I, the indicator catalogue, the region tree and the import templates.

import { Direction, period, Region, strOrNull, User } from './common.ts';
import { CSV, defineRoute, errors, file, XLSX } from './route.ts';
import { z } from './zod.ts';

const tags = ['指标与地区'];

export const Indicator = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    name: z.string(),
    aliases: z.array(z.string()),
    unit: z.string(),
    frequency: z.enum(['month', 'quarter', 'year']),
    measure: z.enum(['flow', 'stock', 'rate']),
    aggregation: z.enum(['sum', 'none']),
    direction: Direction.describe('up 越高越好，down 越低越好（失业率、能耗）'),
    comparable: z.boolean(),
    janFebCombined: z.boolean(),
    reportingUnit: strOrNull,
    leader: strOrNull,
    intake: z.enum(['file', 'manual']),
    alertThreshold: z.number().nullable(),
    excellenceThreshold: z.number().nullable(),
  })
  .meta({ id: 'Indicator' });

/** The same defaults as `tiaodu indicator add`. */
export const indicatorBody = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, '应为小写字母、数字和下划线，以字母开头'),
    name: z.string().min(1),
    unit: z.string().min(1),
    aliases: z.array(z.string().min(1)).max(100).default([]),
    frequency: z.enum(['month', 'quarter', 'year']).default('month'),
    measure: z.enum(['flow', 'stock', 'rate']).default('flow'),
    aggregation: z.enum(['sum', 'none']).default('sum'),
    direction: z.enum(['up', 'down']).default('up'),
    comparable: z.boolean().default(false),
    janFebCombined: z.boolean().default(false),
    reportingUnit: z.string().nullable().default(null),
    leader: z.string().nullable().default(null),
    intake: z.enum(['file', 'manual']).default('file'),
    alertThreshold: z.number().finite().max(0).nullable().default(null),
    excellenceThreshold: z.number().finite().min(0).nullable().default(null),
  })
  .meta({ id: 'IndicatorInput' });

export const regionQuery = z.object({ region: z.string().min(1).describe('地区名称或代码（限本账号辖区）') });
const codePath = z.object({ code: z.string().describe('地区代码或名称') });

export const SubRegionFigures = z.object({
  indicators: z.array(
    z.object({ code: z.string(), name: z.string(), unit: z.string(), direction: Direction }),
  ),
  rows: z.array(
    z.object({
      region: z.string(),
      code: z.string(),
      figures: z.record(
        z.string(),
        z.object({ value: z.number().nullable(), yoy: z.number().nullable(), rank: z.number().nullable() }),
      ),
    }),
  ),
});

export const me = defineRoute({
  method: 'get',
  path: '/api/me',
  summary: '当前用户',
  tags: ['账号'],
  request: {},
  responses: { 200: User, 401: errors[401] },
});

export const indicators = defineRoute({
  method: 'get',
  path: '/api/indicators',
  summary: '指标库',
  tags,
  request: {},
  responses: { 200: z.array(Indicator), ...errors },
});

export const saveIndicator = defineRoute({
  method: 'post',
  path: '/api/indicators',
  summary:
    '新增或修改指标（不限地区的分析员、管理员）；内置指标只能由不限地区的管理员修改阈值、报送单位、分管领导、填报方式和别名',
  tags,
  request: { body: indicatorBody },
  responses: { 201: Indicator, ...errors },
  roles: ['admin', 'analyst'],
  note: '按辖区限定的账号和内置指标的规则依所改的字段而定，由处理程序检查（catalogue.ts）',
});

export const regions = defineRoute({
  method: 'get',
  path: '/api/regions',
  summary: '下级地区',
  tags,
  request: {
    query: z.object({
      parent: z.string().min(1).optional().describe('上级地区名称或代码；不给时返回已载入地区树的顶层'),
    }),
  },
  responses: { 200: z.array(Region), ...errors },
});

export const region = defineRoute({
  method: 'get',
  path: '/api/regions/{code}',
  summary: '一个地区',
  tags,
  request: { params: codePath },
  responses: { 200: Region, ...errors },
});

export const latestPeriod = defineRoute({
  method: 'get',
  path: '/api/periods/latest',
  summary: '某地区有数据的最近期间（驾驶舱默认打开的月份）',
  tags,
  request: { query: regionQuery },
  responses: { 200: z.object({ period: strOrNull }), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const subRegionFigures = defineRoute({
  method: 'get',
  path: '/api/regions/{code}/figures',
  summary: '下级地区某期的各项指标（数值、累计增速、按增速的位次），用于逐级下钻',
  tags,
  request: {
    params: codePath,
    query: z.object({ period: period.describe('期间 YYYY-MM') }),
  },
  responses: { 200: SubRegionFigures, ...errors },
  scope: { region: 'params.code', access: 'read' },
});

export const longTemplateCsv = defineRoute({
  method: 'get',
  path: '/api/templates/long.csv',
  summary: '长表导入模板（CSV）',
  tags: ['导入'],
  request: {},
  responses: { 200: file(CSV, 'CSV 文件'), 401: errors[401] },
});

export const longTemplateXlsx = defineRoute({
  method: 'get',
  path: '/api/templates/long.xlsx',
  summary: '长表导入模板（XLSX）',
  tags: ['导入'],
  request: {},
  responses: { 200: file(XLSX, 'XLSX 文件'), 401: errors[401] },
});

export const targetTemplateCsv = defineRoute({
  method: 'get',
  path: '/api/templates/targets.csv',
  summary: '目标导入模板（CSV）',
  tags: ['导入'],
  request: {},
  responses: { 200: file(CSV, 'CSV 文件'), 401: errors[401] },
});
