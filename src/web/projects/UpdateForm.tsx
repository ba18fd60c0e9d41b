// This month's update of a project by its reporter: 本年累计完成投资, 形象进度, 存在问题, 需协调事项 and photos
// as evidence; it waits for the city's review before it counts.
import { Alert, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n.ts';
import { ErrorAlert } from '../kit/index.ts';
import { projectsApi } from '../projectsApi.ts';

interface Values {
  done: number;
  progress?: string;
  problems?: string;
  coordination?: string;
}

export function UpdateForm(props: {
  region: string;
  period: string;
  code: string;
  done: number;
  onSubmitted: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  // A new key empties the file box once its photos went with an update.
  const [picker, setPicker] = useState(0);
  const submit = async (v: Values) => {
    setError(null);
    setBusy(true);
    try {
      const photos = [];
      for (const f of files) photos.push((await projectsApi.uploadPhoto(props.region, props.code, f)).id);
      await projectsApi.submit({
        region: props.region,
        code: props.code,
        period: props.period,
        done: v.done,
        progress: v.progress || null,
        problems: v.problems || null,
        coordination: v.coordination || null,
        photos,
      });
      setSent(true);
      setFiles([]);
      setPicker((n) => n + 1);
      props.onSubmitted();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={`${t('填报本月进展')} · ${props.period}`} data-testid="update-form">
      <Form form={form} layout="vertical" initialValues={{ done: props.done }} onFinish={submit}>
        <Form.Item
          name="done"
          label={t('本年累计完成投资（万元）')}
          rules={[{ required: true, message: t('请填写本年累计完成投资') }]}
        >
          <InputNumber min={0} style={{ width: 200 }} data-testid="update-done" />
        </Form.Item>
        <Form.Item name="progress" label={t('形象进度')}>
          <Input data-testid="update-progress" />
        </Form.Item>
        <Space style={{ width: '100%' }} align="start">
          <Form.Item name="problems" label={t('存在问题')}>
            <Input.TextArea rows={2} cols={40} />
          </Form.Item>
          <Form.Item name="coordination" label={t('需协调事项')}>
            <Input.TextArea rows={2} cols={40} />
          </Form.Item>
        </Space>
        <Form.Item label={t('添加照片')}>
          <input
            key={picker}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            data-testid="update-photos"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </Form.Item>
        <ErrorAlert error={error} />
        {sent && (
          <Alert type="success" showIcon message={t('已提交，待市级审核')} data-testid="update-sent" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          style={{ marginTop: 8 }}
          data-testid="update-submit"
        >
          {t('提交审核')}
        </Button>
      </Form>
    </Card>
  );
}
