// A value entered by hand is checked before it is saved: one that looks like a slip (core/plausibility.ts) is
// kept back with 409 observation.implausible until the user confirms it with a reason.
import { TiaoduError } from '../core/errors.ts';
import { implausibilities } from '../core/plausibility.ts';
import type { Indicator } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { entryComparisons } from '../store/entry.ts';

/**
 * The messages of what the user confirmed looks wrong (empty when nothing does, or the figure is unchanged);
 * throws observation.implausible, with each problem in `details`, when something does and the request has no
 * `confirm: true` with a non-empty reason.
 */
export async function checkEntry(
  db: Db,
  indicator: Indicator,
  entry: {
    regionCode: string;
    year: number;
    month: number;
    scope: string;
    value: number | null;
    yoy: number | null;
  },
  request: { confirm?: boolean; reason?: string },
): Promise<string[]> {
  const { stored, ...comparisons } = await entryComparisons(db, indicator, entry);
  // A form sends every line again; a figure already kept was asked about when it was entered.
  if (stored.some((s) => s.value === entry.value && s.yoy === entry.yoy)) return [];
  const problems = implausibilities({ indicator, value: entry.value, yoy: entry.yoy, ...comparisons });
  if (problems.length === 0) return [];
  if (request.confirm === true && request.reason?.trim()) return problems.map((p) => p.message);
  const list = problems.map((p, i) => `${i + 1}. ${p.message}`).join('；');
  throw new TiaoduError(
    'observation.implausible',
    `${indicator.name}的数值可能有误：${list}。请核对；如确认无误，请说明原因后再提交`,
    problems,
  );
}
