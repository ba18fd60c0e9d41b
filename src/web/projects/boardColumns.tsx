// The columns of the project board's tables: sorted in the browser for a list it holds (三未), or by the server
// for the board's pages (the header only says which column and which way).
import { type TableColumnsType, Typography } from 'antd';
import type { T } from '../i18n.ts';
import type { BoardQuery, ProjectRow } from '../projectsApi.ts';
import { LIGHT_ORDER, type Light, LightTag, num, pct } from './lights.tsx';
import { type ProblemCounts, problemColumn } from './problemColumn.tsx';

export type BoardRow = Pick<
  ProjectRow,
  'code' | 'name' | 'region' | 'unit' | 'level' | 'annualPlan' | 'done' | 'rate' | 'lag' | 'light' | 'reasons'
> & { type?: string | null };

export type BoardSort = NonNullable<BoardQuery['sort']>;
export type SortOrder = 'ascend' | 'descend';

/**
 * The board's columns. With `server`, a sortable header shows the server's order and asks for a new one
 * through the table's onChange (its column key names the sort); without, the browser sorts the rows it has.
 */
export function boardColumns(
  t: T,
  counts: ProblemCounts,
  server?: { sort: BoardSort; order: SortOrder },
): TableColumnsType<BoardRow> {
  const sorting = (key: BoardSort, local: (a: BoardRow, b: BoardRow) => number) =>
    server
      ? { key, sorter: true, sortOrder: server.sort === key ? server.order : null }
      : { key, sorter: local };
  const problems = problemColumn<BoardRow>(t, counts);
  return [
    {
      title: t('亮灯'),
      dataIndex: 'light',
      render: (l: Light) => <LightTag light={l} />,
      ...sorting('light', (a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light]),
      ...(server ? {} : { defaultSortOrder: 'ascend' as const }),
    },
    { title: t('项目编号'), dataIndex: 'code', ...sorting('code', (a, b) => a.code.localeCompare(b.code)) },
    {
      title: t('项目名称'),
      dataIndex: 'name',
      render: (n: string) => <Typography.Link data-content>{n}</Typography.Link>,
    },
    {
      title: t('所属地区'),
      dataIndex: 'region',
      ...sorting('region', (a, b) => a.region.localeCompare(b.region)),
    },
    {
      title: t('责任单位'),
      dataIndex: 'unit',
      render: (u: string | null) => <span data-content>{u ?? '—'}</span>,
    },
    { title: t('级别'), dataIndex: 'level', render: (v: string | null) => (v === null ? '—' : t(v)) },
    {
      title: t('年度计划投资'),
      dataIndex: 'annualPlan',
      align: 'right',
      ...sorting('annualPlan', (a, b) => a.annualPlan - b.annualPlan),
    },
    {
      title: t('本年累计完成'),
      dataIndex: 'done',
      align: 'right',
      ...sorting('done', (a, b) => a.done - b.done),
    },
    {
      title: t('投资完成率'),
      dataIndex: 'rate',
      align: 'right',
      render: (v: number | null) => pct(v),
      ...sorting('rate', (a, b) => (a.rate ?? -1) - (b.rate ?? -1)),
    },
    {
      title: t('滞后（百分点）'),
      dataIndex: 'lag',
      align: 'right',
      render: (v: number | null) => num(v),
      ...sorting('lag', (a, b) => (a.lag ?? 0) - (b.lag ?? 0)),
    },
    { ...problems, ...sorting('problems', problems.sorter) },
    {
      title: t('原因'),
      dataIndex: 'reasons', // The server's Chinese sentences, worded in English by the sentence catalogue.
      render: (rs: string[]) => rs.map((r) => t(r)).join(t('；')),
    },
  ];
}
