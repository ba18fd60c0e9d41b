// The briefing (经济运行情况分析) as data: what `tiaodu brief --json` and GET /api/briefing?format=json return,
// and what the DOCX, XLSX and HTML renderers lay out. Every number in a paragraph is one of its section's figures.
import type { Direction, Explanation, ProgressStatus, TargetKind } from '../types.ts';

export type SectionKey =
  | 'overview'
  | 'gdp'
  | 'agriculture'
  | 'industry'
  | 'investment'
  | 'consumption'
  | 'trade'
  | 'fiscal'
  | 'finance'
  | 'prices'
  | 'income'
  | 'subregions'
  | 'projects'
  | 'tasks'
  | 'assessment'
  | 'problems'
  | 'next';

/** One figure a paragraph prints, as `series`, `league --by yoy` and `progress` give it. */
export interface BriefingFigure {
  indicator: string;
  name: string;
  region: string;
  regionName: string;
  period: string;
  value: number | null;
  unit: string;
  direction: Direction;
  yoy: number | null;
  /** A rate's change from the same period last year, in 百分点. */
  yoyPoints: number | null;
  parentYoy: number | null;
  /** Growth minus the parent's, each as printed (one decimal), in 百分点. */
  parentGap: number | null;
  previousYoy: number | null;
  previousPeriod: string | null;
  /** Growth minus the previous period's, each as printed, in 百分点. */
  change: number | null;
  rank: number | null;
  rankOf: number | null;
  rankChange: number | null;
  target: number | null;
  targetKind: TargetKind | null;
  completion: number | null;
  timeProgress: number | null;
  gap: number | null;
  status: ProgressStatus | null;
  swing: boolean;
  /** A forecast (预计), not yet a published figure. */
  forecast: boolean;
  /** 两年平均增长 (%), stated when the base year was abnormal; with last year's growth it is made of. */
  twoYearAverage?: number | null;
  lastYearYoy?: number | null;
  /** The province's growth (the level-1 ancestor's), in brackets in the GDP block when loaded. */
  provinceYoy?: number | null;
  /** Growth minus the province's, each as printed, in 百分点. */
  provinceGap?: number | null;
  /** The published growth differs from the one the published values give: the base was restated (同口径). */
  sameScope?: boolean;
  /** How the growth was read and how the target's progress was computed (inputs and formula). */
  /** `value`: how a module's figure (a project rate, a task count, a score) was made. */
  explain?: { yoy?: Explanation; target?: Explanation; value?: Explanation };
}

export interface BriefingSection {
  key: SectionKey;
  title: string;
  /** The part the section is filed under (一、主要经济指标完成情况 holds the sector blocks as （一）（二）…). */
  part: string | null;
  paragraphs: string[];
  figures: BriefingFigure[];
  /** Indexes of the paragraphs an analyst edited (the saved version's text, not the generated one). */
  edited?: number[];
}

export type Cell = string | number | null;

/** An attached table (主要经济指标完成情况表, the sub-region league): header and rows, numbers rounded. */
export interface BriefingTable {
  key: 'main' | 'subregions' | 'modules';
  title: string;
  header: string[];
  /** Decimals of each column's numbers (null: text). */
  digits: (number | null)[];
  /** Decimals of each row's numbers in the columns whose `digits` is null (an amount, by its unit). */
  rowDigits?: number[];
  rows: Cell[][];
}

/** A chart of the briefing as data: bars per category and series, in the unit named, drawn after a section. */
export interface BriefingChart {
  key: 'growth' | 'completion' | 'subregions' | 'trend';
  /** Bars (the default) or a line through the months (the trend). */
  kind?: 'bar' | 'line';
  title: string;
  /** Drawn after this section's paragraphs (the overview's: after the opening). */
  section: SectionKey;
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Bars across (one per sub-region, best rank on top). */
  horizontal: boolean;
  /** The categories are ranked with the lowest value best (能耗): said in the title. */
  lowerIsBetter: boolean;
  /** A reference line (the region's own growth among its sub-regions). */
  line: { name: string; value: number } | null;
}

export interface Briefing {
  region: { code: string; name: string };
  period: string;
  title: string;
  verdict: string;
  sections: BriefingSection[];
  tables: BriefingTable[];
  charts: BriefingChart[];
  /** The saved version whose edits the text carries; null or absent: the generated text. */
  version?: { number: number; savedBy: string; savedAt: string; note: string | null } | null;
  /** Edits of that version no longer applied because their paragraph now reads differently (figures revised). */
  stale?: { section: SectionKey; index: number; text: string }[];
}
