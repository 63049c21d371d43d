import {
  AlertOutlined,
  AuditOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FundOutlined,
  HistoryOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { AlertCounter } from '../features/alerts/components/alert-counter';
import { useAlertSnapshot } from '../features/alerts/hooks/alerts-context';
import { UserMenu } from '../features/auth/components/user-menu';
import { useCurrentUser, usePermissions } from '../features/auth/hooks/use-session';
import { AREA_PATHS, hasPermission, visibleAreas, type NavKey } from '../features/auth/lib/access';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { LanguageSwitch } from '../features/settings/components/language-switch';
import { useLayoutSize } from '../lib/use-layout-size';

// Neither is in the first load: the banner shows only once an alert is raised, the menu only on a narrow header.
const AlertBanner = lazy(() => import('../features/alerts/components/alert-banner').then((module) => ({ default: module.AlertBanner })));
// The event banner's poll starts just after the first frame; nothing of it is in the first load.
const EventBannerSlot = lazy(() =>
  import('../features/event-periods/components/event-banner-slot').then((module) => ({ default: module.EventBannerSlot })),
);
const HeaderMenu = lazy(() => import('./header-menu').then((module) => ({ default: module.HeaderMenu })));
// The notification bell (and its count) arrives just after the first frame, behind a same-sized placeholder.
const NotificationBell = lazy(() =>
  import('../features/notifications/components/notification-bell').then((module) => ({ default: module.NotificationBell })),
);
const bellSlot = (
  <Suspense fallback={<span className="header-icon-button header-icon-button--placeholder" aria-hidden="true" />}>
    <NotificationBell />
  </Suspense>
);
// The mute switch (and its two icons) arrives just after the first frame, behind a same-sized placeholder.
const AlertMuteToggle = lazy(() =>
  import('../features/alerts/components/alert-mute-toggle').then((module) => ({ default: module.AlertMuteToggle })),
);

/** Three bars, drawn inline: an icon font or antd icon would add to the first load for one glyph. */
function MenuGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1" y="2.5" width="14" height="2" rx="1" fill="currentColor" />
      <rect x="1" y="7" width="14" height="2" rx="1" fill="currentColor" />
      <rect x="1" y="11.5" width="14" height="2" rx="1" fill="currentColor" />
    </svg>
  );
}

const NAV_ICON: Readonly<Record<NavKey, ReactNode>> = {
  board: <DashboardOutlined />,
  dashboard: <FundOutlined />,
  map: <EnvironmentOutlined />,
  generators: <ThunderboltOutlined />,
  reports: <FileTextOutlined />,
  report: <AlertOutlined />,
  admin: <SettingOutlined />,
  audit: <AuditOutlined />,
  history: <HistoryOutlined />,
  rosters: <ScheduleOutlined />,
};

function activeNavKey(pathname: string): NavKey {
  if (pathname.startsWith('/dashboard')) return 'dashboard';
  if (pathname.startsWith('/map')) return 'map';
  if (pathname.startsWith('/generators')) return 'generators';
  if (pathname.startsWith('/reports')) return 'reports';
  if (pathname.startsWith('/report')) return 'report';
  if (pathname.startsWith('/admin')) return 'admin';
  if (pathname.startsWith('/audit')) return 'audit';
  if (pathname.startsWith('/history')) return 'history';
  if (pathname.startsWith('/rosters')) return 'rosters';
  return 'board';
}

export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const permissions = usePermissions();
  const areas = visibleAreas(permissions);
  const { compactHeader, navLabels } = useLayoutSize();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuWanted, setMenuWanted] = useState(false);
  const hasAlerts = useAlertSnapshot().unseen.length > 0;
  const readsIncidents = hasPermission(permissions, 'incident.read');

  return (
    <Layout className="app-shell">
      <Layout.Header className={`app-header${compactHeader ? ' app-header--compact' : ''}`} data-testid="app-header">
        <Link to="/" className="app-brand" aria-label={t('app.documentTitle')}>
          <img src="/favicon.svg" alt="" className="app-brand__logo" />
          <span className="app-brand__name">{t('app.name')}</span>
          {!compactHeader && <span className="app-brand__tagline">— {t('app.tagline')}</span>}
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
                {navLabels && <span className="app-nav__label">{t(`nav.${key}`)}</span>}
              </Link>
            );
          })}
        </nav>
        <div className="app-header__tools">
          {compactHeader ? (
            <>
              {readsIncidents && <AlertCounter />}
              {user && bellSlot}
              {readsIncidents && <ConnectionIndicator compact />}
              <button
                type="button"
                className="header-icon-button"
                aria-label={t('header.menu')}
                aria-expanded={menuOpen}
                title={t('header.menu')}
                onClick={() => {
                  setMenuWanted(true);
                  setMenuOpen(true);
                }}
                data-testid="header-menu-button"
              >
                <MenuGlyph />
              </button>
            </>
          ) : (
            <>
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
              {readsIncidents && <AlertCounter />}
              {readsIncidents && (
                <Suspense fallback={<span className="header-icon-button header-icon-button--placeholder" aria-hidden="true" />}>
                  <AlertMuteToggle />
                </Suspense>
              )}
              {readsIncidents && <ConnectionIndicator />}
              {user && bellSlot}
              {user && <UserMenu user={user} />}
              <LanguageSwitch />
            </>
          )}
        </div>
      </Layout.Header>
      {compactHeader && menuWanted && (
        <Suspense fallback={null}>
          <HeaderMenu open={menuOpen} onClose={() => setMenuOpen(false)} />
        </Suspense>
      )}
      <Layout.Content className="app-content">
        <Suspense fallback={null}>
          <EventBannerSlot />
        </Suspense>
        {hasAlerts && (
          <Suspense fallback={null}>
            <AlertBanner />
          </Suspense>
        )}
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
