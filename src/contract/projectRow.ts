// A key project's row at a period, as `tiaodu project list --json` prints it (shared by the project routes).

import { num, strOrNull } from './common.ts';
import { z } from './zod.ts';

export const ProjectRow = z
  .object({
    code: z.string().describe('项目编号'),
    name: z.string(),
    region: z.string().describe('所属地区名称'),
    regionCode: z.string(),
    unit: strOrNull.describe('责任单位'),
    level: strOrNull.describe('省重点、市重点、县重点或区重点'),
    type: strOrNull,
    nature: z.enum(['新建', '续建']),
    annualPlan: z.number().describe('年度计划投资（万元）'),
    done: z.number().describe('本年累计完成投资（万元）：期末及以前本年最新月报'),
    rate: num.describe('done ÷ annualPlan × 100'),
    timeProgress: z.number().describe('月份 ÷ 12 × 100'),
    lag: num.describe('timeProgress − rate（百分点）'),
    started: z.boolean(),
    finished: z.boolean(),
    inLibrary: z.boolean().describe('期末前已入库'),
    light: z.enum(['green', 'yellow', 'red']),
    reasons: z.array(z.string()).describe('亮灯原因'),
    startLateMonths: z.number().int().nullable(),
    unlistedMonths: z.number().int().nullable(),
    leader: strOrNull,
    totalInvestment: num,
    plannedStart: strOrNull,
    actualStart: strOrNull,
    plannedFinish: strOrNull,
    actualFinish: strOrNull,
    libraryDate: strOrNull,
    // Added after the first contract: optional, so a reader of the older rows still reads these.
    sinceStart: z
      .number()
      .optional()
      .describe('开工以来累计完成投资（万元）：以前各年末的本年累计之和 + 本年累计'),
    shareOfTotal: num
      .optional()
      .describe('占总投资比例：sinceStart ÷ totalInvestment × 100，2 位小数；无总投资为 null'),
  })
  .meta({ id: 'ProjectRow' });
