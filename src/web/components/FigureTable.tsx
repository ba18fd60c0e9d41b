// The overview's rows as a table: every indicator's figure, growth (coloured by the indicator's direction),
// the parent's growth, the rank among the siblings and its change, and swings.
import { Card, Table, Tag } from 'antd';
import type { OverviewRow } from '../api.ts';
import { growthCell } from '../cockpitView.ts';
import { formatAmount, formatGrowth, formatRankChange, rankChangeTone, TONE_COLOR } from '../format.ts';
import { useLang, useT } from '../i18n.ts';

export function FigureTable({ title, rows, period }: { title: string; rows: OverviewRow[]; period: string }) {
  const t = useT();
  const lang = useLang();
  if (rows.length === 0) return null;
  // The top region has no parent and no peers: no empty columns for them.
  const withParent = rows.some((r) => r.parentYoy !== null);
  const withRank = rows.some((r) => r.rank !== null);
  return (
    <Card size="small" title={title} data-testid="figures">
      <Table
        size="small"
        rowKey="indicator"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          {
            title: t('指标'),
            render: (_: unknown, r: OverviewRow) =>
              r.dataPeriod && r.dataPeriod !== period
                ? t('{name}（{period}）', { name: r.name, period: r.dataPeriod })
                : r.name,
          },
          {
            title: t('数值'),
            align: 'right' as const,
            render: (_: unknown, r: OverviewRow) => formatAmount(r.value, r.unit),
          },
          {
            title: t('累计同比'),
            align: 'right' as const,
            render: (_: unknown, r: OverviewRow) => {
              const cell = growthCell(r, lang);
              return <span style={{ color: cell.color }}>{cell.text}</span>;
            },
          },
          ...(withParent
            ? [
                {
                  title: t('上级同比'),
                  align: 'right' as const,
                  render: (_: unknown, r: OverviewRow) =>
                    r.parentYoy === null ? '—' : formatGrowth(r.parentYoy, lang),
                },
              ]
            : []),
          ...(withRank
            ? [
                {
                  title: t('增速排位'),
                  align: 'center' as const,
                  render: (_: unknown, r: OverviewRow) =>
                    r.rank === null ? (
                      '—'
                    ) : (
                      <span>
                        {r.rank}/{r.rankOf}{' '}
                        <span style={{ color: TONE_COLOR[rankChangeTone(r.rankChange)] }}>
                          {formatRankChange(r.rankChange)}
                        </span>
                      </span>
                    ),
                },
              ]
            : []),
          {
            title: t('方向'),
            align: 'center' as const,
            render: (_: unknown, r: OverviewRow) => (r.direction === 'down' ? t('越低越好') : t('越高越好')),
          },
          {
            title: t('大起大落'),
            align: 'center' as const,
            render: (_: unknown, r: OverviewRow) => (r.swing ? <Tag color="purple">{t('是')}</Tag> : ''),
          },
        ]}
      />
    </Card>
  );
}
