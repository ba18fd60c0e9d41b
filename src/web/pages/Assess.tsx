// 考核: the assessment office (city-wide analysts and admins) picks a scheme, edits it, enters the inputs, runs
// it, reads the ranking with every item's formula, publishes it and downloads the notice. Everyone else reads
// the published results their scope and the assess.publicRanking setting allow.
import { Alert, Button, Input, message, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { honourLists, readLists } from '../../contract/web.ts';
import { type AssessInput, type AssessScore, api, type User } from '../api.ts';
import { AssessInputs } from '../components/AssessInputs.tsx';
import { AssessRanking } from '../components/AssessRanking.tsx';
import { AssessSchemeForm, type SchemeBody } from '../components/AssessSchemeForm.tsx';
import { useT } from '../i18n.ts';
import { ErrorAlert, PeriodPicker, useApi, useIndicators } from '../kit/index.ts';

const noticeUrl = (scheme: string, period: string, format: 'docx' | 'xlsx') =>
  `/api/assess/notice?${new URLSearchParams({ scheme, period, format }).toString()}`;

const listsOf = (body: SchemeBody, rows: AssessScore[]) => {
  try {
    return honourLists(readLists(body.lists), rows);
  } catch {
    return { red: [], black: [] };
  }
};

export function AssessPage({ user }: { user: User }) {
  const office = (user.role === 'admin' || user.role === 'analyst') && user.regionCode === null;
  const t = useT();
  // A publish on the office's tab shows at once on the published tab.
  const [round, setRound] = useState(0);
  return office ? (
    <Tabs
      items={[
        {
          key: 'office',
          label: t('考核办'),
          children: <AssessOffice onPublished={() => setRound((r) => r + 1)} />,
        },
        { key: 'published', label: t('已发布结果'), children: <AssessPublished round={round} /> },
      ]}
    />
  ) : (
    <AssessPublished round={0} />
  );
}

function AssessOffice({ onPublished }: { onPublished: () => void }) {
  const t = useT();
  const indicators = useIndicators();
  const schemes = useApi(() => api.assessSchemes(), []);
  const [chosen, setChosen] = useState<string | undefined>();
  const [body, setBody] = useState<SchemeBody>({});
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | undefined>();
  const [inputs, setInputs] = useState<AssessInput[]>([]);
  const [rows, setRows] = useState<AssessScore[] | null>(null);
  const [ranAt, setRanAt] = useState<string | null>(null);
  const [published, setPublished] = useState<{ scheme: string; period: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState('scheme');

  const load = (name: string | undefined) => {
    const s = schemes.data?.find((x) => x.name === name);
    if (!s) return;
    setChosen(s.name);
    setBody(s.body);
    setPeriod(typeof s.body.period === 'string' ? s.body.period : undefined);
    // By name as the office reads them; the server places a name within the scheme's groups.
    setInputs(
      s.inputs.map((i) => ({ region: i.regionName ?? i.region, item: i.item, value: i.value, note: i.note })),
    );
    setRows(null);
    setPublished(null);
    setError(null);
  };
  // The first scheme opens by itself, so the page is never empty when there is one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the list arrives.
  useEffect(() => {
    if (!chosen && schemes.data?.[0]) load(schemes.data[0].name);
  }, [schemes.data]);
  useEffect(() => setJson(JSON.stringify(body, null, 2)), [body]);

  const items = Array.isArray(body.items) ? (body.items as { name?: string; input?: boolean }[]) : [];
  const inputItems = items.filter((i) => i.input).map((i) => String(i.name ?? ''));
  const regions = useMemo(() => [...new Set((rows ?? []).map((r) => r.region))], [rows]);
  const version = schemes.data?.find((s) => s.name === chosen);
  const name = String(body.name ?? '');

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const run = () =>
    act(async () => {
      setRows(await api.runAssess(body, period, inputs));
      setRanAt(new Date().toTimeString().slice(0, 8));
      setPublished(null);
      setTab('ranking');
    });
  const save = () =>
    act(async () => {
      const v = await api.saveAssessScheme(body);
      message.success(t('已保存「{name}」第{n}版', { name: v.name, n: v.version }));
      setChosen(v.name);
      schemes.reload();
    });
  const publish = () =>
    act(async () => {
      const p = await api.publishAssess(body, period, inputs);
      setRows(p.rows);
      setPublished({ scheme: p.schemeName, period: p.period });
      message.success(
        t('已发布：第{n}版，{period}（此版方案已冻结）', { n: p.schemeVersion, period: p.period }),
      );
      schemes.reload();
      onPublished();
      setTab('ranking');
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {/* The scheme's name is data: it stays as the office wrote it. */}
        <Select
          data-content
          style={{ width: 300 }}
          placeholder={t('选择考核方案')}
          value={chosen}
          onChange={load}
          options={(schemes.data ?? []).map((s) => ({ value: s.name, label: s.name }))}
          data-testid="assess-scheme"
        />
        {version && (
          <Typography.Text type="secondary" data-testid="assess-version">
            {version.frozen
              ? t('第{n}版（已发布，修改后保存为新版本）', { n: version.version })
              : t('第{n}版（未发布）', { n: version.version })}
          </Typography.Text>
        )}
        <span>{t('考核期')}</span>
        <PeriodPicker width={110} value={period} onChange={setPeriod} testId="assess-period" />
        <Button onClick={save} loading={busy} data-testid="assess-save">
          {t('保存方案')}
        </Button>
        <Button type="primary" onClick={run} loading={busy} data-testid="assess-run">
          {t('试算')}
        </Button>
        <Button danger onClick={publish} loading={busy} disabled={!rows} data-testid="assess-publish">
          {t('发布（亮晒）')}
        </Button>
        {published && (
          <>
            <Button href={noticeUrl(published.scheme, published.period, 'docx')} data-testid="assess-docx">
              {t('下载通报 Word')}
            </Button>
            <Button href={noticeUrl(published.scheme, published.period, 'xlsx')} data-testid="assess-xlsx">
              {t('下载通报 Excel')}
            </Button>
          </>
        )}
      </Space>
      <ErrorAlert error={schemes.error ?? error} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'scheme',
            label: t('方案'),
            children: <AssessSchemeForm body={body} onChange={setBody} indicators={indicators} />,
          },
          {
            key: 'json',
            label: t('方案 JSON'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  rows={18}
                  value={json}
                  onChange={(e) => setJson(e.target.value)}
                  style={{ fontFamily: 'monospace' }}
                  data-testid="assess-json"
                />
                {jsonError && <Alert type="error" message={jsonError} />}
                <Button
                  onClick={() => {
                    try {
                      const parsed = JSON.parse(json);
                      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
                        throw new Error(t('应为一个 JSON 对象'));
                      setBody(parsed);
                      setJsonError(null);
                    } catch (e) {
                      setJsonError(t('JSON 有误：{why}', { why: (e as Error).message }));
                    }
                  }}
                >
                  {t('应用 JSON')}
                </Button>
              </Space>
            ),
          },
          {
            key: 'inputs',
            label: t('录入（{n}）', { n: inputs.length }),
            children: (
              <AssessInputs rows={inputs} onChange={setInputs} items={inputItems} regions={regions} />
            ),
          },
          {
            key: 'ranking',
            label: t('排名'),
            children: rows ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary" data-testid="assess-ran">
                  {published
                    ? t('已发布「{name}」{period}', { name: published.scheme, period: published.period })
                    : t('「{name}」试算于 {at}（未保存；位次变化与上次发布的结果相比）', {
                        name,
                        at: ranAt ?? '',
                      })}
                </Typography.Text>
                <AssessRanking
                  rows={rows}
                  items={items.map((i) => String(i.name ?? ''))}
                  lists={listsOf(body, rows)}
                />
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('点「试算」查看排名')}</Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}

/**
 * The league (考核排名): the last published run first, or another chosen from the list, as this account may see it —
 * read-only for everyone, leaders included; a scoped account sees only its own part unless the setting allows.
 */
function AssessPublished({ round }: { round: number }) {
  const t = useT();
  const runs = useApi(() => api.assessRuns(), [round]);
  const [pick, setPick] = useState<string | undefined>();
  const chosen = runs.data?.find((r) => `${r.schemeName}|${r.period}` === pick) ?? runs.data?.[0];
  const scores = useApi(
    () => (chosen ? api.assessScores(chosen.schemeName, chosen.period) : null),
    [chosen?.schemeName, chosen?.period],
  );
  // Runs come newest first: the one after the chosen of the same scheme is what the moves are counted from.
  const before = runs.data?.find(
    (r) => chosen && r.schemeName === chosen.schemeName && r.period < chosen.period,
  );
  if (runs.data && runs.data.length === 0)
    return <Typography.Text type="secondary">{t('还没有发布的考核结果')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="assess-league">
      {chosen && (
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('考核排名')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="assess-league-caption">
            {t('「{name}」{period}，第{n}版，{by}发布于{at}', {
              name: chosen.schemeName,
              period: chosen.period,
              n: chosen.schemeVersion,
              by: chosen.publishedBy,
              at: chosen.publishedAt.slice(0, 10),
            })}
            {t('；')}
            {before
              ? t('位次变化与{period}相比', { period: before.period })
              : t('此前没有发布的结果，无位次变化')}
          </Typography.Text>
        </div>
      )}
      <Space wrap>
        <Select
          data-content
          style={{ width: 360 }}
          value={chosen ? `${chosen.schemeName}|${chosen.period}` : undefined}
          onChange={setPick}
          options={(runs.data ?? []).map((r) => ({
            value: `${r.schemeName}|${r.period}`,
            label: t('{name}（{period}，第{n}版）', {
              name: r.schemeName,
              period: r.period,
              n: r.schemeVersion,
            }),
          }))}
          data-testid="assess-published-run"
        />
        {chosen && (
          <>
            <Button href={noticeUrl(chosen.schemeName, chosen.period, 'docx')}>{t('下载通报 Word')}</Button>
            <Button href={noticeUrl(chosen.schemeName, chosen.period, 'xlsx')}>{t('下载通报 Excel')}</Button>
          </>
        )}
      </Space>
      <ErrorAlert error={runs.error ?? scores.error} />
      {scores.data?.ownOnly && (
        <Alert
          type="info"
          showIcon
          data-testid="assess-own-only"
          message={t('只显示本辖区各地的得分及其组内名次；全部排名由管理员在系统设置中决定是否公开')}
        />
      )}
      {scores.data && (
        <AssessRanking rows={scores.data.rows} items={scores.data.items ?? []} lists={scores.data.lists} />
      )}
    </Space>
  );
}
