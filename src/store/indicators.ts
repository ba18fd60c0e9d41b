// The indicator catalogue (指标) in the database: built-ins seeded at start, users add their own.
import { builtinIndicators, resolveIndicator } from '../core/catalog.ts';
import { TiaoduError } from '../core/errors.ts';
import type { Indicator } from '../core/types.ts';
import type { Db } from './db.ts';

const columns = `code, name, aliases, unit, frequency, measure, aggregation, direction, comparable,
  jan_feb_combined, reporting_unit, leader, intake, alert_threshold, excellence_threshold`;

interface IndicatorRow {
  code: string;
  name: string;
  aliases: string[];
  unit: string;
  frequency: Indicator['frequency'];
  measure: Indicator['measure'];
  aggregation: Indicator['aggregation'];
  direction: Indicator['direction'];
  comparable: boolean;
  jan_feb_combined: boolean;
  reporting_unit: string | null;
  leader: string | null;
  intake: Indicator['intake'];
  alert_threshold: number | null;
  excellence_threshold: number | null;
}

const toIndicator = (r: IndicatorRow): Indicator => ({
  code: r.code,
  name: r.name,
  aliases: r.aliases,
  unit: r.unit,
  frequency: r.frequency,
  measure: r.measure,
  aggregation: r.aggregation,
  direction: r.direction,
  comparable: r.comparable,
  janFebCombined: r.jan_feb_combined,
  reportingUnit: r.reporting_unit,
  leader: r.leader,
  intake: r.intake,
  alertThreshold: r.alert_threshold,
  excellenceThreshold: r.excellence_threshold,
});

const params = (i: Indicator) => [
  i.code,
  i.name,
  i.aliases,
  i.unit,
  i.frequency,
  i.measure,
  i.aggregation,
  i.direction,
  i.comparable,
  i.janFebCombined,
  i.reportingUnit,
  i.leader,
  i.intake,
  i.alertThreshold,
  i.excellenceThreshold,
];

/** Inserts the built-in indicators that are missing; never overwrites a user's edits. */
export async function seedIndicators(db: Db): Promise<void> {
  // One read when nothing is missing (every open after the first): a write per indicator on every open cost a
  // short command tens of milliseconds and a WAL record each.
  const present = await db.query<{ code: string }>(
    'SELECT code FROM indicator WHERE code = ANY($1::text[])',
    [builtinIndicators.map((i) => i.code)],
  );
  const have = new Set(present.map((r) => r.code));
  for (const i of builtinIndicators.filter((b) => !have.has(b.code))) {
    await db.query(
      `INSERT INTO indicator (${columns}, builtin)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,true) ON CONFLICT DO NOTHING`,
      params(i),
    );
  }
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const rows = await db.query<IndicatorRow>(`SELECT ${columns} FROM indicator ORDER BY code`);
  return rows.map(toIndicator);
}

/** Adds a user's own indicator, or updates one (built-ins included: thresholds, units, leader…). */
export async function saveIndicator(db: Db, i: Indicator): Promise<void> {
  await db.query(
    `INSERT INTO indicator (${columns}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, unit = EXCLUDED.unit,
       frequency = EXCLUDED.frequency, measure = EXCLUDED.measure, aggregation = EXCLUDED.aggregation,
       direction = EXCLUDED.direction, comparable = EXCLUDED.comparable,
       jan_feb_combined = EXCLUDED.jan_feb_combined, reporting_unit = EXCLUDED.reporting_unit,
       leader = EXCLUDED.leader, intake = EXCLUDED.intake, alert_threshold = EXCLUDED.alert_threshold,
       excellence_threshold = EXCLUDED.excellence_threshold`,
    params(i),
  );
}

/** Resolves a name, alias or code typed by a user; unknown or ambiguous is an error, never a guess. */
export async function requireIndicator(db: Db, raw: string): Promise<Indicator> {
  const r = resolveIndicator(raw, await listIndicators(db));
  if (r.ok) return r.indicator;
  if (r.reason === 'ambiguous') {
    throw new TiaoduError('indicator.ambiguous', `指标「${raw}」有多个可能：${r.candidates.join('、')}`);
  }
  throw new TiaoduError('indicator.unknown', `未知指标「${raw}」：指标库中没有这个名称、别名或代码`);
}
