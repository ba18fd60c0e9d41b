// 招商项目: the attraction rates of a region at a period on top, the breakdowns by region (ranked), industry and
// unit, and the lead list (stage reached, dates, amounts, the key project it became) — sortable and filterable;
// the monthly report to download, and for an analyst or admin the promotion of a lead to a key project (and its
// undoing).
import { Button, Input, Modal, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../api.ts';
import { StatCard } from '../components/StatCard.tsx';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { type LeadGroup, type LeadListRow, type LeadStage, leadsApi } from '../leadsApi.ts';
import { LeadProjectCell } from './LeadProjectCell.tsx';
import { num, pct } from './lights.tsx';

const STAGE_COLOR: Record<LeadStage, string> = {
  在谈: 'default',
  签约: 'blue',
  注册: 'cyan',
  开工: 'orange',
  投产: 'green',
};
const STAGES = Object.keys(STAGE_COLOR) as LeadStage[];

const byNum = (f: (r: LeadGroup) => number | null) => (a: LeadGroup, b: LeadGroup) =>
  (f(a) ?? -1) - (f(b) ?? -1);

export function LeadsTab(props: {
  user: User;
  region: string;
  period: string;
  round: number;
  onChanged: () => void;
  onOpenProject: (code: string) => void;
}) {
  const t = useT();
  const { region, period, round } = props;
  const breakdown = useApi(() => leadsApi.breakdown(region, period), [region, period, round]);
  const list = useApi(() => leadsApi.list(region, period), [region, period, round]);
  const [stage, setStage] = useState<LeadStage | undefined>();
  const [area, setArea] = useState<string | undefined>();
  const [industry, setIndustry] = useState<string | undefined>();
  const [thisYear, setThisYear] = useState(true);
  const [search, setSearch] = useState('');
  const [promoting, setPromoting] = useState<LeadListRow | null>(null);
  const rows = list.data ?? [];
  const shown = useMemo(
    () =>
      rows.filter(
        (l) =>
          (!thisYear || l.counted) &&
          (!stage || l.stage === stage) &&
          (!area || l.region === area) &&
          (!industry || l.industry === industry) &&
          (!search || l.name.includes(search) || l.code.includes(search)),
      ),
    [rows, thisYear, stage, area, industry, search],
  );
  const choices = (pick: (l: LeadListRow) => string | null) =>
    [...new Set(rows.map(pick).filter((v): v is string => !!v))].sort().map((v) => ({ value: v, label: v }));
  const promoter = props.user.role === 'analyst' || props.user.role === 'admin';
  const b = breakdown.data;
  const r = b?.totals;
  const rateColumns = [
    { title: t('签约项目数'), dataIndex: 'signed', align: 'right' as const, sorter: byNum((g) => g.signed) },
    {
      title: t('签约金额（万元）'),
      dataIndex: 'contract',
      align: 'right' as const,
      render: (v: number) => num(v),
      sorter: byNum((g) => g.contract),
    },
    ...(
      [
        ['履约率', 'registerRate'],
        ['开工率', 'startRate'],
        ['投产率', 'productionRate'],
      ] as const
    ).map(([title, key]) => ({
      title: t(title),
      dataIndex: key,
      align: 'right' as const,
      render: (v: number | null) => pct(v),
      sorter: byNum((g) => g[key]),
    })),
    {
      title: t('到位资金（万元）'),
      dataIndex: 'fundsArrived',
      align: 'right' as const,
      render: (v: number) => num(v),
      sorter: byNum((g) => g.fundsArrived),
    },
    {
      title: t('资金到位率'),
      dataIndex: 'fundsRate',
      align: 'right' as const,
      render: (v: number | null) => pct(v),
      sorter: byNum((g) => g.fundsRate),
    },
  ];
  const groupTable = (data: LeadGroup[], first: string, testId: string, ranked = false) => (
    <Table<LeadGroup & { rank?: number }>
      size="small"
      rowKey="key"
      pagination={false}
      scroll={{ x: true }}
      dataSource={data}
      data-testid={testId}
      columns={[
        ...(ranked
          ? [
              {
                title: t('名次'),
                dataIndex: 'rank',
                sorter: (a: { rank?: number }, b: { rank?: number }) => (a.rank ?? 0) - (b.rank ?? 0),
              },
            ]
          : []),
        { title: t(first), dataIndex: 'name' },
        ...rateColumns,
      ]}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="leads-tab">
      <Space wrap>
        <Button href={leadsApi.reportUrl(region, period, 'docx')} data-testid="lead-report-docx">
          {t('下载招商月报 Word')}
        </Button>
        <Button href={leadsApi.reportUrl(region, period, 'xlsx')} data-testid="lead-report-xlsx">
          {t('下载招商月报 Excel')}
        </Button>
        <Typography.Text type="secondary">
          {t('比率按本年签约项目计算；各地区按签约金额排名，金额相同按开工率')}
        </Typography.Text>
      </Space>
      <ErrorAlert error={breakdown.error ?? list.error} />
      {r && (
        <Row gutter={[12, 12]} data-testid="lead-rates">
          <StatCard title={t('本年签约项目')} value={r.signed} />
          <StatCard title={t('签约金额（万元）')} value={num(r.contract)} />
          <StatCard
            title={t('履约率')}
            value={pct(r.registerRate)}
            note={t('已注册 {n} 个', { n: r.registered })}
          />
          <StatCard
            title={t('开工率')}
            value={pct(r.startRate)}
            note={t('已开工 {n} 个', { n: r.started })}
          />
          <StatCard
            title={t('投产率')}
            value={pct(r.productionRate)}
            note={t('已投产 {n} 个', { n: r.producing })}
          />
          <StatCard
            title={t('资金到位率')}
            value={pct(r.fundsRate)}
            note={t('到位 {n} 万元', { n: num(r.fundsArrived) })}
          />
        </Row>
      )}
      <Tabs
        size="small"
        items={[
          {
            key: 'list',
            label: t('招商项目清单'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Switch checked={thisYear} onChange={setThisYear} data-testid="lead-this-year" />
                  <Typography.Text>{t('只看本年签约')}</Typography.Text>
                  <Select
                    allowClear
                    placeholder={t('全部阶段')}
                    style={{ width: 120 }}
                    value={stage}
                    onChange={setStage}
                    options={STAGES.map((s) => ({ value: s, label: t(s) }))}
                    data-testid="lead-filter-stage"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部地区')}
                    style={{ width: 140 }}
                    value={area}
                    onChange={setArea}
                    options={choices((l) => l.region)}
                  />
                  <Select
                    allowClear
                    placeholder={t('全部产业')}
                    style={{ width: 140 }}
                    value={industry}
                    onChange={setIndustry}
                    options={choices((l) => l.industry)}
                  />
                  <Input.Search
                    allowClear
                    placeholder={t('搜索项目名称或编号')}
                    style={{ width: 220 }}
                    onSearch={setSearch}
                  />
                  <Typography.Text type="secondary">
                    {t('共 {n} 个项目', { n: shown.length })}
                  </Typography.Text>
                </Space>
                <Table<LeadListRow>
                  size="small"
                  rowKey="code"
                  dataSource={shown}
                  data-testid="lead-table"
                  pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                  scroll={{ x: true }}
                  columns={[
                    {
                      title: t('项目编号'),
                      dataIndex: 'code',
                      sorter: (a, b) => a.code.localeCompare(b.code),
                    },
                    { title: t('项目名称'), dataIndex: 'name' },
                    {
                      title: t('所属地区'),
                      dataIndex: 'region',
                      sorter: (a, b) => a.region.localeCompare(b.region),
                    },
                    { title: t('责任单位'), dataIndex: 'unit', render: (u: string | null) => u ?? '—' },
                    { title: t('产业类别'), dataIndex: 'industry', render: (u: string | null) => u ?? '—' },
                    {
                      title: t('所处阶段'),
                      dataIndex: 'stage',
                      render: (s: LeadStage) => <Tag color={STAGE_COLOR[s]}>{t(s)}</Tag>,
                      sorter: (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
                    },
                    {
                      title: t('签约金额（万元）'),
                      dataIndex: 'contract',
                      align: 'right',
                      sorter: (a, b) => a.contract - b.contract,
                      defaultSortOrder: 'descend',
                    },
                    {
                      title: t('到位资金（万元）'),
                      dataIndex: 'fundsArrived',
                      align: 'right',
                      sorter: (a, b) => a.fundsArrived - b.fundsArrived,
                    },
                    ...(
                      [
                        ['签约日期', 'signed'],
                        ['注册日期', 'registered'],
                        ['开工日期', 'started'],
                        ['投产日期', 'producing'],
                      ] as const
                    ).map(([title, key]) => ({
                      title: t(title),
                      dataIndex: key,
                      render: (d: string | null) => d ?? '—',
                      sorter: (a: LeadListRow, b: LeadListRow) => (a[key] ?? '').localeCompare(b[key] ?? ''),
                    })),
                    {
                      title: t('重点项目'),
                      dataIndex: 'projectCode',
                      render: (_: unknown, l: LeadListRow) => (
                        <LeadProjectCell
                          region={region}
                          lead={l}
                          promoter={promoter}
                          onOpenProject={props.onOpenProject}
                          onPromote={setPromoting}
                          onChanged={props.onChanged}
                        />
                      ),
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'areas',
            label: t('分地区'),
            children: b && groupTable(b.byArea, '地区', 'lead-by-area', true),
          },
          {
            key: 'industries',
            label: t('分产业'),
            children: b && groupTable(b.byIndustry, '产业类别', 'lead-by-industry'),
          },
          {
            key: 'units',
            label: t('分责任单位'),
            children: b && groupTable(b.byUnit, '责任单位', 'lead-by-unit'),
          },
        ]}
      />
      {promoting && (
        <PromoteDialog
          region={region}
          lead={promoting}
          onClose={() => setPromoting(null)}
          onDone={() => {
            setPromoting(null);
            props.onChanged();
          }}
        />
      )}
    </Space>
  );
}

/** Asks for the project's code (default: the lead's own) and promotes the lead. */
function PromoteDialog(props: {
  region: string;
  lead: LeadListRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [project, setProject] = useState(props.lead.code);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await leadsApi.promote(props.region, props.lead.code, project.trim() || undefined);
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('{name}：转为重点项目', { name: props.lead.name })}
      okText={t('确定')}
      cancelText={t('取消')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
      data-testid="promote-dialog"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('项目库中已有该编号则关联到它；否则以招商项目的名称、地区、责任单位新建，签约金额作总投资')}
        </Typography.Text>
        <Input
          addonBefore={t('重点项目编号')}
          value={project}
          onChange={(e) => setProject(e.target.value)}
          data-testid="promote-project"
        />
        <ErrorAlert error={error} />
      </Space>
    </Modal>
  );
}
