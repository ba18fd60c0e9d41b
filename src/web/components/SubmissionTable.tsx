// The submissions of a region and period with their review status: what the reporter sent, what is published
// now, who reviewed it and why it was returned. The review page adds row selection; data entry shows it as is.
import { Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import type { Submission, SubmissionStatus } from '../api.ts';
import { fmt } from '../format.ts';
import { useT } from '../i18n.ts';

export const STATUS: Record<SubmissionStatus, { text: string; color: string }> = {
  submitted: { text: '待审核', color: 'processing' },
  approved: { text: '已通过，待发布', color: 'green' },
  returned: { text: '已退回', color: 'red' },
  published: { text: '已发布', color: 'default' },
  superseded: { text: '已被新提交替代', color: 'default' },
};

const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export function SubmissionTable(props: {
  rows: Submission[];
  testId: string;
  rowSelection?: TableProps<Submission>['rowSelection'];
  /** The data-entry page lists one region and period: region and period columns would repeat. */
  compact?: boolean;
}) {
  const t = useT();
  const columns: TableProps<Submission>['columns'] = [
    ...(props.compact
      ? []
      : [
          { title: t('地区'), dataIndex: 'regionName', width: 110 },
          { title: t('期间'), dataIndex: 'period', width: 80 },
        ]),
    { title: t('指标'), dataIndex: 'indicatorName' },
    {
      title: t('上报值'),
      align: 'right' as const,
      render: (_: unknown, s: Submission) => `${fmt(s.value)} ${s.unit}`,
    },
    { title: t('同比%'), dataIndex: 'yoy', align: 'right' as const, render: (v: number | null) => fmt(v, 1) },
    {
      title: t('现发布值'),
      align: 'right' as const,
      render: (_: unknown, s: Submission) => (s.published ? fmt(s.published.value) : '—'),
    },
    {
      title: t('状态'),
      render: (_: unknown, s: Submission) => (
        <>
          <Tag color={STATUS[s.status].color}>{t(STATUS[s.status].text)}</Tag>
          {s.locked && s.status !== 'published' && <Tag color="orange">{t('修订')}</Tag>}
        </>
      ),
    },
    {
      title: t('说明 / 修订原因'),
      // data-content: what users wrote is data, shown as written in either language.
      render: (_: unknown, s: Submission) =>
        s.comment || s.reason ? (
          <>
            {s.comment && <span data-content>{s.comment}</span>}
            {s.comment && s.reason && t('；')}
            {s.reason && (
              <>
                {t('修订原因：')}
                <span data-content>{s.reason}</span>
              </>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('上报'),
      render: (_: unknown, s: Submission) => (
        <Typography.Text type="secondary">
          {s.submittedBy} {time(s.submittedAt)}
        </Typography.Text>
      ),
    },
    {
      title: t('审核'),
      render: (_: unknown, s: Submission) =>
        s.status === 'returned' ? (
          <Typography.Text type="danger" data-testid="return-reason">
            {t('{user} 退回：', { user: s.reviewedBy ?? '' })}
            <span data-content>{s.returnReason}</span>
          </Typography.Text>
        ) : s.reviewedBy ? (
          <Tooltip title={time(s.reviewedAt)}>
            {s.reviewedBy}
            {s.publishedBy ? ` · ${t('{user}发布', { user: s.publishedBy })}` : ''}
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={props.rows.length > 50 ? { pageSize: 50 } : false}
      dataSource={props.rows}
      data-testid={props.testId}
      rowSelection={props.rowSelection}
      columns={columns}
    />
  );
}
