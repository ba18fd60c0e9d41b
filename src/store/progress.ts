// Progress against target and time (时序进度) for one region and period: one row per indicator with a target.
import { round2 } from '../core/growth.ts';
import {
  actualIsGrowth,
  allGreen,
  doubleHalf,
  evaluateTarget,
  restOfYearNeeds,
  type TargetProgress,
} from '../core/progress.ts';
import { primaryTarget } from '../core/targets.ts';
import type { Indicator, Target } from '../core/types.ts';
import type { Db } from './db.ts';
import { listIndicators } from './indicators.ts';
import { growthOf } from './series.ts';
import { targetsFor } from './targets.ts';

export interface ProgressRow {
  indicator: string;
  indicatorCode: string;
  unit: string;
  target: number;
  targetKind: Target['kind'];
  cmp: Target['cmp'];
  strength: Target['strength'];
  /** The 力争 stretch target, when one is set beside the expected or must one. */
  stretch: number | null;
  actual: number | null;
  timeProgress: number;
  completion: number | null;
  gap: number | null;
  status: TargetProgress['status'];
  /** The period the actual comes from (a quarterly indicator's latest quarter). */
  dataPeriod: string | null;
  /** What the rest of the year needs: the growth over last year's remaining months, or the amount left. */
  needed: { growth: number | null; remaining: number | null; perMonth: number | null };
  explain: TargetProgress['explain'];
}

export interface ProgressReport {
  rows: ProgressRow[];
  doubleHalf: boolean;
  allGreen: boolean;
}

/** The latest observation of the year up to `month`, with last year's same period for derived growth. */
async function latestInYear(db: Db, indicator: Indicator, regionCode: string, year: number, month: number) {
  const [r] = await db.query<{
    month: number;
    value: number | null;
    yoy: number | null;
    last_value: number | null;
    last_full: number | null;
  }>(
    `SELECT o.month, o.value, o.yoy, p.value AS last_value,
       (SELECT f.value FROM observation f WHERE f.region_code = o.region_code AND f.indicator_code = o.indicator_code
          AND f.scope = '' AND f.year = o.year - 1 AND f.month = 12) AS last_full
     FROM observation o
     LEFT JOIN observation p ON p.region_code = o.region_code AND p.indicator_code = o.indicator_code
       AND p.scope = o.scope AND p.year = o.year - 1 AND p.month = o.month
     WHERE o.region_code = $1 AND o.indicator_code = $2 AND o.year = $3 AND o.month <= $4 AND o.scope = ''
       AND NOT o.forecast
     ORDER BY o.month DESC LIMIT 1`,
    [regionCode, indicator.code, year, month],
  );
  return r;
}

/** What the rest of the year needs (see core restOfYearNeeds), to two decimals. */
function needed(
  target: Target,
  indicator: Indicator,
  obs:
    | { month: number; value: number | null; last_value: number | null; last_full: number | null }
    | undefined,
): ProgressRow['needed'] {
  const n = restOfYearNeeds({
    target,
    indicator,
    month: Number(obs?.month ?? 12),
    ytdValue: obs?.value ?? null,
    lastYearYtdValue: obs?.last_value ?? null,
    lastYearFullYear: obs?.last_full ?? null,
  });
  return { growth: round2(n.growth), remaining: round2(n.remaining), perMonth: round2(n.perMonth) };
}

export async function progress(
  db: Db,
  regionCode: string,
  year: number,
  month: number,
): Promise<ProgressReport> {
  const indicators = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const targets = await targetsFor(db, regionCode, year);
  const byIndicator = new Map<string, Target[]>();
  for (const t of targets) byIndicator.set(t.indicatorCode, [...(byIndicator.get(t.indicatorCode) ?? []), t]);
  const rows: ProgressRow[] = [];
  const evaluated: TargetProgress[] = [];
  for (const [code, ts] of byIndicator) {
    const indicator = indicators.get(code);
    if (!indicator) continue;
    const primary = primaryTarget(ts);
    if (!primary) continue;
    const { target, stretch } = primary;
    const obs = await latestInYear(db, indicator, regionCode, year, month);
    const growth = obs ? growthOf(indicator, obs) : null;
    const p = evaluateTarget({
      target,
      indicator,
      month: obs ? Number(obs.month) : month,
      ytdValue: obs?.value ?? null,
      ytdGrowth: growth?.yoy ?? null,
    });
    evaluated.push(p);
    rows.push({
      indicator: indicator.name,
      indicatorCode: code,
      unit: actualIsGrowth(target.kind, indicator.measure) ? '%' : indicator.unit,
      target: target.value,
      targetKind: p.targetKind,
      cmp: target.cmp,
      strength: target.strength,
      stretch,
      actual: p.actual,
      timeProgress: round2(p.timeProgress) ?? 0,
      completion: round2(p.completion),
      gap: round2(p.gap),
      status: p.status,
      dataPeriod: obs ? `${year}-${String(obs.month).padStart(2, '0')}` : null,
      needed: needed(target, indicator, obs),
      explain: p.explain,
    });
  }
  return { rows, doubleHalf: doubleHalf(evaluated, month), allGreen: allGreen(evaluated) };
}
