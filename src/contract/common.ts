// The small pieces every area of the contract shares: periods, roles, flags, the explanation and the error.

import { parsePeriod } from '../core/period.ts';
import { z } from './zod.ts';

export const period = z.string().refine((s) => parsePeriod(s) !== null, '应为 YYYY-MM');
export const flag = z.string().optional();
export const year = z.coerce.number().int().min(2000).max(2100);

export const Role = z.enum(['admin', 'analyst', 'reporter', 'leader']);
export type Role = z.infer<typeof Role>;

export const num = z.number().nullable();
export const strOrNull = z.string().nullable();

export const Explanation = z
  .object({
    formula: z.string(),
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    result: num,
  })
  .meta({ id: 'Explanation', description: '计算说明：公式与输入' });

export const ImportIssue = z.object({
  file: z.string(),
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  expected: z.string(),
  code: z.string().optional(),
  message: z.string().optional(),
});

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('稳定的错误代码，如 auth.required、forbidden、validation、import'),
      message: z.string().describe('中文说明'),
      fields: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .describe('参数错误时：每个出错字段'),
      issues: z.array(ImportIssue).optional().describe('导入失败时：每个出错的行和列'),
    }),
  })
  .meta({ id: 'Error' });

export const Ok = z.object({ ok: z.boolean() });

export const User = z.object({ name: z.string(), role: Role, regionCode: strOrNull }).meta({ id: 'User' });

export const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    parentCode: strOrNull,
    level: z.number().int(),
    kind: z.enum(['country', 'division', 'park', 'zone']),
  })
  .meta({ id: 'Region' });

export const TargetKind = z.enum(['growth', 'amount', 'ceiling', 'floor']);
export const Comparator = z.enum(['≈', '>=', '<=']);
export const Strength = z.enum(['expected', 'must', 'strive']);
export const ProgressStatus = z.enum(['ahead', 'on_track', 'behind', 'off_track']);
export const Direction = z.enum(['up', 'down']);
