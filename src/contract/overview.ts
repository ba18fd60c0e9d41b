// The region–period overview (the cockpit's read model) and the briefing built on it.
import { z } from 'zod';
import { Direction, Explanation, num, ProgressStatus, strOrNull, TargetKind } from './common.ts';
import { progressQuery } from './figures.ts';
import { DOCX, defineRoute, errors, file, XLSX } from './route.ts';

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
  })
  .meta({ id: 'BriefingFigure', description: '段落中的一个数字，取自 series、league --by yoy 和 progress' });

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
      }),
    ),
    tables: z.array(
      z.object({
        key: z.enum(['main', 'subregions']),
        title: z.string(),
        header: z.array(z.string()),
        digits: z.array(z.number().int().nullable()).describe('各列数字的小数位（null 为文字）'),
        rowDigits: z.array(z.number().int()).optional(),
        rows: z.array(z.array(Cell)),
      }),
    ),
  })
  .meta({ id: 'Briefing' });

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
