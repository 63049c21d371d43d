import { LogoutOutlined } from '@ant-design/icons';
import type { UserDto } from '@netduty/contracts';
import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { session } from '../../../lib/session/session';
import { AuthLayout } from './auth-layout';
import { ChangePasswordForm } from './change-password-form';

/**
 * Shown instead of the console while the account must change its password (first login, or after an
 * administrator reset it): the api refuses everything else until then.
 */
export function ForcedPasswordChange({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  return (
    <AuthLayout title={t('changePassword.forcedTitle')} testId="forced-password-change">
      <Alert className="auth-alert" type="info" showIcon title={t('changePassword.forcedHint', { name: user.displayName || user.username })} />
      <ChangePasswordForm
        user={user}
        onDone={() => notification.success({ title: t('changePassword.done') })}
        extra={
          <Button icon={<LogoutOutlined />} onClick={() => void session.logout()} data-testid="forced-logout">
            {t('userMenu.logout')}
          </Button>
        }
      />
    </AuthLayout>
  );
}
