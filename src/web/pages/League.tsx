// 排位: one indicator and period, ranked by value or growth, with the change since the last period.
import { Button, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Indicator, type LeagueRow, type Region, type User } from '../api.ts';
import { fmt, formatAmount, formatRankChange, rankChangeTone, TONE_COLOR } from '../format.ts';
import { useT } from '../i18n.ts';
import { useRegionTree } from '../useRegionTree.ts';

// 进位 in the good colour, 退位 in the bad one (a rank is already direction-aware).
const arrow = (c: number | null) =>
  c === null || c === 0 ? (
    formatRankChange(c)
  ) : (
    <span style={{ color: TONE_COLOR[rankChangeTone(c)] }}>{formatRankChange(c)}</span>
  );

export function LeaguePage({ user }: { user: User }) {
  const t = useT();
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [indicator, setIndicator] = useState('fai');
  const [parents, setParents] = useState<Region[]>([]);
  const [parent, setParent] = useState<string | undefined>();
  const [period, setPeriod] = useState<string | undefined>();
  const [by, setBy] = useState<'value' | 'yoy'>('yoy');
  const [rows, setRows] = useState<LeagueRow[]>([]);
  const [explain, setExplain] = useState<LeagueRow | null>(null);
  const [groups, setGroups] = useState<string[]>([]);
  const [group, setGroup] = useState<string | undefined>();
  useEffect(() => {
    api.indicators().then(setIndicators, () => undefined);
    api.groups().then(
      (gs) => setGroups(gs.map((g) => g.name)),
      () => undefined,
    );
  }, []);
  const { root } = useRegionTree(user);
  useEffect(() => {
    if (!root) return;
    setParents([root]);
    setParent(root.code);
    api.latestPeriod(root.code).then(
      (p) => setPeriod(p ?? undefined),
      () => undefined,
    );
  }, [root]);
  useEffect(() => {
    if (!parent || !period) return;
    // A peer group (同类组) replaces "the children of" when one is chosen.
    api.league(indicator, period, by, group ? undefined : parent, group).then(setRows, () => setRows([]));
  }, [indicator, period, by, parent, group]);
  const unit = indicators.find((i) => i.code === indicator)?.unit ?? '';
  const lowerIsBetter = indicators.find((i) => i.code === indicator)?.direction === 'down';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 260 }}
          value={indicator}
          onChange={setIndicator}
          options={indicators.map((i) => ({ value: i.code, label: i.name }))}
        />
        <Select
          style={{ width: 160 }}
          value={parent}
          onChange={setParent}
          options={parents.map((r) => ({ value: r.code, label: t('{name}下级', { name: r.name }) }))}
        />
        <Select
          allowClear
          placeholder={t('同类组（可选）')}
          style={{ width: 160 }}
          value={group}
          onChange={setGroup}
          options={groups.map((g) => ({ value: g, label: g }))}
          data-testid="group"
        />
        <Input
          style={{ width: 110 }}
          value={period}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setPeriod(e.target.value)}
        />
        <Button
          href={`/api/league.xlsx?${new URLSearchParams({ indicator, period: period ?? '', by, ...(group ? { group } : { parent: parent ?? '' }) }).toString()}`}
          disabled={!period}
          data-testid="export"
        >
          {t('导出 Excel')}
        </Button>
        <Radio.Group
          value={by}
          onChange={(e) => setBy(e.target.value)}
          options={[
            { value: 'yoy', label: t('按增速') },
            { value: 'value', label: t('按总量') },
          ]}
          optionType="button"
        />
      </Space>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('{indicator} {period} 排位', {
          indicator: indicators.find((i) => i.code === indicator)?.name ?? '',
          period: period ?? '',
        })}
        {lowerIsBetter && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 13, marginLeft: 8 }}
            data-testid="lower-better"
          >
            {t('（越低越好：从低到高排列）')}
          </Typography.Text>
        )}
      </Typography.Title>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        data-testid="league"
        onRow={(r) => ({ onClick: () => setExplain(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('排位'), dataIndex: 'rank', width: 70 },
          { title: t('地区'), dataIndex: 'region' },
          {
            title: t('数值（{unit}）', { unit }),
            dataIndex: 'value',
            align: 'right' as const,
            render: (v: number | null) => formatAmount(v, unit, false),
          },
          {
            title: t('同比（%）'),
            dataIndex: 'yoy',
            align: 'right' as const,
            render: (v: number | null) => fmt(v, 1),
          },
          { title: t('位次变化'), dataIndex: 'rankChange', align: 'center' as const, render: arrow },
        ]}
      />
      <Modal
        open={explain !== null}
        onCancel={() => setExplain(null)}
        footer={null}
        title={t('{region}：第{rank}位是怎么排出来的', {
          region: explain?.region ?? '',
          rank: explain?.rank ?? '—',
        })}
      >
        <p data-testid="league-formula">{explain?.explain?.formula}</p>
        <Table
          size="small"
          pagination={false}
          rowKey="k"
          dataSource={Object.entries(explain?.explain?.inputs ?? {}).map(([k, v]) => ({
            k,
            v: typeof v === 'number' ? fmt(v) : String(v ?? '—'),
          }))}
          columns={[
            { title: t('输入'), dataIndex: 'k' },
            { title: t('数值'), dataIndex: 'v' },
          ]}
        />
      </Modal>
    </Space>
  );
}
