// 系统管理: accounts and roles, custom regions and peer groups, the indicator catalogue, the audit log.
import { Button, Form, Input, message, Select, Space, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Indicator, type User } from '../api.ts';
import { AdminSettings } from '../components/AdminSettings.tsx';
import { useT } from '../i18n.ts';
import { AuditPage } from './Audit.tsx';
import { Users } from './Users.tsx';

function Groups() {
  const t = useT();
  const [groups, setGroups] = useState<{ name: string; description: string | null; members: string[] }[]>([]);
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    void version;
    api.groups().then(setGroups, () => undefined);
  }, [version]);
  const save = async (v: { name: string; regions: string }) => {
    try {
      await api.putGroup(v.name, v.regions.split(/[,，、\s]+/).filter(Boolean));
      message.success(t('已设定分组 {name}', { name: v.name }));
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" onFinish={save}>
        <Form.Item name="name" rules={[{ required: true, message: t('分组名') }]}>
          <Input placeholder={t('分组名，如 一类乡镇')} />
        </Form.Item>
        <Form.Item name="regions" rules={[{ required: true, message: t('成员') }]}>
          <Input placeholder={t('成员地区，用顿号或逗号分隔')} style={{ width: 360 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('保存分组')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={groups}
        columns={[
          { title: t('分组'), dataIndex: 'name' },
          { title: t('说明'), dataIndex: 'description' },
          { title: t('成员代码'), dataIndex: 'members', render: (m: string[]) => m.join(t('、')) },
        ]}
      />
    </Space>
  );
}

function Catalogue({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void version;
    api.indicators().then(setIndicators, () => undefined);
  }, [version]);
  const add = async (v: {
    code: string;
    name: string;
    unit: string;
    frequency: string;
    measure: string;
    direction: string;
    aliases?: string;
  }) => {
    try {
      await api.addIndicator({
        ...v,
        // A rate (a share, a price index) never sums across regions.
        aggregation: v.measure === 'rate' ? 'none' : 'sum',
        aliases: (v.aliases ?? '').split(/[,，、\s]+/).filter(Boolean),
      });
      message.success(t('已保存指标 {name}', { name: v.name }));
      setVersion((x) => x + 1);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {/* The catalogue is shared by every region: only city-wide accounts write it (the server checks). */}
      <Form
        layout="inline"
        onFinish={add}
        initialValues={{ frequency: 'month', measure: 'flow', direction: 'up' }}
        style={canWrite ? undefined : { display: 'none' }}
      >
        <Form.Item name="code" rules={[{ required: true, message: t('代码') }]}>
          <Input placeholder={t('代码，如 mu_tax')} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, message: t('名称') }]}>
          <Input placeholder={t('名称，如 亩均税收')} />
        </Form.Item>
        <Form.Item name="unit" rules={[{ required: true, message: t('单位') }]}>
          <Input placeholder={t('单位')} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="frequency">
          <Select
            style={{ width: 80 }}
            options={[
              { value: 'month', label: t('月') },
              { value: 'quarter', label: t('季') },
              { value: 'year', label: t('年') },
            ]}
          />
        </Form.Item>
        <Form.Item name="measure">
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'flow', label: t('累计流量') },
              { value: 'stock', label: t('期末存量') },
              { value: 'rate', label: t('比率') },
            ]}
          />
        </Form.Item>
        <Form.Item name="direction">
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'up', label: t('越高越好') },
              { value: 'down', label: t('越低越好') },
            ]}
          />
        </Form.Item>
        <Form.Item name="aliases">
          <Input placeholder={t('别名，用顿号分隔')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('新增指标')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="code"
        pagination={{ pageSize: 20 }}
        dataSource={indicators}
        columns={[
          { title: t('代码'), dataIndex: 'code' },
          { title: t('名称'), dataIndex: 'name' },
          { title: t('单位'), dataIndex: 'unit' },
          {
            title: t('频率'),
            dataIndex: 'frequency',
            render: (f: string) => ({ month: '月', quarter: '季', year: '年' })[f] ?? f,
          },
          { title: t('可比价'), dataIndex: 'comparable', render: (c: boolean) => (c ? '是' : '') },
          { title: t('报送单位'), dataIndex: 'reportingUnit' },
          { title: t('别名'), dataIndex: 'aliases', render: (a: string[]) => a.join(t('、')) },
        ]}
      />
    </Space>
  );
}

function Zones() {
  const t = useT();
  const add = async (v: { code: string; name: string; parent: string; kind: 'park' | 'zone' }) => {
    try {
      const r = await api.addRegion(v);
      message.success(t('已添加 {name}（{code}）', { name: r.name, code: r.code }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Form layout="inline" onFinish={add} initialValues={{ kind: 'zone' }}>
      <Form.Item name="code" rules={[{ required: true, message: t('代码') }]}>
        <Input placeholder={t('代码，如 330114Z02')} />
      </Form.Item>
      <Form.Item name="name" rules={[{ required: true, message: t('名称') }]}>
        <Input placeholder={t('名称，如 某某产业园')} />
      </Form.Item>
      <Form.Item name="parent" rules={[{ required: true, message: t('上级地区') }]}>
        <Input placeholder={t('上级地区（名称或代码）')} />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          style={{ width: 110 }}
          options={[
            { value: 'zone', label: t('开发区') },
            { value: 'park', label: t('园区') },
          ]}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('添加园区/开发区')}
      </Button>
    </Form>
  );
}

export function AdminPage({ user }: { user: User }) {
  const t = useT();
  return (
    <Tabs
      items={[
        ...(user.role === 'admin'
          ? [{ key: 'users', label: t('用户与角色'), children: <Users me={user} /> }]
          : []),
        { key: 'groups', label: t('地区分组'), children: <Groups /> },
        ...(user.role === 'admin' ? [{ key: 'zones', label: t('园区与开发区'), children: <Zones /> }] : []),
        { key: 'catalogue', label: t('指标库'), children: <Catalogue canWrite={user.regionCode === null} /> },
        ...(user.role === 'admin' ? [{ key: 'audit', label: t('审计日志'), children: <AuditPage /> }] : []),
        // Settings are the city-wide admins' (the server refuses anyone else).
        ...(user.role === 'admin' && user.regionCode === null
          ? [{ key: 'settings', label: t('系统设置'), children: <AdminSettings /> }]
          : []),
      ]}
    />
  );
}
