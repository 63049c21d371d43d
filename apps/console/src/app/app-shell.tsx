import { AlertOutlined, DashboardOutlined } from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ConnectionIndicator } from '../features/connection/components/connection-indicator';
import { ActorNameSetting } from '../features/settings/components/actor-name-setting';
import { LanguageSwitch } from '../features/settings/components/language-switch';

function activeNavKey(pathname: string): string {
  return pathname.startsWith('/report') ? 'report' : 'board';
}

export function AppShell() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand" aria-label={t('app.documentTitle')}>
          <img src="/favicon.svg" alt="" className="app-brand__logo" />
          <span className="app-brand__name">{t('app.name')}</span>
          <span className="app-brand__tagline">— {t('app.tagline')}</span>
        </Link>
        <Menu
          theme="dark"
          mode="horizontal"
          className="app-nav"
          selectedKeys={[activeNavKey(location.pathname)]}
          items={[
            { key: 'board', icon: <DashboardOutlined />, label: <Link to="/">{t('nav.board')}</Link> },
            { key: 'report', icon: <AlertOutlined />, label: <Link to="/report">{t('nav.report')}</Link> },
          ]}
        />
        <div className="app-header__tools">
          <Button
            type="primary"
            danger
            icon={<AlertOutlined />}
            onClick={() => void navigate('/report')}
            data-testid="header-report-button"
          >
            {t('header.reportButton')}
          </Button>
          <ConnectionIndicator />
          <ActorNameSetting />
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
