// 数据填报: a reporter's form for its own region and the open period, checked as it is typed. A reporter's values
// go to review (the level above approves, an analyst publishes); the page lists them with their status.
import { Alert, Button, Input, InputNumber, message, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { isSwing, pickGrowth, SWING_PP } from '../../contract/web.ts';
import {
  ApiError,
  api,
  type Indicator,
  type PeriodStatus,
  type Region,
  type Submission,
  type User,
} from '../api.ts';
import { useConfirmEntry } from '../components/ConfirmEntry.tsx';
import { STATUS, SubmissionTable } from '../components/SubmissionTable.tsx';
import { fmt } from '../format.ts';
import { useT } from '../i18n.ts';
import { useRegionTree } from '../useRegionTree.ts';

interface Line {
  indicator: Indicator;
  lastPeriod: string | null;
  lastValue: number | null;
  lastYoy: number | null;
  value: number | null;
  /** The published growth as stored; empty when only a derived one exists (shown as the placeholder). */
  yoy: number | null;
  yoyDerived: number | null;
  comment: string;
}

const previousPeriod = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export function DataEntry({ user }: { user: User }) {
  const t = useT();
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState<string | undefined>(user.regionCode ?? undefined);
  const [period, setPeriod] = useState<string | undefined>();
  const [lines, setLines] = useState<Line[]>([]);
  const [saving, setSaving] = useState(false);
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const [lock, setLock] = useState<PeriodStatus['lock']>(null);
  const [reason, setReason] = useState('');
  const reporter = user.role === 'reporter';
  const { ask, dialog } = useConfirmEntry();

  const { root, children: below } = useRegionTree(user);
  useEffect(() => {
    if (!root) return;
    // A reporter enters its own region only; the task force may enter any district.
    setRegions(user.regionCode ? [root] : [root, ...below]);
    setRegion((r) => r ?? root.code);
  }, [root, below, user]);

  useEffect(() => {
    if (!region) return;
    api.latestPeriod(region).then(
      (p) => setPeriod((old) => old ?? p ?? undefined),
      () => undefined,
    );
  }, [region]);

  const loadReview = useCallback(async () => {
    if (!region || !period) return;
    try {
      const all = await api.submissions({ region, period });
      setSubmissions(all.filter((x) => x.status !== 'superseded'));
      setLock((await api.periodStatus(region, period)).lock);
    } catch {
      setSubmissions([]);
      setLock(null);
    }
  }, [region, period]);
  useEffect(() => {
    loadReview();
  }, [loadReview]);

  useEffect(() => {
    if (!region || !period) return;
    (async () => {
      const all = await api.indicators();
      const year = Number(period.slice(0, 4));
      const targeted = new Set((await api.targets(region, year)).map((t) => t.indicatorCode));
      const chosen = all.filter((i) => targeted.has(i.code));
      const prev = previousPeriod(period);
      setLines(
        await Promise.all(
          chosen.map(async (indicator) => {
            // A reporter sees his own values under review in the form; the task force edits published ones.
            const s = await api.series(indicator.code, region, reporter ? 'submitted' : undefined);
            const now = s.find((p) => p.period === period);
            const last = [...s].reverse().find((p) => p.period <= prev);
            return {
              indicator,
              lastPeriod: last?.period ?? null,
              lastValue: last?.value ?? null,
              lastYoy: last?.yoy ?? null,
              value: now?.value ?? null,
              // Only a published growth goes back in: sending the derived one would store it as published.
              yoy: now?.yoyPublished ?? null,
              yoyDerived: now?.yoyDerived ?? null,
              comment: '',
            };
          }),
        ),
      );
    })().catch(() => setLines([]));
  }, [region, period, reporter]);

  // Growth that swings from the last period (大起大落) needs a written reason.
  const jumps = (l: Line) => isSwing(l.lastYoy, pickGrowth(l.yoy, l.yoyDerived));
  const missingReason = lines.filter((l) => jumps(l) && l.comment.trim() === '');
  const update = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = async () => {
    if (!region || !period) return;
    setSaving(true);
    try {
      let n = 0;
      for (const l of lines) {
        if (l.value === null && l.yoy === null) continue;
        const entry = {
          indicator: l.indicator.code,
          region,
          period,
          value: l.value,
          yoy: l.yoy,
          comment: l.comment || undefined,
          reason: reason.trim() || undefined,
        };
        const r = await api.saveObservation(entry).catch(async (e: unknown) => {
          // A value that looks like a slip: the server lists why; kept only when the user confirms with a reason.
          if (!(e instanceof ApiError) || e.code !== 'observation.implausible') throw e;
          const problems = (e.details.problems as { message: string }[] | undefined) ?? [];
          const why = await ask({
            indicator: l.indicator.name,
            value: l.value,
            problems: problems.map((p) => p.message),
            reason: l.comment.trim() || reason.trim(),
          });
          return why === null ? null : api.saveObservation({ ...entry, confirm: true, reason: why });
        });
        if (r === null) continue;
        if (r.result !== 'ignored') n++;
      }
      message.success(
        t(reporter ? '已提交 {n} 项数据，等待上级审核' : '已保存 {n} 项数据（直接发布）', { n }),
      );
      await loadReview();
    } catch (e) {
      message.error((e as Error).message, 6);
    } finally {
      setSaving(false);
    }
  };
  // The newest submission of each indicator for exactly this region: its status is shown on the line.
  const statusOf = (code: string) =>
    submissions.find((x) => x.indicatorCode === code && x.regionCode === region);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {dialog}
      <Space wrap>
        <Select
          style={{ width: 200 }}
          value={region}
          onChange={setRegion}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
        />
        <Input
          style={{ width: 120 }}
          value={period}
          onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setPeriod(e.target.value)}
          data-testid="entry-period"
        />
        <Typography.Text type="secondary">{t('累计值填 1—N 月合计；同比为百分数')}</Typography.Text>
      </Space>
      {lock && (
        <Alert
          type="warning"
          showIcon
          data-testid="locked"
          message={t('{period} 已发布并锁定（{user}发布）：修改已发布的数据属于修订，须填写修订原因', {
            period: lock.period,
            user: lock.lockedBy ?? t('分析员'),
          })}
          description={
            <Input
              style={{ maxWidth: 480 }}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('修订原因（必填）')}
              data-testid="revision-reason"
            />
          }
        />
      )}
      {missingReason.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('以下指标增速较上期变动超过 {pp} 个百分点，请填写说明：{names}', {
            pp: SWING_PP,
            names: missingReason.map((l) => l.indicator.name).join(t('、')),
          })}
        />
      )}
      <Table
        size="small"
        rowKey={(l) => l.indicator.code}
        pagination={false}
        dataSource={lines}
        data-testid="entry"
        columns={[
          { title: t('指标'), render: (_: unknown, l: Line) => l.indicator.name },
          { title: t('单位'), render: (_: unknown, l: Line) => l.indicator.unit },
          {
            title: t('上期'),
            render: (_: unknown, l: Line) =>
              l.lastPeriod
                ? t('{period}：{value}（{yoy}%）', {
                    period: l.lastPeriod,
                    value: fmt(l.lastValue),
                    yoy: fmt(l.lastYoy, 1),
                  })
                : '—',
          },
          {
            title: t('本期累计'),
            render: (_: unknown, l: Line, i: number) => (
              <InputNumber
                data-testid={`value-${l.indicator.code}`}
                value={l.value}
                onChange={(v) => update(i, { value: v === null ? null : Number(v) })}
                style={{ width: 130 }}
              />
            ),
          },
          {
            title: t('同比%'),
            render: (_: unknown, l: Line, i: number) => (
              <Space>
                <InputNumber
                  data-testid={`yoy-${l.indicator.code}`}
                  value={l.yoy}
                  placeholder={l.yoyDerived === null ? '' : t('推算 {yoy}', { yoy: fmt(l.yoyDerived, 1) })}
                  onChange={(v) => update(i, { yoy: v === null ? null : Number(v) })}
                  style={{ width: 100 }}
                />
                {jumps(l) && <Tag color="orange">{t('变动大')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('审核'),
            render: (_: unknown, l: Line) => {
              const x = statusOf(l.indicator.code);
              return x ? <Tag color={STATUS[x.status].color}>{t(STATUS[x.status].text)}</Tag> : '—';
            },
          },
          {
            title: t('说明'),
            render: (_: unknown, l: Line, i: number) => (
              <Input
                value={l.comment}
                status={jumps(l) && !l.comment.trim() ? 'error' : undefined}
                onChange={(e) => update(i, { comment: e.target.value })}
                placeholder={jumps(l) ? t('必填：变动原因') : ''}
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        onClick={submit}
        loading={saving}
        disabled={missingReason.length > 0 || lines.length === 0 || (!!lock && reason.trim() === '')}
      >
        {t('提交')}
      </Button>
      {reporter && (
        <Typography.Text type="secondary">
          {t('提交后由上一级地区审核，发布后才进入排位和驾驶舱；退回的数据请按退回原因修改后重新提交。')}
        </Typography.Text>
      )}
      {submissions.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
            {t('本期上报及审核状态')}
          </Typography.Title>
          <SubmissionTable rows={submissions} testId="my-submissions" />
        </>
      )}
    </Space>
  );
}
