// The ranking of an assessment, one table per group: rank, total, every item's points (its one-line formula in a
// popover), bonus, penalty and the move since the last published run; a row opens to list every item's formula.
import { Popover, Space, Table, Tag, Typography } from 'antd';
import type { AssessScore } from '../api.ts';
import { fmt, formatRankChange, rankChangeTone, TONE_COLOR } from '../format.ts';
import { useT } from '../i18n.ts';

type Item = AssessScore['items'][number];

/** A veto item that did not strike the region: no points to show, the popover says 一票否决：无. */
const notVetoed = (item: Item) => item.points === 0 && item.explain.startsWith('一票否决：无');

const pointsCell = (item: Item | undefined, region: string) =>
  item ? (
    <Popover
      title={`${region} · ${item.name}`}
      content={
        <span data-testid="assess-explain-popover" data-content>
          {item.explain}
        </span>
      }
    >
      <span style={{ cursor: 'help', borderBottom: '1px dotted #999' }} data-testid="assess-points">
        {item.input === '否决' ? (
          <Tag color="red">{item.input}</Tag>
        ) : notVetoed(item) ? (
          '—'
        ) : (
          fmt(item.points, 2)
        )}
      </span>
    </Popover>
  ) : (
    '—'
  );

const move = (c: number | null) =>
  c === null || c === 0 ? (
    formatRankChange(c)
  ) : (
    <span style={{ color: TONE_COLOR[rankChangeTone(c)] }}>{formatRankChange(c)}</span>
  );

export function AssessRanking({
  rows,
  items,
  lists,
}: {
  rows: AssessScore[];
  items: string[];
  lists?: { red: string[]; black: string[] };
}) {
  const t = useT();
  const groups = [...new Set(rows.map((r) => r.group))];
  const red = new Set(lists?.red ?? []);
  const black = new Set(lists?.black ?? []);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="assess-ranking">
      {groups.map((g) => {
        const mine = rows.filter((r) => r.group === g);
        return (
          <div key={g}>
            <Typography.Title level={5} style={{ margin: '8px 0' }}>
              <span data-content>{g}</span>
              {t('（{n}个）', { n: mine.length })}
            </Typography.Title>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={mine}
              data-testid="assess-group"
              scroll={{ x: true }}
              expandable={{
                expandedRowRender: (r) => (
                  <ul style={{ margin: 0 }} data-testid="assess-explain-list" data-content>
                    {r.items.map((i) => (
                      <li key={i.name}>{t('{name}：{explain}', { name: i.name, explain: i.explain })}</li>
                    ))}
                  </ul>
                ),
              }}
              columns={[
                { title: t('名次'), dataIndex: 'rank', width: 60 },
                {
                  title: t('地区'),
                  dataIndex: 'region',
                  render: (v: string, r) => (
                    <Space size={4}>
                      <span data-testid="assess-region">{v}</span>
                      {red.has(r.code) && <Tag color="red">{t('红榜')}</Tag>}
                      {black.has(r.code) && <Tag color="default">{t('黑榜')}</Tag>}
                      {r.vetoed && <Tag color="volcano">{t('一票否决')}</Tag>}
                      {r.vetoed && r.vetoReason && (
                        <Typography.Text type="danger" data-content data-testid="assess-veto-reason">
                          {r.vetoReason}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('总分'),
                  dataIndex: 'total',
                  align: 'right' as const,
                  render: (v: number) => <b data-testid="assess-total">{fmt(v, 2)}</b>,
                },
                ...items.map((name, k) => ({
                  // The scheme's own words, as the server keeps them.
                  title: <span data-content>{name}</span>,
                  key: `item-${k}`,
                  align: 'right' as const,
                  render: (_: unknown, r: AssessScore) =>
                    pointsCell(
                      r.items.find((i) => i.name === name),
                      r.region,
                    ),
                })),
                {
                  title: t('加分'),
                  dataIndex: 'bonus',
                  align: 'right' as const,
                  render: (v: number) => (v ? fmt(v, 2) : ''),
                },
                {
                  title: t('减分'),
                  dataIndex: 'penalty',
                  align: 'right' as const,
                  render: (v: number) => (v ? fmt(v, 2) : ''),
                },
                {
                  title: t('位次变化'),
                  dataIndex: 'rankChange',
                  align: 'center' as const,
                  render: move,
                },
              ]}
            />
          </div>
        );
      })}
    </Space>
  );
}
