// The cockpit's projects panel: the region's project rates at the period and its red list.
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useT } from '../i18n.ts';
import { useApi } from '../kit/index.ts';
import { projectsApi } from '../projectsApi.ts';
import { LIGHT_COLOR, LightCounts, pct } from './lights.tsx';

export function ProjectsPanel({ region, period }: { region: string; period: string }) {
  const t = useT();
  const rates = useApi(() => projectsApi.rates(region, period), [region, period]);
  const list = useApi(() => projectsApi.list(region, period), [region, period]);
  const r = rates.data;
  if (!r || r.projects === 0) return null;
  const red = (list.data ?? []).filter((p) => p.light === 'red').sort((a, b) => (b.lag ?? 0) - (a.lag ?? 0));
  return (
    <Card size="small" title={t('重点项目（红灯清单）')} data-testid="cockpit-projects">
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Row gutter={[8, 8]}>
            <Col span={12}>
              <Statistic
                title={t('投资完成率')}
                value={pct(r.investmentRate)}
                valueStyle={{
                  color: (r.investmentRate ?? 0) < r.timeProgress ? LIGHT_COLOR.red : LIGHT_COLOR.green,
                }}
              />
              <Typography.Text type="secondary">
                {t('时序进度 {p}', { p: pct(r.timeProgress) })}
              </Typography.Text>
            </Col>
            <Col span={12}>
              <Statistic title={t('开工率')} value={pct(r.startRate)} />
            </Col>
            <Col span={12}>
              <Statistic title={t('竣工率')} value={pct(r.finishRate)} />
            </Col>
            <Col span={12}>
              <Statistic title={t('红灯 / 黄灯 / 绿灯')} valueRender={() => <LightCounts counts={r} />} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} md={14}>
          <List
            size="small"
            dataSource={red.slice(0, 8)}
            locale={{ emptyText: t('没有红灯项目') }}
            renderItem={(p) => (
              <List.Item>
                <div>
                  <Typography.Text strong style={{ color: LIGHT_COLOR.red }} data-content>
                    {p.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {`${p.region} · ${p.reasons.map((r) => t(r)).join(t('；'))}`}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
