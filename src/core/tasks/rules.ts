// The supervision thresholds (督办亮灯、约谈) and default time limits, each a deployment setting; these are the
// contract's defaults (DESIGN.md "Supervision tasks").

export interface TaskRules {
  /** Blue (临期) when the due date is this many days away or fewer. */
  blueDays: number;
  /** Yellow when percent is strictly below the elapsed share × 100 minus this many points. */
  yellowBehindPoints: number;
  /** Yellow when this many days or more have passed since the last report (or since the start). */
  yellowSilentDays: number;
  /** Escalated (约谈) when red for more than this many days. */
  escalateRedDays: number;
  /** Default time limits in days by source kind (会议纪要, 批示 by urgency). */
  limits: { meeting: number; instructionUrgent: number; instructionNormal: number; instructionHard: number };
}

export const DEFAULT_TASK_RULES: TaskRules = {
  blueDays: 3,
  yellowBehindPoints: 20,
  yellowSilentDays: 30,
  escalateRedDays: 7,
  limits: { meeting: 20, instructionUrgent: 5, instructionNormal: 15, instructionHard: 30 },
};

/** Where a task came from. */
export type TaskSourceKind = 'document' | 'meeting' | 'instruction' | 'manual';
export type InstructionUrgency = 'urgent' | 'normal' | 'hard';

/** Days allowed by default for a task of this source (null: the person giving it sets the due date). */
export function defaultLimitDays(
  kind: TaskSourceKind,
  rules: TaskRules = DEFAULT_TASK_RULES,
  urgency: InstructionUrgency = 'normal',
): number | null {
  if (kind === 'meeting') return rules.limits.meeting;
  if (kind !== 'instruction') return null;
  if (urgency === 'urgent') return rules.limits.instructionUrgent;
  return urgency === 'hard' ? rules.limits.instructionHard : rules.limits.instructionNormal;
}
