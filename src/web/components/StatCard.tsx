// One figure of a page's rate row (项目数, 开工率, 资金到位率 …): a small card in a sixth of the row on wide screens,
// half on narrow ones, with an optional grey line under the figure. Put it in a `<Row gutter={[12, 12]}>`.
import { Card, Col, Statistic, type StatisticProps, Typography } from 'antd';
import type { ReactNode } from 'react';

/** @example <StatCard title={t('开工率')} value={pct(r.startRate)} note={t('已开工 {n} 个', { n: r.started })} /> */
export function StatCard({ note, ...statistic }: StatisticProps & { note?: ReactNode }) {
  return (
    <Col xs={12} md={4}>
      <Card size="small">
        <Statistic {...statistic} />
        {note !== undefined && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Card>
    </Col>
  );
}
