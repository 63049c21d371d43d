import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { SiteSummaryDto } from '@netduty/contracts';
import { Button, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_LIST_LIMIT } from '../api/duty-admin.api';
import { useSiteList } from '../hooks/use-duty-admin';
import { SiteDrawer, type SiteEditing } from './site-drawer';

/** The site register, searched like the report form (the api answers the first 50 by rank); create and edit. */
export function SitesTab() {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const sites = useSiteList(term);
  const [editing, setEditing] = useState<SiteEditing>(null);

  const columns: ColumnsType<SiteSummaryDto> = [
    { key: 'code', title: t('dutyAdmin.sites.code'), render: (_, site) => <strong>{site.code}</strong> },
    { key: 'name', title: t('dutyAdmin.sites.name'), render: (_, site) => site.name },
    { key: 'kind', title: t('dutyAdmin.sites.kind'), render: (_, site) => t(`siteKind.${site.kind}`) },
    { key: 'operator', title: t('dutyAdmin.sites.operator'), render: (_, site) => site.operator.name },
    { key: 'commune', title: t('dutyAdmin.sites.commune'), render: (_, site) => site.commune.name },
    { key: 'priority', title: t('dutyAdmin.sites.priority'), render: (_, site) => <Tag color={site.priority === 'P0' ? 'red' : undefined}>{site.priority}</Tag> },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, site) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ site })} data-testid="site-edit">
          {t('dutyAdmin.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="sites-tab">
      <div className="admin-toolbar">
        <Input.Search
          allowClear
          className="admin-toolbar__search"
          placeholder={t('dutyAdmin.sites.search')}
          value={term}
          onChange={(event) => setTerm(event.target.value)}
          data-testid="sites-search"
        />
        <span className="admin-toolbar__spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ site: null })} data-testid="site-create">
          {t('dutyAdmin.sites.create')}
        </Button>
      </div>
      <div className="muted tab-intro">{t('dutyAdmin.sites.shown', { count: SITE_LIST_LIMIT })}</div>
      <Table<SiteSummaryDto>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={sites.data ?? []}
        loading={sites.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <SiteDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
