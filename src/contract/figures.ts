// Figures: time series, league tables, target progress, and entering one figure.

import {
  Comparator,
  Explanation,
  flag,
  num,
  ProgressStatus,
  period,
  Strength,
  strOrNull,
  TargetKind,
} from './common.ts';
import { Submission } from './review.ts';
import { defineRoute, errors, fail, file, XLSX } from './route.ts';
import { z } from './zod.ts';

const tags = ['数据'];
const explain = flag.describe('为 1 时附上计算说明 explain');

export const SeriesPoint = z
  .object({
    period: z.string(),
    value: num,
    yoy: num.describe('公布同比，无公布时为推算同比'),
    yoyPublished: num,
    yoyDerived: num,
    yoyGapFlagged: z.boolean(),
    twoYearAverage: num,
    monthValue: num,
    monthYoy: num,
    swing: z.boolean(),
    forecast: z.boolean(),
    unit: z.string(),
    explain: Explanation.optional(),
    pending: z
      .enum(['submitted', 'approved'])
      .optional()
      .describe('仅 include=submitted 时：该期显示的是待审核（或已审核未发布）的数，而非已发布数'),
    submissionId: z.number().int().optional(),
    publishedValue: num.optional().describe('待审数将替换的已发布数值'),
    publishedYoy: num.optional(),
  })
  .meta({ id: 'SeriesPoint' });

export const LeagueRow = z
  .object({
    region: z.string(),
    code: z.string(),
    level: z.number().int(),
    value: num,
    yoy: num,
    yoyPublished: num,
    yoyDerived: num,
    rank: z.number().int().nullable(),
    rankOf: z.number().int().describe('参与排位的地区数（只显示本辖区各行时，仍为全部同级地区数）'),
    rankBefore: z.number().int().nullable(),
    rankChange: z.number().int().nullable().describe('正数为进位，负数为退位'),
    previousPeriod: strOrNull,
    explain: Explanation.optional(),
  })
  .meta({ id: 'LeagueRow' });

export const ProgressRow = z
  .object({
    indicator: z.string(),
    indicatorCode: z.string(),
    unit: z.string(),
    target: z.number(),
    targetKind: TargetKind,
    cmp: Comparator,
    strength: Strength,
    stretch: num,
    actual: num,
    timeProgress: z.number(),
    completion: num,
    gap: num,
    status: ProgressStatus.nullable(),
    dataPeriod: strOrNull,
    needed: z.object({ growth: num, remaining: num, perMonth: num }).describe('全年目标对余下月份的要求'),
    explain: Explanation.optional(),
  })
  .meta({ id: 'ProgressRow' });

export const Progress = z
  .object({
    rows: z.array(ProgressRow),
    doubleHalf: z.boolean().describe('双过半'),
    allGreen: z.boolean().describe('全年红：每个指标都达到目标'),
  })
  .meta({ id: 'Progress' });

export const seriesQuery = z.object({
  indicator: z.string().min(1).describe('指标名称、别名或代码'),
  region: z.string().min(1).describe('地区名称或代码（限本账号辖区）'),
  from: period.optional().describe('起始期间 YYYY-MM'),
  to: period.optional().describe('截止期间 YYYY-MM'),
  explain,
  include: z
    .enum(['submitted'])
    .optional()
    .describe('为 submitted 时把待审核、已通过未发布的数叠加在已发布数上并标出 pending（领导不可用）'),
});

export const leagueQuery = z.object({
  indicator: z.string().min(1).describe('指标'),
  period: period.describe('期间 YYYY-MM'),
  by: z.enum(['value', 'yoy']).default('value').describe('value 或 yoy'),
  level: z.coerce.number().int().min(0).max(5).optional().describe('地区层级 1 省 2 市 3 县 4 乡镇'),
  group: z.string().min(1).optional().describe('地区分组'),
  parent: z.string().min(1).optional().describe('上级地区'),
  explain,
});

export const progressQuery = z.object({
  region: z.string().min(1).describe('地区（限本账号辖区）'),
  period: period.describe('期间 YYYY-MM'),
  explain,
});

export const series = defineRoute({
  method: 'get',
  path: '/api/series',
  summary: '时间序列（公布同比与推算同比并列），与 tiaodu series --json 相同',
  tags,
  request: { query: seriesQuery },
  responses: { 200: z.array(SeriesPoint), ...errors },
  scope: { region: 'query.region', access: 'read' },
  note: 'include=submitted 只给管理员、分析员、填报员：角色规则依参数而定，由处理程序检查',
});

export const league = defineRoute({
  method: 'get',
  path: '/api/league',
  summary:
    '排位表，与 tiaodu league --json 相同；角色不在设置 league.peerFigures 中（默认填报员）的有辖区账号只得到本辖区及下级地区的行，名次和 rankOf 仍按全部同级地区',
  tags,
  request: { query: leagueQuery },
  responses: { 200: z.array(LeagueRow), ...errors },
  note: '排位列出全部同级地区；可见哪些行取决于设置 league.peerFigures，由处理程序决定',
});

export const leagueXlsx = defineRoute({
  method: 'get',
  path: '/api/league.xlsx',
  summary: '排位表导出为 XLSX（参数和可见范围同 /api/league）',
  tags,
  request: { query: leagueQuery.omit({ explain: true }) },
  responses: { 200: file(XLSX, 'XLSX 文件'), ...errors },
});

export const progress = defineRoute({
  method: 'get',
  path: '/api/progress',
  summary: '目标进度（时序进度、完成率、差距、状态）；rows 与 tiaodu progress --json 相同',
  tags,
  request: { query: progressQuery },
  responses: { 200: Progress, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const observationBody = z
  .object({
    indicator: z.string().min(1),
    region: z.string().min(1),
    period,
    value: z.number().finite().nullable(),
    yoy: z.number().finite().nullable().optional(),
    forecast: z.boolean().optional(),
    /** Why a figure jumps: the entry form asks for it when growth moves sharply. */
    comment: z.string().max(500).optional().describe('说明（如增速变动大的原因）'),
    /** Why a published (locked) figure is changed, or why an implausible one is right; required then (409 without it). */
    reason: z
      .string()
      .max(500)
      .optional()
      .describe(
        '原因：修改已发布（锁定）期间的数据时必填；数值可能有误（observation.implausible）而确认保留时必填，否则 409',
      ),
    /** The user saw the value's implausibilities (409 observation.implausible) and keeps it, with a reason. */
    confirm: z
      .boolean()
      .optional()
      .describe(
        '确认保留可能有误的数值（累计值减少、增速大起大落、是上年同期的十倍以上或不到十分之一），须同时填 reason',
      ),
  })
  .meta({ id: 'ObservationInput' });

export const saveObservation = defineRoute({
  method: 'post',
  path: '/api/observations',
  summary:
    '填报或更正一条数据，保留历史。填报员（限本辖区）的数进入审核（result 为 submitted，附 submission），发布后才进入排位和驾驶舱；分析员、管理员的数直接发布。已发布（锁定）期间须填 reason',
  tags,
  request: { body: observationBody },
  responses: {
    200: z.object({
      result: z.enum(['created', 'updated', 'ignored', 'submitted']),
      submission: Submission.omit({ canReview: true }).nullable().optional(),
    }),
    409: fail(
      '该期间已发布并锁定，修改须填写修订原因 reason；或数值可能有误（code observation.implausible，problems 列出每个问题），确认无误须带 confirm: true 和 reason 重新提交',
    ),
    ...errors,
  },
  roles: ['admin', 'analyst', 'reporter'],
  scope: { region: 'body.region', access: 'write' },
});
