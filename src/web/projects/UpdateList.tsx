// The monthly updates of a region's projects: an analyst of the level above approves or returns those waiting
// (a return needs its reason) — a district's analyst its towns' months, the city's all; a reporter sees its own.
import { Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { type ProjectUpdate, projectsApi } from '../projectsApi.ts';

export const STATUS_NAME: Record<ProjectUpdate['status'], [string, string]> = {
  submitted: ['待审核', 'gold'],
  approved: ['已通过', 'green'],
  returned: ['已退回', 'red'],
};

export function UpdateList(props: {
  region: string;
  reviewer: boolean;
  round: number;
  onChanged: () => void;
  onOpen: (code: string) => void;
}) {
  const t = useT();
  const { region, reviewer, round } = props;
  const updates = useApi(
    () => projectsApi.updates(region, reviewer ? 'submitted' : undefined),
    [region, reviewer, round],
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'approve' | 'return') => {
    setError(null);
    try {
      await projectsApi.review(selected, decision, decision === 'return' ? reason : undefined);
      setSelected([]);
      setReturning(false);
      setReason('');
      props.onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={updates.error ?? error} />
      {reviewer && (
        <Space>
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => decide('approve')}
            data-testid="approve"
          >
            {t('通过')}
          </Button>
          <Button
            danger
            disabled={selected.length === 0}
            onClick={() => setReturning(true)}
            data-testid="return"
          >
            {t('退回')}
          </Button>
        </Space>
      )}
      <Table<ProjectUpdate>
        size="small"
        rowKey="id"
        data-testid="update-table"
        dataSource={updates.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        rowSelection={
          reviewer
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (u) => ({ disabled: !u.canReview }),
              }
            : undefined
        }
        columns={[
          {
            title: t('项目名称'),
            dataIndex: 'name',
            render: (n: string, u) => (
              <Typography.Link onClick={() => props.onOpen(u.code)}>{n}</Typography.Link>
            ),
          },
          { title: t('所属地区'), dataIndex: 'region' },
          { title: t('月份'), dataIndex: 'period' },
          { title: t('本年累计完成投资（万元）'), dataIndex: 'done', align: 'right' },
          { title: t('形象进度'), dataIndex: 'progress' },
          { title: t('需协调事项'), dataIndex: 'coordination' },
          {
            title: t('照片'),
            dataIndex: 'photos',
            render: (ps: ProjectUpdate['photos']) => (
              <Space>
                {ps.map((p) => (
                  <a key={p.id} href={projectsApi.photoUrl(region, p.id)} target="_blank" rel="noreferrer">
                    <img src={projectsApi.photoUrl(region, p.id)} alt={p.name} style={{ height: 32 }} />
                  </a>
                ))}
              </Space>
            ),
          },
          {
            title: t('状态'),
            dataIndex: 'status',
            render: (s: ProjectUpdate['status'], u) => (
              <Tag color={STATUS_NAME[s][1]} title={u.reason ?? undefined}>
                {t(STATUS_NAME[s][0])}
              </Tag>
            ),
          },
          { title: t('填报人'), dataIndex: 'submittedBy' },
        ]}
      />
      <Modal
        open={returning}
        title={t('退回原因')}
        onCancel={() => setReturning(false)}
        onOk={() => decide('return')}
        okButtonProps={{ disabled: !reason.trim() }}
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('请填写退回原因')}
        />
      </Modal>
    </Space>
  );
}
