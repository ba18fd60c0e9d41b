// 系统设置 (city-wide admins): the deployment's switches, each saved at once and audited by the server.
import { Alert, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';

export function AdminSettings() {
  const t = useT();
  const settings = useApi(() => api.settings(), []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<boolean | null>(null);
  const publicRanking = saved ?? settings.data?.['assess.publicRanking'] ?? false;
  const change = async (on: boolean) => {
    setSaving(true);
    setError(null);
    try {
      const next = await api.putSettings({ 'assess.publicRanking': on });
      setSaved(next['assess.publicRanking']);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ maxWidth: 720 }}>
      <ErrorAlert error={settings.error ?? error} />
      <Space align="start">
        <Switch
          checked={publicRanking}
          loading={saving || settings.loading}
          disabled={!settings.data}
          onChange={change}
          data-testid="setting-public-ranking"
        />
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{t('允许各地查看已发布的考核排名')}</Typography.Text>
          <Typography.Text type="secondary">
            {t(
              '开启后，区县、乡镇账号在「考核」页可看到已发布考核结果的全部排名（各地总分、名次和各项得分）并下载通报；关闭时只看到本辖区各地的得分及其组内名次。试算结果和未发布的考核期任何时候都不公开。',
            )}
          </Typography.Text>
        </Space>
      </Space>
      {saved !== null && (
        <Alert
          type="success"
          showIcon
          message={saved ? t('已开启：各地可查看已发布的考核排名') : t('已关闭：各地只看到本辖区的得分')}
        />
      )}
    </Space>
  );
}
