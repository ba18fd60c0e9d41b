// 重点项目: the board of a region (the city or a district) at a period — the rates on top, a sortable table with
// lights and reasons, filters, the 三未 lists, the notice to download, and the monthly updates to review.
import { Button, Card, Checkbox, Input, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { User } from '../api.ts';
import { StatCard } from '../components/StatCard.tsx';
import { useT } from '../i18n.ts';
import {
  ErrorAlert,
  PeriodPicker,
  RegionPicker,
  useApi,
  useLatestPeriod,
  useRegionChoice,
} from '../kit/index.ts';
import { type BoardRow, type BoardSort, boardColumns, type SortOrder } from '../projects/boardColumns.tsx';
import { LeadsTab } from '../projects/LeadsTab.tsx';
import { LIGHT_COLOR, LIGHT_NAME, type Light, LightCounts, num, pct } from '../projects/lights.tsx';
import { ProjectDrawer } from '../projects/ProjectDrawer.tsx';
import { type ProblemCounts, useMyProjects, useProblemCounts } from '../projects/problemColumn.tsx';
import { UpdateList } from '../projects/UpdateList.tsx';
import { projectsApi } from '../projectsApi.ts';

/** Rows of the board per page: the server sends one page, never the whole register. */
const PAGE = 20;
const BY_LIGHT = { sort: 'light', order: 'ascend' } as const;

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
  const [tab, setTab] = useState('all');
  const [page, setPage] = useState(1);
  const [sorted, setSorted] = useState<{ sort: BoardSort; order: SortOrder }>(BY_LIGHT);
  const ready = region && period;
  // A new region or period starts at the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: region and period are what resets it.
  useEffect(() => setPage(1), [region, period]);
  const query = {
    level,
    type,
    area,
    light,
    q: search || undefined,
    overdue: withOverdue ? '1' : undefined,
    mine: onlyMine ? '1' : undefined,
    ...sorted,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  };
  const board = useApi(
    () => (ready ? projectsApi.page(region, period, query) : null),
    [region, period, round, JSON.stringify(query)],
  );
  const rates = useApi(() => (ready ? projectsApi.rates(region, period) : null), [region, period, round]);
  // The 三未 lists and their problems only when their tab is open: the first screen is the board's page.
  const showNots = tab === 'nots';
  const nots = useApi(
    () => (ready && showNots ? projectsApi.threeNots(region, period) : null),
    [region, period, round, showNots],
  );
  const notsCounts = useProblemCounts(showNots ? region : undefined, round);
  const mine = useMyProjects(region, period, user.role === 'leader');
  const pageCounts: ProblemCounts = useMemo(
    () => new Map((board.data?.rows ?? []).map((r) => [r.code, r.problems])),
    [board.data],
  );
  const choices = (key: 'level' | 'type' | 'region') =>
    (board.data?.choices[key] ?? []).map((v) => ({ value: v, label: key === 'level' ? t(v) : v }));
  /** A filter's setter that also goes back to the first page. */
  const filter =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setPage(1);
    };
  const reviewer = user.role === 'analyst' || user.role === 'admin';
  const r = rates.data;
  const onRow = (p: BoardRow) => ({ style: { cursor: 'pointer' }, onClick: () => setOpen(p.code) });
  const table = (data: BoardRow[], testId: string) => (
    <Table<BoardRow>
      size="small"
      rowKey="code"
      dataSource={data}
      data-testid={testId}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: true }}
      onRow={onRow}
      columns={boardColumns(t, notsCounts)}
    />
  );
  const boardTable = (
    <Table<BoardRow>
      size="small"
      rowKey="code"
      dataSource={board.data?.rows ?? []}
      loading={board.loading}
      data-testid="project-table"
      pagination={{
        current: page,
        pageSize: PAGE,
        total: board.data?.total ?? 0,
        hideOnSinglePage: true,
        showSizeChanger: false,
      }}
      scroll={{ x: true }}
      onRow={onRow}
      columns={boardColumns(t, pageCounts, sorted)}
      onChange={(pagination, _filters, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const next = s?.order && s.columnKey ? { sort: s.columnKey as BoardSort, order: s.order } : BY_LIGHT;
        if (next.sort !== sorted.sort || next.order !== sorted.order) {
          setSorted(next);
          setPage(1);
        } else setPage(pagination.current ?? 1);
      }}
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
      <ErrorAlert error={board.error ?? rates.error} />
      {r && (
        <Row gutter={[12, 12]} data-testid="project-rates">
          <StatCard title={t('项目数')} value={r.projects} />
          <StatCard
            title={t('累计完成投资（万元）')}
            value={num(r.done)}
            // Grouped like the value Statistic prints (41,813 / 123,809).
            suffix={`/ ${r.annualPlan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`}
          />
          <StatCard
            title={t('投资完成率')}
            value={pct(r.investmentRate)}
            valueStyle={{
              color: (r.investmentRate ?? 0) < r.timeProgress ? LIGHT_COLOR.red : LIGHT_COLOR.green,
            }}
            note={t('时序进度 {p}', { p: pct(r.timeProgress) })}
          />
          <StatCard
            title={t('开工率')}
            value={pct(r.startRate)}
            note={`${t('新开工率')} ${pct(r.newStartRate)}`}
          />
          <StatCard
            title={t('竣工率')}
            value={pct(r.finishRate)}
            note={`${t('入库率')} ${pct(r.inLibraryRate)}`}
          />
          <StatCard
            title={t('红灯 / 黄灯 / 绿灯')}
            valueRender={() => <LightCounts counts={r} testId="light-counts" />}
          />
        </Row>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
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
                    onChange={filter(setLevel)}
                    options={choices('level')}
                    data-testid="filter-level"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部类型')}
                    style={{ width: 120 }}
                    value={type}
                    onChange={filter(setType)}
                    options={choices('type')}
                    data-testid="filter-type"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部地区')}
                    style={{ width: 140 }}
                    value={area}
                    onChange={filter(setArea)}
                    options={choices('region')}
                    data-testid="filter-region"
                  />
                  <Select
                    allowClear
                    placeholder={t('全部亮灯')}
                    style={{ width: 120 }}
                    value={light}
                    onChange={filter(setLight)}
                    options={(['red', 'yellow', 'green'] as const).map((l) => ({
                      value: l,
                      label: t(LIGHT_NAME[l]),
                    }))}
                    data-testid="filter-light"
                  />
                  <Checkbox
                    checked={withOverdue}
                    onChange={(e) => filter(setWithOverdue)(e.target.checked)}
                    data-testid="filter-overdue"
                  >
                    {t('有逾期问题')}
                  </Checkbox>
                  {mine && (
                    <Checkbox
                      checked={onlyMine}
                      onChange={(e) => filter(setOnlyMine)(e.target.checked)}
                      data-testid="filter-mine"
                    >
                      {t('我包联的项目（{n}）', { n: mine.size })}
                    </Checkbox>
                  )}
                  <Input.Search
                    allowClear
                    placeholder={t('搜索项目名称或编号')}
                    style={{ width: 220 }}
                    onSearch={filter(setSearch)}
                  />
                  <Typography.Text type="secondary">
                    {t('共 {n} 个项目', { n: board.data?.total ?? 0 })}
                  </Typography.Text>
                </Space>
                {boardTable}
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
