// The office gives a task (交办) to units picked from the catalogue: source, urgency, due date or recurrence.
import { Form, Input, Select } from 'antd';
import { api } from '../api.ts';
import { RECURRENCE_OPTIONS, URGENCIES } from '../components/SuperviseEditor.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { translated, useT } from '../i18n.ts';
import { FormDialog } from './FormDialog.tsx';

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
  const send = async (v: NewTask) => {
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
    return t('已交办');
  };
  return (
    <FormDialog
      form={form}
      title={t('交办督办任务')}
      okText={t('交办')}
      width={640}
      send={send}
      onClose={onClose}
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
    </FormDialog>
  );
}
