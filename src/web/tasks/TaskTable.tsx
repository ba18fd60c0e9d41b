// The supervision list (督办清单): each task's light, owners, due date, progress and status, with the actions a
// role may take on an open task (report, review, extend).
import { Button, Space, Table, Tag } from 'antd';
import type { SupervisionTask, User } from '../api.ts';
import { useT } from '../i18n.ts';

export type Light = NonNullable<SupervisionTask['light']>;
export const LIGHTS: Record<Light, { color: string; label: string }> = {
  red: { color: 'red', label: '红灯' },
  yellow: { color: 'gold', label: '黄灯' },
  blue: { color: 'blue', label: '蓝灯' },
  green: { color: 'green', label: '绿灯' },
};
const STATUS: Record<SupervisionTask['status'], string> = {
  not_started: '未报送',
  in_progress: '办理中',
  done: '已办结',
  overdue: '已超期',
};

export function TaskTable(props: {
  user: User;
  rows: SupervisionTask[];
  loading: boolean;
  onReport: (task: SupervisionTask) => void;
  onReview: (task: SupervisionTask) => void;
  onExtend: (task: SupervisionTask) => void;
}) {
  const t = useT();
  const { user } = props;
  const office = user.role === 'admin' || user.role === 'analyst';
  return (
    <Table<SupervisionTask>
      rowKey="id"
      loading={props.loading}
      dataSource={props.rows}
      pagination={{ pageSize: 50 }}
      data-testid="task-table"
      // A row's `children` are its child tasks' ids, not nested rows.
      expandable={{ childrenColumnName: 'nestedRows' }}
      columns={[
        {
          title: t('灯'),
          dataIndex: 'light',
          render: (l: SupervisionTask['light']) =>
            l ? <Tag color={LIGHTS[l].color}>{t(LIGHTS[l].label)}</Tag> : <Tag>{t('已办结')}</Tag>,
        },
        // Titles and unit names are data: shown as written in either language.
        { title: t('事项'), dataIndex: 'title', render: (v: string) => <span data-content>{v}</span> },
        { title: t('牵头单位'), render: (_, r) => <span data-content>{r.lead.join('、')}</span> },
        { title: t('配合单位'), render: (_, r) => <span data-content>{r.support.join('、')}</span> },
        { title: t('截止日期'), dataIndex: 'due' },
        // Days left mean nothing once a task is closed.
        { title: t('剩余天数'), render: (_, r) => (r.closedOn ? '—' : r.daysLeft) },
        { title: t('进度%'), dataIndex: 'percent' },
        {
          title: t('状态'),
          render: (_, r) => (
            <Space size={4}>
              {t(STATUS[r.status])}
              {r.escalated && <Tag color="volcano">{t('约谈')}</Tag>}
            </Space>
          ),
        },
        { title: t('最近报送'), dataIndex: 'lastReport' },
        {
          title: t('操作'),
          render: (_, r) =>
            r.status === 'done' ? null : (
              <Space>
                {user.role !== 'leader' && (
                  <Button size="small" onClick={() => props.onReport(r)}>
                    {t('报送进展')}
                  </Button>
                )}
                {office && (
                  <Button size="small" onClick={() => props.onReview(r)}>
                    {t('审核')}
                  </Button>
                )}
                {user.role !== 'leader' && !r.recurrence && (
                  <Button size="small" onClick={() => props.onExtend(r)}>
                    {t('延期')}
                  </Button>
                )}
              </Space>
            ),
        },
      ]}
    />
  );
}
