// Request schemas of the JSON API: one zod schema per input, its inferred type beside it, and one validator.
import { z } from 'zod';
import { TiaoduError } from '../core/errors.ts';
import { parsePeriod } from '../core/period.ts';
import { trajectoryProblem } from '../core/targets.ts';

const period = z.string().refine((s) => parsePeriod(s) !== null, '应为 YYYY-MM');
const flag = z.string().optional();

export const seriesQuery = z.object({
  indicator: z.string().min(1),
  region: z.string().min(1),
  from: period.optional(),
  to: period.optional(),
  explain: flag,
  /** `submitted`: lay the values under review over the published ones, marked (not for leaders). */
  include: z.enum(['submitted']).optional(),
});

export const leagueQuery = z.object({
  indicator: z.string().min(1),
  period,
  by: z.enum(['value', 'yoy']).default('value'),
  level: z.coerce.number().int().min(0).max(5).optional(),
  group: z.string().min(1).optional(),
  parent: z.string().min(1).optional(),
  explain: flag,
});

export const progressQuery = z.object({ region: z.string().min(1), period, explain: flag });

export const regionsQuery = z.object({ parent: z.string().min(1).optional() });

export const targetsQuery = z.object({
  region: z.string().min(1),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const targetBody = z.object({
  indicator: z.string().min(1),
  region: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['growth', 'amount', 'ceiling', 'floor']),
  value: z.number().finite(),
  cmp: z.enum(['≈', '>=', '<=']).optional(),
  strength: z.enum(['expected', 'must', 'strive']).default('expected'),
  trajectory: z
    .object({
      granularity: z.enum(['month', 'quarter']),
      checkpoints: z.array(z.object({ month: z.number(), percent: z.number() })).max(12),
    })
    .superRefine((t, ctx) => {
      const problem = trajectoryProblem(t);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['checkpoints'] });
    })
    .nullable()
    .optional(),
  source: z.string().nullable().optional(),
  quote: z.string().nullable().optional(),
});
export type TargetBody = z.infer<typeof targetBody>;

export const targetKey = targetBody.pick({ indicator: true, region: true, year: true, strength: true });

export const observationBody = z.object({
  indicator: z.string().min(1),
  region: z.string().min(1),
  period,
  value: z.number().finite().nullable(),
  yoy: z.number().finite().nullable().optional(),
  forecast: z.boolean().optional(),
  /** Why a figure jumps: the entry form asks for it when growth moves sharply. */
  comment: z.string().max(500).optional(),
  /** Why a published (locked) figure is changed, or why an implausible one is right; required then (409 without it). */
  reason: z.string().max(500).optional(),
  /** The user saw the value's implausibilities (409 observation.implausible) and keeps it, with a reason. */
  confirm: z.boolean().optional(),
});
export type ObservationBody = z.infer<typeof observationBody>;

/** The same defaults as `tiaodu indicator add`. */
export const indicatorBody = z.object({
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
});

export const importQuery = z.object({
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
  /** 1: answer 202 { id } at once and import as a job (GET /api/imports/:id). */
  async: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Why published (locked) figures change, when the file touches a locked period. */
  reason: z.string().max(500).optional(),
});

/** Parses `input` or throws a `validation` error naming every bad field (→ 400). */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => `${i.path.join('.') || '请求体'}：${i.message}`).join('；');
  throw new TiaoduError(
    'validation',
    `参数错误 — ${fields}`,
    r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  );
}

/** `{ year, month }` of a period the schema already checked. */
export function periodOf(s: string): { year: number; month: number } {
  const p = parsePeriod(s);
  if (!p) throw new TiaoduError('validation', `参数错误 — period：应为 YYYY-MM`);
  return p;
}
