// The shell: sign-in gate, the menu, and the signed-in user with a sign-out button.
import { Button, ConfigProvider, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, type User } from './api.ts';
import { type Lang, useT } from './i18n.ts';
import { Login } from './pages/Login.tsx';

// Pages load on first use, so the sign-in page does not wait for the charts and grids behind it.
const AccountPage = lazy(() => import('./pages/Account.tsx').then((m) => ({ default: m.AccountPage })));
const AdminPage = lazy(() => import('./pages/Admin.tsx').then((m) => ({ default: m.AdminPage })));
const BriefingPage = lazy(() => import('./pages/Briefing.tsx').then((m) => ({ default: m.BriefingPage })));
const Cockpit = lazy(() => import('./pages/Cockpit.tsx').then((m) => ({ default: m.Cockpit })));
const DataEntry = lazy(() => import('./pages/DataEntry.tsx').then((m) => ({ default: m.DataEntry })));
const ImportPage = lazy(() => import('./pages/Import.tsx').then((m) => ({ default: m.ImportPage })));
const IndicatorHistory = lazy(() =>
  import('./pages/IndicatorHistory.tsx').then((m) => ({ default: m.IndicatorHistory })),
);
const LeaguePage = lazy(() => import('./pages/League.tsx').then((m) => ({ default: m.LeaguePage })));
const DocumentsPage = lazy(() => import('./pages/Documents.tsx').then((m) => ({ default: m.DocumentsPage })));
const TargetsPage = lazy(() => import('./pages/Targets.tsx').then((m) => ({ default: m.TargetsPage })));
const TasksPage = lazy(() => import('./pages/Tasks.tsx').then((m) => ({ default: m.TasksPage })));
const AssessPage = lazy(() => import('./pages/Assess.tsx').then((m) => ({ default: m.AssessPage })));
const ProjectsPage = lazy(() => import('./pages/Projects.tsx').then((m) => ({ default: m.ProjectsPage })));
const ToursPage = lazy(() => import('./pages/Tours.tsx').then((m) => ({ default: m.ToursPage })));
const ReviewPage = lazy(() => import('./pages/Review.tsx').then((m) => ({ default: m.ReviewPage })));

const roleName: Record<User['role'], string> = {
  admin: '管理员',
  analyst: '分析员',
  reporter: '填报员',
  leader: '领导',
};
const menu: [Page, string][] = [
  ['cockpit', '领导驾驶舱'],
  ['league', '排位'],
  ['briefing', '通报'],
  ['projects', '重点项目'],
  ['tasks', '督办'],
  ['assess', '考核'],
  ['history', '指标历史'],
  ['targets', '目标'],
  ['entry', '数据填报'],
  ['review', '审核'],
  ['import', '导入'],
  ['documents', '文件'],
  ['admin', '系统管理'],
];
type Page =
  | 'cockpit'
  | 'league'
  | 'briefing'
  | 'projects'
  | 'history'
  | 'targets'
  | 'assess'
  | 'entry'
  | 'review'
  | 'import'
  | 'documents'
  | 'tasks'
  | 'tours'
  | 'admin'
  | 'account';

/** The page the address names: a page may add its own path after its name (#tours/7/score). */
const pageOfHash = () => (location.hash.slice(1).split('/')[0] as Page) || 'cockpit';

export function App(props: { lang: Lang; onLang: (l: Lang) => void; initialUser: User | null }) {
  const { lang, onLang } = props;
  const t = useT();
  const [user, setUser] = useState<User | null>(props.initialUser);
  // On a phone (a judge scoring a tour) the header keeps only what fits: the language and signing out.
  const wide = Grid.useBreakpoint().sm !== false;
  const [page, setPage] = useState<Page>(pageOfHash);
  useEffect(() => {
    if (pageOfHash() !== page) location.hash = page;
  }, [page]);
  useEffect(() => {
    const follow = () => setPage(pageOfHash());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  // A unit's account starts on its to-do list (督办) when it answers for any task, reminders on top.
  useEffect(() => {
    if (user?.role !== 'reporter') return;
    api.supervisionTasks({}).then(
      (rows) => rows.length > 0 && setPage((p) => (p === 'cockpit' ? 'tasks' : p)),
      () => undefined,
    );
  }, [user]);
  if (user === null) return <Login onSignedIn={setUser} />;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 20px', background: '#8e1b1b' }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('调度')}
        </Typography.Title>
        {/* Thirteen pages fit a 1366 px laptop only with narrower items than Ant Design's 20 px a side. */}
        <ConfigProvider theme={{ components: { Menu: { itemPaddingInline: 11 } } }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[page === 'tours' ? 'projects' : page]}
            onClick={(e) => setPage(e.key as Page)}
            style={{ flex: 1, minWidth: 0, background: 'transparent' }}
            items={menu
              .filter(([key]) => key !== 'entry' || user.role !== 'leader')
              .filter(
                ([key]) =>
                  !['import', 'admin', 'review'].includes(key) ||
                  user.role === 'admin' ||
                  user.role === 'analyst',
              )
              .map(([key, label]) => ({ key, label: t(label) }))}
          />
        </ConfigProvider>
        <Space style={{ color: '#fff' }}>
          {wide && (
            <span data-testid="user">
              {t('{name}（{role}）', { name: user.name, role: t(roleName[user.role]) })}
            </span>
          )}
          {wide && (
            <Button size="small" type="link" style={{ color: '#fff' }} onClick={() => setPage('account')}>
              {t('修改密码')}
            </Button>
          )}
          <Button
            size="small"
            type="link"
            style={{ color: '#fff' }}
            onClick={() => onLang(lang === 'zh' ? 'en' : 'zh')}
            data-testid="lang"
            // The switch names the other language in that language: 中文 is Chinese on purpose.
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
          >
            {lang === 'zh' ? 'English' : '中文'}
          </Button>
          <Button size="small" onClick={() => api.signOut().then(() => setUser(null))}>
            {t('退出')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Spin style={{ margin: 80 }} />}>
          {page === 'cockpit' && <Cockpit user={user} />}
          {page === 'league' && <LeaguePage user={user} />}
          {page === 'briefing' && <BriefingPage user={user} />}
          {page === 'targets' && <TargetsPage user={user} />}
          {page === 'entry' && <DataEntry user={user} />}
          {page === 'import' && <ImportPage />}
          {page === 'history' && <IndicatorHistory user={user} />}
          {page === 'account' && <AccountPage />}
          {page === 'admin' && <AdminPage user={user} />}
          {page === 'documents' && <DocumentsPage user={user} />}
          {page === 'review' && <ReviewPage user={user} />}
          {page === 'tasks' && <TasksPage user={user} />}
          {page === 'assess' && <AssessPage user={user} />}
          {page === 'projects' && <ProjectsPage user={user} />}
          {page === 'tours' && <ToursPage user={user} />}
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
