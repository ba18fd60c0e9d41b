// The office's dialogs on the supervision page: give a task (交办) to units picked from the catalogue, record a
// meeting whose decisions become tasks (会议纪要), and ask for or decide an extension (延期).
import { Button, Form, Input, Modal, message, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, type SupervisionTask, type TaskExtension } from '../api.ts';
import { translated, useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { RECURRENCE_OPTIONS, URGENCIES } from './SuperviseEditor.tsx';
import { UnitPicker } from './UnitPicker.tsx';

const SOURCE_KINDS = [
  { value: 'manual', label: '交办' },
  { value: 'instruction', label: '领导批示' },
  { value: 'meeting', label: '会议纪要' },
];

type Kind = 'manual' | 'instruction' | 'meeting';
interface NewTask {
  title: string;
  lead: string[];
  support?: string[];
  due?: string;
  recurrence?: 'weekly' | 'monthly' | 'quarterly';
  sourceKind: Kind;
  urgency?: 'urgent' | 'normal' | 'hard';
  source?: string;
}

export function NewTaskDialog({ region, onClose }: { region: string; onClose: (done: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<NewTask>();
  const kind = Form.useWatch('sourceKind', form);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.createTask({
        region,
        title: v.title,
        lead: v.lead,
        support: v.support ?? [],
        due: v.due || null,
        recurrence: v.recurrence ?? null,
        sourceKind: v.sourceKind,
        urgency: v.sourceKind === 'instruction' ? (v.urgency ?? 'normal') : null,
        source: v.source || null,
      });
      message.success(t('已交办'));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('交办督办任务')}
      okText={t('交办')}
      onOk={save}
      onCancel={() => onClose(false)}
      width={640}
    >
      <Form form={form} labelCol={{ span: 5 }} initialValues={{ sourceKind: 'manual' }}>
        <Form.Item name="title" label={t('事项')} rules={[{ required: true, message: t('请填写事项') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="new-task-title" />
        </Form.Item>
        <Form.Item
          name="lead"
          label={t('牵头单位')}
          rules={[{ required: true, message: t('至少一个牵头单位') }]}
        >
          <UnitPicker region={region} towns testId="new-task-lead" />
        </Form.Item>
        <Form.Item name="support" label={t('配合单位')}>
          <UnitPicker region={region} towns testId="new-task-support" />
        </Form.Item>
        <Form.Item name="sourceKind" label={t('来源')}>
          <Select options={translated(t, SOURCE_KINDS)} />
        </Form.Item>
        {kind === 'instruction' && (
          <Form.Item name="urgency" label={t('缓急')} initialValue="normal">
            <Select options={translated(t, URGENCIES)} />
          </Form.Item>
        )}
        <Form.Item name="source" label={t('来源说明')}>
          <Input placeholder={t('如 批示文号、会议名称')} />
        </Form.Item>
        <Form.Item
          name="due"
          label={t('截止日期')}
          extra={t('不填截止日期也不选周期时，会议纪要和批示按默认时限')}
        >
          <Input type="date" data-testid="new-task-due" />
        </Form.Item>
        <Form.Item name="recurrence" label={t('周期')}>
          <Select allowClear options={translated(t, RECURRENCE_OPTIONS)} placeholder={t('不重复')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Meeting {
  date: string;
  kind: string;
  title: string;
  leader?: string;
  attendees?: string;
  decisions: { title: string; lead: string[]; support?: string[]; due?: string }[];
}

export function MeetingDialog({ region, onClose }: { region: string; onClose: (done: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<Meeting>();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await api.addMeeting({
        region,
        date: v.date,
        kind: v.kind,
        title: v.title,
        leader: v.leader || null,
        attendees: (v.attendees ?? '').split(/[、,，\s]+/).filter(Boolean),
        decisions: v.decisions.map((d) => ({ ...d, support: d.support ?? [], due: d.due || null })),
      });
      message.success(t('已记录会议，交办 {n} 项任务', { n: r.tasks.length }));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('记录会议')}
      okText={t('保存')}
      onOk={save}
      onCancel={() => onClose(false)}
      width={760}
    >
      <Form form={form} labelCol={{ span: 4 }} initialValues={{ decisions: [{}] }}>
        <Form.Item
          name="title"
          label={t('会议名称')}
          rules={[{ required: true, message: t('请填写会议名称') }]}
        >
          <Input data-testid="meeting-title" />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('会议日期')}
          rules={[{ required: true, message: t('请填写会议日期') }]}
        >
          <Input type="date" data-testid="meeting-date" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('会议类型')}
          rules={[{ required: true, message: t('请填写会议类型') }]}
        >
          <Input placeholder={t('如 常务会议、专题会议')} />
        </Form.Item>
        <Form.Item name="leader" label={t('主持领导')}>
          <Input />
        </Form.Item>
        <Form.Item name="attendees" label={t('参会人员')}>
          <Input placeholder={t('用顿号分隔')} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, n) => (
                <Space
                  key={f.key}
                  direction="vertical"
                  style={{ width: '100%', borderTop: '1px solid #eee' }}
                >
                  <Form.Item
                    name={[f.name, 'title']}
                    label={t('议定事项 {n}', { n: n + 1 })}
                    rules={[{ required: true, message: t('请填写事项') }]}
                  >
                    <Input data-testid={`decision-title-${n}`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'lead']}
                    label={t('牵头单位')}
                    rules={[{ required: true, message: t('至少一个牵头单位') }]}
                  >
                    <UnitPicker region={region} towns testId={`decision-lead-${n}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'support']} label={t('配合单位')}>
                    <UnitPicker region={region} towns />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'due']}
                    label={t('截止日期')}
                    extra={t('不填则按会议纪要默认时限')}
                  >
                    <Input type="date" />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button size="small" onClick={() => remove(f.name)}>
                      {t('删去此项')}
                    </Button>
                  )}
                </Space>
              ))}
              <Button onClick={() => add({})}>{t('添加议定事项')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

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
