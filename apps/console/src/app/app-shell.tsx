import { AlertOutlined, AuditOutlined, DashboardOutlined, HistoryOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { UserMenu } from '../features/auth/components/user-menu';
import { useCurrentUser, usePermissions } from '../features/auth/hooks/use-session';
import { AREA_PATHS, hasPermission, visibleAreas, type NavKey } from '../features/auth/lib/access';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { LanguageSwitch } from '../features/settings/components/language-switch';

const NAV_ICON: Readonly<Record<NavKey, ReactNode>> = {
  board: <DashboardOutlined />,
  report: <AlertOutlined />,
  admin: <SettingOutlined />,
  audit: <AuditOutlined />,
  history: <HistoryOutlined />,
};

function activeNavKey(pathname: string): NavKey {
  if (pathname.startsWith('/report')) return 'report';
  if (pathname.startsWith('/admin')) return 'admin';
  if (pathname.startsWith('/audit')) return 'audit';
  if (pathname.startsWith('/history')) return 'history';
  return 'board';
}

export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const permissions = usePermissions();
  const areas = visibleAreas(permissions);

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand" aria-label={t('app.documentTitle')}>
          <img src="/favicon.svg" alt="" className="app-brand__logo" />
          <span className="app-brand__name">{t('app.name')}</span>
          <span className="app-brand__tagline">— {t('app.tagline')}</span>
        </Link>
        {/* Plain links, not antd's Menu: the header is in the first load. The current area is marked for
            assistive technology with aria-current. */}
        <nav className="app-nav" aria-label={t('nav.label')}>
          {areas.map((key) => {
            const active = activeNavKey(location.pathname) === key;
            return (
              <Link
                key={key}
                to={AREA_PATHS[key]}
                className={`app-nav__item${active ? ' app-nav__item--active' : ''}`}
                aria-current={active ? 'page' : undefined}
                aria-label={t(`nav.${key}`)}
                title={t(`nav.${key}`)}
                data-testid={`nav-${key}`}
              >
                {NAV_ICON[key]}
                <span className="app-nav__label">{t(`nav.${key}`)}</span>
              </Link>
            );
          })}
        </nav>
        <div className="app-header__tools">
          {hasPermission(permissions, 'incident.report') && (
            <Button
              type="primary"
              danger
              icon={<AlertOutlined />}
              onClick={() => void navigate('/report')}
              data-testid="header-report-button"
            >
              {t('header.reportButton')}
            </Button>
          )}
          {hasPermission(permissions, 'incident.read') && <ConnectionIndicator />}
          {user && <UserMenu user={user} />}
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
