import { KeyOutlined, LogoutOutlined, PoweroffOutlined } from '@ant-design/icons';
import type { UserDto } from '@netduty/contracts';
import { App, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { lazy, Suspense, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { session } from '../../../lib/session/session';
import { useNotifyError } from '../../../lib/use-notify-error';

// Its form (and antd's Form) loads when the user first asks to change the password.
const ChangePasswordModal = lazy(() => import('./change-password-modal').then((module) => ({ default: module.ChangePasswordModal })));

/**
 * The account actions behind the header's "who am I" button (antd's Dropdown and Menu): loaded just after
 * the first frame by `user-menu.tsx`, which shows the same button meanwhile.
 */
export function UserMenuActions({ user, children }: { user: UserDto; children: ReactElement }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [changingPassword, setChangingPassword] = useState(false);

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
        {children}
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal user={user} open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
