// Key projects and investment leads: the project list, its rates and the lead rates of a region and period,
// the same as `tiaodu project list|rates --json` and `tiaodu lead rates --json`.

import { num } from './common.ts';
import { ProjectRow } from './projectRow.ts';
import { regionPeriod, tags } from './projectShared.ts';
import { defineRoute, errors } from './route.ts';
import { z } from './zod.ts';

export { ProjectRow };

export const ProjectRates = z
  .object({
    projects: z.number().int(),
    annualPlan: z.number(),
    done: z.number(),
    investmentRate: num,
    timeProgress: z.number(),
    started: z.number().int(),
    startRate: num,
    newPlannedByNow: z.number().int(),
    newStarted: z.number().int(),
    newStartRate: num,
    toFinish: z.number().int(),
    finished: z.number().int(),
    finishRate: num,
    inLibrary: z.number().int(),
    inLibraryRate: num,
    red: z.number().int(),
    yellow: z.number().int(),
    green: z.number().int(),
  })
  .meta({ id: 'ProjectRates' });

export const LeadRates = z
  .object({
    signed: z.number().int(),
    contract: z.number(),
    registered: z.number().int(),
    started: z.number().int(),
    producing: z.number().int(),
    fundsArrived: z.number(),
    registerRate: num,
    startRate: num,
    productionRate: num,
    fundsRate: num,
  })
  .meta({ id: 'LeadRates' });

export const projectList = defineRoute({
  method: 'get',
  path: '/api/projects',
  summary:
    '重点项目清单：完成投资、完成率、时序进度、滞后、开工、竣工、入库、亮灯及原因；与 tiaodu project list --json 相同',
  tags,
  request: { query: regionPeriod },
  responses: { 200: z.array(ProjectRow), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const projectRates = defineRoute({
  method: 'get',
  path: '/api/projects/rates',
  summary:
    '重点项目比率：投资完成率、开工率、新开工率、竣工率、入库率、红黄绿灯数；与 tiaodu project rates --json 相同',
  tags,
  request: { query: regionPeriod },
  responses: { 200: ProjectRates, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const leadRates = defineRoute({
  method: 'get',
  path: '/api/leads/rates',
  summary:
    '招商引资比率（本年签约项目）：履约率、开工率、投产率、资金到位率；与 tiaodu lead rates --json 相同',
  tags,
  request: { query: regionPeriod },
  responses: { 200: LeadRates, ...errors },
  scope: { region: 'query.region', access: 'read' },
});
export * from './projectBoard.ts';
export * from './projectProblems.ts';
export * from './projectUpdates.ts';
