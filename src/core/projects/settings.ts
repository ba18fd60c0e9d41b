// Every number the project rules use, in one object: the contract's defaults, which a deployment may change.

export interface ProjectRuleSettings {
  /** Red when investment lags 时序进度 by more than this many 百分点. */
  lagRed: number;
  /** Yellow when it lags by more than this. */
  lagYellow: number;
  /** Red when the planned start is at least this many months before the period's end and there is no start. */
  startLateRedMonths: number;
  /** Yellow when it is at least this many months late (and less than the red mark). */
  startLateYellowMonths: number;
  /** Red when started at least this many months before the period's end with no 入库日期 by then. */
  unlistedRedMonths: number;
  /** Yellow when started at least this many months before with no 入库日期. */
  unlistedYellowMonths: number;
  /** A tour project with at least this many judges drops one highest and one lowest score. */
  tourDropExtremesFrom: number;
  /** The lowest and highest score a judge may give. */
  tourMinScore: number;
  tourMaxScore: number;
}

export const DEFAULT_PROJECT_RULES: ProjectRuleSettings = {
  lagRed: 30,
  lagYellow: 10,
  startLateRedMonths: 3,
  startLateYellowMonths: 1,
  unlistedRedMonths: 2,
  unlistedYellowMonths: 1,
  tourDropExtremesFrom: 5,
  tourMinScore: 0,
  tourMaxScore: 100,
};

/** Defaults with a deployment's changes spread in. */
export const projectRules = (changes: Partial<ProjectRuleSettings> = {}): ProjectRuleSettings => ({
  ...DEFAULT_PROJECT_RULES,
  ...changes,
});
