// 指标历史: one indicator in one region, month by month — published growth beside derived growth, gaps flagged.
import { Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, type SeriesPoint, type User } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { fmt } from '../format.ts';
import { useT } from '../i18n.ts';
import {
  ErrorAlert,
  IndicatorPicker,
  RegionPicker,
  useApi,
  useIndicators,
  useRegionChoice,
} from '../kit/index.ts';

const NONE: SeriesPoint[] = [];

export function IndicatorHistory({ user }: { user: User }) {
  const t = useT();
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState('real_estate_investment');
  const { regions, region, setRegion } = useRegionChoice(user);
  const series = useApi(() => (region ? api.series(indicator, region) : null), [indicator, region]);
  const points = series.data ?? NONE;
  const unit = indicators.find((i) => i.code === indicator)?.unit ?? '';
  const valueName = t('累计值（{unit}）', { unit });
  const [published, derived] = [t('公布同比%'), t('推算同比%')];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0, data: [valueName, published, derived] },
      grid: { left: 60, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category' as const, data: points.map((p) => p.period) },
      yAxis: [
        { type: 'value' as const, name: unit },
        { type: 'value' as const, name: '%' },
      ],
      series: [
        { type: 'bar' as const, name: valueName, data: points.map((p) => p.value) },
        { type: 'line' as const, name: published, yAxisIndex: 1, data: points.map((p) => p.yoyPublished) },
        {
          type: 'line' as const,
          name: derived,
          yAxisIndex: 1,
          data: points.map((p) => p.yoyDerived),
          lineStyle: { type: 'dashed' as const },
        },
      ],
    }),
    [points, unit, valueName, published, derived],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <IndicatorPicker indicators={indicators} value={indicator} onChange={setIndicator} />
        <RegionPicker regions={regions} value={region} onChange={setRegion} />
      </Space>
      <ErrorAlert error={series.error} />
      <Chart option={option} height={300} />
      <Table
        size="small"
        rowKey="period"
        pagination={{ pageSize: 12 }}
        dataSource={[...points].reverse()}
        data-testid="history"
        columns={[
          { title: t('期间'), dataIndex: 'period' },
          {
            title: valueName,
            dataIndex: 'value',
            align: 'right' as const,
            render: (v: number | null) => fmt(v),
          },
          {
            title: t('公布同比%'),
            dataIndex: 'yoyPublished',
            align: 'right' as const,
            render: (v: number | null) => fmt(v, 1),
          },
          {
            title: t('推算同比%'),
            dataIndex: 'yoyDerived',
            align: 'right' as const,
            render: (v: number | null) => fmt(v),
          },
          {
            title: t('差异'),
            dataIndex: 'yoyGapFlagged',
            render: (f: boolean) => (f ? <Tag color="orange">{t('相差超过0.1个百分点')}</Tag> : ''),
          },
        ]}
      />
    </Space>
  );
}
