// 领导驾驶舱: a region's month at a glance, drawn from the region–period overview (GET /api/overview): target
// cards, 双过半/全年红, what lags, every figure with its growth and rank, the trend, a leader's 包联 projects, the
// key projects, sub-regions by status.
import { Alert, Card, Col, Empty, List, Row, Space, Spin, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, type OverviewRow, type ProgressRow, type Region, type SeriesPoint, type User } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { laggingRows, statusCellText, trendOption } from '../cockpitView.ts';
import { FigureTable } from '../components/FigureTable.tsx';
import { StatusLegend } from '../components/StatusLegend.tsx';
import { SubRegionTable } from '../components/SubRegionTable.tsx';
import { TargetCard } from '../components/TargetCard.tsx';
import { formatCompletion, formatPoints, statusColor } from '../format.ts';
import { useLang, useT } from '../i18n.ts';
import {
  ErrorAlert,
  ExplanationDialog,
  PeriodPicker,
  RegionPicker,
  useApi,
  useLatestPeriod,
  useRegionChoice,
} from '../kit/index.ts';
import { MyProjectsCard } from '../projects/MyProjectsCard.tsx';
import { ProjectsPanel } from '../projects/ProjectsPanel.tsx';

type Report = { rows: ProgressRow[]; doubleHalf: boolean; allGreen: boolean };

const NO_POINTS: SeriesPoint[] = [];

export function Cockpit({ user }: { user: User }) {
  const t = useT();
  const lang = useLang();
  const { regions, setRegions, region, setRegion } = useRegionChoice(user);
  const [period, setPeriod] = useLatestPeriod(region);
  const [explain, setExplain] = useState<OverviewRow | null>(null);
  const [drillError, setDrillError] = useState<string | null>(null);

  const read = useApi(() => (region && period ? api.overview(region, period) : null), [region, period]);
  const overview = read.loading ? undefined : read.data;
  const below = useApi(
    () =>
      region && period
        ? api
            .regions(region)
            .then((kids) =>
              Promise.all(kids.map(async (k) => ({ region: k, report: await api.progress(k.code, period) }))),
            )
            // Sub-regions without targets this year (most towns) have nothing to colour.
            .then((all) => all.filter((c) => c.report.rows.length > 0))
        : null,
    [region, period],
  );
  const children: { region: Region; report: Report }[] = below.data ?? [];

  // Drill down: the sub-region becomes the cockpit's region.
  const drill = (code: string) => {
    api.region(code).then(
      (sub) => {
        setRegions((rs) => (rs.some((r) => r.code === sub.code) ? rs : [...rs, sub]));
        setRegion(sub.code);
      },
      (e: Error) => setDrillError(e.message),
    );
  };

  const rows = overview?.rows ?? [];
  const targeted = rows.filter((r) => r.target !== null);
  const trendRow = targeted.find((r) => r.targetKind === 'growth');
  const trendIndicator = trendRow?.indicator;
  const trendTarget = trendRow?.target ?? null;
  const series = useApi(
    () => (region && trendIndicator ? api.series(trendIndicator, region) : null),
    [region, trendIndicator],
  );
  const trend = series.data ?? NO_POINTS;
  const growthName = t('累计同比增速');
  const targetName = t('目标增速');
  const chart = useMemo(
    () =>
      trendOption({
        points: trend,
        target: trendTarget,
        year: (period ?? '').slice(0, 4),
        names: { growth: growthName, target: targetName },
      }),
    [trend, trendTarget, period, growthName, targetName],
  );

  // The siblings' figures only where the parent lies in the user's own tree (its scope).
  const parent =
    overview?.parent && regions.some((r) => r.code === overview.parent?.code) ? overview.parent : null;
  const belowFigures = region && period && (
    <SubRegionTable
      title={t('下级地区主要指标（点击下钻）')}
      parent={region}
      period={period}
      onDrill={drill}
    />
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <RegionPicker regions={regions} value={region} onChange={setRegion} testId="region" />
        <PeriodPicker value={period} onChange={setPeriod} placeholder="YYYY-MM" testId="period" />
      </Space>
      <ErrorAlert error={read.error ?? drillError} />
      {!overview || !period ? (
        <Spin />
      ) : (
        <>
          {overview.allGreen && (
            <Alert type="success" showIcon message={t('全年红：所有指标均达到目标进度')} />
          )}
          {overview.doubleHalf && <Alert type="success" showIcon message={t('双过半：时间过半、任务过半')} />}
          {targeted.length === 0 ? (
            <Empty description={t('该地区本年度还没有目标')} />
          ) : (
            <>
              <StatusLegend />
              <Row gutter={[12, 12]}>
                {targeted.map((row) => (
                  <Col key={row.indicator} xs={24} sm={12} md={8} lg={6} xxl={4}>
                    <TargetCard row={row} period={period} onExplain={() => setExplain(row)} />
                  </Col>
                ))}
              </Row>
              <Row gutter={12}>
                <Col xs={24} lg={8}>
                  <Card size="small" title={t('短板弱项（滞后于目标进度）')}>
                    <List
                      dataSource={laggingRows(targeted)}
                      locale={{ emptyText: t('没有滞后指标') }}
                      renderItem={(r) => (
                        <List.Item>
                          <span>{r.name}</span>
                          <Tag color={statusColor(r.status)}>
                            {r.targetKind === 'amount' ? t('完成率') : t('差距')}{' '}
                            {r.targetKind === 'amount'
                              ? formatCompletion(r.completion)
                              : formatPoints(r.gap, lang)}
                          </Tag>
                        </List.Item>
                      )}
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={16}>
                  <Card size="small" title={t('趋势：{name}（%）', { name: trendRow?.name ?? '' })}>
                    {trend.length > 0 ? <Chart option={chart} height={240} /> : <Empty />}
                  </Card>
                </Col>
              </Row>
            </>
          )}
          <FigureTable title={t('主要指标（增速排位为在同级地区中的位次）')} rows={rows} period={period} />
          {region && <MyProjectsCard user={user} region={region} period={period} />}
          {region && <ProjectsPanel region={region} period={period} />}
          {children.length > 0 && (
            <Card size="small" title={t('下级地区目标进度（按状态着色）')} extra={<StatusLegend />}>
              <Table
                size="small"
                pagination={false}
                scroll={{ x: true }}
                rowKey={(c) => c.region.code}
                dataSource={children}
                onRow={(c) => ({ style: { cursor: 'pointer' }, onClick: () => drill(c.region.code) })}
                columns={[
                  { title: t('地区'), render: (_: unknown, c) => c.region.name, fixed: 'left' as const },
                  ...targeted.map((ind) => ({
                    title: ind.name,
                    render: (_: unknown, c: { report: Report }) => {
                      const r = c.report.rows.find((x) => x.indicatorCode === ind.indicator);
                      const background = r?.status ? statusColor(r.status) : '#f0f0f0';
                      const color = r?.status ? '#fff' : '#8c8c8c';
                      return (
                        <div
                          style={{
                            background,
                            color,
                            textAlign: 'center',
                            borderRadius: 2,
                            padding: '0 4px',
                          }}
                        >
                          {r ? statusCellText(r) : '—'}
                        </div>
                      );
                    },
                  })),
                ]}
              />
            </Card>
          )}
          {targeted.length === 0 && parent && (
            <SubRegionTable
              title={t('与同级地区比较')}
              parent={parent.code}
              period={period}
              highlight={region}
              onDrill={drill}
            />
          )}
          {children.length === 0 && belowFigures}
        </>
      )}
      <ExplanationDialog
        open={explain !== null}
        onClose={() => setExplain(null)}
        title={t('{name}：怎么算的', { name: explain?.name ?? '' })}
        explain={explain?.explain}
        footer={
          <p style={{ marginTop: 8 }}>{t('数据期：{period}', { period: explain?.dataPeriod ?? '—' })}</p>
        }
      />
    </Space>
  );
}
