// The office reviews a task's reports: sends one back with a reason (退回), or closes the task (办结).
import { Button, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { api, type SupervisionTask, type TaskReport } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { useAct } from './useAct.ts';

const REPORT_STATUS: Record<TaskReport['status'], string> = {
  submitted: '待审核',
  returned: '已退回',
  accepted: '已采纳',
};

export function ReviewDialog({ task, onClose }: { task: SupervisionTask; onClose: () => void }) {
  const t = useT();
  const { data: reports = [], error, reload } = useApi(() => api.taskReports(task.id), [task.id]);
  const [reason, setReason] = useState('');
  const act = useAct(reload);
  return (
    <Modal
      open
      title={t('审核：{title}', { title: task.title })}
      footer={null}
      onCancel={onClose}
      width={720}
    >
      <ErrorAlert error={error} />
      <Table<TaskReport>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={reports}
        columns={[
          { title: t('日期'), dataIndex: 'date' },
          { title: t('进度%'), dataIndex: 'percent' },
          { title: t('进展说明'), dataIndex: 'note' },
          { title: t('佐证材料'), dataIndex: 'evidenceName' },
          {
            title: t('状态'),
            render: (_, r) =>
              r.returnReason
                ? t('{status}：{reason}', { status: t(REPORT_STATUS[r.status]), reason: r.returnReason })
                : t(REPORT_STATUS[r.status]),
          },
          {
            title: t('操作'),
            render: (_, r) =>
              r.status === 'submitted' && (
                <Button
                  size="small"
                  danger
                  onClick={() => act(() => api.reviewTaskReport(r.id, 'return', reason), '已退回')}
                >
                  {t('退回')}
                </Button>
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Input
          style={{ width: 320 }}
          placeholder={t('退回理由')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          type="primary"
          disabled={!reports.some((r) => r.status !== 'returned')}
          onClick={() => act(() => api.closeTask(task.id), '已办结').then(onClose)}
        >
          {t('办结')}
        </Button>
      </Space>
    </Modal>
  );
}
