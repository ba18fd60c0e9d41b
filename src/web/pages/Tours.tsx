// 项目拉练: the tours of the user's scope, a new tour, and one tour's results and setup (#tours/ID) or its phone
// scoring page (#tours/ID/score). Reached from the 重点项目 page; the menu keeps its thirteen items.
import { Button, Card, Col, Input, Row, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { User } from '../api.ts';
import { useT } from '../i18n.ts';
import { ErrorAlert, RegionPicker, useApi, useRegionChoice } from '../kit/index.ts';
import { TourScorePage } from '../tours/ScorePage.tsx';
import { TourPanel } from '../tours/TourPanel.tsx';
import { type Tour, toursApi } from '../toursApi.ts';

/** The tour and view the hash names: #tours, #tours/7, #tours/7/score. */
function readRoute(): { id: number | null; score: boolean } {
  const m = /^#tours\/(\d+)(\/score)?$/.exec(location.hash);
  return { id: m ? Number(m[1]) : null, score: !!m?.[2] };
}

function useTourRoute(): { id: number | null; score: boolean } {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const on = () => setRoute(readRoute());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

function NewTour({ user, onMade }: { user: User; onMade: (id: number) => void }) {
  const t = useT();
  const { regions, region, setRegion } = useRegionChoice(user);
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const make = async () => {
    if (!region) return;
    setError(null);
    try {
      onMade((await toursApi.create(name.trim(), region, date.trim() || null)).id);
      setName('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('新建拉练')}>
      <Space wrap>
        <Input
          placeholder={t('拉练名称')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="tour-name"
          style={{ width: 220 }}
        />
        <Input
          placeholder={t('日期 YYYY-MM-DD')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          style={{ width: 150 }}
        />
        <RegionPicker regions={regions} value={region} onChange={setRegion} width={140} />
        <Button type="primary" onClick={make} disabled={!name.trim()} data-testid="tour-create">
          {t('新建')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
    </Card>
  );
}

export function ToursPage({ user }: { user: User }) {
  const t = useT();
  const route = useTourRoute();
  const tours = useApi(() => toursApi.list(), []);
  const taskForce = user.role === 'analyst' || user.role === 'admin';
  if (route.id !== null && route.score) return <TourScorePage user={user} id={route.id} />;
  const pick = (id: number) => {
    location.hash = `tours/${id}`;
  };
  return (
    <Row gutter={16}>
      <Col xs={24} xl={9}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Button href="#projects">{t('返回重点项目')}</Button>
          </Space>
          {taskForce && (
            <NewTour
              user={user}
              onMade={(id) => {
                tours.reload();
                pick(id);
              }}
            />
          )}
          <ErrorAlert error={tours.error} />
          <Table<Tour>
            size="small"
            rowKey="id"
            dataSource={tours.data ?? []}
            data-testid="tour-list"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(r) => ({ style: { cursor: 'pointer' }, onClick: () => pick(r.id) })}
            rowClassName={(r) => (r.id === route.id ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('拉练'), dataIndex: 'name' },
              { title: t('举办地区'), dataIndex: 'region' },
              { title: t('日期'), dataIndex: 'date', render: (d: string | null) => d ?? '—' },
              { title: t('状态'), dataIndex: 'status', render: (s: string) => <Tag>{t(s)}</Tag> },
              { title: t('项目数'), dataIndex: 'projects' },
              { title: t('评委人数'), dataIndex: 'judges' },
            ]}
          />
        </Space>
      </Col>
      <Col xs={24} xl={15}>
        {route.id !== null && <TourPanel key={route.id} user={user} id={route.id} onChanged={tours.reload} />}
      </Col>
    </Row>
  );
}
