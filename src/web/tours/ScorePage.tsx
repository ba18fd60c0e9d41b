// The judge's phone page of a tour (拉练评分): the projects in visiting order, one card each (name, region, unit,
// 本年完成率), a score typed and saved per card. A judge's account scores as its own judge only; an analyst or
// administrator picks the judge. Sized for a phone (390 px): one column, large inputs.
import { Alert, Button, Card, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { User } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { type TourDetail, type TourResults, toursApi } from '../toursApi.ts';

const MIN = 0;
const MAX = 100;

function ScoreCard(props: {
  tourId: number;
  order: number;
  project: TourDetail['projects'][number];
  judge: string;
  saved: number | undefined;
  frozen: boolean;
  onSaved: (r: TourResults) => void;
}) {
  const t = useT();
  const { project: p, saved } = props;
  const [value, setValue] = useState<number | null>(saved ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValue(saved ?? null), [saved]);
  const save = async () => {
    // Checked here for a quick answer; the server checks again with the deployment's range.
    if (value === null || !Number.isFinite(value) || value < MIN || value > MAX) {
      setError(t('分数应为 {min}–{max} 之间的数', { min: MIN, max: MAX }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onSaved(await toursApi.score(props.tourId, p.code, props.judge, value));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" data-testid="tour-card" title={`${props.order}. ${p.name}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {p.region}
          {p.unit ? ` · ${p.unit}` : ''}
        </Typography.Text>
        {p.rate !== null && (
          <Typography.Text>
            {t('本年完成率 {rate}%（截至 {month}）', { rate: p.rate, month: p.rateMonth ?? '' })}
          </Typography.Text>
        )}
        <Space.Compact style={{ width: '100%' }}>
          <InputNumber
            size="large"
            inputMode="decimal"
            style={{ width: '100%' }}
            placeholder={t('分数 {min}–{max}', { min: MIN, max: MAX })}
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : null)}
            disabled={props.frozen}
            data-testid="tour-score-input"
          />
          <Button
            size="large"
            type="primary"
            onClick={save}
            loading={busy}
            disabled={props.frozen}
            data-testid="tour-score-save"
          >
            {t('保存')}
          </Button>
        </Space.Compact>
        {saved !== undefined && !error && <Tag color="green">{t('已保存 {score} 分', { score: saved })}</Tag>}
        <ErrorAlert error={error} />
      </Space>
    </Card>
  );
}

export function TourScorePage({ user, id }: { user: User; id: number }) {
  const t = useT();
  const detail = useApi(() => toursApi.get(id), [id]);
  const results = useApi(() => toursApi.results(id), [id]);
  const [latest, setLatest] = useState<TourResults | undefined>();
  const taskForce = user.role === 'analyst' || user.role === 'admin';
  const judges = (detail.data?.judges ?? []).filter((j) => taskForce || j.user === user.name);
  const [judge, setJudge] = useState<string | undefined>();
  useEffect(() => {
    if (!judge && judges[0]) setJudge(judges[0].name);
  }, [judge, judges]);
  const d = detail.data;
  const scores = latest ?? results.data;
  const savedOf = (code: string) =>
    scores?.projects.find((p) => p.code === code)?.scores.find((s) => s.judge === judge)?.score;
  const frozen = d?.tour.status === '已结束';
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }} data-testid="tour-score-page">
      <ErrorAlert error={detail.error ?? results.error} />
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {d.tour.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('{region} · {n} 个项目', { region: d.tour.region, n: d.projects.length })}
            {d.tour.date ? ` · ${d.tour.date}` : ''}
          </Typography.Text>
          {frozen && <Alert type="info" message={t('拉练已结束，评分已冻结')} />}
          {judges.length === 0 ? (
            <Alert type="warning" message={t('你不是这次拉练的评委')} />
          ) : (
            <Space wrap>
              <span>{t('评委')}</span>
              <Select
                style={{ minWidth: 160 }}
                value={judge}
                onChange={setJudge}
                options={judges.map((j) => ({ value: j.name, label: j.name }))}
                disabled={!taskForce}
                data-testid="tour-judge"
              />
            </Space>
          )}
          {judge &&
            d.projects.map((p, i) => (
              <ScoreCard
                key={`${judge}-${p.code}`}
                tourId={id}
                order={i + 1}
                project={p}
                judge={judge}
                saved={savedOf(p.code)}
                frozen={frozen}
                onSaved={setLatest}
              />
            ))}
          <Button href={`#tours/${id}`}>{t('查看结果')}</Button>
        </Space>
      )}
    </div>
  );
}
