import { DownOutlined, KeyOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import type { UserDto } from '@netduty/contracts';
import { App, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { session } from '../../../lib/session/session';
import { useNotifyError } from '../../../lib/use-notify-error';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { RoleTag } from './role-tag';

// Its form (and antd's Form) loads when the user first asks to change the password.
const ChangePasswordModal = lazy(() => import('./change-password-modal').then((module) => ({ default: module.ChangePasswordModal })));

/** The header's "who am I": name, role (and operator for cluster staff), and the account actions. */
export function UserMenu({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [changingPassword, setChangingPassword] = useState(false);
  const operators = useOperators(user.role === 'cluster_staff');
  const operatorName = user.operatorCode
    ? (operators.data?.find((operator) => operator.code === user.operatorCode)?.name ?? user.operatorCode)
    : null;

  const logout = async () => {
    await session.logout();
    void navigate('/login', { replace: true });
  };

  const logoutEverywhere = () =>
    modal.confirm({
      title: t('userMenu.logoutEverywhereTitle'),
      content: t('userMenu.logoutEverywhereBody'),
      okText: t('userMenu.logoutEverywhere'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await session.logoutEverywhere();
          void navigate('/login', { replace: true });
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <span className="user-menu__who">
          {user.username}
          {user.email ? ` · ${user.email}` : ''}
        </span>
      ),
    },
    { key: 'password', icon: <KeyOutlined />, label: t('userMenu.changePassword'), onClick: () => setChangingPassword(true) },
    { key: 'logout', icon: <LogoutOutlined />, label: t('userMenu.logout'), onClick: () => void logout() },
    { type: 'divider' },
    { key: 'everywhere', icon: <PoweroffOutlined />, danger: true, label: t('userMenu.logoutEverywhere'), onClick: () => void logoutEverywhere() },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <button type="button" className="user-menu" data-testid="user-menu" aria-label={t('userMenu.label')}>
          <UserOutlined />
          <span className="user-menu__name" data-testid="user-display-name">
            {user.displayName || user.username}
          </span>
          <RoleTag role={user.role} className="user-menu__role" />
          {operatorName && (
            <span className="user-menu__operator" data-testid="user-operator">
              {operatorName}
            </span>
          )}
          <DownOutlined className="user-menu__caret" />
        </button>
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal user={user} open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
