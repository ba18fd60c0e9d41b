// 修改密码: the signed-in user's own password (the old one is checked; other sessions end).
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n.ts';
import { PASSWORD_RULES, passwordField } from './Users.tsx';

export function AccountPage() {
  const t = useT();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (v: { oldPassword: string; newPassword: string }) => {
    try {
      await api.changePassword(v.oldPassword, v.newPassword);
      setResult({ ok: true, text: '密码已修改；其他设备上的登录已退出' });
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    }
  };
  return (
    <Card title={t('修改密码')} style={{ maxWidth: 420 }}>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('原密码')}
          name="oldPassword"
          rules={[{ required: true, message: t('请输入原密码') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('新密码')} name="newPassword" extra={t(PASSWORD_RULES)} rules={passwordField(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('再输一次新密码')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('请再输一次新密码') },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {result && (
          <Alert type={result.ok ? 'success' : 'error'} message={result.text} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit">
          {t('修改')}
        </Button>
      </Form>
    </Card>
  );
}
