// 数据填报: a reporter's form for its own region and the open period, checked as it is typed. A reporter's values
// go to review (the level above approves, an analyst publishes); the page lists them with their status.
import { Alert, Button, Input, message, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { SWING_PP } from '../../contract/web.ts';
import { ApiError, api, type PeriodStatus, type Submission, type User } from '../api.ts';
import { useConfirmEntry } from '../components/ConfirmEntry.tsx';
import { EntryTable, jumps, type Line, loadLines } from '../components/EntryTable.tsx';
import { SubmissionTable } from '../components/SubmissionTable.tsx';
import { useT } from '../i18n.ts';
import { PeriodPicker, RegionPicker, useLatestPeriod, useRegionChoice } from '../kit/index.ts';

export function DataEntry({ user }: { user: User }) {
  const t = useT();
  // A reporter enters its own region only; the task force may enter any district.
  const { regions, region, setRegion } = useRegionChoice(user, { ownOnly: !!user.regionCode });
  const [period, setPeriod] = useLatestPeriod(region);
  const [lines, setLines] = useState<Line[]>([]);
  const [saving, setSaving] = useState(false);
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const [lock, setLock] = useState<PeriodStatus['lock']>(null);
  const [reason, setReason] = useState('');
  const reporter = user.role === 'reporter';
  const { ask, dialog } = useConfirmEntry();

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
    loadLines(region, period, reporter).then(setLines, () => setLines([]));
  }, [region, period, reporter]);

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
        <RegionPicker regions={regions} value={region} onChange={setRegion} />
        <PeriodPicker value={period} onChange={setPeriod} testId="entry-period" />
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
      <EntryTable lines={lines} update={update} statusOf={statusOf} />
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
