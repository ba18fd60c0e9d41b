// One indicator with a target on the cockpit: its figure, target, status, completion against time, rank.
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import type { OverviewRow } from '../api.ts';
import { cardView } from '../cockpitView.ts';
import { useLang, useT } from '../i18n.ts';

/** Completion as a bar in the status colour, with a marker at time progress; a legend says which is which. */
function CompletionBar({
  color,
  bar,
  text,
  time,
  timeText,
}: { color: string } & NonNullable<ReturnType<typeof cardView>['progress']>) {
  const t = useT();
  return (
    <div data-testid="completion">
      <div
        style={{
          position: 'relative',
          height: 10,
          background: '#f0f0f0',
          borderRadius: 5,
          margin: '8px 0 4px',
        }}
      >
        <div style={{ width: `${bar}%`, height: '100%', background: color, borderRadius: 5 }} />
        <div
          title={t('时序进度')}
          style={{
            position: 'absolute',
            left: `calc(${time}% - 1px)`,
            top: -3,
            width: 2,
            height: 16,
            background: '#262626',
          }}
        />
      </div>
      <Space size={12} style={{ fontSize: 12, color: '#595959' }}>
        <span>
          <span
            style={{ display: 'inline-block', width: 10, height: 10, background: color, marginRight: 4 }}
          />
          {t('完成率')} {text}
        </span>
        <span>
          <span
            style={{ display: 'inline-block', width: 2, height: 10, background: '#262626', marginRight: 4 }}
          />
          {t('时序进度')} {timeText}
        </span>
      </Space>
    </div>
  );
}

export function TargetCard({
  row,
  period,
  onExplain,
}: {
  row: OverviewRow;
  period: string;
  onExplain: () => void;
}) {
  const t = useT();
  const v = cardView(row, useLang());
  return (
    <Card
      size="small"
      hoverable
      onClick={onExplain}
      style={{ borderTop: `4px solid ${v.color}` }}
      data-testid={`card-${row.indicator}`}
    >
      <Typography.Text type="secondary">
        {row.dataPeriod && row.dataPeriod !== period
          ? t('{name}（{period}）', { name: row.name, period: row.dataPeriod })
          : row.name}
      </Typography.Text>
      <div style={{ margin: '4px 0' }}>
        <span style={{ fontSize: 12, color: '#8c8c8c', marginRight: 6 }}>{t(v.actualLabel)}</span>
        <span style={{ fontSize: 26, fontWeight: 600 }} data-testid="actual">
          {v.actual}
        </span>
      </div>
      <Space size={4} wrap>
        <span>{t('目标 {target}', { target: v.target })}</span>
        <Tag color={v.color}>{t(v.status)}</Tag>
        {v.swing && <Tag color="purple">{t('大起大落')}</Tag>}
      </Space>
      {v.progress ? (
        <CompletionBar color={v.color} {...v.progress} />
      ) : (
        v.gap && <div style={{ color: '#595959', marginTop: 6 }}>{t('差距 {gap}', { gap: v.gap })}</div>
      )}
      <Space size={10} wrap style={{ fontSize: 12, color: '#595959', marginTop: 4 }}>
        {v.parentGrowth && (
          <span>
            {t('上级')} {v.parentGrowth}
          </span>
        )}
        {v.rank && (
          <Tooltip title={t('按累计增速在同级地区中的位次')}>
            <span data-testid="rank">
              {t('增速排位')} {v.rank}
              {v.rankChange && (
                <span style={{ color: v.rankChange.color, marginLeft: 4 }}>{v.rankChange.text}</span>
              )}
            </span>
          </Tooltip>
        )}
      </Space>
    </Card>
  );
}
