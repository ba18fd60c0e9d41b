// 逐季逐月分解: the checkpoints a target should have reached by a month, as cumulative percent of the year.
import { Alert, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { trajectoryProblem } from '../../contract/web.ts';
import type { Trajectory } from '../api.ts';
import { useT } from '../i18n.ts';

const QUARTER_ENDS = [3, 6, 9, 12];
const MONTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]; // January is reported with February (1–2月).
const QUARTER_NAMES: Record<number, string> = { 3: '一季度', 6: '上半年', 9: '前三季度', 12: '全年' };

export function TrajectoryEditor(props: {
  title: string;
  value: Trajectory | null;
  open: boolean;
  onCancel: () => void;
  onSave: (t: Trajectory | null) => void;
}) {
  const t = useT();
  const [granularity, setGranularity] = useState<Trajectory['granularity']>('quarter');
  const [percents, setPercents] = useState<Map<number, number>>(new Map());
  useEffect(() => {
    setGranularity(props.value?.granularity ?? 'quarter');
    setPercents(new Map(props.value?.checkpoints.map((c) => [c.month, c.percent]) ?? []));
  }, [props.value]);

  const months = granularity === 'quarter' ? QUARTER_ENDS : MONTHS;
  const trajectory: Trajectory = {
    granularity,
    checkpoints: months.flatMap((month) => {
      const percent = percents.get(month);
      return percent === undefined ? [] : [{ month, percent }];
    }),
  };
  const problem = trajectoryProblem(trajectory);
  return (
    <Modal
      title={t('分解进度：{title}', { title: props.title })}
      open={props.open}
      okText={t('保存分解')}
      cancelText={t('取消')}
      okButtonProps={{ disabled: problem !== null, id: 'save-trajectory' }}
      onCancel={props.onCancel}
      onOk={() => props.onSave(trajectory.checkpoints.length > 0 ? trajectory : null)}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={granularity}
          onChange={(e) => setGranularity(e.target.value)}
          options={[
            { value: 'quarter', label: t('按季度') },
            { value: 'month', label: t('按月') },
          ]}
        />
        <Typography.Text type="secondary">
          {t('每个节点填到该月应完成全年目标的累计百分比；留空的节点按时间均衡进度（月数÷12）计算。')}
        </Typography.Text>
        <Space wrap>
          {months.map((m) => (
            <Space key={m} direction="vertical" size={0}>
              <Typography.Text>
                {granularity === 'quarter' ? t(QUARTER_NAMES[m] ?? '') : t('1–{m}月', { m })}
              </Typography.Text>
              <InputNumber
                size="small"
                min={0}
                max={100}
                addonAfter="%"
                style={{ width: 110 }}
                data-testid={`trajectory-${m}`}
                value={percents.get(m)}
                onChange={(v) =>
                  setPercents((p) => {
                    const next = new Map(p);
                    if (v === null) next.delete(m);
                    else next.set(m, Number(v));
                    return next;
                  })
                }
              />
            </Space>
          ))}
        </Space>
        {problem && <Alert type="warning" showIcon message={t(problem)} />}
      </Space>
    </Modal>
  );
}
