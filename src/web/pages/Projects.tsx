// 重点项目: the board of a region (the city or a district) at a period — the rates on top, a sortable table with
// lights and reasons, filters, the 三未 lists, the notice to download, and the monthly updates to review.
import {
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../api.ts';
import { useT } from '../i18n.ts';
import {
  ErrorAlert,
  PeriodPicker,
  RegionPicker,
  useApi,
  useLatestPeriod,
  useRegionChoice,
} from '../kit/index.ts';
import { LeadsTab } from '../projects/LeadsTab.tsx';
import { LIGHT_COLOR, LIGHT_NAME, LIGHT_ORDER, type Light, LightTag, num, pct } from '../projects/lights.tsx';
import { ProjectDrawer } from '../projects/ProjectDrawer.tsx';
import { problemColumn, useMyProjects, useProblemCounts } from '../projects/problemColumn.tsx';
import { UpdateList } from '../projects/UpdateList.tsx';
import { type ProjectRow, projectsApi } from '../projectsApi.ts';

type BoardRow = Pick<
  ProjectRow,
  'code' | 'name' | 'region' | 'unit' | 'level' | 'annualPlan' | 'done' | 'rate' | 'lag' | 'light' | 'reasons'
> & { type?: string | null };

export function ProjectsPage({ user }: { user: User }) {
  const t = useT();
  const { regions, region, setRegion } = useRegionChoice(user);
  const [period, setPeriod] = useLatestPeriod(region);
  const [open, setOpen] = useState<string | null>(null);
  const [level, setLevel] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [area, setArea] = useState<string | undefined>();
  const [light, setLight] = useState<Light | undefined>();
  const [search, setSearch] = useState('');
  const [withOverdue, setWithOverdue] = useState(false);
  const [onlyMine, setOnlyMine] = useState(false);
  const [round, setRound] = useState(0);
  const ready = region && period;
  const list = useApi(() => (ready ? projectsApi.list(region, period) : null), [region, period, round]);
  const rates = useApi(() => (ready ? projectsApi.rates(region, period) : null), [region, period, round]);
  const nots = useApi(() => (ready ? projectsApi.threeNots(region, period) : null), [region, period, round]);
  const counts = useProblemCounts(region, round);
  const mine = useMyProjects(region, period, user.role === 'leader');
  const rows = list.data ?? [];
  const choices = (pick: (r: ProjectRow) => string | null) =>
    [...new Set(rows.map(pick).filter((v): v is string => !!v))].sort().map((v) => ({ value: v, label: v }));
  const shown = useMemo(
    () =>
      rows.filter(
        (r) =>
          (!level || r.level === level) &&
          (!type || r.type === type) &&
          (!area || r.region === area) &&
          (!light || r.light === light) &&
          (!withOverdue || (counts.get(r.code)?.overdue ?? 0) > 0) &&
          (!onlyMine || !!mine?.has(r.code)) &&
          (!search || r.name.includes(search) || r.code.includes(search)),
      ),
    [rows, level, type, area, light, search, withOverdue, counts, onlyMine, mine],
  );
  const reviewer = user.role === 'analyst' || user.role === 'admin';
  const r = rates.data;
  const table = (data: BoardRow[], testId: string) => (
    <Table<BoardRow>
      size="small"
      rowKey="code"
      dataSource={data}
      data-testid={testId}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: true }}
      onRow={(p) => ({ style: { cursor: 'pointer' }, onClick: () => setOpen(p.code) })}
      columns={[
        {
          title: t('亮灯'),
          dataIndex: 'light',
          render: (l: Light) => <LightTag light={l} />,
          sorter: (a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light],
          defaultSortOrder: 'ascend',
        },
        { title: t('项目编号'), dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
        {
          title: t('项目名称'),
          dataIndex: 'name',
          render: (n: string) => <Typography.Link>{n}</Typography.Link>,
        },
        { title: t('所属地区'), dataIndex: 'region', sorter: (a, b) => a.region.localeCompare(b.region) },
        { title: t('责任单位'), dataIndex: 'unit', render: (u: string | null) => u ?? '—' },
        { title: t('级别'), dataIndex: 'level', render: (v: string | null) => v ?? '—' },
        {
          title: t('年度计划投资'),
          dataIndex: 'annualPlan',
          align: 'right',
          sorter: (a, b) => a.annualPlan - b.annualPlan,
        },
        { title: t('本年累计完成'), dataIndex: 'done', align: 'right', sorter: (a, b) => a.done - b.done },
        {
          title: t('投资完成率'),
          dataIndex: 'rate',
          align: 'right',
          render: (v: number | null) => pct(v),
          sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
        },
        {
          title: t('滞后（百分点）'),
          dataIndex: 'lag',
          align: 'right',
          render: (v: number | null) => num(v),
          sorter: (a, b) => (a.lag ?? 0) - (b.lag ?? 0),
        },
        problemColumn<BoardRow>(t, counts),
        {
          title: t('原因'),
          dataIndex: 'reasons', // The reasons are the server's Chinese sentences (as in the notice), data to the English check.
          render: (rs: string[]) => <span data-content>{rs.join('；')}</span>,
        },
      ]}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <RegionPicker regions={regions} value={region} onChange={setRegion} testId="project-region" />
        <PeriodPicker value={period} onChange={setPeriod} placeholder="YYYY-MM" testId="project-period" />
        <Button
          href={ready ? projectsApi.noticeUrl(region, period, 'docx') : undefined}
          disabled={!ready}
          data-testid="notice-docx"
        >
          {t('下载通报 Word')}
        </Button>
        <Button
          href={ready ? projectsApi.noticeUrl(region, period, 'xlsx') : undefined}
          disabled={!ready}
          data-testid="notice-xlsx"
        >
          {t('下载通报 Excel')}
        </Button>
        <Button href="#tours" data-testid="open-tours">
          {t('项目拉练')}
        </Button>
      </Space>
      <ErrorAlert error={list.error ?? rates.error} />
      {r && (
        <Row gutter={[12, 12]} data-testid="project-rates">
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('项目数')} value={r.projects} />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic
                title={t('累计完成投资（万元）')}
                value={num(r.done)}
                // Grouped like the value Statistic prints (41,813 / 123,809).
                suffix={`/ ${r.annualPlan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`}
              />
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
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
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('开工率')} value={pct(r.startRate)} />
              <Typography.Text type="secondary">{`${t('新开工率')} ${pct(r.newStartRate)}`}</Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic title={t('竣工率')} value={pct(r.finishRate)} />
              <Typography.Text type="secondary">{`${t('入库率')} ${pct(r.inLibraryRate)}`}</Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={4}>
            <Card size="small">
              <Statistic
                title={t('红灯 / 黄灯 / 绿灯')}
                valueRender={() => (
                  <span data-testid="light-counts">
                    <span style={{ color: LIGHT_COLOR.red }}>{r.red}</span>
                    {' / '}
                    <span style={{ color: LIGHT_COLOR.yellow }}>{r.yellow}</span>
                    {' / '}
                    <span style={{ color: LIGHT_COLOR.green }}>{r.green}</span>
                  </span>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Tabs
        items={[
          {
            key: 'all',
            label: t('项目清单'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Select
                    allowClear
                    placeholder={t('全部级别')}
                    style={{ width: 120 }}
                    value={level}
                    onChange={setLevel}
                    options={choices((p) => p.level)}
                    data-testid="filter-level"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部类型')}
                    style={{ width: 120 }}
                    value={type}
                    onChange={setType}
                    options={choices((p) => p.type)}
                    data-testid="filter-type"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部地区')}
                    style={{ width: 140 }}
                    value={area}
                    onChange={setArea}
                    options={choices((p) => p.region)}
                    data-testid="filter-region"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部亮灯')}
                    style={{ width: 120 }}
                    value={light}
                    onChange={setLight}
                    options={(['red', 'yellow', 'green'] as const).map((l) => ({
                      value: l,
                      label: t(LIGHT_NAME[l]),
                    }))}
                    data-testid="filter-light"
                  />
                  <Checkbox
                    checked={withOverdue}
                    onChange={(e) => setWithOverdue(e.target.checked)}
                    data-testid="filter-overdue"
                  >
                    {t('有逾期问题')}
                  </Checkbox>
                  {mine && (
                    <Checkbox
                      checked={onlyMine}
                      onChange={(e) => setOnlyMine(e.target.checked)}
                      data-testid="filter-mine"
                    >
                      {t('我包联的项目（{n}）', { n: mine.size })}
                    </Checkbox>
                  )}
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
                {table(shown, 'project-table')}
              </Space>
            ),
          },
          {
            key: 'nots',
            label: t('三未项目'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {(
                  [
                    ['notStarted', '计划开工未开工'],
                    ['stalled', '已开工未推进'],
                    ['notFinished', '应竣工未竣工'],
                  ] as const
                ).map(([key, title]) => (
                  <Card
                    key={key}
                    size="small"
                    title={t('{title}（{n}）', { title: t(title), n: nots.data?.[key].length ?? 0 })}
                  >
                    {table(nots.data?.[key] ?? [], `nots-${key}`)}
                  </Card>
                ))}
              </Space>
            ),
          },
          ...(ready
            ? [
                {
                  key: 'leads',
                  label: t('招商项目'),
                  children: (
                    <LeadsTab
                      user={user}
                      region={region}
                      period={period}
                      round={round}
                      onChanged={() => setRound((n) => n + 1)}
                      onOpenProject={setOpen}
                    />
                  ),
                },
              ]
            : []),
          ...(region
            ? [
                {
                  key: 'updates',
                  label: reviewer ? t('待审核月报') : t('我的填报'),
                  children: (
                    <UpdateList
                      region={region}
                      reviewer={reviewer}
                      round={round}
                      onChanged={() => setRound((n) => n + 1)}
                      onOpen={setOpen}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {open && region && period && (
        <ProjectDrawer
          user={user}
          region={region}
          period={period}
          code={open}
          onClose={() => setOpen(null)}
          onChanged={() => setRound((n) => n + 1)}
        />
      )}
    </Space>
  );
}
