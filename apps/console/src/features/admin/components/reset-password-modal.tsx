import type { UserDto } from '@netduty/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from '../../auth/components/new-password-fields';
import { useResetPassword } from '../hooks/use-admin';
import { useFormProblems } from '../hooks/use-form-problems';

interface ResetValues {
  newPassword: string;
  confirmPassword: string;
}

/** Sets a temporary password: the user's sessions end and they must change it at their next login. */
export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm<ResetValues>();
  const onError = useFormProblems(form, ['newPassword', 'confirmPassword'] as const);
  const reset = useResetPassword();

  const submit = (values: ResetValues) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notification.success({ title: t('admin.users.passwordReset', { username: user.username }) });
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('admin.users.resetPasswordTitle', { username: user?.username ?? '' })}
      okText={t('admin.users.resetPassword')}
      cancelText={t('actions.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert className="modal-alert" type="info" showIcon title={t('admin.users.resetPasswordHint')} />
      <Form<ResetValues> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <NewPasswordFields username={user?.username ?? ''} name="newPassword" label={t('admin.users.fields.newPassword')} testIdPrefix="reset-password" />
      </Form>
    </Modal>
  );
}
