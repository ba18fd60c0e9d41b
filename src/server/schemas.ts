// Validating a request against the contract's schemas: one error naming every bad field (→ 400).
import type { z } from 'zod';
import { TiaoduError } from '../core/errors.ts';
import { parsePeriod } from '../core/period.ts';

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
