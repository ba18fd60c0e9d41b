// Target rules shared by every way a target arrives (CLI, API, import file, document): the comparator a kind
// implies, which of several targets is the one progress is measured against, and a valid trajectory.
import type { Comparator, Strength, Target, TargetKind, Trajectory } from './types.ts';

/**
 * The comparator a target has when none is given: a ceiling is "以内" (≤), a growth target "左右" (≈),
 * an amount or floor "以上" (≥).
 * @example defaultComparator('ceiling') // '<='
 */
export function defaultComparator(kind: TargetKind): Comparator {
  if (kind === 'ceiling') return '<=';
  return kind === 'growth' ? '≈' : '>=';
}

/** A target as it arrives (API body, CLI flags, an accepted document item), before the defaults. */
export interface TargetInput {
  year: number;
  kind: TargetKind;
  value: number;
  cmp?: Comparator | null;
  strength?: Strength | null;
  trajectory?: Trajectory | null;
  source?: string | null;
  quote?: string | null;
}

/**
 * The target to store, with the defaults every way in applies: the kind's comparator, 预期 strength, no
 * trajectory, no source or quote.
 * @example makeTarget({ indicatorCode: 'gdp', regionCode: '330106' }, { year: 2025, kind: 'growth', value: 5.5 }).cmp // '≈'
 */
export function makeTarget(codes: { indicatorCode: string; regionCode: string }, t: TargetInput): Target {
  return {
    ...codes,
    year: t.year,
    kind: t.kind,
    value: t.value,
    cmp: t.cmp ?? defaultComparator(t.kind),
    strength: t.strength ?? 'expected',
    trajectory: t.trajectory ?? null,
    source: t.source ?? null,
    quote: t.quote ?? null,
  };
}

// A speech often sets both an expected and a 力争 target: progress is measured against the expected one.
const PRIMARY_ORDER: Strength[] = ['expected', 'must', 'strive'];

/**
 * Of one indicator × region × year's targets, the one progress is measured against (预期 before 确保
 * before 力争), and the 力争 stretch value when one is set beside it.
 * @example primaryTarget([strive6, expected55]) // { target: expected55, stretch: 6 }
 */
export function primaryTarget(targets: Target[]): { target: Target; stretch: number | null } | null {
  const sorted = [...targets].sort(
    (a, b) => PRIMARY_ORDER.indexOf(a.strength) - PRIMARY_ORDER.indexOf(b.strength),
  );
  const target = sorted[0];
  if (!target) return null;
  const stretch = targets.find((t) => t.strength === 'strive' && t !== target)?.value ?? null;
  return { target, stretch };
}

/**
 * Why a trajectory (逐季逐月分解) cannot be used, or null when it can: months are whole numbers 1–12, each
 * once; percents are cumulative shares of the year, 0–100, never falling from one checkpoint to the next.
 * @example trajectoryProblem({ granularity: 'quarter', checkpoints: [{ month: 3, percent: 30 }, { month: 6, percent: 20 }] })
 * // '6月的累计进度（20%）不能低于之前的 30%'
 */
export function trajectoryProblem(t: Trajectory): string | null {
  const sorted = [...t.checkpoints].sort((a, b) => a.month - b.month);
  let last: { month: number; percent: number } | null = null;
  for (const c of sorted) {
    if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) return `月份应为 1—12，收到「${c.month}」`;
    if (!Number.isFinite(c.percent)) return `${c.month}月的累计进度应为数字`;
    if (c.percent < 0 || c.percent > 100) return `${c.month}月的累计进度应在 0—100% 之间，收到 ${c.percent}%`;
    if (last && c.month === last.month) return `${c.month}月出现了两次`;
    if (last && c.percent < last.percent)
      return `${c.month}月的累计进度（${c.percent}%）不能低于之前的 ${last.percent}%`;
    last = c;
  }
  return null;
}

/**
 * '3:20,6:45,9:72,12:100' (month:cumulative percent; full-width ：，； and a % sign are read too) as a
 * trajectory, quarterly when every month ends a quarter; blank text is no trajectory.
 * @example parseTrajectory('3:20,6:45,9:72,12:100') // { ok: true, trajectory: { granularity: 'quarter', … } }
 */
export function parseTrajectory(
  raw: string,
): { ok: true; trajectory: Trajectory | null } | { ok: false; problem: string } {
  if (!raw.trim()) return { ok: true, trajectory: null };
  const checkpoints = raw.split(/[,，;；]/).map((pair) => {
    const [m, p, ...more] = pair.split(/[:：]/).map((x) => x.replace('%', '').trim());
    const number = (x: string | undefined) => (x === undefined || x === '' ? Number.NaN : Number(x));
    return { month: number(m), percent: more.length > 0 ? Number.NaN : number(p) };
  });
  const granularity = checkpoints.every((c) => c.month % 3 === 0) ? 'quarter' : 'month';
  const trajectory: Trajectory = { granularity, checkpoints };
  const problem = trajectoryProblem(trajectory);
  return problem ? { ok: false, problem } : { ok: true, trajectory };
}
