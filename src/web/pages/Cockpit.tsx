// 领导驾驶舱: a region's month at a glance — target cards, 双过半/全年红, what is off track, sub-regions by status, trend.
import {
  Alert,
  Card,
  Col,
  Empty,
  Input,
  List,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, type ProgressRow, type Region, type SeriesPoint, type User } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { SubRegionTable } from '../components/SubRegionTable.tsx';
import { fmt, statusColor, statusText } from '../format.ts';
import { useT } from '../i18n.ts';
import { useRegionTree } from '../useRegionTree.ts';

type Report = { rows: ProgressRow[]; doubleHalf: boolean; allGreen: boolean };

type Standing = { rank: number | null; of: number; change: number | null };

function TargetCard({
  row,
  standing,
  onExplain,
}: {
  row: ProgressRow;
  standing?: Standing;
  onExplain: () => void;
}) {
  const t = useT();
  const color = row.status ? statusColor[row.status] : '#999';
  const growth = row.targetKind !== 'amount';
  return (
    <Card
      size="small"
      hoverable
      onClick={onExplain}
      style={{ borderTop: `4px solid ${color}` }}
      data-testid={`card-${row.indicatorCode}`}
    >
      <Typography.Text type="secondary">{row.indicator}</Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, margin: '4px 0' }} data-testid="actual">
        {fmt(row.actual)}
        <span style={{ fontSize: 14, marginLeft: 4 }}>{growth && row.unit !== '%' ? '%' : row.unit}</span>
      </div>
      <Space size={4} wrap>
        <span>
          {t('目标')} {row.targetKind === 'ceiling' ? '≤' : ''}
          {fmt(row.target)}
          {growth ? '%' : ''}
        </span>
        <Tag color={color}>{t(row.status ? (statusText[row.status] ?? '') : '无数据')}</Tag>
        {standing?.rank != null && (
          <span data-testid="rank">
            第{standing.rank}/{standing.of}位
            {standing.change ? (standing.change > 0 ? ` ↑${standing.change}` : ` ↓${-standing.change}`) : ''}
          </span>
        )}
      </Space>
      {row.targetKind === 'amount' ? (
        <Progress
          percent={Math.round((row.completion ?? 0) * 10) / 10}
          success={{ percent: row.timeProgress }}
          size="small"
          format={(p) => `${p}%`}
        />
      ) : (
        <div style={{ color: '#666', marginTop: 6 }}>{t('差距 {gap} 个百分点', { gap: fmt(row.gap) })}</div>
      )}
    </Card>
  );
}

export function Cockpit({ user }: { user: User }) {
  const t = useT();
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState<string | undefined>(user.regionCode ?? undefined);
  const [period, setPeriod] = useState<string | undefined>();
  const [report, setReport] = useState<Report | null>(null);
  const [children, setChildren] = useState<{ region: Region; report: Report }[]>([]);
  const [trend, setTrend] = useState<SeriesPoint[]>([]);
  const [standings, setStandings] = useState<Record<string, Standing>>({});
  const [explain, setExplain] = useState<ProgressRow | null>(null);
  const [error, setError] = useState<string | null>(null);

  const { root, children: below } = useRegionTree(user);
  useEffect(() => {
    if (!root) return;
    setRegions([root, ...below]);
    setRegion((r) => r ?? root.code);
  }, [root, below]);

  useEffect(() => {
    if (!region) return;
    api.latestPeriod(region).then(
      (p) => setPeriod((old) => old ?? p ?? undefined),
      (e: Error) => setError(e.message),
    );
  }, [region]);

  useEffect(() => {
    if (!region || !period) return;
    setReport(null);
    api.progress(region, period).then(setReport, (e: Error) => setError(e.message));
    api
      .regions(region)
      .then((kids) =>
        Promise.all(kids.map(async (k) => ({ region: k, report: await api.progress(k.code, period) }))),
      )
      // Sub-regions without targets this year (most towns) have nothing to colour.
      .then(
        (all) => setChildren(all.filter((c) => c.report.rows.length > 0)),
        () => setChildren([]),
      );
  }, [region, period]);

  const parentCode = regions.find((r) => r.code === region)?.parentCode ?? undefined;

  // Rank among the region's peers (its parent's children): by growth for growth targets, by amount otherwise.
  useEffect(() => {
    if (!report || !period || !region || !parentCode) return setStandings({});
    Promise.all(
      report.rows.map(async (row) => {
        const table = await api.league(
          row.indicatorCode,
          period,
          row.targetKind === 'amount' ? 'value' : 'yoy',
          parentCode,
        );
        const mine = table.find((t) => t.code === region);
        return [
          row.indicatorCode,
          { rank: mine?.rank ?? null, of: mine?.rankOf ?? table.length, change: mine?.rankChange ?? null },
        ] as const;
      }),
    ).then(
      (pairs) => setStandings(Object.fromEntries(pairs)),
      () => setStandings({}),
    );
  }, [report, period, region, parentCode]);

  // Drill down: the sub-region becomes the cockpit's region.
  const drill = (code: string) => {
    api.region(code).then(
      (sub) => {
        setRegions((rs) => (rs.some((r) => r.code === sub.code) ? rs : [...rs, sub]));
        setRegion(sub.code);
      },
      (e: Error) => setError(e.message),
    );
  };

  const trendIndicator = report?.rows.find((r) => r.targetKind === 'growth')?.indicatorCode;
  useEffect(() => {
    if (!region || !trendIndicator) return;
    api.series(trendIndicator, region).then(setTrend, () => setTrend([]));
  }, [region, trendIndicator]);

  const lagging = (report?.rows ?? []).filter((r) => r.status === 'off_track' || r.status === 'behind');
  const indicators = report?.rows ?? [];
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category' as const, data: trend.map((p) => p.period) },
      yAxis: { type: 'value' as const, name: '累计增速%' },
      series: [
        { type: 'line' as const, name: '累计同比', data: trend.map((p) => p.yoy), smooth: true },
        {
          type: 'line' as const,
          name: '目标',
          // The target belongs to its year only.
          data: trend.map((p) =>
            period && p.period.startsWith(period.slice(0, 4))
              ? (report?.rows.find((r) => r.indicatorCode === trendIndicator)?.target ?? null)
              : null,
          ),
          lineStyle: { type: 'dashed' as const },
        },
      ],
    }),
    [trend, report, trendIndicator, period],
  );

  // The sub-regions' own figures, where they carry no targets to colour (a county's towns).
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
        <Select
          style={{ width: 200 }}
          value={region}
          onChange={setRegion}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
          data-testid="region"
        />
        <Input
          style={{ width: 120 }}
          value={period}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setPeriod(e.target.value)}
          placeholder="YYYY-MM"
          data-testid="period"
        />
      </Space>
      {error && <Alert type="error" message={error} />}
      {!report ? (
        <Spin />
      ) : report.rows.length === 0 ? (
        <>
          <Empty description={t('该地区本年度还没有目标')} />
          {parentCode && period && (
            <SubRegionTable
              title={t('与同级地区比较')}
              parent={parentCode}
              period={period}
              highlight={region}
              onDrill={drill}
            />
          )}
          {belowFigures}
        </>
      ) : (
        <>
          {report.allGreen && <Alert type="success" showIcon message={t('全年红：所有指标均达到目标进度')} />}
          {report.doubleHalf && <Alert type="success" showIcon message={t('双过半：时间过半、任务过半')} />}
          <Row gutter={[12, 12]}>
            {report.rows.map((row) => (
              <Col key={row.indicatorCode} xs={24} sm={12} md={8} lg={6} xxl={4}>
                <TargetCard
                  row={row}
                  standing={standings[row.indicatorCode]}
                  onExplain={() => setExplain(row)}
                />
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('短板弱项（滞后于目标进度）')}>
                <List
                  dataSource={lagging}
                  locale={{ emptyText: t('没有滞后指标') }}
                  renderItem={(r) => (
                    <List.Item>
                      <span>{r.indicator}</span>
                      <Tag color={statusColor[r.status ?? '']}>差距 {fmt(r.gap)}</Tag>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card
                size="small"
                title={`趋势：${report.rows.find((r) => r.indicatorCode === trendIndicator)?.indicator ?? ''}`}
              >
                {trend.length > 0 ? <Chart option={trendOption} height={240} /> : <Empty />}
              </Card>
            </Col>
          </Row>
          {children.length > 0 && (
            <Card size="small" title={t('下级地区目标进度（按状态着色）')}>
              <Table
                size="small"
                pagination={false}
                scroll={{ x: true }}
                rowKey={(c) => c.region.code}
                dataSource={children}
                onRow={(c) => ({
                  style: { cursor: 'pointer' },
                  onClick: () => drill(c.region.code),
                })}
                columns={[
                  { title: '地区', render: (_: unknown, c) => c.region.name, fixed: 'left' as const },
                  ...indicators.map((ind) => ({
                    title: ind.indicator,
                    render: (_: unknown, c: { report: Report }) => {
                      const r = c.report.rows.find((x) => x.indicatorCode === ind.indicatorCode);
                      const color = r?.status ? statusColor[r.status] : '#eee';
                      return (
                        <div
                          style={{ background: color, color: '#fff', textAlign: 'center', borderRadius: 2 }}
                        >
                          {r ? fmt(r.targetKind === 'amount' ? r.completion : r.actual, 1) : '—'}
                        </div>
                      );
                    },
                  })),
                ]}
              />
            </Card>
          )}
          {children.length === 0 && belowFigures}
        </>
      )}
      <Modal
        open={explain !== null}
        onCancel={() => setExplain(null)}
        footer={null}
        title={`${explain?.indicator ?? ''}：怎么算的`}
      >
        <p>{explain?.explain?.formula}</p>
        <Table
          size="small"
          pagination={false}
          rowKey="k"
          dataSource={Object.entries(explain?.explain?.inputs ?? {}).map(([k, v]) => ({
            k,
            v: typeof v === 'number' ? fmt(v) : String(v ?? '—'),
          }))}
          columns={[
            { title: '输入', dataIndex: 'k' },
            { title: '数值', dataIndex: 'v' },
          ]}
        />
        <p style={{ marginTop: 8 }}>数据期：{explain?.dataPeriod ?? '—'}</p>
      </Modal>
    </Space>
  );
}
