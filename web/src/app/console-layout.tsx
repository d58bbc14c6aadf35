import { BarChartOutlined, CheckSquareOutlined, FundProjectionScreenOutlined, GlobalOutlined, LogoutOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { runsPolicyWhatIf } from '../features/policy-what-if/what-if-readers';
import { readsKpis } from '../features/kpis/kpi-readers';
import { readsReports } from '../features/reports/report-readers';
import { ROLES } from '../i18n/labels';
import { useLocale } from '../i18n/locale-context';
import { useSession } from './session-context';

/** Ant Design Pro's frame: the side menu by task, the user and the language at the top right. */
export function ConsoleLayout() {
  const { t, toggle, label } = useLocale();
  const { session, signOut } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const who = `${session?.name ?? session?.userId} · ${session?.roles.map((role) => label(ROLES, role)).join('、')}`;
  return (
    <ProLayout
      title={t('appTitle')}
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname }}
      route={{
        routes: [
          { path: '/my-work', name: t('menu.myWork'), icon: <CheckSquareOutlined /> },
          { path: '/board', name: t('menu.board'), icon: <FundProjectionScreenOutlined /> },
          { path: '/leads/new', name: t('menu.registerLead'), icon: <UserAddOutlined /> },
          ...(readsReports(session?.roles ?? [])
            ? [{
                path: '/reports', name: t('menu.reports'), icon: <BarChartOutlined />,
                routes: [
                  { path: '/reports/monthly', name: t('menu.monthly') }, { path: '/reports/quarterly', name: t('menu.quarterly') },
                  ...(runsPolicyWhatIf(session?.roles ?? []) ? [{ path: '/reports/policy-what-if', name: t('menu.policyWhatIf') }] : []),
                ],
              }]
            : []),
          ...(readsKpis(session?.roles ?? []) ? [{ path: '/reports/kpis', name: t('menu.kpis'), icon: <TeamOutlined /> }] : []),
        ],
      }}
      menuItemRender={(item, dom) => <Link to={item.path ?? '/'}>{dom}</Link>}
      actionsRender={() => [
        <Button key="locale" type="text" icon={<GlobalOutlined />} onClick={toggle} lang={t('locale.switch') === 'English' ? 'en' : 'zh-CN'}>
          {t('locale.switch')}
        </Button>,
      ]}
      avatarProps={{
        title: who,
        size: 'small',
        render: (_, avatar) => (
          <Dropdown
            menu={{
              items: [{ key: 'sign-out', icon: <LogoutOutlined />, label: t('signOut') }],
              onClick: () => {
                // what the last user was shown is not the next one's to see
                queries.clear();
                signOut();
                navigate('/sign-in', { state: { from: pathname } });
              },
            }}
          >
            <Button type="text" aria-label={`${who} · ${t('signOut')}`}>{avatar}</Button>
          </Dropdown>
        ),
      }}
    >
      <Outlet />
    </ProLayout>
  );
}
