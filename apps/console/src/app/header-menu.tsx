import { AlertOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AlertMuteToggle } from '../features/alerts/components/alert-mute-toggle';
import { UserMenu } from '../features/auth/components/user-menu';
import { useCurrentUser, usePermissions } from '../features/auth/hooks/use-session';
import { hasPermission } from '../features/auth/lib/access';
import { LanguageSwitch } from '../features/settings/components/language-switch';

/**
 * On a phone or a narrow window the header keeps the areas, the alert count and this menu's button;
 * the report button, the account, the mute switch and the language move here (antd's Drawer,
 * loaded only when a narrow header first needs it).
 */
export function HeaderMenu({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const permissions = usePermissions();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="right"
      size="min(320px, 100%)"
      title={t('header.menu')}
      closable={{ 'aria-label': t('actions.cancel') }}
      rootClassName="header-menu"
      data-testid="header-menu"
    >
      <div className="header-menu__body">
        {hasPermission(permissions, 'incident.report') && (
          <Button
            type="primary"
            danger
            block
            icon={<AlertOutlined />}
            onClick={() => {
              onClose();
              void navigate('/report');
            }}
            data-testid="header-report-button"
          >
            {t('header.reportButton')}
          </Button>
        )}
        {user && <UserMenu user={user} />}
        <AlertMuteToggle withLabel />
        <LanguageSwitch />
      </div>
    </Drawer>
  );
}
