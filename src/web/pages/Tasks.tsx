// 督办: each unit's to-do list with today's lights and the reminders for what falls due soon; a unit reports
// progress (percent, note, an evidence file); the office looks at the reports, sends one back with a reason,
// and closes the task after review.
import {
  Alert,
  Button,
  Input,
  InputNumber,
  Modal,
  message,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, type SupervisionTask, type TaskReport, type User } from '../api.ts';
import { ExtensionDialog, MeetingDialog, NewTaskDialog } from '../components/TaskDialogs.tsx';
import { translated, useT } from '../i18n.ts';
import { ErrorAlert, RegionPicker, useApi, useRegionChoice } from '../kit/index.ts';

type Light = NonNullable<SupervisionTask['light']>;
const LIGHTS: Record<Light, { color: string; label: string }> = {
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
const REPORT_STATUS: Record<TaskReport['status'], string> = {
  submitted: '待审核',
  returned: '已退回',
  accepted: '已采纳',
};

/** A file as base64, for the report's evidence. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function TasksPage({ user }: { user: User }) {
  const t = useT();
  const office = user.role === 'admin' || user.role === 'analyst';
  const [light, setLight] = useState<Light | undefined>();
  const { regions, region, setRegion } = useRegionChoice(user);
  const {
    data: rows = [],
    error,
    loading,
    reload,
  } = useApi(() => api.supervisionTasks({ light, region }), [light, region]);
  const [reporting, setReporting] = useState<SupervisionTask | null>(null);
  const [reviewing, setReviewing] = useState<SupervisionTask | null>(null);
  const [extending, setExtending] = useState<SupervisionTask | null>(null);
  const [dialog, setDialog] = useState<'task' | 'meeting' | null>(null);
  const soon = rows.filter((r) => r.light === 'blue');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('督办任务')}</Typography.Title>
      {soon.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="task-reminder"
          message={t('{n} 项任务临近截止：{titles}', {
            n: soon.length,
            titles: soon.map((r) => r.title).join('、'),
          })}
        />
      )}
      <Space wrap>
        {regions.length > 1 && (
          <RegionPicker regions={regions} value={region} onChange={setRegion} testId="task-region" />
        )}
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('全部灯色')}
          value={light}
          onChange={setLight}
          options={translated(
            t,
            Object.entries(LIGHTS).map(([value, l]) => ({ value: value as Light, label: l.label })),
          )}
        />
        {office && region && (
          <>
            <Button type="primary" onClick={() => setDialog('task')}>
              {t('交办任务')}
            </Button>
            <Button onClick={() => setDialog('meeting')}>{t('记录会议')}</Button>
          </>
        )}
        <Button href={api.noticeUrl('docx', region)} data-testid="notice-docx">
          {t('督办通报（Word）')}
        </Button>
        <Button href={api.noticeUrl('xlsx', region)} data-testid="notice-xlsx">
          {t('督办通报（Excel）')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      <Table<SupervisionTask>
        rowKey="id"
        loading={loading}
        dataSource={rows}
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
          { title: t('事项'), dataIndex: 'title' },
          { title: t('牵头单位'), render: (_, r) => r.lead.join('、') },
          { title: t('配合单位'), render: (_, r) => r.support.join('、') },
          { title: t('截止日期'), dataIndex: 'due' },
          { title: t('剩余天数'), dataIndex: 'daysLeft' },
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
                    <Button size="small" onClick={() => setReporting(r)}>
                      {t('报送进展')}
                    </Button>
                  )}
                  {office && (
                    <Button size="small" onClick={() => setReviewing(r)}>
                      {t('审核')}
                    </Button>
                  )}
                  {user.role !== 'leader' && !r.recurrence && (
                    <Button size="small" onClick={() => setExtending(r)}>
                      {t('延期')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {reporting && (
        <ReportDialog
          task={reporting}
          onClose={(done) => {
            setReporting(null);
            if (done) reload();
          }}
        />
      )}
      {extending && (
        <ExtensionDialog
          task={extending}
          office={office}
          onClose={() => {
            setExtending(null);
            reload();
          }}
        />
      )}
      {dialog === 'task' && region && (
        <NewTaskDialog
          region={region}
          onClose={(done) => {
            setDialog(null);
            if (done) reload();
          }}
        />
      )}
      {dialog === 'meeting' && region && (
        <MeetingDialog
          region={region}
          onClose={(done) => {
            setDialog(null);
            if (done) reload();
          }}
        />
      )}
      {reviewing && (
        <ReviewDialog
          task={reviewing}
          onClose={() => {
            setReviewing(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}

function ReportDialog({ task, onClose }: { task: SupervisionTask; onClose: (done: boolean) => void }) {
  const t = useT();
  const [percent, setPercent] = useState<number | null>(task.percent);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const evidence = file ? { name: file.name, base64: await base64Of(file) } : null;
      await api.reportTask(task.id, { percent, note: note || null, evidence });
      message.success(t('已报送'));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    }
    setBusy(false);
  };
  return (
    <Modal
      open
      title={t('报送进展：{title}', { title: task.title })}
      onOk={send}
      okText={t('报送')}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          {t('完成进度')}
          <InputNumber
            min={0}
            max={100}
            value={percent}
            onChange={setPercent}
            addonAfter="%"
            data-testid="report-percent"
          />
        </Space>
        <Input.TextArea
          rows={3}
          placeholder={t('进展说明')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <input type="file" data-testid="report-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Space>
    </Modal>
  );
}

function ReviewDialog({ task, onClose }: { task: SupervisionTask; onClose: () => void }) {
  const t = useT();
  const { data: reports = [], error, reload } = useApi(() => api.taskReports(task.id), [task.id]);
  const [reason, setReason] = useState('');
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(t(done));
      reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
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
