// 用户与角色: an administrator creates accounts, changes a role or region, resets a password, removes one, and
// (city-wide) names the 包联领导 a leader account goes by in the project register.
// The server decides what he may touch (his region scope, no role above his own); the page only offers it.
import { Button, Form, Input, Modal, message, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type User } from '../api.ts';
import { type T, translated, useT } from '../i18n.ts';

export const roleName: Record<User['role'], string> = {
  admin: '管理员',
  analyst: '分析员',
  reporter: '填报员',
  leader: '领导',
};
const roleOptions = Object.entries(roleName).map(([value, label]) => ({ value, label }));

/** What the server checks, said before the user types: the rules of src/store/passwords.ts. */
export const PASSWORD_RULES = '至少 10 位，不能全是数字，不能包含用户名，不能是常见密码';
export const passwordField = (t: T) => [
  { required: true, message: t('请输入密码') },
  { min: 10, message: t('密码至少 10 位') },
  { pattern: /\D/, message: t('密码不能全是数字') },
];

/** An account as the list gives it: with the 包联领导 name of a leader account, when one is set. */
type Account = Awaited<ReturnType<typeof api.users>>[number];
type Editing = { kind: 'edit' | 'password' | 'leader'; user: Account } | null;

const DONE: Record<NonNullable<Editing>['kind'], string> = {
  edit: '已修改账号 {name}',
  password: '已重设 {name} 的密码，其登录已全部退出',
  leader: '已设定 {name} 的包联领导姓名',
};
const TITLE: Record<NonNullable<Editing>['kind'], string> = {
  edit: '修改账号 {name}',
  password: '重设 {name} 的密码',
  leader: '{name} 的包联领导姓名',
};

function EditDialog({ editing, onClose }: { editing: Editing; onClose: (changed: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm();
  if (!editing) return null;
  const { kind, user } = editing;
  const submit = async (v: { role: User['role']; region: string; password: string; leaderName: string }) => {
    try {
      if (kind === 'edit') await api.updateUser(user.name, { role: v.role, region: v.region.trim() || null });
      else if (kind === 'leader') await api.setLeaderName(user.name, v.leaderName?.trim() || null);
      else await api.resetPassword(user.name, v.password);
      message.success(t(DONE[kind], { name: user.name }));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message, 6);
    }
  };
  return (
    <Modal
      open
      title={t(TITLE[kind], { name: user.name })}
      okText={t('保存')}
      cancelText={t('取消')}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: user.role, region: user.regionCode ?? '', leaderName: user.leaderName ?? '' }}
      >
        {kind === 'edit' ? (
          <>
            <Form.Item label={t('角色')} name="role" rules={[{ required: true, message: t('请选择角色') }]}>
              <Select options={translated(t, roleOptions)} />
            </Form.Item>
            <Form.Item label={t('辖区（名称或代码；空为不限地区）')} name="region">
              <Input />
            </Form.Item>
          </>
        ) : kind === 'leader' ? (
          <Form.Item
            label={t('包联领导姓名')}
            name="leaderName"
            extra={t('项目库“包联领导”一栏写的姓名；“我包联的项目”按它匹配。留空则按用户名匹配。')}
            rules={[{ max: 64, message: t('最多 64 个字') }]}
          >
            <Input data-testid="leader-name" />
          </Form.Item>
        ) : (
          <Form.Item label={t('新密码')} name="password" extra={t(PASSWORD_RULES)} rules={passwordField(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function Users({ me }: { me: User }) {
  const t = useT();
  const [users, setUsers] = useState<Account[]>([]);
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
      message.success(t('已新增账号 {name}', { name: v.name }));
      form.resetFields();
      load();
    } catch (e) {
      message.error((e as Error).message, 6);
    }
  };
  const remove = async (name: string) => {
    try {
      await api.deleteUser(name);
      message.success(t('已删除账号 {name}', { name }));
      load();
    } catch (e) {
      message.error((e as Error).message, 6);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={add}>
        <Form.Item name="name" rules={[{ required: true, message: t('用户名') }]}>
          <Input placeholder={t('用户名')} />
        </Form.Item>
        <Form.Item name="role" rules={[{ required: true, message: t('角色') }]}>
          <Select placeholder={t('角色')} style={{ width: 120 }} options={translated(t, roleOptions)} />
        </Form.Item>
        <Form.Item name="region">
          <Input placeholder={t('辖区（名称或代码，可空）')} />
        </Form.Item>
        <Form.Item name="password" rules={passwordField(t)}>
          <Input.Password placeholder={t('初始密码')} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('新增账号')}
        </Button>
      </Form>
      <Typography.Text type="secondary">
        {t('密码规则：{rules}。按辖区限定的管理员只能管理本辖区内的账号，任何人不能授予高于自己的角色。', {
          rules: t(PASSWORD_RULES),
        })}
      </Typography.Text>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={users}
        columns={[
          { title: t('用户名'), dataIndex: 'name' },
          {
            title: t('角色'),
            dataIndex: 'role',
            render: (r: User['role']) => <Tag>{t(roleName[r] ?? r)}</Tag>,
          },
          {
            title: t('辖区'),
            dataIndex: 'regionCode',
            render: (r: string | null) =>
              r ? t('{name}（{code}）', { name: regionNames.get(r) ?? '', code: r }) : t('全部'),
          },
          {
            title: t('包联领导'),
            key: 'leaderName',
            render: (_: unknown, u: Account) =>
              u.role !== 'leader' ? (
                '—'
              ) : u.leaderName ? (
                u.leaderName
              ) : (
                <Typography.Text type="secondary">{t('按用户名匹配')}</Typography.Text>
              ),
          },
          {
            title: t('操作'),
            key: 'actions',
            render: (_: unknown, u: Account) =>
              u.name === me.name ? (
                <Typography.Text type="secondary">{t('本人')}</Typography.Text>
              ) : (
                <Space size="small">
                  <Button size="small" onClick={() => setEditing({ kind: 'edit', user: u })}>
                    {t('修改')}
                  </Button>
                  <Button size="small" onClick={() => setEditing({ kind: 'password', user: u })}>
                    {t('重设密码')}
                  </Button>
                  {u.role === 'leader' && me.regionCode === null && (
                    <Button size="small" onClick={() => setEditing({ kind: 'leader', user: u })}>
                      {t('包联领导姓名')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('删除账号 {name}？', { name: u.name })}
                    okText={t('删除')}
                    cancelText={t('取消')}
                    onConfirm={() => remove(u.name)}
                  >
                    <Button size="small" danger>
                      {t('删除')}
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
