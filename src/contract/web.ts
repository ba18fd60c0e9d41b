// What the browser may import from outside src/web: the contract, zod's types, and the pure rules of the core
// it shows with (formats and colours, audit action names, the growth pick, the swing rule, the trajectory
// check, the briefing's outline). The web app imports nothing else outside its own folder.
import './jitless.ts';

export type { z } from 'zod';
export { readLists } from '../core/assess/scheme.ts';
export { honourLists } from '../core/assess/score.ts';
export { LEAD_MEASURES, PROJECT_MEASURES } from '../core/assess/source.ts';
export { auditActionName, auditActionNames } from '../core/audit.ts';
export { chartHeight, chartOption } from '../core/briefing/chartOption.ts';
export { explainNumber } from '../core/briefing/explain.ts';
export { isFigure, numberSpans, numbersIn } from '../core/briefing/numbers.ts';
export { cellText, outline } from '../core/briefing/outline.ts';
export { pickGrowth } from '../core/growth.ts';
export { isSwing, SWING_PP } from '../core/swing.ts';
export { trajectoryProblem } from '../core/targets.ts';
export { dueFromText } from '../core/tasks/dueText.ts';
export type { ProgressStatus } from '../core/types.ts';
export * from './format.ts';
export * from './index.ts';
