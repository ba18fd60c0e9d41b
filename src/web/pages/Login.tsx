// The sign-in page.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, type User } from '../api.ts';
import { useT } from '../i18n.ts';

export function Login({ onSignedIn }: { onSignedIn: (u: User) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { name: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(v.name, v.password));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3efe9' }}>
      <Card title={t('调度 · 经济运行监测调度平台')} style={{ width: 380 }}>
        <Form layout="vertical" onFinish={submit}>
          <Form.Item label={t('用户名')} name="name" rules={[{ required: true, message: t('请输入用户名') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label={t('密码')} name="password" rules={[{ required: true, message: t('请输入密码') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
