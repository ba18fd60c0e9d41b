// 系统管理: accounts and roles, custom regions and peer groups, the indicator catalogue.
import { Button, Form, Input, message, Select, Space, Table, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Indicator, type User } from '../api.ts';

const roleName: Record<string, string> = {
  admin: '管理员',
  analyst: '分析员',
  reporter: '填报员',
  leader: '领导',
};

function Users() {
  const [users, setUsers] = useState<User[]>([]);
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    void version;
    api.users().then(setUsers, (e: Error) => message.error(e.message));
  }, [version]);
  const add = async (v: { name: string; role: User['role']; region?: string; password: string }) => {
    try {
      await api.saveUser({ ...v, region: v.region || null });
      message.success(`已保存账号 ${v.name}`);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" onFinish={add}>
        <Form.Item name="name" rules={[{ required: true, message: '用户名' }]}>
          <Input placeholder="用户名" />
        </Form.Item>
        <Form.Item name="role" rules={[{ required: true, message: '角色' }]}>
          <Select
            placeholder="角色"
            style={{ width: 120 }}
            options={Object.entries(roleName).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="region">
          <Input placeholder="辖区（名称或代码，可空）" />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, min: 8, message: '密码至少 8 位' }]}>
          <Input.Password placeholder="初始密码" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          新增或重设
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={users}
        columns={[
          { title: '用户名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: string) => <Tag>{roleName[r] ?? r}</Tag> },
          { title: '辖区', dataIndex: 'regionCode', render: (r: string | null) => r ?? '全部' },
        ]}
      />
    </Space>
  );
}

function Groups() {
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
      message.success(`已设定分组 ${v.name}`);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" onFinish={save}>
        <Form.Item name="name" rules={[{ required: true, message: '分组名' }]}>
          <Input placeholder="分组名，如 一类乡镇" />
        </Form.Item>
        <Form.Item name="regions" rules={[{ required: true, message: '成员' }]}>
          <Input placeholder="成员地区，用顿号或逗号分隔" style={{ width: 360 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存分组
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={groups}
        columns={[
          { title: '分组', dataIndex: 'name' },
          { title: '说明', dataIndex: 'description' },
          { title: '成员代码', dataIndex: 'members', render: (m: string[]) => m.join('、') },
        ]}
      />
    </Space>
  );
}

function Catalogue() {
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  useEffect(() => {
    api.indicators().then(setIndicators, () => undefined);
  }, []);
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={{ pageSize: 20 }}
      dataSource={indicators}
      columns={[
        { title: '代码', dataIndex: 'code' },
        { title: '名称', dataIndex: 'name' },
        { title: '单位', dataIndex: 'unit' },
        {
          title: '频率',
          dataIndex: 'frequency',
          render: (f: string) => ({ month: '月', quarter: '季', year: '年' })[f] ?? f,
        },
        { title: '可比价', dataIndex: 'comparable', render: (c: boolean) => (c ? '是' : '') },
        { title: '报送单位', dataIndex: 'reportingUnit' },
        { title: '别名', dataIndex: 'aliases', render: (a: string[]) => a.join('、') },
      ]}
    />
  );
}

export function AdminPage({ user }: { user: User }) {
  return (
    <Tabs
      items={[
        ...(user.role === 'admin' ? [{ key: 'users', label: '用户与角色', children: <Users /> }] : []),
        { key: 'groups', label: '地区分组', children: <Groups /> },
        { key: 'catalogue', label: '指标库', children: <Catalogue /> },
      ]}
    />
  );
}
