// 用户与角色: an administrator creates accounts, changes a role or region, resets a password, removes one.
// The server decides what he may touch (his region scope, no role above his own); the page only offers it.
import { Button, Form, Input, Modal, message, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type User } from '../api.ts';

export const roleName: Record<User['role'], string> = {
  admin: '管理员',
  analyst: '分析员',
  reporter: '填报员',
  leader: '领导',
};
const roleOptions = Object.entries(roleName).map(([value, label]) => ({ value, label }));

/** What the server checks, said before the user types: the rules of src/store/passwords.ts. */
export const PASSWORD_RULES = '至少 10 位，不能全是数字，不能包含用户名，不能是常见密码';
export const passwordField = [
  { required: true, message: '请输入密码' },
  { min: 10, message: '密码至少 10 位' },
  { pattern: /\D/, message: '密码不能全是数字' },
];

type Editing = { kind: 'edit' | 'password'; user: User } | null;

function EditDialog({ editing, onClose }: { editing: Editing; onClose: (changed: boolean) => void }) {
  const [form] = Form.useForm();
  if (!editing) return null;
  const { kind, user } = editing;
  const submit = async (v: { role: User['role']; region: string; password: string }) => {
    try {
      if (kind === 'edit') await api.updateUser(user.name, { role: v.role, region: v.region.trim() || null });
      else await api.resetPassword(user.name, v.password);
      message.success(
        kind === 'edit' ? `已修改账号 ${user.name}` : `已重设 ${user.name} 的密码，其登录已全部退出`,
      );
      onClose(true);
    } catch (e) {
      message.error((e as Error).message, 6);
    }
  };
  return (
    <Modal
      open
      title={kind === 'edit' ? `修改账号 ${user.name}` : `重设 ${user.name} 的密码`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: user.role, region: user.regionCode ?? '' }}
      >
        {kind === 'edit' ? (
          <>
            <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
              <Select options={roleOptions} />
            </Form.Item>
            <Form.Item label="辖区（名称或代码；空为不限地区）" name="region">
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item label="新密码" name="password" extra={PASSWORD_RULES} rules={passwordField}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function Users({ me }: { me: User }) {
  const [users, setUsers] = useState<User[]>([]);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const load = () => setVersion((v) => v + 1);
  const [regionNames, setRegionNames] = useState<Map<string, string>>(new Map());
  const [form] = Form.useForm();
  useEffect(() => {
    void version;
    (async () => {
      const list = await api.users();
      setUsers(list);
      const codes = [...new Set(list.flatMap((u) => (u.regionCode ? [u.regionCode] : [])))];
      const regions = await Promise.all(codes.map((c) => api.region(c)));
      setRegionNames(new Map(regions.map((r) => [r.code, r.name])));
    })().catch((e: Error) => message.error(e.message));
  }, [version]);
  const add = async (v: { name: string; role: User['role']; region?: string; password: string }) => {
    try {
      await api.createUser({ ...v, region: v.region?.trim() || null });
      message.success(`已新增账号 ${v.name}`);
      form.resetFields();
      load();
    } catch (e) {
      message.error((e as Error).message, 6);
    }
  };
  const remove = async (name: string) => {
    try {
      await api.deleteUser(name);
      message.success(`已删除账号 ${name}`);
      load();
    } catch (e) {
      message.error((e as Error).message, 6);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={add}>
        <Form.Item name="name" rules={[{ required: true, message: '用户名' }]}>
          <Input placeholder="用户名" />
        </Form.Item>
        <Form.Item name="role" rules={[{ required: true, message: '角色' }]}>
          <Select placeholder="角色" style={{ width: 120 }} options={roleOptions} />
        </Form.Item>
        <Form.Item name="region">
          <Input placeholder="辖区（名称或代码，可空）" />
        </Form.Item>
        <Form.Item name="password" rules={passwordField}>
          <Input.Password placeholder="初始密码" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          新增账号
        </Button>
      </Form>
      <Typography.Text type="secondary">
        密码规则：{PASSWORD_RULES}。按辖区限定的管理员只能管理本辖区内的账号，任何人不能授予高于自己的角色。
      </Typography.Text>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={users}
        columns={[
          { title: '用户名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: User['role']) => <Tag>{roleName[r] ?? r}</Tag> },
          {
            title: '辖区',
            dataIndex: 'regionCode',
            render: (r: string | null) => (r ? `${regionNames.get(r) ?? ''}（${r}）` : '全部'),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, u: User) =>
              u.name === me.name ? (
                <Typography.Text type="secondary">本人</Typography.Text>
              ) : (
                <Space size="small">
                  <Button size="small" onClick={() => setEditing({ kind: 'edit', user: u })}>
                    修改
                  </Button>
                  <Button size="small" onClick={() => setEditing({ kind: 'password', user: u })}>
                    重设密码
                  </Button>
                  <Popconfirm
                    title={`删除账号 ${u.name}？`}
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => remove(u.name)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <EditDialog
        editing={editing}
        onClose={(changed) => {
          setEditing(null);
          if (changed) load();
        }}
      />
    </Space>
  );
}
