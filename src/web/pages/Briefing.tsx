// 通报: the briefing of a region and period as the server writes it (GET /api/briefing), laid out as the
// Word file is, with the Word and Excel files to download and the printable page to open. Each number links
// to its explanation; an analyst or administrator rewrites paragraphs and saves them as a version, and the
// downloads carry the version shown.
import { Alert, Button, Card, Empty, Input, message, Space, Spin, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { cellText, chartHeight, chartOption, outline } from '../../contract/web.ts';
import { api, type Briefing, type BriefingVersion, type User } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { BriefingParagraph } from '../components/BriefingParagraph.tsx';
import { BriefingVersions } from '../components/BriefingVersions.tsx';
import { useT } from '../i18n.ts';
import {
  ErrorAlert,
  isPeriod,
  PeriodPicker,
  RegionPicker,
  useApi,
  useLatestPeriod,
  useRegionChoice,
} from '../kit/index.ts';

type Version = number | 'latest';

const fileUrl = (region: string, period: string, format: 'html' | 'docx' | 'xlsx', version: Version) =>
  `/api/briefing?${new URLSearchParams({ region, period, format, version: String(version) })}`;

const body = {
  fontFamily: '"FangSong", "仿宋", serif',
  fontSize: 16,
  lineHeight: '28px',
  textIndent: '2em',
  margin: 0,
};

/** The whole set of edits to save: the version's edited paragraphs with the unsaved drafts over them. */
function editsToSave(b: Briefing, drafts: Map<string, string | null>) {
  const out: { section: string; index: number; text: string }[] = [];
  for (const s of b.sections)
    s.paragraphs.forEach((p, index) => {
      const draft = drafts.get(`${s.key}#${index}`);
      if (draft === null) return;
      if (draft !== undefined) out.push({ section: s.key, index, text: draft });
      else if (s.edited?.includes(index)) out.push({ section: s.key, index, text: p });
    });
  return out;
}

export function BriefingPage({ user }: { user: User }) {
  const t = useT();
  const { regions, region, setRegion } = useRegionChoice(user);
  // Typed freely: the briefing is asked for once the box holds a whole period.
  const [typed, setPeriod] = useLatestPeriod(region);
  const period = typed ?? '';
  const [version, setVersion] = useState<Version>('latest');
  const [drafts, setDrafts] = useState(new Map<string, string | null>());
  const [note, setNote] = useState('');
  const [drawer, setDrawer] = useState(false);
  const [saving, setSaving] = useState(false);
  const ready = region !== undefined && isPeriod(period);
  const read = useApi(
    () =>
      ready
        ? Promise.all([api.briefing(region, period, version), api.briefingVersions(region, period)])
        : null,
    [ready, region, period, version],
  );
  const { loading, error, reload } = read;
  const briefing: Briefing | null = read.data?.[0] ?? null;
  const versions: BriefingVersion[] = read.data?.[1] ?? [];
  // Drafts belong to the text they were made on: another region, period or version starts afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared when what is shown changes.
  useEffect(() => setDrafts(new Map()), [region, period, version]);
  // Edits are made on the latest text only, by those who may save them.
  const editable = (user.role === 'analyst' || user.role === 'admin') && version === 'latest';
  const save = async () => {
    if (!briefing || !ready) return;
    setSaving(true);
    try {
      const v = await api.saveBriefingVersion({
        region,
        period,
        base: briefing.version?.number ?? 0,
        edits: editsToSave(briefing, drafts),
        note: note || undefined,
      });
      message.success(t('已保存第{n}版', { n: String(v.version) }));
      setNote('');
      setDrafts(new Map());
      reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const blocks = useMemo(() => (briefing ? outline(briefing) : []), [briefing]);
  return (
    <Card
      title={t('经济运行情况分析')}
      extra={
        <Space wrap>
          <RegionPicker
            width={160}
            regions={regions}
            value={region}
            onChange={(r) => {
              setRegion(r);
              setVersion('latest');
            }}
            testId="briefing-region"
          />
          <PeriodPicker
            width={110}
            lenient
            value={period}
            onChange={(p) => {
              setPeriod(p);
              setVersion('latest');
            }}
            placeholder="YYYY-MM"
          />
          <Button onClick={() => setDrawer(true)} disabled={!ready} data-testid="briefing-versions-open">
            {t('版本记录')}
            {versions.length > 0 ? t('（{n}）', { n: String(versions.length) }) : ''}
          </Button>
          <Button disabled={!ready} href={ready ? fileUrl(region, period, 'docx', version) : undefined}>
            {t('下载 Word')}
          </Button>
          <Button disabled={!ready} href={ready ? fileUrl(region, period, 'xlsx', version) : undefined}>
            {t('下载附表 Excel')}
          </Button>
          <Button
            disabled={!ready}
            href={ready ? fileUrl(region, period, 'html', version) : undefined}
            target="_blank"
          >
            {t('打印版')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error} showIcon />
      {loading && <Spin />}
      {!loading && !briefing && !error && <Empty />}
      {briefing && !loading && (
        // data-content: the briefing is a document the server writes in Chinese, not interface text.
        <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="briefing" data-content>
          {briefing.version && (
            <Alert
              type={version === 'latest' ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              message={t('第{n}版，{who}保存于{at}', {
                n: String(briefing.version.number),
                who: briefing.version.savedBy,
                at: new Date(briefing.version.savedAt).toLocaleString('zh-CN'),
              })}
              action={
                version !== 'latest' && (
                  <Button size="small" onClick={() => setVersion('latest')}>
                    {t('回到最新版')}
                  </Button>
                )
              }
            />
          )}
          {(briefing.stale ?? []).length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('数据已修订，以下改写未再套用（原段落已变化），请核对后重新编辑：')}
              description={(briefing.stale ?? []).map((s) => (
                <div key={`${s.section}${s.index}`}>{s.text}</div>
              ))}
            />
          )}
          {editable && drafts.size > 0 && (
            <Space style={{ marginBottom: 12 }} wrap>
              <Input
                style={{ width: 280 }}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('版本说明（可选）')}
                maxLength={200}
              />
              <Button type="primary" loading={saving} onClick={save} data-testid="briefing-save">
                {t('保存为新版本（{n}处改动）', { n: String(drafts.size) })}
              </Button>
              <Button onClick={() => setDrafts(new Map())}>{t('放弃改动')}</Button>
            </Space>
          )}
          <Typography.Title level={3} style={{ textAlign: 'center', fontWeight: 'normal' }}>
            {briefing.title}
          </Typography.Title>
          {blocks.map((b) => {
            if (b.kind === 'chart')
              return (
                <BriefingChartView key={b.key} briefing={briefing} chartKey={b.key} caption={b.caption} />
              );
            if (b.kind !== 'paragraph')
              return (
                <p key={b.text} style={{ ...body, fontWeight: b.kind === 'heading1' ? 'bold' : 'normal' }}>
                  {b.text}
                </p>
              );
            const section = briefing.sections.find((s) => s.key === b.section);
            const key = `${b.section}#${b.index}`;
            return (
              <BriefingParagraph
                key={key}
                text={b.text}
                lead={b.lead}
                raw={section?.paragraphs[b.index ?? 0] ?? b.text}
                figures={section?.figures ?? []}
                edited={section?.edited?.includes(b.index ?? -1) ?? false}
                editable={editable && section !== undefined}
                draft={drafts.get(key)}
                onDraft={(text) =>
                  setDrafts((old) => {
                    const next = new Map(old);
                    if (text === undefined) next.delete(key);
                    else next.set(key, text);
                    return next;
                  })
                }
                style={body}
              />
            );
          })}
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
      <BriefingVersions
        open={drawer}
        versions={versions}
        viewing={version}
        onView={(v) => {
          setVersion(v);
          setDrawer(false);
        }}
        onClose={() => setDrawer(false)}
      />
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
