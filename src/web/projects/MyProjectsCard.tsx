// The cockpit's 我包联的项目 card: for a leader who is 包联领导 of projects in the region, each of them with its
// light, investment completion against 时序进度 and the reasons for a red or yellow light; a row opens the
// project's drawer as the board does. A leader with none (and every other role) sees nothing.
import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '../api.ts';
import { useT } from '../i18n.ts';
import { useApi } from '../kit/index.ts';
import { type ProjectRow, projectsApi } from '../projectsApi.ts';
import { LIGHT_ORDER, type Light, LightTag, pct } from './lights.tsx';
import { ProjectDrawer } from './ProjectDrawer.tsx';

/** Short cells stay on one line; the reasons take what is left. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** Red first, then yellow, then green; within a light the one furthest behind time first. */
const byUrgency = (a: ProjectRow, b: ProjectRow) =>
  LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light] || (b.lag ?? 0) - (a.lag ?? 0);

export function MyProjectsCard({ user, region, period }: { user: User; region: string; period: string }) {
  const t = useT();
  const leader = user.role === 'leader';
  const mine = useApi(() => (leader ? projectsApi.mine(region, period) : null), [leader, region, period]);
  const [open, setOpen] = useState<string | null>(null);
  const rows = [...(mine.data?.projects ?? [])].sort(byUrgency);
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('我包联的项目（{n}）', { n: rows.length })} data-testid="cockpit-mine">
      <Table<ProjectRow>
        size="small"
        rowKey="code"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: true }}
        onRow={(p) => ({ style: { cursor: 'pointer' }, onClick: () => setOpen(p.code) })}
        columns={[
          { title: t('亮灯'), dataIndex: 'light', render: (l: Light) => <LightTag light={l} /> },
          {
            title: t('项目名称'),
            dataIndex: 'name',
            render: (n: string) => (
              <Typography.Link data-content style={NOWRAP}>
                {n}
              </Typography.Link>
            ),
          },
          {
            title: t('所属地区'),
            dataIndex: 'region',
            render: (r: string) => <span style={NOWRAP}>{r}</span>,
          },
          {
            title: t('投资完成率'),
            key: 'rate',
            render: (_: unknown, p: ProjectRow) => (
              <span style={NOWRAP}>
                {pct(p.rate)}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {t('时序进度 {p}', { p: pct(p.timeProgress) })}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('原因'),
            dataIndex: 'reasons',
            render: (rs: string[], p: ProjectRow) =>
              p.light === 'green' ? '—' : rs.map((r) => t(r)).join(t('；')),
          },
        ]}
      />
      {open && (
        <ProjectDrawer
          user={user}
          region={region}
          period={period}
          code={open}
          onClose={() => setOpen(null)}
          onChanged={mine.reload}
        />
      )}
    </Card>
  );
}
