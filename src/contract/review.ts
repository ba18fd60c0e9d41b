// Review (审核): submissions in scope, approving or returning them, publishing a period, and the settings.

import { num, period, Role, strOrNull } from './common.ts';
import { defineRoute, errors, fail } from './route.ts';
import { z } from './zod.ts';

const tags = ['审核'];

const SubmissionStatus = z.enum(['submitted', 'approved', 'returned', 'published', 'superseded']);

export const Submission = z
  .object({
    id: z.number().int(),
    regionCode: z.string(),
    regionName: z.string(),
    indicatorCode: z.string(),
    indicatorName: z.string(),
    unit: z.string(),
    period: z.string(),
    value: num,
    yoy: num,
    monthValue: num,
    monthYoy: num,
    forecast: z.boolean(),
    status: SubmissionStatus.describe('待审核、已通过（待发布）、已退回、已发布、已被新提交替代'),
    comment: strOrNull,
    reason: strOrNull.describe('修订原因（修改已发布期间时）'),
    source: strOrNull,
    submittedBy: z.string(),
    submittedAt: z.string(),
    reviewedBy: strOrNull,
    reviewedAt: strOrNull,
    returnReason: strOrNull,
    publishedBy: strOrNull,
    publishedAt: strOrNull,
    published: z
      .object({ value: num, yoy: num })
      .nullable()
      .describe('同一地区、指标、期间现已发布的数（发布后将被替换）'),
    locked: z.boolean().describe('该期间已发布并锁定：这条是修订'),
    canReview: z.boolean().optional().describe('当前用户能否审核（上一级地区的分析员、管理员）'),
  })
  .meta({ id: 'Submission', description: '填报员上报、待审核的一条数据' });

export const PeriodStatus = z
  .object({
    region: z.string(),
    period: z.string(),
    lock: z
      .object({ regionCode: z.string(), period: z.string(), lockedBy: strOrNull, lockedAt: z.string() })
      .nullable()
      .describe('覆盖该地区的发布锁（本地区或上级地区发布时加锁），未发布时为 null'),
    counts: z.record(SubmissionStatus, z.number().int()).describe('该地区及下级地区该期各状态的上报条数'),
  })
  .meta({ id: 'PeriodStatus' });

export const Settings = z
  .object({
    'league.peerFigures': z
      .array(Role)
      .describe(
        '可查看其他地区已发布排位数据的角色（默认 analyst、leader、admin）；其他账号在排位表及导出中只看到本辖区的行及其名次',
      ),
    'projects.rules': z
      .object({
        lagRed: z.number(),
        lagYellow: z.number(),
        startLateRedMonths: z.number(),
        startLateYellowMonths: z.number(),
        unlistedRedMonths: z.number(),
        unlistedYellowMonths: z.number(),
        tourDropExtremesFrom: z.number(),
        tourMinScore: z.number(),
        tourMaxScore: z.number(),
      })
      .optional()
      .describe(
        '重点项目亮灯和拉练评分的规则（默认 lagRed 30、lagYellow 10、startLateRedMonths 3、startLateYellowMonths 1、unlistedRedMonths 2、unlistedYellowMonths 1、tourDropExtremesFrom 5、tourMinScore 0、tourMaxScore 100）；修改时可只给要改的项',
      ),
    'assess.publicRanking': z
      .boolean()
      .describe('按辖区限定的账号能否看到已发布考核结果的全部排名（默认 false：只看本辖区各地的得分）'),
  })
  .meta({ id: 'Settings' });

/** The settings' own checks (which keys exist, what each takes) are the store's; here only "an object". */
const settingsBody = z
  .record(z.string(), z.unknown(), { error: '应为 { 设置项: 值 } 形式的对象' })
  .describe('只改给出的设置项，形如 Settings');

export const submissionsQuery = z.object({
  status: z
    .enum(['submitted', 'approved', 'returned', 'published', 'superseded', 'open'])
    .optional()
    .describe('状态；open 为待审核和已通过未发布'),
  period: period.optional().describe('期间 YYYY-MM'),
  region: z.string().min(1).optional().describe('地区（含下级地区，限本账号辖区）'),
  indicator: z.string().min(1).optional().describe('指标'),
  limit: z.coerce.number().int().min(1).max(5000).optional().describe('最多条数，默认 1000'),
});

export const reviewBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1, '至少选择一条').max(5000),
    decision: z.enum(['approve', 'return']),
    reason: z.string().max(500).optional().describe('退回原因（退回时必填）'),
  })
  .refine((b) => b.decision === 'approve' || !!b.reason?.trim(), {
    path: ['reason'],
    message: '退回须填写原因',
  });

export const publishBody = z.object({
  region: z.string().min(1),
  period: period.describe('YYYY-MM'),
});

export const submissions = defineRoute({
  method: 'get',
  path: '/api/submissions',
  summary:
    '上报的数据（审核列表）：本账号辖区内，最新在前；填报员看本辖区的上报及其状态和退回原因（领导不可用）',
  tags,
  request: { query: submissionsQuery },
  responses: { 200: z.array(Submission), ...errors },
  roles: ['admin', 'analyst', 'reporter'],
  scope: { region: 'query.region', access: 'read', optional: true },
});

export const reviewSubmissions = defineRoute({
  method: 'post',
  path: '/api/submissions/review',
  summary:
    '审核通过或退回一条或多条上报（全部成功或全部不改）：审核人须为上一级地区的分析员或管理员（辖区是该地区的上级，或不限辖区）',
  tags,
  request: { body: reviewBody },
  responses: { 200: z.array(Submission), 409: fail('某条上报已不在可审核的状态'), ...errors },
  roles: ['admin', 'analyst'],
  note: '每条上报须由其上一级地区审核：逐条依上报的地区检查（store/review.ts）',
});

export const periodStatus = defineRoute({
  method: 'get',
  path: '/api/periods/status',
  summary: '某地区某期的发布状态：是否已发布锁定，及本地区和下级地区各状态的上报条数',
  tags,
  request: {
    query: z.object({
      region: z.string().min(1).describe('地区（限本账号辖区）'),
      period: period.describe('期间 YYYY-MM'),
    }),
  },
  responses: { 200: PeriodStatus, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const publishPeriod = defineRoute({
  method: 'post',
  path: '/api/periods/publish',
  summary:
    '发布：把某地区及其下级地区该期已审核通过的数写入已发布数据（保留历史），并锁定该期（分析员、管理员，限本账号辖区）',
  tags,
  request: { body: publishBody },
  responses: {
    200: z.object({
      region: z.string(),
      period: z.string(),
      published: z.number().int().describe('写入的条数'),
      revised: z.number().int().describe('其中修改已锁定期间的条数（记为修订）'),
      pending: z.number().int().describe('该期仍待审核的条数'),
    }),
    ...errors,
  },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
});

const cityAdmin = { cityWide: '只有全市范围的管理员可以查看和修改系统设置' } as const;

export const settings = defineRoute({
  method: 'get',
  path: '/api/settings',
  summary: '系统设置（全市范围的管理员）',
  tags: ['管理'],
  request: {},
  responses: { 200: Settings, ...errors },
  roles: ['admin'],
  scope: cityAdmin,
});

export const putSettings = defineRoute({
  method: 'put',
  path: '/api/settings',
  summary: '修改系统设置（全市范围的管理员；只改给出的设置项，记入审计 setting.set）',
  tags: ['管理'],
  request: { body: settingsBody },
  responses: { 200: Settings, ...errors },
  roles: ['admin'],
  scope: cityAdmin,
});
