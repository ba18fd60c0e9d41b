// A speech's task accepted as supervised tasks (督办): the office picks the lead and supporting units from the
// catalogue (the best match for each name the speech gave is offered first), the due date is read from the
// speech (6月底前 → 06-30) or else the default time limit of the source kind; the quote goes with the task.
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { dueFromText } from '../../contract/web.ts';
import type { DocumentItem, SuperviseInput } from '../api.ts';
import { translated, useT } from '../i18n.ts';
import { pickFor, UnitPicker } from './UnitPicker.tsx';

export const RECURRENCE_OPTIONS = [
  { value: 'weekly', label: '每周' },
  { value: 'monthly', label: '每月' },
  { value: 'quarterly', label: '每季度' },
];
const LIMIT_KINDS = [
  { value: 'meeting', label: '按会议纪要默认时限' },
  { value: 'instruction', label: '按领导批示默认时限' },
];
export const URGENCIES = [
  { value: 'urgent', label: '特急' },
  { value: 'normal', label: '一般' },
  { value: 'hard', label: '攻坚' },
];

type Fields = Omit<SuperviseInput, 'region'>;

export function SuperviseEditor(props: {
  item: DocumentItem | null;
  region: string;
  year: number | null;
  onCancel: () => void;
  onSave: (s: SuperviseInput) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [why, setWhy] = useState<string[]>([]);
  const { item, region, year } = props;
  useEffect(() => {
    if (!item) return;
    const x = item.extracted;
    const names = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    form.resetFields();
    form.setFieldsValue({
      title: String(x.action ?? ''),
      due: dueFromText(typeof x.due === 'string' ? x.due : null, year),
      recurrence: (x.recurrence as Fields['recurrence']) ?? null,
      limitKind: 'meeting',
    });
    Promise.all([pickFor(names(x.lead), region), pickFor(names(x.support), region)]).then(([l, s]) => {
      form.setFieldsValue({ lead: l.ids, support: s.ids.filter((id) => !l.ids.includes(id)) });
      setUnmatched([...l.unmatched, ...s.unmatched]);
      setWhy([...l.why, ...s.why]);
    });
  }, [item, region, year, form]);
  const due = Form.useWatch('due', form);
  const recurrence = Form.useWatch('recurrence', form);
  const limitKind = Form.useWatch('limitKind', form);
  return (
    <Modal
      title={t('采纳为督办任务')}
      open={item !== null}
      okText={t('采纳')}
      cancelText={t('取消')}
      okButtonProps={{ id: 'save-supervise' }}
      width={680}
      onCancel={props.onCancel}
      onOk={() =>
        form.validateFields().then(
          (v) =>
            props.onSave({
              ...v,
              region,
              due: v.due || null,
              recurrence: v.recurrence ?? null,
              limitKind: v.due || v.recurrence ? null : (v.limitKind ?? null),
              urgency: v.limitKind === 'instruction' ? (v.urgency ?? 'normal') : null,
            }),
          () => undefined,
        )
      }
    >
      <Alert type="info" message={item?.extracted.quote ?? ''} style={{ marginBottom: 12 }} />
      {unmatched.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unmatched-units"
          message={t('单位目录中找不到：{names}。请从目录中选择，或先在单位目录中添加', {
            names: unmatched.join('、'),
          })}
        />
      )}
      <Form form={form} layout="horizontal" labelCol={{ span: 5 }}>
        <Form.Item name="title" label={t('事项')} rules={[{ required: true, message: t('请填写事项') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="supervise-title" />
        </Form.Item>
        <Form.Item
          name="lead"
          label={t('牵头单位')}
          rules={[{ required: true, message: t('至少一个牵头单位') }]}
          extra={why.length > 0 ? <Typography.Text type="secondary">{why.join('; ')}</Typography.Text> : null}
        >
          <UnitPicker region={region} towns testId="supervise-lead" />
        </Form.Item>
        <Form.Item name="support" label={t('配合单位')}>
          <UnitPicker region={region} towns testId="supervise-support" />
        </Form.Item>
        <Form.Item name="due" label={t('截止日期')}>
          <Input type="date" data-testid="supervise-due" />
        </Form.Item>
        <Form.Item name="recurrence" label={t('周期')}>
          <Select allowClear options={translated(t, RECURRENCE_OPTIONS)} placeholder={t('不重复')} />
        </Form.Item>
        {!due && !recurrence && (
          <Form.Item name="limitKind" label={t('时限')}>
            <Select options={translated(t, LIMIT_KINDS)} />
          </Form.Item>
        )}
        {!due && !recurrence && limitKind === 'instruction' && (
          <Form.Item name="urgency" label={t('缓急')} initialValue="normal">
            <Select options={translated(t, URGENCIES)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
