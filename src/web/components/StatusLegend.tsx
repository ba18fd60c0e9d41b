// The legend of the status colours, beside every panel coloured by status.
import { Space } from 'antd';
import { STATUS_LEGEND } from '../cockpitView.ts';
import { useT } from '../i18n.ts';

export function StatusLegend() {
  const t = useT();
  return (
    <Space size={12} style={{ fontSize: 12 }} data-testid="status-legend">
      {STATUS_LEGEND.map((s) => (
        <span key={s.status}>
          <span
            style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }}
          />
          {t(s.text)}
        </span>
      ))}
    </Space>
  );
}
