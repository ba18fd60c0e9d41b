// The project board, one page at a time: the rows of a region's subtree at a period that the board's filters
// keep, sorted by a column and cut to a page, with the total, the light and 三未 counts and the filter menus.

import { BOARD_SORTS } from '../core/projects/board.ts';
import { flag } from './common.ts';
import { ProjectRow } from './projectRow.ts';
import { regionPeriod, tags } from './projectShared.ts';
import { defineRoute, errors } from './route.ts';
import { z } from './zod.ts';

const on = (what: string) => flag.describe(`为 1 时只列${what}`);

export const BoardPage = z
  .object({
    total: z.number().int().describe('筛选后的项目数'),
    rows: z.array(
      ProjectRow.extend({
        problems: z
          .object({ open: z.number().int(), overdue: z.number().int() })
          .describe('未解决与其中逾期的问题数（今天）'),
      }),
    ),
    counts: z
      .object({
        all: z.number().int(),
        red: z.number().int(),
        yellow: z.number().int(),
        green: z.number().int(),
        notStarted: z.number().int(),
        stalled: z.number().int(),
        notFinished: z.number().int(),
      })
      .describe('不筛选时的项目数、各灯数与三未各项数'),
    choices: z
      .object({ level: z.array(z.string()), type: z.array(z.string()), region: z.array(z.string()) })
      .describe('筛选菜单：出现过的级别、类型、所属地区名称'),
  })
  .meta({ id: 'ProjectBoardPage' });

export const projectPage = defineRoute({
  method: 'get',
  path: '/api/projects/page',
  summary: '项目看板的一页：按亮灯、级别、类型、地区、关键词、逾期问题、包联领导筛选，按列排序，分页',
  tags,
  request: {
    query: regionPeriod.extend({
      offset: z.coerce.number().int().min(0).default(0).describe('跳过的行数'),
      limit: z.coerce.number().int().min(1).max(500).default(20).describe('每页行数（至多 500）'),
      sort: z.enum(BOARD_SORTS).optional().describe('排序列；缺省按亮灯（红灯在前）'),
      order: z.enum(['ascend', 'descend']).optional().describe('升序或降序，缺省升序'),
      light: z.enum(['red', 'yellow', 'green']).optional(),
      level: z.string().optional().describe('级别，如 省重点'),
      type: z.string().optional().describe('类型'),
      area: z.string().optional().describe('所属地区名称'),
      q: z.string().optional().describe('项目名称或编号中的一段'),
      overdue: on('有逾期问题的项目'),
      mine: on('本账号包联的项目'),
    }),
  },
  responses: { 200: BoardPage, ...errors },
  scope: { region: 'query.region', access: 'read' },
});
