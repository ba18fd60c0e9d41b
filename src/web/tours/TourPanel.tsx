// One tour on the desktop: the results (regions ranked, each project's judges' scores with the dropped ones
// struck through), the notice to download, and for analysts the projects visited, the judges and closing.
import { Button, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { User } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi, useLatestPeriod } from '../kit/index.ts';
import { projectsApi } from '../projectsApi.ts';
import { type TourJudge, type TourResults, toursApi } from '../toursApi.ts';

type ResultRow = TourResults['projects'][number];

function Results({ r }: { r: TourResults }) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('各地区排名')}</Typography.Title>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={r.regions}
        data-testid="tour-regions"
        columns={[
          { title: t('名次'), dataIndex: 'rank' },
          { title: t('地区'), dataIndex: 'region' },
          { title: t('项目数'), dataIndex: 'projects' },
          { title: t('平均得分'), dataIndex: 'score' },
        ]}
      />
      <Typography.Title level={5}>{t('各项目得分')}</Typography.Title>
      <Table<ResultRow>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={r.projects}
        data-testid="tour-projects"
        columns={[
          { title: t('序号'), render: (_, __, i) => i + 1 },
          { title: t('项目名称'), dataIndex: 'name' },
          { title: t('地区'), dataIndex: 'region' },
          {
            title: t('评委评分（划去的为去掉的最高分、最低分）'),
            render: (_, p) => (
              <Space wrap size={4}>
                {p.scores.map((s) => (
                  <span key={s.judge} data-testid={s.dropped ? 'dropped-score' : 'kept-score'}>
                    {s.judge} {s.dropped ? <del>{s.score}</del> : s.score}
                  </span>
                ))}
              </Space>
            ),
          },
          { title: t('评委人数'), dataIndex: 'judges' },
          { title: t('得分'), dataIndex: 'score', render: (s: number | null) => s ?? '—' },
        ]}
      />
    </Space>
  );
}

/** The judges as text, one a line: the name, then (optional) the account that enters his scores. */
const judgesText = (js: { name: string; user: string | null }[]) =>
  js.map((j) => (j.user ? `${j.name} ${j.user}` : j.name)).join('\n');
const parseJudges = (text: string): TourJudge[] =>
  text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p[0])
    .map(([name = '', user]) => ({ name, user: user ?? null }));

function Setup({ id, onSaved }: { id: number; onSaved: () => void }) {
  const t = useT();
  const detail = useApi(() => toursApi.get(id), [id]);
  const region = detail.data?.tour.regionCode;
  const [period] = useLatestPeriod(region);
  const list = useApi(() => (region && period ? projectsApi.list(region, period) : null), [region, period]);
  const [codes, setCodes] = useState<string[]>([]);
  const [judges, setJudges] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!detail.data) return;
    setCodes(detail.data.projects.map((p) => p.code));
    setJudges(judgesText(detail.data.judges));
  }, [detail.data]);
  const save = async (write: () => Promise<unknown>) => {
    setError(null);
    try {
      await write();
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <ErrorAlert error={error ?? detail.error ?? list.error} />
      <Typography.Text strong>{t('点评项目（按选择的顺序点评）')}</Typography.Text>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        value={codes}
        onChange={setCodes}
        optionFilterProp="label"
        options={(list.data ?? []).map((p) => ({
          value: p.code,
          label: t('{code} {name}（{region}）', { code: p.code, name: p.name, region: p.region }),
        }))}
        data-testid="tour-pick-projects"
      />
      <Button onClick={() => save(() => toursApi.setProjects(id, codes))} data-testid="tour-save-projects">
        {t('保存点评项目')}
      </Button>
      <Typography.Text strong>{t('评委（一行一位：姓名，可加空格和录入评分的账号）')}</Typography.Text>
      <Input.TextArea
        rows={5}
        value={judges}
        onChange={(e) => setJudges(e.target.value)}
        data-testid="tour-judges"
      />
      <Button
        onClick={() => save(() => toursApi.setJudges(id, parseJudges(judges)))}
        data-testid="tour-save-judges"
      >
        {t('保存评委')}
      </Button>
    </Space>
  );
}

export function TourPanel({ user, id, onChanged }: { user: User; id: number; onChanged: () => void }) {
  const t = useT();
  const results = useApi(() => toursApi.results(id), [id]);
  const [error, setError] = useState<string | null>(null);
  const taskForce = user.role === 'analyst' || user.role === 'admin';
  const tour = results.data?.tour;
  const reload = () => {
    results.reload();
    onChanged();
  };
  const close = () =>
    toursApi.close(id).then(reload, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const open = tour?.status !== '已结束';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error ?? results.error} />
      {tour && (
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {tour.name}
          </Typography.Title>
          <Tag color={open ? 'blue' : 'default'}>{t(tour.status)}</Tag>
          <Button type="primary" href={`#tours/${id}/score`} data-testid="tour-open-score">
            {t('打开评分页')}
          </Button>
          <Button href={toursApi.noticeUrl(id, 'docx')}>{t('下载通报 Word')}</Button>
          <Button href={toursApi.noticeUrl(id, 'xlsx')}>{t('下载通报 Excel')}</Button>
          {taskForce && open && (
            <Popconfirm title={t('结束后评分不能再改，确定结束？')} onConfirm={close}>
              <Button danger>{t('结束拉练')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <Tabs
        items={[
          { key: 'results', label: t('评分结果'), children: results.data && <Results r={results.data} /> },
          ...(taskForce && open
            ? [{ key: 'setup', label: t('项目与评委'), children: <Setup id={id} onSaved={reload} /> }]
            : []),
        ]}
      />
    </Space>
  );
}
