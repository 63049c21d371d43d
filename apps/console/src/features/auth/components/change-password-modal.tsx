import type { UserDto } from '@netduty/contracts';
import { App, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './change-password-form';

export function ChangePasswordModal({ user, open, onClose }: { user: UserDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  return (
    <Modal open={open} title={t('changePassword.title')} footer={null} onCancel={onClose} destroyOnHidden data-testid="change-password-modal">
      <ChangePasswordForm
        user={user}
        onDone={() => {
          notification.success({ title: t('changePassword.done') });
          onClose();
        }}
        extra={<Button onClick={onClose}>{t('actions.cancel')}</Button>}
      />
    </Modal>
  );
}
