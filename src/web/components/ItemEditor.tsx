// Editing an extracted target or task before accepting it: the reviewer fixes what the text left open.
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { Indicator, Region, TargetInput, TaskInput } from '../api.ts';
import { translated, useT } from '../i18n.ts';

const KINDS = [
  { value: 'growth', label: '增速（%）' },
  { value: 'amount', label: '总量' },
  { value: 'ceiling', label: '上限' },
  { value: 'floor', label: '下限' },
];
const CMPS = [
  { value: '≈', label: '左右（≈）' },
  { value: '>=', label: '以上（≥）' },
  { value: '<=', label: '以内（≤）' },
];
const STRENGTHS = [
  { value: 'expected', label: '预期' },
  { value: 'must', label: '确保' },
  { value: 'strive', label: '力争' },
];
const RECURRENCES = [
  { value: 'weekly', label: '每周' },
  { value: 'monthly', label: '每月' },
  { value: 'quarterly', label: '每季度' },
];

export function TargetEditor(props: {
  open: boolean;
  initial: Partial<TargetInput> | null;
  problem: string | null;
  quote: string;
  indicators: Indicator[];
  regions: Region[];
  onCancel: () => void;
  onSave: (t: TargetInput) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<TargetInput>();
  useEffect(() => {
    if (props.open) form.setFieldsValue(props.initial ?? {});
  }, [props.open, props.initial, form]);
  return (
    <Modal
      title={t('修改后采纳目标')}
      open={props.open}
      okText={t('采纳')}
      cancelText={t('取消')}
      okButtonProps={{ id: 'save-item' }}
      onCancel={props.onCancel}
      onOk={() => form.validateFields().then(props.onSave, () => undefined)}
    >
      <Alert type="info" message={props.quote} style={{ marginBottom: 12 }} />
      {props.problem && (
        <Alert type="warning" showIcon message={t(props.problem)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }}>
        <Form.Item name="indicator" label={t('指标')} rules={[{ required: true, message: t('请选择指标') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="edit-indicator"
            options={props.indicators.map((i) => ({
              value: i.code,
              label: t('{name}（{unit}）', { name: i.name, unit: i.unit }),
            }))}
          />
        </Form.Item>
        <Form.Item name="region" label={t('地区')} rules={[{ required: true, message: t('请选择地区') }]}>
          <Select options={props.regions.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="year" label={t('年度')} rules={[{ required: true, message: t('请填写年度') }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="kind" label={t('类型')} rules={[{ required: true }]}>
          <Select options={translated(t, KINDS)} />
        </Form.Item>
        <Form.Item name="value" label={t('目标值')} rules={[{ required: true, message: t('请填写目标值') }]}>
          <InputNumber data-testid="edit-value" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="cmp" label={t('比较')}>
          <Select options={translated(t, CMPS)} />
        </Form.Item>
        <Form.Item name="strength" label={t('力度')} rules={[{ required: true }]}>
          <Select options={translated(t, STRENGTHS)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type TaskForm = Omit<TaskInput, 'recurrence'> & { recurrence?: TaskInput['recurrence'] };

export function TaskEditor(props: {
  open: boolean;
  initial: TaskInput | null;
  quote: string;
  regions: Region[];
  onCancel: () => void;
  onSave: (t: TaskInput) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<TaskForm>();
  useEffect(() => {
    if (props.open && props.initial) form.setFieldsValue(props.initial);
  }, [props.open, props.initial, form]);
  return (
    <Modal
      title={t('修改后采纳督办任务')}
      open={props.open}
      okText={t('采纳')}
      cancelText={t('取消')}
      okButtonProps={{ id: 'save-item' }}
      onCancel={props.onCancel}
      onOk={() =>
        form.validateFields().then(
          (v) => props.onSave({ ...v, recurrence: v.recurrence ?? null, due: v.due || null }),
          () => undefined,
        )
      }
    >
      <Alert type="info" message={props.quote} style={{ marginBottom: 12 }} />
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }}>
        <Form.Item name="action" label={t('事项')} rules={[{ required: true, message: t('请填写事项') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="edit-action" />
        </Form.Item>
        <Form.Item
          name="lead"
          label={t('牵头单位')}
          rules={[{ required: true, message: t('至少一个牵头单位') }]}
        >
          <Select mode="tags" tokenSeparators={['、', ',', '，']} />
        </Form.Item>
        <Form.Item name="support" label={t('配合单位')}>
          <Select mode="tags" tokenSeparators={['、', ',', '，']} />
        </Form.Item>
        <Form.Item name="region" label={t('地区')} rules={[{ required: true }]}>
          <Select options={props.regions.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="due" label={t('时限')}>
          <Input placeholder={t('如 6月底前、二季度、年底前')} />
        </Form.Item>
        <Form.Item name="recurrence" label={t('周期')}>
          <Select allowClear options={translated(t, RECURRENCES)} placeholder={t('不重复')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
