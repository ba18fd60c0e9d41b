// One key project: its light and reasons, 本年累计 against the plan by time elapsed as a chart, the approved
// months, the history of changes, the updates entered in the app, and (for those who report) this month's form.
import { Alert, Card, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { User } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { type ProjectDetail, projectsApi } from '../projectsApi.ts';
import { LeadSource } from './LeadSource.tsx';
import { LightTag, num, pct } from './lights.tsx';
import { ProblemList } from './ProblemList.tsx';
import { UpdateForm } from './UpdateForm.tsx';
import { STATUS_NAME } from './UpdateList.tsx';

export function ProjectDrawer(props: {
  user: User;
  region: string;
  period: string;
  code: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { region, period, code } = props;
  const detail = useApi(() => projectsApi.detail(region, period, code), [region, period, code]);
  const d = detail.data;
  const month = Number(period.slice(5, 7));
  const option = useMemo(
    () => (d ? chartOption(d, month, t('本年累计完成'), t('计划（按时序进度）')) : null),
    [d, month, t],
  );
  return (
    <Drawer
      open
      width={Math.min(960, window.innerWidth)}
      onClose={props.onClose}
      title={d ? t('{name}：项目详情', { name: d.row.name }) : code}
      data-testid="project-drawer"
    >
      <ErrorAlert error={detail.error} />
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('亮灯')}>
              <LightTag light={d.row.light} /> {d.row.reasons.map((r) => t(r)).join(t('；'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('项目编号')}>{d.row.code}</Descriptions.Item>
            <Descriptions.Item label={t('所属地区')}>{d.row.region}</Descriptions.Item>
            <Descriptions.Item label={t('责任单位')}>{d.row.unit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('包联领导')}>{d.row.leader ?? '—'}</Descriptions.Item>
            <Descriptions.Item
              label={t('级别')}
            >{`${d.row.level === null ? '—' : t(d.row.level)} · ${d.row.type ?? '—'} · ${d.row.nature}`}</Descriptions.Item>
            <Descriptions.Item label={t('年度计划投资')}>{num(d.row.annualPlan)}</Descriptions.Item>
            <Descriptions.Item label={t('本年累计完成')}>{num(d.row.done)}</Descriptions.Item>
            <Descriptions.Item label={t('投资完成率')}>
              {`${pct(d.row.rate)} (${t('时序进度 {p}', { p: pct(d.row.timeProgress) })})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('总投资')}>{num(d.row.totalInvestment)}</Descriptions.Item>
            <Descriptions.Item label={t('开工以来累计完成')} span={2}>
              <span data-testid="since-start">
                {d.row.sinceStart === undefined
                  ? '—'
                  : d.row.shareOfTotal === null || d.row.shareOfTotal === undefined
                    ? t('{sum} 万元（无总投资，不计比例）', { sum: num(d.row.sinceStart) })
                    : t('{sum} 万元，占总投资 {share}', {
                        sum: num(d.row.sinceStart),
                        share: pct(d.row.shareOfTotal),
                      })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('建设性质')} span={3}>
              {[
                t('计划开工 {d}', { d: d.row.plannedStart ?? '—' }),
                t('实际开工 {d}', { d: d.row.actualStart ?? '—' }),
                t('入库 {d}', { d: d.row.libraryDate ?? '—' }),
              ].join('，')}
            </Descriptions.Item>
          </Descriptions>
          <LeadSource region={region} code={code} />
          <ProblemList
            region={region}
            code={code}
            canWrite={props.user.role !== 'leader'}
            onChanged={props.onChanged}
          />
          <Card size="small" title={t('本年累计与计划（万元）')}>
            {option && <Chart option={option} height={240} />}
          </Card>
          <Card size="small" title={t('各月完成情况')}>
            {d.months.length === 0 ? (
              <Empty description={t('本年还没有已审核的月报')} />
            ) : (
              <Table
                size="small"
                rowKey="month"
                pagination={false}
                dataSource={d.months}
                data-testid="project-months"
                columns={[
                  { title: t('月份'), dataIndex: 'month' },
                  { title: t('本年累计完成'), dataIndex: 'done', align: 'right' },
                  { title: t('计划（按时序进度）'), dataIndex: 'plan', align: 'right' },
                  { title: t('形象进度'), dataIndex: 'progress' },
                  { title: t('存在问题'), dataIndex: 'problems' },
                  { title: t('需协调事项'), dataIndex: 'coordination' },
                ]}
              />
            )}
          </Card>
          {props.user.role !== 'leader' && (
            <UpdateForm
              region={region}
              period={period}
              code={code}
              done={d.row.done}
              onSubmitted={() => {
                detail.reload();
                props.onChanged();
              }}
            />
          )}
          <Card size="small" title={t('在应用中填报')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.updates}
              locale={{ emptyText: t('没有填报') }}
              columns={[
                { title: t('月份'), dataIndex: 'period' },
                { title: t('本年累计完成'), dataIndex: 'done', align: 'right' },
                { title: t('形象进度'), dataIndex: 'progress' },
                {
                  title: t('照片'),
                  dataIndex: 'photos',
                  render: (ps: ProjectDetail['updates'][number]['photos']) => (
                    <Space>
                      {ps.map((p) => (
                        <a
                          key={p.id}
                          href={projectsApi.photoUrl(region, p.id)}
                          target="_blank"
                          rel="noreferrer"
                        >
                          <img src={projectsApi.photoUrl(region, p.id)} alt={p.name} style={{ height: 40 }} />
                        </a>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: t('状态'),
                  dataIndex: 'status',
                  render: (
                    s: ProjectDetail['updates'][number]['status'],
                    u: ProjectDetail['updates'][number],
                  ) => (
                    <Space direction="vertical" size={0}>
                      <Tag color={STATUS_NAME[s][1]}>{t(STATUS_NAME[s][0])}</Tag>
                      {u.reason && <Typography.Text type="danger">{u.reason}</Typography.Text>}
                    </Space>
                  ),
                },
                { title: t('填报人'), dataIndex: 'submittedBy' },
              ]}
            />
          </Card>
          <Card size="small" title={t('变更记录')}>
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={[...d.history].reverse()}
              locale={{ emptyText: t('没有变更记录') }}
              columns={[
                {
                  title: t('时间'),
                  dataIndex: 'at',
                  render: (a: string) => a.slice(0, 16).replace('T', ' '),
                },
                {
                  title: t('月份'),
                  render: (_: unknown, h: ProjectDetail['history'][number]) =>
                    h.year ? `${h.year}-${String(h.month).padStart(2, '0')}` : '—',
                },
                { title: t('字段'), dataIndex: 'field' },
                {
                  title: t('原值'),
                  dataIndex: 'old',
                  render: (v: unknown) => (v === null ? '—' : String(v)),
                },
                {
                  title: t('新值'),
                  dataIndex: 'new',
                  render: (v: unknown) => (v === null ? '—' : String(v)),
                },
                { title: t('修改人'), dataIndex: 'by' },
                { title: t('来源文件'), dataIndex: 'file', render: (f: string | null) => f ?? '—' },
              ]}
            />
          </Card>
          <Alert type="info" showIcon message={t('已审核通过的月报才计入完成投资和亮灯')} />
        </Space>
      )}
    </Drawer>
  );
}

/** 本年累计 by month (bars) against the plan by time elapsed (a line), January to the period's month. */
function chartOption(d: ProjectDetail, month: number, doneName: string, planName: string) {
  const months = Array.from({ length: month }, (_, i) => i + 1);
  const byMonth = new Map(d.months.map((m) => [m.month, m.done]));
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { data: [doneName, planName], top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 24 },
    xAxis: { type: 'category' as const, data: months.map(String) },
    yAxis: { type: 'value' as const },
    series: [
      {
        name: doneName,
        type: 'bar' as const,
        data: months.map((m) => byMonth.get(m) ?? null),
        itemStyle: { color: '#8e1b1b' },
      },
      {
        name: planName,
        type: 'line' as const,
        data: months.map((m) => Math.round(((d.row.annualPlan * m) / 12) * 100) / 100),
        lineStyle: { type: 'dashed' as const },
      },
    ],
  };
}
