// 来源招商项目: in a project's drawer, the investment lead the project was promoted from (nothing when none).
import { Descriptions } from 'antd';
import { useT } from '../i18n.ts';
import { useApi } from '../kit/index.ts';
import { leadsApi } from '../leadsApi.ts';
import { num } from './lights.tsx';

export function LeadSource({ region, code }: { region: string; code: string }) {
  const t = useT();
  const lead = useApi(() => leadsApi.ofProject(region, code), [region, code]);
  const l = lead.data;
  if (!l) return null;
  return (
    <Descriptions size="small" bordered column={1} data-testid="lead-source">
      <Descriptions.Item label={t('来源招商项目')}>
        {t('{code} {name}，签约 {date}，签约金额 {amount} 万元', {
          code: l.code,
          name: l.name,
          date: l.signed ?? '—',
          amount: num(l.contract),
        })}
      </Descriptions.Item>
    </Descriptions>
  );
}
