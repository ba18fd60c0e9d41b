// The office records a meeting (会议) whose decisions become tasks (会议纪要), each with its units and due date.
import { Button, Form, Input, Space } from 'antd';
import { api } from '../api.ts';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { useT } from '../i18n.ts';
import { FormDialog } from './FormDialog.tsx';

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
  const send = async (v: Meeting) => {
    const r = await api.addMeeting({
      region,
      date: v.date,
      kind: v.kind,
      title: v.title,
      leader: v.leader || null,
      attendees: (v.attendees ?? '').split(/[、,，\s]+/).filter(Boolean),
      decisions: v.decisions.map((d) => ({ ...d, support: d.support ?? [], due: d.due || null })),
    });
    return t('已记录会议，交办 {n} 项任务', { n: r.tasks.length });
  };
  return (
    <FormDialog
      form={form}
      title={t('记录会议')}
      okText={t('保存')}
      width={760}
      send={send}
      onClose={onClose}
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
    </FormDialog>
  );
}
