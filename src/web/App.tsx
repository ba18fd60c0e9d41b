// The shell: sign-in gate, the menu, and the signed-in user with a sign-out button.
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type User } from './api.ts';
import { AccountPage } from './pages/Account.tsx';
import { AdminPage } from './pages/Admin.tsx';
import { Cockpit } from './pages/Cockpit.tsx';
import { DataEntry } from './pages/DataEntry.tsx';
import { ImportPage } from './pages/Import.tsx';
import { IndicatorHistory } from './pages/IndicatorHistory.tsx';
import { LeaguePage } from './pages/League.tsx';
import { Login } from './pages/Login.tsx';
import { TargetsPage } from './pages/Targets.tsx';

const roleName: Record<User['role'], string> = {
  admin: '管理员',
  analyst: '分析员',
  reporter: '填报员',
  leader: '领导',
};
type Page = 'cockpit' | 'league' | 'history' | 'targets' | 'entry' | 'import' | 'admin' | 'account';

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [page, setPage] = useState<Page>((location.hash.slice(1) as Page) || 'cockpit');
  useEffect(() => {
    api.me().then(setUser, () => setUser(null));
  }, []);
  useEffect(() => {
    location.hash = page;
  }, [page]);
  if (user === undefined) return <Spin style={{ margin: 80 }} />;
  if (user === null) return <Login onSignedIn={setUser} />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 20px', background: '#8e1b1b' }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          调度
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[page]}
          onClick={(e) => setPage(e.key as Page)}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          items={[
            { key: 'cockpit', label: '领导驾驶舱' },
            { key: 'league', label: '排位' },
            { key: 'history', label: '指标历史' },
            { key: 'targets', label: '目标' },
            ...(user.role === 'leader' ? [] : [{ key: 'entry', label: '数据填报' }]),
            ...(user.role === 'admin' || user.role === 'analyst'
              ? [
                  { key: 'import', label: '导入' },
                  { key: 'admin', label: '系统管理' },
                ]
              : []),
          ]}
        />
        <Space style={{ color: '#fff' }}>
          <span data-testid="user">
            {user.name}（{roleName[user.role]}）
          </span>
          <Button size="small" type="link" style={{ color: '#fff' }} onClick={() => setPage('account')}>
            修改密码
          </Button>
          <Button size="small" onClick={() => api.signOut().then(() => setUser(null))}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        {page === 'cockpit' && <Cockpit user={user} />}
        {page === 'league' && <LeaguePage user={user} />}
        {page === 'targets' && <TargetsPage user={user} />}
        {page === 'entry' && <DataEntry user={user} />}
        {page === 'import' && <ImportPage />}
        {page === 'history' && <IndicatorHistory user={user} />}
        {page === 'account' && <AccountPage />}
        {page === 'admin' && <AdminPage user={user} />}
      </Layout.Content>
    </Layout>
  );
}
