import { ApartmentOutlined, BankOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePermissions } from '../../auth/hooks/use-session';
import { adminTabs, type AdminTab } from '../../auth/lib/access';
import { ClustersTab } from './clusters-tab';
import { OperatorsTab } from './operators-tab';
import { UsersTab } from './users-tab';

const TAB_ICON: Readonly<Record<AdminTab, ReactNode>> = {
  users: <TeamOutlined />,
  operators: <BankOutlined />,
  clusters: <ApartmentOutlined />,
};

function tabContent(tab: AdminTab): ReactNode {
  switch (tab) {
    case 'users':
      return <UsersTab />;
    case 'operators':
      return <OperatorsTab />;
    case 'clusters':
      return <ClustersTab />;
  }
}

/** /admin: accounts (user.manage) and the inventory and the organisation (inventory.manage, organisation.manage). The tab is kept in ?tab=. */
export function AdminPage() {
  const { t } = useTranslation();
  const tabs = adminTabs(usePermissions());
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
                {TAB_ICON[tab]} {t(`admin.tabs.${tab}`)}
              </span>
            ),
            children: tabContent(tab),
          }))}
        />
      </Card>
    </div>
  );
}
