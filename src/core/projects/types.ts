// The shapes of key projects (重点项目), investment leads (招商项目) and tour scores, as the core reads them.

export const PROJECT_LEVELS = ['省重点', '市重点', '县重点', '区重点'] as const;
export const PROJECT_TYPES = ['产业', '基础设施', '社会民生', '其他'] as const;
export const PROJECT_NATURES = ['新建', '续建'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export type ProjectType = (typeof PROJECT_TYPES)[number];
export type ProjectNature = (typeof PROJECT_NATURES)[number];

/** A project of the register. Dates are `YYYY-MM-DD` or null (not yet); money in 万元. */
export interface Project {
  code: string;
  name: string;
  regionCode: string;
  /** The region's name, for people. */
  region: string;
  unit: string | null;
  leader: string | null;
  level: ProjectLevel | null;
  type: ProjectType | null;
  nature: ProjectNature;
  totalInvestment: number | null;
  annualPlan: number;
  plannedStart: string | null;
  actualStart: string | null;
  plannedFinish: string | null;
  actualFinish: string | null;
  libraryDate: string | null;
  /** The name of the region the 责任单位 belongs to (units of one name exist in many districts). */
  unitRegion?: string | null;
}

/** One project's monthly report: 本年累计完成投资 up to that month. */
export interface ProjectReport {
  projectCode: string;
  year: number;
  month: number;
  done: number;
  progress: string | null;
  problems: string | null;
  coordination: string | null;
}

export type Light = 'green' | 'yellow' | 'red';

/** A row of `tiaodu project list` (DESIGN.md, Contract part 2). */
export interface ProjectRow {
  code: string;
  name: string;
  region: string;
  regionCode: string;
  unit: string | null;
  level: ProjectLevel | null;
  type: ProjectType | null;
  nature: ProjectNature;
  annualPlan: number;
  done: number;
  /** done ÷ annualPlan × 100, 2 decimals; null without a plan. */
  rate: number | null;
  timeProgress: number;
  /** timeProgress − rate in 百分点; null without a plan. */
  lag: number | null;
  started: boolean;
  finished: boolean;
  inLibrary: boolean;
  light: Light;
  reasons: string[];
  /** Months late to start (planned start passed, not started); null when not late. */
  startLateMonths: number | null;
  /** Months since the start without 入库; null when in the library or not started. */
  unlistedMonths: number | null;
  /** 开工以来累计完成投资（万元）: earlier years' final 本年累计 plus this year's `done`. */
  sinceStart: number;
  /** sinceStart ÷ 总投资 × 100, 2 decimals; null without a 总投资. */
  shareOfTotal: number | null;
}

/** An investment lead (招商项目); dates `YYYY-MM-DD` or null (stage not reached); money in 万元. */
export interface Lead {
  code: string;
  name: string;
  regionCode: string;
  region: string;
  unit: string | null;
  industry: string | null;
  contract: number;
  signed: string | null;
  registered: string | null;
  started: string | null;
  producing: string | null;
  fundsArrived: number;
  /** The region of the responsible unit (units are named within a region), and its name. */
  unitRegionCode?: string | null;
  unitRegion?: string | null;
  /** The key project this lead became (项目编号 of the register), or null. */
  projectCode?: string | null;
}

/** One judge's score of one project in an inspection tour (拉练). */
export interface TourScore {
  projectCode: string;
  judge: string;
  score: number;
}
