import { EditOutlined, KeyOutlined, MoreOutlined, PlusOutlined, PoweroffOutlined, SearchOutlined } from '@ant-design/icons';
import type { Role, UserDto } from '@netduty/contracts';
import { ROLES } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Alert, App, Button, Dropdown, Input, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { useNotifyError } from '../../../lib/use-notify-error';
import { RoleTag } from '../../auth/components/role-tag';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { useClusters, useLogoutUserEverywhere, useResponders, useUpdateUser, useUsers } from '../hooks/use-admin';
import { ResetPasswordModal } from './reset-password-modal';
import { UserDrawer } from './user-drawer';

type Editing = { mode: 'create' } | { mode: 'edit'; user: UserDto } | null;

export function UsersTab() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const me = useCurrentUser();
  const users = useUsers();
  const operators = useOperators();
  const clusters = useClusters();
  const responders = useResponders();
  const update = useUpdateUser();
  const logoutEverywhere = useLogoutUserEverywhere();
  const [text, setText] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<UserDto | null>(null);

  const operatorName = useMemo(() => new Map((operators.data ?? []).map((operator) => [operator.code as string, operator.name])), [operators.data]);
  const clusterName = useMemo(() => new Map((clusters.data ?? []).map((cluster) => [cluster.id, cluster.name])), [clusters.data]);
  const responderName = useMemo(() => new Map((responders.data ?? []).map((responder) => [responder.id, responder.name])), [responders.data]);

  const shown = useMemo(() => {
    const needle = foldForSearch(text.trim());
    return (users.data ?? []).filter(
      (user) =>
        (roles.length === 0 || roles.includes(user.role)) &&
        (!needle || foldForSearch(`${user.username} ${user.displayName} ${user.email ?? ''} ${user.phone ?? ''}`).includes(needle)),
    );
  }, [users.data, text, roles]);

  const setActive = (user: UserDto, active: boolean) =>
    update.mutate(
      { id: user.id, change: { active } },
      {
        onSuccess: (saved) =>
          notification.success({ title: t(saved.active ? 'admin.users.enabled' : 'admin.users.disabled', { username: saved.username }) }),
        onError: notifyError,
      },
    );

  const endSessions = (user: UserDto) =>
    logoutEverywhere.mutate(user.id, {
      onSuccess: () => notification.success({ title: t('admin.users.loggedOutEverywhere', { username: user.username }) }),
      onError: notifyError,
    });

  const columns: ColumnsType<UserDto> = [
    {
      key: 'username',
      title: t('admin.users.columns.username'),
      width: 160,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (_, user) => (
        <span className="mono" data-testid="user-username">
          {user.username}
        </span>
      ),
    },
    {
      key: 'displayName',
      title: t('admin.users.columns.displayName'),
      render: (_, user) => (
        <div className="cell-stack">
          <span>{user.displayName}</span>
          {(user.phone || user.email) && <span className="cell-sub muted">{[user.phone, user.email].filter(Boolean).join(' · ')}</span>}
        </div>
      ),
    },
    {
      key: 'role',
      title: t('admin.users.columns.role'),
      width: 190,
      sorter: (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
      render: (_, user) => <RoleTag role={user.role} />,
    },
    {
      key: 'scope',
      title: t('admin.users.columns.scope'),
      width: 260,
      render: (_, user) => {
        if (user.role === 'cluster_staff' && user.operatorCode) {
          return (
            <div className="cell-stack">
              <span>{operatorName.get(user.operatorCode) ?? user.operatorCode}</span>
              <span className="cell-sub muted">{user.clusterId ? (clusterName.get(user.clusterId) ?? '…') : t('admin.users.allClusters')}</span>
            </div>
          );
        }
        if (user.role === 'responder' && user.responderId) {
          return <span>{t('admin.users.responderRecord', { name: responderName.get(user.responderId) ?? '…' })}</span>;
        }
        return <span className="muted">{t('admin.users.wholeProvince')}</span>;
      },
    },
    {
      key: 'active',
      title: t('admin.users.columns.active'),
      width: 120,
      render: (_, user) => {
        const self = user.id === me?.id;
        const toggle = (
          <Switch
            size="small"
            checked={user.active}
            disabled={self}
            loading={update.isPending && update.variables.id === user.id && update.variables.change.active !== undefined}
            onChange={user.active ? undefined : () => setActive(user, true)}
            data-testid="user-active"
          />
        );
        return (
          <Space size={6}>
            {self ? (
              <Tooltip title={t('admin.users.cannotDisableSelf')}>{toggle}</Tooltip>
            ) : user.active ? (
              <Popconfirm
                title={t('admin.users.confirmDisable', { username: user.username })}
                description={t('admin.users.disableEndsSessions')}
                okText={t('admin.users.disable')}
                okButtonProps={{ danger: true }}
                cancelText={t('actions.cancel')}
                onConfirm={() => setActive(user, false)}
              >
                {toggle}
              </Popconfirm>
            ) : (
              toggle
            )}
            {user.mustChangePassword && (
              <Tooltip title={t('admin.users.mustChangePasswordHint')}>
                <Tag color="orange">{t('admin.users.mustChangePassword')}</Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      key: 'lastLogin',
      title: t('admin.users.columns.lastLogin'),
      width: 150,
      sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
      render: (_, user) => (user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <span className="muted">{t('admin.users.neverLoggedIn')}</span>),
    },
    {
      key: 'actions',
      title: '',
      width: 96,
      align: 'right',
      render: (_, user) => (
        <Space size={4}>
          <Tooltip title={t('admin.users.edit')}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', user })} aria-label={t('admin.users.edit')} data-testid="user-edit" />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reset', icon: <KeyOutlined />, label: t('admin.users.resetPassword'), onClick: () => setResetting(user) },
                {
                  key: 'everywhere',
                  icon: <PoweroffOutlined />,
                  danger: true,
                  label: t('admin.users.logoutEverywhere'),
                  onClick: () => endSessions(user),
                },
              ],
            }}
          >
            <Button size="small" icon={<MoreOutlined />} aria-label={t('admin.users.more')} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <div className="admin-tab" data-testid="users-tab">
      <div className="admin-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          className="admin-toolbar__search"
          placeholder={t('admin.users.search')}
          aria-label={t('admin.users.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <Select<Role[]>
          mode="multiple"
          allowClear
          className="admin-toolbar__filter"
          placeholder={t('admin.users.columns.role')}
          value={roles}
          onChange={setRoles}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          maxTagCount="responsive"
        />
        <span className="admin-toolbar__spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-create">
          {t('admin.users.create')}
        </Button>
      </div>
      {users.isError && <Alert type="error" showIcon title={users.error.message} />}
      <Table<UserDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={users.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(user) => ({ role: 'row', 'data-testid': `user-row-${user.username}` })}
        scroll={{ x: 1100 }}
        data-testid="users-table"
      />
      <UserDrawer editing={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
