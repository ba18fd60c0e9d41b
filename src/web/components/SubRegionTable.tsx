// The sub-regions' figures for a period (value, growth coloured by direction, rank by growth), one click from
// drilling further down.
import { Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type SubRegionFigures } from '../api.ts';
import { changeTone, formatAmount, formatPercent, TONE_COLOR } from '../format.ts';
import { useT } from '../i18n.ts';

export function SubRegionTable(props: {
  title: string;
  parent: string;
  period: string;
  /** A row to mark: the region being looked at among its siblings. */
  highlight?: string;
  onDrill?: (code: string, name: string) => void;
}) {
  const t = useT();
  const [data, setData] = useState<SubRegionFigures | null>(null);
  useEffect(() => {
    api.subRegionFigures(props.parent, props.period).then(setData, () => setData(null));
  }, [props.parent, props.period]);
  if (!data || data.rows.length === 0) return null;
  return (
    <Card size="small" title={props.title} data-testid="sub-regions">
      <Table
        size="small"
        rowKey="code"
        pagination={data.rows.length > 30 ? { pageSize: 30 } : false}
        scroll={{ x: true }}
        dataSource={data.rows}
        onRow={(r) => ({
          style: {
            cursor: props.onDrill ? 'pointer' : undefined,
            background: r.code === props.highlight ? '#fff7e6' : undefined,
          },
          onClick: () => props.onDrill?.(r.code, r.region),
        })}
        columns={[
          { title: t('地区'), dataIndex: 'region', fixed: 'left' as const, width: 120 },
          ...data.indicators.map((ind) => ({
            title: t('{name}（{unit}）', { name: ind.name, unit: ind.unit }),
            key: ind.code,
            render: (_: unknown, r: SubRegionFigures['rows'][number]) => {
              const f = r.figures[ind.code];
              if (!f) return '—';
              // Growth coloured by the indicator's direction: unemployment falling reads well.
              const tone = changeTone(f.yoy, ind.direction);
              return (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatAmount(f.value, ind.unit, false)}{' '}
                  <span style={{ color: tone === 'neutral' ? undefined : TONE_COLOR[tone] }}>
                    {f.yoy === null ? '' : `${f.yoy > 0 ? '+' : ''}${formatPercent(f.yoy)}`}
                  </span>
                  {f.rank !== null && (
                    <Typography.Text type="secondary"> {t('第{rank}', { rank: f.rank })}</Typography.Text>
                  )}
                </span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}
