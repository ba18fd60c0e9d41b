// 审核: the values reporters sent, for the analysts of the level above to approve or return (with a reason),
// and publishing a region's period — only then do the values reach the league tables and the cockpit.
import { Alert, Button, Card, Input, Modal, message, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type PeriodStatus, type Submission, type User } from '../api.ts';
import { STATUS, SubmissionTable } from '../components/SubmissionTable.tsx';
import { translated, useT } from '../i18n.ts';
import {
  IndicatorPicker,
  PeriodPicker,
  RegionPicker,
  useIndicators,
  useLatestPeriod,
  useRegionChoice,
} from '../kit/index.ts';

const STATUS_FILTER = [
  { value: 'submitted', label: '待审核' },
  { value: 'approved', label: '已通过，待发布' },
  { value: 'open', label: '待审核和待发布' },
  { value: 'returned', label: '已退回' },
  { value: 'published', label: '已发布' },
  { value: 'all', label: '全部' },
];

const reviewable = (s: Submission) => s.canReview && (s.status === 'submitted' || s.status === 'approved');

export function ReviewPage({ user }: { user: User }) {
  const t = useT();
  const { root, regions, region, setRegion } = useRegionChoice(user, { preset: false });
  // The newest period of the whole tree; emptied, the box lists every period.
  const [period, setPeriod] = useLatestPeriod(root?.code);
  const [status, setStatus] = useState('open');
  const indicators = useIndicators();
  const [indicator, setIndicator] = useState<string | undefined>();
  const [rows, setRows] = useState<Submission[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [periodStatus, setPeriodStatus] = useState<PeriodStatus | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!region) return;
    const filter = { status: status === 'all' ? undefined : status, period, region, indicator };
    try {
      setRows(await api.submissions(filter));
      setPeriodStatus(period ? await api.periodStatus(region, period) : null);
    } catch (e) {
      message.error((e as Error).message);
    }
    setSelected([]);
  }, [region, period, status, indicator]);
  useEffect(() => {
    load();
  }, [load]);

  const chosen = rows.filter((r) => selected.includes(r.id));
  const decide = async (decision: 'approve' | 'return') => {
    setBusy(true);
    try {
      const done = await api.reviewSubmissions(
        selected,
        decision,
        decision === 'return' ? reason : undefined,
      );
      message.success(t(decision === 'approve' ? '已通过 {n} 条' : '已退回 {n} 条', { n: done.length }));
      setReturning(false);
      setReason('');
      await load();
    } catch (e) {
      message.error((e as Error).message, 6);
    } finally {
      setBusy(false);
    }
  };

  const regionName = regions.find((r) => r.code === region)?.name ?? '';
  const publish = async () => {
    if (!region || !period) return;
    setBusy(true);
    try {
      const r = await api.publishPeriod(region, period);
      const vars = { ...r, region: regionName, period };
      message.success(
        t(
          r.revised
            ? '已发布 {published} 条（其中修订 {revised} 条），{region} {period} 已锁定'
            : '已发布 {published} 条，{region} {period} 已锁定',
          vars,
        ) + (r.pending ? t('；仍有 {pending} 条待审核', vars) : ''),
      );
      await load();
    } catch (e) {
      message.error((e as Error).message, 6);
    } finally {
      setBusy(false);
    }
  };

  const counts = periodStatus?.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <RegionPicker
          width={180}
          regions={regions}
          value={region}
          onChange={setRegion}
          label={(r) => (r === root ? t('{name}（全部）', { name: r.name }) : r.name)}
          testId="review-region"
        />
        <PeriodPicker
          width={110}
          placeholder={t('期间（全部）')}
          value={period}
          onChange={setPeriod}
          clearable
          testId="review-period"
        />
        <Select
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={translated(t, STATUS_FILTER)}
        />
        <IndicatorPicker
          clearable
          placeholder={t('指标（全部）')}
          width={220}
          indicators={indicators}
          value={indicator}
          onChange={setIndicator}
        />
      </Space>
      {period && region && (
        <Card size="small" data-testid="publish-card">
          <Space wrap>
            <Typography.Text strong>
              {t('{region}及下级地区 {period}', { region: regionName, period })}
            </Typography.Text>
            {periodStatus?.lock ? (
              <Tag color="green">
                {t('已发布锁定（{user} {day}）', {
                  user: periodStatus.lock.lockedBy ?? '—',
                  day: periodStatus.lock.lockedAt.slice(0, 10),
                })}
              </Tag>
            ) : (
              <Tag>{t('未发布')}</Tag>
            )}
            {counts && (
              <Typography.Text type="secondary">
                {t('待审核 {submitted} 条，已通过待发布 {approved} 条，已退回 {returned} 条', { ...counts })}
              </Typography.Text>
            )}
            <Popconfirm
              title={t('发布 {region} {period}', { region: regionName, period })}
              description={
                t('把已通过的 {n} 条写入排位和驾驶舱，并锁定该期；此后修改须填写修订原因。', {
                  n: counts?.approved ?? 0,
                }) +
                (counts?.submitted ? t('另有 {n} 条尚待审核，不随本次发布。', { n: counts.submitted }) : '')
              }
              okText={t('发布')}
              cancelText={t('取消')}
              onConfirm={publish}
            >
              <Button type="primary" loading={busy} data-testid="publish">
                {t('发布并锁定')}
              </Button>
            </Popconfirm>
          </Space>
        </Card>
      )}
      <Space wrap>
        <Button
          type="primary"
          disabled={chosen.length === 0 || chosen.some((s) => s.status !== 'submitted')}
          loading={busy}
          onClick={() => decide('approve')}
          data-testid="approve"
        >
          {t('通过所选（{n}）', { n: chosen.length })}
        </Button>
        <Button danger disabled={chosen.length === 0} onClick={() => setReturning(true)} data-testid="return">
          {t('退回所选（{n}）', { n: chosen.length })}
        </Button>
        <Typography.Text type="secondary">
          {t('数据须由上一级地区的分析员审核；通过后经发布才进入排位和驾驶舱。')}
        </Typography.Text>
      </Space>
      {rows.some((r) => !r.canReview && r.status === 'submitted') && (
        <Alert type="info" showIcon message={t('灰色不可选的是本级地区自己的数据，须由上一级审核。')} />
      )}
      <SubmissionTable
        rows={rows}
        testId="submissions"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (s) => ({ disabled: !reviewable(s), title: t(STATUS[s.status].text) }),
        }}
      />
      <Modal
        open={returning}
        title={t('退回 {n} 条数据', { n: chosen.length })}
        okText={t('退回')}
        cancelText={t('取消')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy, id: 'confirm-return' }}
        onOk={() => decide('return')}
        onCancel={() => setReturning(false)}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('退回原因（必填），填报员会看到')}
          data-testid="return-reason-input"
        />
      </Modal>
    </Space>
  );
}
