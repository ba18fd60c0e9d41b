// 排位: one indicator and period, ranked by value or growth, with the change since the last period.
import { Button, Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type LeagueRow, type Region, type User } from '../api.ts';
import { fmt, formatAmount, formatRankChange, rankChangeTone, TONE_COLOR } from '../format.ts';
import { useT } from '../i18n.ts';
import {
  ErrorAlert,
  ExplanationDialog,
  IndicatorPicker,
  PeriodPicker,
  RegionPicker,
  useApi,
  useIndicators,
  useLatestPeriod,
} from '../kit/index.ts';
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
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState('fai');
  const [parents, setParents] = useState<Region[]>([]);
  const [parent, setParent] = useState<string | undefined>();
  const [by, setBy] = useState<'value' | 'yoy'>('yoy');
  const [explain, setExplain] = useState<LeagueRow | null>(null);
  const [group, setGroup] = useState<string | undefined>();
  const groups = useApi(() => api.groups(), []).data?.map((g) => g.name) ?? [];
  const { root } = useRegionTree(user);
  const [period, setPeriod] = useLatestPeriod(root?.code);
  useEffect(() => {
    if (!root) return;
    setParents([root]);
    setParent(root.code);
  }, [root]);
  // A peer group (同类组) replaces "the children of" when one is chosen.
  const league = useApi(
    () => (parent && period ? api.league(indicator, period, by, group ? undefined : parent, group) : null),
    [indicator, period, by, parent, group],
  );
  const rows = league.data ?? [];
  const unit = indicators.find((i) => i.code === indicator)?.unit ?? '';
  const lowerIsBetter = indicators.find((i) => i.code === indicator)?.direction === 'down';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <IndicatorPicker indicators={indicators} value={indicator} onChange={setIndicator} />
        <RegionPicker
          width={160}
          regions={parents}
          value={parent}
          onChange={setParent}
          label={(r) => t('{name}下级', { name: r.name })}
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
        <PeriodPicker width={110} value={period} onChange={setPeriod} />
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
      <ErrorAlert error={league.error} />
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
      <ExplanationDialog
        open={explain !== null}
        onClose={() => setExplain(null)}
        title={t('{region}：第{rank}位是怎么排出来的', {
          region: explain?.region ?? '',
          rank: explain?.rank ?? '—',
        })}
        explain={explain?.explain}
        formulaTestId="league-formula"
      />
    </Space>
  );
}
