import { DownOutlined, UserOutlined } from '@ant-design/icons';
import type { UserDto } from '@netduty/contracts';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperators } from '../../reference/hooks/use-reference-data';
import { RoleTag } from './role-tag';

// antd's Dropdown (and with it antd's Menu) is not in the first load: the button shows at once, its
// actions attach when this arrives just after.
const UserMenuActions = lazy(() => import('./user-menu-actions').then((module) => ({ default: module.UserMenuActions })));

/** The header's "who am I": name, role (and operator for cluster staff), and the account actions. */
export function UserMenu({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const operators = useOperators(user.role === 'cluster_staff');
  const operatorName = user.operatorCode
    ? (operators.data?.find((operator) => operator.code === user.operatorCode)?.name ?? user.operatorCode)
    : null;

  const trigger = (
    <button type="button" className="user-menu" data-testid="user-menu" aria-label={t('userMenu.label')}>
      <UserOutlined />
      <span className="user-menu__name" data-testid="user-display-name" title={user.displayName || user.username}>
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
  );

  return (
    <Suspense fallback={trigger}>
      <UserMenuActions user={user}>{trigger}</UserMenuActions>
    </Suspense>
  );
}
