// 通报: the briefing of a region and period as the server writes it (GET /api/briefing), laid out as the
// Word file is, with the Word and Excel files to download and the printable page to open.
import { Alert, Button, Card, Empty, Input, Select, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { cellText, outline } from '../../core/briefing/outline.ts';
import type { Briefing } from '../../core/briefing/types.ts';
import { chartHeight, chartOption } from '../../reports/briefing/chartOption.ts';
import { api, type Region, type User } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { useT } from '../i18n.ts';
import { useRegionTree } from '../useRegionTree.ts';

const fileUrl = (region: string, period: string, format: 'html' | 'docx' | 'xlsx') =>
  `/api/briefing?${new URLSearchParams({ region, period, format })}`;

const body = {
  fontFamily: '"FangSong", "仿宋", serif',
  fontSize: 16,
  lineHeight: '28px',
  textIndent: '2em',
  margin: 0,
};

export function BriefingPage({ user }: { user: User }) {
  const t = useT();
  const { root, children } = useRegionTree(user);
  const regions: Region[] = root ? [root, ...children] : [];
  const [region, setRegion] = useState<string | undefined>(user.regionCode ?? undefined);
  const [period, setPeriod] = useState('');
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (root) setRegion((r) => r ?? root.code);
  }, [root]);
  useEffect(() => {
    if (region)
      api.latestPeriod(region).then(
        (p) => setPeriod((old) => old || (p ?? '')),
        () => undefined,
      );
  }, [region]);
  const ready = region !== undefined && /^\d{4}-\d{2}$/.test(period);
  useEffect(() => {
    if (!ready) return;
    setLoading(true);
    setError(null);
    api
      .briefing(region, period)
      .then(setBriefing, (e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  }, [ready, region, period]);
  return (
    <Card
      title={t('经济运行情况分析')}
      extra={
        <Space wrap>
          <Select
            style={{ width: 160 }}
            value={region}
            onChange={setRegion}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
            data-testid="briefing-region"
          />
          <Input
            style={{ width: 110 }}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            placeholder="YYYY-MM"
          />
          <Button disabled={!ready} href={ready ? fileUrl(region, period, 'docx') : undefined}>
            {t('下载 Word')}
          </Button>
          <Button disabled={!ready} href={ready ? fileUrl(region, period, 'xlsx') : undefined}>
            {t('下载附表 Excel')}
          </Button>
          <Button
            disabled={!ready}
            href={ready ? fileUrl(region, period, 'html') : undefined}
            target="_blank"
          >
            {t('打印版')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} />}
      {loading && <Spin />}
      {!loading && !briefing && !error && <Empty />}
      {briefing && !loading && (
        <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="briefing">
          <Typography.Title level={3} style={{ textAlign: 'center', fontWeight: 'normal' }}>
            {briefing.title}
          </Typography.Title>
          {outline(briefing).map((b) =>
            b.kind === 'chart' ? (
              <BriefingChartView key={b.key} briefing={briefing} chartKey={b.key} caption={b.caption} />
            ) : b.kind === 'paragraph' ? (
              <p key={`${b.lead ?? ''}${b.text}`} style={body}>
                {b.lead && <strong>{b.lead}</strong>}
                {b.text}
              </p>
            ) : (
              <p key={b.text} style={{ ...body, fontWeight: b.kind === 'heading1' ? 'bold' : 'normal' }}>
                {b.text}
              </p>
            ),
          )}
          {briefing.tables.map((tb) => (
            <div key={tb.key} style={{ marginTop: 24 }}>
              <Typography.Title level={5} style={{ textAlign: 'center' }}>
                {tb.title}
              </Typography.Title>
              <Table
                size="small"
                pagination={false}
                bordered
                rowKey={(r) => String(r[0])}
                dataSource={tb.rows}
                columns={tb.header.map((h, j) => ({
                  title: h,
                  key: `${j}`,
                  align: j === 0 ? 'left' : 'right',
                  render: (_: unknown, r: (typeof tb.rows)[number], k: number) =>
                    cellText(r[j] ?? null, tb.digits[j] ?? null, tb.rowDigits?.[k]),
                }))}
              />
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** A chart of the briefing drawn in the browser from the same option as the Word file's picture. */
function BriefingChartView(props: { briefing: Briefing; chartKey: string; caption: string }) {
  const chart = props.briefing.charts?.find((c) => c.key === props.chartKey);
  const option = useMemo(() => (chart ? chartOption(chart) : null), [chart]);
  if (!chart || !option) return null;
  return (
    <figure style={{ margin: '8px 0 16px', textAlign: 'center' }} data-testid={`briefing-chart-${chart.key}`}>
      <Chart option={option} height={chartHeight(chart)} />
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
