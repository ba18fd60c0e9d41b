// The objects of the monitoring loop (see ../shared/GLOSSARY.md for the Chinese terms).

/** A period is the last month it covers: for flows the year-to-date 1–N月, for stocks the month end. */
export interface Period {
  year: number;
  /** 1–12. Quarterly figures use 3, 6, 9, 12; annual figures use 12. */
  month: number;
}

export type Frequency = 'month' | 'quarter' | 'year';
/** flow: reported cumulatively 1–N月; stock: level at period end; rate: a ratio such as 失业率. */
export type MeasureKind = 'flow' | 'stock' | 'rate';
/** How regions add up: sum for amounts, none for rates and per-capita figures. */
export type Aggregation = 'sum' | 'none';
/** up: higher is better; down: lower is better (能耗, 失业率). */
export type Direction = 'up' | 'down';

export interface Indicator {
  code: string;
  name: string;
  aliases: string[];
  unit: string;
  frequency: Frequency;
  measure: MeasureKind;
  aggregation: Aggregation;
  direction: Direction;
  /** Growth published at comparable prices (GDP, 规上工业增加值): never derive it from values. */
  comparable: boolean;
  /** NBS publishes Jan and Feb together; January is blank, not missing. */
  janFebCombined: boolean;
  reportingUnit: string | null;
  leader: string | null;
  intake: 'file' | 'manual';
  /** Gap (pp) at or below which the status is off_track; negative, e.g. -2. Null → default. */
  alertThreshold: number | null;
  /** Gap (pp) at or above which the status is ahead; positive, e.g. 1. Null → default. */
  excellenceThreshold: number | null;
}

export type RegionKind = 'country' | 'division' | 'park' | 'zone';

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  /** 0 country, 1 province, 2 city, 3 county/district, 4 town/street; parks take their parent's level + 1. */
  level: number;
  kind: RegionKind;
}

export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'published';

export interface Observation {
  indicatorCode: string;
  regionCode: string;
  year: number;
  month: number;
  /** Year-to-date for flows, level for stocks, the rate for rates. */
  value: number | null;
  /** Published year-on-year growth (%) of `value`, when the source gives one. */
  yoy: number | null;
  /** 口径: the scope the figure was published on ('' = default). */
  scope: string;
  /** 预计: a forecast, never to be shown as an actual. */
  forecast: boolean;
  source: string | null;
  status: ObservationStatus;
}

export type TargetKind = 'growth' | 'amount' | 'ceiling' | 'floor';
export type Comparator = '≈' | '>=' | '<=';
export type Strength = 'expected' | 'must' | 'strive';

/** 逐季逐月分解: cumulative share (%) of the annual task planned by the end of each checkpoint month. */
export interface Trajectory {
  granularity: 'month' | 'quarter';
  checkpoints: { month: number; percent: number }[];
}

export interface Target {
  indicatorCode: string;
  regionCode: string;
  year: number;
  kind: TargetKind;
  /** Growth in %, or an amount in the indicator's unit, or the ceiling/floor value. */
  value: number;
  cmp: Comparator;
  strength: Strength;
  trajectory: Trajectory | null;
  source: string | null;
  quote: string | null;
}

export type ProgressStatus = 'ahead' | 'on_track' | 'behind' | 'off_track';

/** How a derived number was computed, so a briefing figure can be traced to its inputs. */
export interface Explanation {
  formula: string;
  inputs: Record<string, number | string | null>;
  result: number | null;
}

export type Recurrence = 'weekly' | 'monthly' | 'quarterly';
export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'overdue';

/** 督办事项: work assigned to named units, with where it came from. */
export interface Task {
  id: number;
  regionCode: string;
  action: string;
  lead: string[];
  support: string[];
  /** As the document wrote it: 二季度, 年底前, 5月上旬 … */
  due: string | null;
  recurrence: Recurrence | null;
  status: TaskStatus;
  source: string | null;
  quote: string | null;
  documentId: number | null;
}
