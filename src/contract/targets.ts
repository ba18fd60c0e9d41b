// Targets: read, set, delete, export and import the year's targets of a region.

import { trajectoryProblem } from '../core/targets.ts';
import { Comparator, Strength, strOrNull, TargetKind, year } from './common.ts';
import { CSV, defineRoute, errors, file, uploadErrors } from './route.ts';
import { z } from './zod.ts';

const tags = ['目标'];

const trajectory = z
  .object({
    granularity: z.enum(['month', 'quarter']),
    checkpoints: z.array(z.object({ month: z.number(), percent: z.number() })).max(12),
  })
  .describe('逐季逐月分解：各检查月累计应完成全年任务的百分比');

export const Target = z
  .object({
    indicatorCode: z.string(),
    regionCode: z.string(),
    year: z.number().int(),
    kind: TargetKind,
    value: z.number(),
    cmp: Comparator,
    strength: Strength,
    trajectory: trajectory.nullable(),
    source: strOrNull,
    quote: strOrNull,
  })
  .meta({ id: 'Target' });

export const targetBody = z
  .object({
    indicator: z.string().min(1).describe('指标名称、别名或代码'),
    region: z.string().min(1).describe('地区名称或代码'),
    year: z.number().int().min(2000).max(2100),
    kind: TargetKind,
    value: z.number().finite(),
    cmp: Comparator.optional(),
    strength: Strength.default('expected'),
    trajectory: trajectory
      .superRefine((t, ctx) => {
        const problem = trajectoryProblem(t);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['checkpoints'] });
      })
      .nullable()
      .optional(),
    source: z.string().nullable().optional(),
    quote: z.string().nullable().optional(),
  })
  .meta({ id: 'TargetInput' });

export const targetKey = targetBody.pick({ indicator: true, region: true, year: true, strength: true });

export const targetsQuery = z.object({
  region: z.string().min(1).describe('地区（限本账号辖区）'),
  year: year.optional().describe('年份，默认今年'),
});

const TargetKey = z.object({
  indicatorCode: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  strength: Strength,
});

export const targets = defineRoute({
  method: 'get',
  path: '/api/targets',
  summary: '某地区某年的目标',
  tags,
  request: { query: targetsQuery },
  responses: { 200: z.array(Target), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const putTarget = defineRoute({
  method: 'put',
  path: '/api/targets',
  summary: '设定（或替换）目标，保留历史（分析员、管理员）',
  tags,
  request: { body: targetBody },
  responses: { 200: Target, ...errors },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
});

export const deleteTarget = defineRoute({
  method: 'delete',
  path: '/api/targets',
  summary: '删除一个目标（指标×地区×年度×力度），保留历史（分析员、管理员）',
  tags,
  request: { body: targetKey },
  responses: { 200: TargetKey, ...errors },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
});

export const exportTargets = defineRoute({
  method: 'get',
  path: '/api/targets/export.csv',
  summary: '导出某地区及其下级地区某年的目标（与导入模板同格式，可改后再导入）',
  tags,
  request: { query: targetsQuery },
  responses: { 200: file(CSV, 'CSV 文件'), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const importTargets = defineRoute({
  method: 'post',
  path: '/api/targets/import',
  summary: '上传目标文件（模板见 /api/templates/targets.csv），全部成功或全部不写入',
  tags,
  request: {
    upload: file('application/octet-stream', '目标文件（CSV 或 XLSX）'),
    headers: { 'x-filename': '文件名（URL 编码），据扩展名识别格式' },
  },
  responses: { 200: z.object({ targets: z.number().int() }), ...uploadErrors, ...errors },
  roles: ['admin', 'analyst'],
  // The target importer does not check region scope row by row, so only city-wide accounts may use it.
  scope: { cityWide: '按辖区限定的账号不能批量导入目标' },
});
