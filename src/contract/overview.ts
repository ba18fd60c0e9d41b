// The region–period overview (the cockpit's read model) and the briefing built on it.

import { Direction, Explanation, num, ProgressStatus, strOrNull, TargetKind } from './common.ts';
import { progressQuery } from './figures.ts';
import { DOCX, defineRoute, errors, fail, file, XLSX } from './route.ts';
import { z } from './zod.ts';

const tags = ['驾驶舱与通报'];
const place = z.object({ code: z.string(), name: z.string() });
const int = z.number().int().nullable();

export const OverviewRow = z
  .object({
    indicator: z.string().describe('指标代码'),
    name: z.string(),
    unit: z.string().describe('数值的单位（增速目标的目标值为 %）'),
    direction: Direction.describe('up 越高越好，down 越低越好（失业率、能耗）'),
    dataPeriod: strOrNull.describe('数值所属期间：本年截至该期的最新已发布数'),
    value: num,
    yoy: num.describe('累计同比：公布数，无公布时为推算数'),
    yoyPoints: num.describe('比率类指标（失业率）比上年同期增减的百分点'),
    parentYoy: num.describe('上级地区同期同比（无权查看其他地区数据时为 null）'),
    target: num,
    targetKind: TargetKind.nullable(),
    actual: num.describe('与 tiaodu progress 的 actual 相同：增速目标为累计增速，总量目标为累计值'),
    actualUnit: strOrNull.describe('actual 的单位（增速为 %）'),
    completion: num,
    timeProgress: num,
    gap: num,
    status: ProgressStatus.nullable(),
    rank: int.describe('按累计增速在同级地区中的名次（按指标方向）'),
    rankOf: int.describe('参与排位的同级地区数；无上级时为 null'),
    rankChange: int.describe('正数为进位，负数为退位'),
    previousYoy: num.describe('上一期（本地区序列中的前一期）的增速'),
    previousPeriod: strOrNull.describe('previousYoy 的期间 YYYY-MM'),
    swing: z.boolean().describe('大起大落：增速较上期变动超过阈值'),
    explain: Explanation.optional(),
    growthExplain: Explanation.optional().describe(
      '增速的读取方式（公布数或推算数）及其输入；explain=1 时给出',
    ),
    sameScope: z
      .boolean()
      .optional()
      .describe('公布增速与按上年公布数推算的增速相差超过0.1个百分点：上年基数已按同口径调整'),
  })
  .meta({ id: 'OverviewRow' });

export const Overview = z
  .object({
    region: place,
    parent: place.nullable().describe('已载入的上级地区（其下级即参与排位的同级地区）；最上级为 null'),
    period: z.string(),
    rows: z.array(OverviewRow),
    doubleHalf: z.boolean().describe('双过半'),
    allGreen: z.boolean().describe('全年红'),
  })
  .meta({ id: 'Overview' });

const SectionKey = z.enum([
  'overview',
  'gdp',
  'agriculture',
  'industry',
  'investment',
  'consumption',
  'trade',
  'fiscal',
  'finance',
  'prices',
  'income',
  'subregions',
  'projects',
  'tasks',
  'assessment',
  'problems',
  'next',
]);

export const BriefingFigure = z
  .object({
    indicator: z.string(),
    name: z.string(),
    region: z.string(),
    regionName: z.string(),
    period: z.string(),
    value: num,
    unit: z.string(),
    direction: Direction,
    yoy: num,
    yoyPoints: num.describe('比率类指标比上年同期增减的百分点'),
    parentYoy: num,
    parentGap: num.describe('增速与上级增速之差（各按一位小数），百分点'),
    previousYoy: num,
    previousPeriod: strOrNull,
    change: num.describe('增速与上一期增速之差（各按一位小数），百分点'),
    rank: int,
    rankOf: int,
    rankChange: int,
    target: num,
    targetKind: TargetKind.nullable(),
    completion: num,
    timeProgress: num,
    gap: num,
    status: ProgressStatus.nullable(),
    swing: z.boolean(),
    forecast: z.boolean().describe('预计数，尚未公布'),
    twoYearAverage: num.optional().describe('两年平均增长（%），上年基数异常时给出'),
    lastYearYoy: num.optional().describe('上年同期增速（两年平均增长的输入）'),
    provinceYoy: num.optional().describe('所属省份同期增速（已载入且有权查看时）'),
    provinceGap: num.optional().describe('增速与省增速之差，百分点'),
    sameScope: z.boolean().optional().describe('按同口径计算：上年基数已调整'),
    explain: z
      .object({ yoy: Explanation.optional(), target: Explanation.optional(), value: Explanation.optional() })
      .optional()
      .describe('增速的读取方式和目标进度的计算（公式与输入）'),
  })
  .meta({ id: 'BriefingFigure', description: '段落中的一个数字，取自 series、league --by yoy 和 progress' });

export const BriefingChart = z
  .object({
    key: z.enum(['growth', 'completion', 'subregions', 'trend']),
    kind: z.enum(['bar', 'line']).optional().describe('bar 条形（默认），line 折线（走势）'),
    title: z.string(),
    section: SectionKey.describe('图放在该节段落之后'),
    unit: z.string(),
    categories: z.array(z.string()),
    series: z.array(z.object({ name: z.string(), values: z.array(num) })),
    horizontal: z.boolean().describe('横向条形（每个下级地区一条，名次高者在上）'),
    lowerIsBetter: z.boolean(),
    line: z.object({ name: z.string(), value: z.number() }).nullable().describe('参考线（本地区增速）'),
  })
  .meta({ id: 'BriefingChart', description: '通报中的一张图：按类别和系列的数据' });

const Cell = z.union([z.string(), z.number(), z.null()]);

export const Briefing = z
  .object({
    region: place,
    period: z.string(),
    title: z.string(),
    verdict: z.string().describe('总体判断'),
    sections: z.array(
      z.object({
        key: SectionKey,
        title: z.string(),
        part: strOrNull.describe('所属部分（如“一、主要经济指标完成情况”）'),
        paragraphs: z.array(z.string()),
        figures: z.array(BriefingFigure),
        edited: z.array(z.number().int()).optional().describe('分析员改写过的段落序号'),
      }),
    ),
    tables: z.array(
      z.object({
        key: z.enum(['main', 'subregions', 'modules']),
        title: z.string(),
        header: z.array(z.string()),
        digits: z.array(z.number().int().nullable()).describe('各列数字的小数位（null 为文字）'),
        rowDigits: z.array(z.number().int()).optional(),
        rows: z.array(z.array(Cell)),
      }),
    ),
    charts: z.array(BriefingChart),
    version: z
      .object({ number: z.number().int(), savedBy: z.string(), savedAt: z.string(), note: strOrNull })
      .nullable()
      .optional()
      .describe('文本所用的已保存版本；null 为系统生成的原文'),
    stale: z
      .array(z.object({ section: SectionKey, index: z.number().int(), text: z.string() }))
      .optional()
      .describe('因数据修订、原段落已变而未再套用的改写'),
  })
  .meta({ id: 'Briefing' });

/** Which version GET /api/briefing shows: `latest` (the default), a number, or 0 for the generated text. */
export const versionParam = z
  .union([z.literal('latest'), z.coerce.number().int().min(0).max(1_000_000)])
  .default('latest')
  .describe(
    '已保存的版本号；latest（默认）为最新保存的版本，0 为系统生成的原文。JSON 中 version 给出所用版本，sections[].edited 列出改写过的段落序号，stale 列出因数据修订未再套用的改写',
  );

export const overview = defineRoute({
  method: 'get',
  path: '/api/overview',
  summary:
    '地区–期间概览（驾驶舱和通报的读模型）：每个指标的数值、增速、上级增速、目标进度、在同级地区中的增速排位和位次变化、大起大落；目标字段与 tiaodu progress 相同，与 tiaodu overview --json 相同。上级增速只给可查看其他地区数据的角色（设置 league.peerFigures）',
  tags,
  request: { query: progressQuery },
  responses: { 200: Overview, ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const briefing = defineRoute({
  method: 'get',
  path: '/api/briefing',
  summary:
    '经济运行情况分析（通报）：标题、总体判断、分板块段落、分下级地区、存在问题、下步工作；每段中的数字都是该段 figures 之一。format=json 与 tiaodu brief --json 相同；docx、xlsx、html 为文件（限本账号辖区）',
  tags,
  request: {
    query: progressQuery.omit({ explain: true }).extend({
      format: z.enum(['json', 'docx', 'xlsx', 'html']).default('json').describe('json、docx、xlsx 或 html'),
      version: versionParam,
    }),
  },
  responses: {
    200: {
      kind: 'json-or-file',
      json: Briefing,
      file: file([DOCX, XLSX, 'text/html'], '通报（JSON），或 DOCX / XLSX / HTML 文件'),
    },
    ...errors,
  },
  scope: { region: 'query.region', access: 'read' },
});

export const BriefingVersion = z
  .object({
    version: z.number().int(),
    savedBy: z.string(),
    savedAt: z.string().describe('ISO 8601'),
    note: strOrNull,
    changes: z.array(
      z.object({
        section: z.string(),
        title: z.string(),
        index: z.number().int(),
        before: strOrNull,
        after: strOrNull,
        removed: z.array(z.string()).describe('改写后不再出现的数字'),
        peers: z.boolean().optional().describe('含上级增速：无权查看其他地区数据的账号看不到 before/after'),
      }),
    ),
  })
  .meta({ id: 'BriefingVersion' });

export const briefingVersions = defineRoute({
  method: 'get',
  path: '/api/briefing/versions',
  summary: '通报的已保存版本（新在前）：谁、何时、改了哪些段落（改前、改后、删去的数字）（限本账号辖区）',
  tags,
  request: { query: progressQuery.pick({ region: true, period: true }) },
  responses: { 200: z.array(BriefingVersion), ...errors },
  scope: { region: 'query.region', access: 'read' },
});

export const saveBriefingVersion = defineRoute({
  method: 'post',
  path: '/api/briefing/versions',
  summary:
    '保存通报的改写为新版本（本辖区或上级的分析员、管理员）：edits 为全部改写过的段落；每段中的数字须是该节 figures 之一（可删去数字，不可改写或新增）；base 不是最新版本号时 409',
  tags,
  request: {
    body: z.object({
      region: z.string().min(1),
      period: z.string().regex(/^\d{4}-\d{2}$/, '应为 YYYY-MM'),
      base: z.number().int().min(0).describe('编辑所依据的版本号，0 为系统生成的原文'),
      edits: z
        .array(z.object({ section: z.string().min(1), index: z.number().int().min(0), text: z.string() }))
        .max(500),
      note: z.string().max(200).nullable().optional(),
    }),
  },
  responses: { 201: BriefingVersion, 409: fail('他人已保存了更新的版本'), ...errors },
  roles: ['admin', 'analyst'],
  scope: { region: 'body.region', access: 'write' },
});
