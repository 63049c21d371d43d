import { ApartmentOutlined, BankOutlined, CalendarOutlined, ClockCircleOutlined, EnvironmentOutlined, RiseOutlined, SendOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { i18n } from '../../../i18n/i18n';
import { registerOnDutyStrings } from '../../../i18n/register-on-duty-strings';
import { usePermissions } from '../../auth/hooks/use-session';
import { PoliciesTab } from '../../escalation/components/policies-tab';
import { EventPeriodsTab } from '../../event-periods/components/event-periods-tab';
import { GatewaysTab, GatewaysTabLabel } from '../../notifications/components/gateways-tab';
import { consoleAdminTabs, type ConsoleAdminTab } from '../lib/console-admin-tabs';
import { ClustersTab } from './clusters-tab';
import { OperatorsTab } from './operators-tab';
import { RespondersTab } from './responders-tab';
import { SitesTab } from './sites-tab';
import { SlaPoliciesTab } from './sla-policies-tab';
import { UsersTab } from './users-tab';
import './duty-admin.css';

registerOnDutyStrings(i18n);

const TAB_ICON: Readonly<Record<ConsoleAdminTab, ReactNode>> = {
  users: <TeamOutlined />,
  operators: <BankOutlined />,
  clusters: <ApartmentOutlined />,
  responders: <ToolOutlined />,
  sites: <EnvironmentOutlined />,
  sla: <ClockCircleOutlined />,
  escalation: <RiseOutlined />,
  events: <CalendarOutlined />,
  gateways: <SendOutlined />,
};

function tabContent(tab: ConsoleAdminTab): ReactNode {
  switch (tab) {
    case 'users':
      return <UsersTab />;
    case 'operators':
      return <OperatorsTab />;
    case 'clusters':
      return <ClustersTab />;
    case 'responders':
      return <RespondersTab />;
    case 'sites':
      return <SitesTab />;
    case 'sla':
      return <SlaPoliciesTab />;
    case 'escalation':
      return <PoliciesTab />;
    case 'events':
      return <EventPeriodsTab />;
    case 'gateways':
      return <GatewaysTab />;
  }
}

function TabLabel({ tab }: { tab: ConsoleAdminTab }) {
  const { t } = useTranslation();
  switch (tab) {
    case 'users':
    case 'operators':
    case 'clusters':
    case 'responders':
      return <>{t(`admin.tabs.${tab}`)}</>;
    case 'sites':
    case 'sla':
    case 'escalation':
    case 'events':
      return <>{t(`dutyAdmin.tabs.${tab}`)}</>;
    case 'gateways':
      return <GatewaysTabLabel />;
  }
}

/**
 * /admin: accounts (user.manage), the inventory and the organisation (inventory.manage, organisation.manage),
 * SLA deadlines, escalation chains and event periods (sla.write). The tab is kept in ?tab=.
 */
export function AdminPage() {
  const tabs = consoleAdminTabs(usePermissions());
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active = tabs.find((tab) => tab === requested) ?? tabs[0];

  return (
    <div className="admin-page" data-testid="admin-page">
      <Card size="small" className="page-card">
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={tabs.map((tab) => ({
            key: tab,
            label: (
              <span data-testid={`admin-tab-${tab}`}>
                {TAB_ICON[tab]} <TabLabel tab={tab} />
              </span>
            ),
            children: tabContent(tab),
          }))}
        />
      </Card>
    </div>
  );
}
