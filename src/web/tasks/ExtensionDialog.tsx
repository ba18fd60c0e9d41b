// Extensions (延期) of a task: a unit asks by the due date with a reason; the office decides (its own ask is
// approved at once).
import { Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type SupervisionTask, type TaskExtension } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { useAct } from './useAct.ts';

const EXTENSION_STATUS: Record<TaskExtension['status'], { color: string; label: string }> = {
  asked: { color: 'gold', label: '待批准' },
  approved: { color: 'green', label: '已批准' },
  refused: { color: 'red', label: '未批准' },
};

export function ExtensionDialog(props: { task: SupervisionTask; office: boolean; onClose: () => void }) {
  const t = useT();
  const { task, office } = props;
  const { data: rows = [], error, reload } = useApi(() => api.taskExtensions(task.id), [task.id]);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const act = useAct(reload);
  return (
    <Modal
      open
      footer={null}
      width={720}
      onCancel={props.onClose}
      title={t('延期：{title}', { title: task.title })}
    >
      <ErrorAlert error={error} />
      <Table<TaskExtension>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('申请日期'), dataIndex: 'askedOn' },
          { title: t('原截止日期'), dataIndex: 'oldDue' },
          { title: t('延至'), dataIndex: 'newDue' },
          { title: t('理由'), dataIndex: 'reason' },
          {
            title: t('状态'),
            render: (_, r) => (
              <Tag color={EXTENSION_STATUS[r.status].color}>{t(EXTENSION_STATUS[r.status].label)}</Tag>
            ),
          },
          {
            title: t('操作'),
            render: (_, r) =>
              office &&
              r.status === 'asked' && (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => act(() => api.decideExtension(r.id, 'approve'), '已批准')}
                  >
                    {t('批准')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => act(() => api.decideExtension(r.id, 'refuse'), '未批准')}
                  >
                    {t('不批准')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="extension-to" />
        <Input
          style={{ width: 300 }}
          placeholder={t('延期理由')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          disabled={!to || !reason.trim()}
          onClick={() =>
            act(() => api.askExtension(task.id, to, reason), office ? '已延期' : '已申请延期，待督查部门批准')
          }
        >
          {t(office ? '延期' : '申请延期')}
        </Button>
      </Space>
    </Modal>
  );
}
